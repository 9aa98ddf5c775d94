// TEST ONLY. A stand-in for Microsoft Entra ID on loopback, built on oidc-provider: the issuer is
// shaped like Entra's v2.0 issuer (http://127.0.0.1:PORT/{tenant}/v2.0) so Microsoft.Identity.Web
// finds discovery at {Instance}{TenantId}/v2.0/.well-known/openid-configuration. Users sign in by
// typing a demo user name; POST /test/token mints API access tokens (also broken ones, for tests).
//
//   node tests/tools/oidc/server.mjs --port 0 --client-id ID --client-secret SECRET \
//     --redirect-uri http://127.0.0.1:5000/signin-oidc \
//     --post-logout-redirect-uri http://127.0.0.1:5000/signout-callback-oidc
//
// Prints one JSON line {"ready":true,"issuer":...,"instance":...,"port":...} on stdout when listening.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';
import { TENANT_ID, claimsOf, findUser, findUserBySubject } from './accounts.mjs';
import { errorPage, signInPage, signOutPage, signedOutPage } from './pages.mjs';
import { accessTokenFor, createKeys, signJwt } from './tokens.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.OIDC_PORT ?? '0' },
    'client-id': { type: 'string', default: process.env.OIDC_CLIENT_ID ?? 'c1e40000-0000-4000-8000-0000000000c1' },
    'client-secret': { type: 'string', default: process.env.OIDC_CLIENT_SECRET ?? 'stand-in-secret' },
    'redirect-uri': { type: 'string', multiple: true, default: [] },
    'post-logout-redirect-uri': { type: 'string', multiple: true, default: [] },
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

const clientId = args['client-id'];
const mountPath = `/${TENANT_ID}/v2.0`;
const keys = createKeys();

const server = createServer((req, res) => route(req, res).catch((error) => {
  console.error('stand-in: request failed', req.method, req.url, error);
  if (!res.headersSent) {
    res.writeHead(500, { 'content-type': 'text/plain' });
  }
  res.end(String(error?.message ?? error));
}));
await new Promise((resolve) => { server.listen(Number(args.port), '127.0.0.1', resolve); });
const { port } = server.address();
const instance = `http://127.0.0.1:${port}/`;
const issuer = `http://127.0.0.1:${port}${mountPath}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: args['client-secret'],
    client_name: 'KnowledgeHub portal',
    redirect_uris: args['redirect-uri'],
    post_logout_redirect_uris: args['post-logout-redirect-uri'],
    // Microsoft.Identity.Web signs in with response_type=id_token (form_post) unless the app acquires tokens,
    // then with code: the Entra registration has "ID tokens" ticked, so both are allowed here.
    response_types: ['id_token', 'code', 'code id_token'],
    grant_types: ['implicit', 'authorization_code', 'refresh_token'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: keys.providerJwks,
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  // Entra puts these in the ID token itself (no userinfo call), so conformIdTokenClaims is off.
  claims: { openid: ['sub', 'oid', 'tid', 'ver', 'roles', 'groups', 'hasgroups'], profile: ['name', 'preferred_username'] },
  conformIdTokenClaims: false,
  findAccount: (ctx, sub) => {
    const user = findUserBySubject(sub);
    return user && { accountId: sub, claims: () => claimsOf(user) };
  },
  loadExistingGrant,
  interactions: { url: (ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    // Entra ID does not offer pushed authorization requests; ASP.NET Core would use them if advertised.
    pushedAuthorizationRequests: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource: signOutPage, postLogoutSuccessSource: signedOutPage },
  },
  renderError: errorPage,
  ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600, RefreshToken: 3600 },
});
for (const event of ['server_error', 'authorization.error', 'grant.error', 'end_session.error', 'backchannel.error']) {
  provider.on(event, (ctx, error) => console.error(`stand-in: ${event}: ${error.message} ${error.error_description ?? ''}`));
}
const oidc = provider.callback();

// Entra accepts http://127.0.0.1 redirect URIs for ID tokens; oidc-provider would insist on https for a web
// client using the implicit flow. Static clients are validated on first use, so this is in time.
const { invalidate } = provider.Client.Schema.prototype;
provider.Client.Schema.prototype.invalidate = function allowLoopbackImplicit(message, code) {
  if (code !== 'implicit-force-https') {
    invalidate.call(this, message, code);
  }
};

console.log(JSON.stringify({ ready: true, issuer, instance, port, tenantId: TENANT_ID, clientId }));

if (args['exit-with-stdin']) {
  process.stdin.on('end', () => process.exit(0)).resume();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}

async function route(req, res) {
  const { pathname } = new URL(req.url, instance);
  const interaction = pathname.match(new RegExp(`^${mountPath.replace(".", "\\.")}/interaction/([^/]+)(/login)?$`));
  if (interaction) {
    return interaction[2] && req.method === 'POST' ? login(req, res) : showInteraction(req, res, interaction[1]);
  }
  if (pathname === '/test/token' && req.method === 'POST') {
    return mintToken(req, res);
  }
  if (pathname === mountPath || pathname.startsWith(`${mountPath}/`)) {
    // oidc-provider works out its mount path from originalUrl minus url (as under express' app.use).
    req.originalUrl = req.url;
    req.url = req.url.slice(mountPath.length) || '/';
    return oidc(req, res);
  }
  return send(res, 404, 'text/plain', 'not found');
}

async function showInteraction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'consent') {
    // Admin consent is given in the tenant: never ask.
    const grant = await grantFor(details.params.client_id, details.session.accountId, details.params.scope);
    return provider.interactionFinished(req, res, { consent: { grantId: grant.jti } }, { mergeWithLastSubmission: true });
  }
  const page = signInPage({ action: `${mountPath}/interaction/${uid}/login`, clientId: details.params.client_id });
  return send(res, 200, 'text/html; charset=utf-8', page);
}

async function login(req, res) {
  const details = await provider.interactionDetails(req, res);
  const userName = new URLSearchParams(await readBody(req)).get('username');
  const user = findUser(userName);
  if (!user) {
    const error = `No such user: ${userName}. 没有这个用户。`;
    const page = signInPage({ action: `${mountPath}/interaction/${details.uid}/login`, clientId: details.params.client_id, error, userName });
    return send(res, 200, 'text/html; charset=utf-8', page);
  }
  return provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
}

async function loadExistingGrant(ctx) {
  const { oidc: context } = ctx;
  const grantId = context.result?.consent?.grantId || context.session.grantIdFor(context.client.clientId);
  const existing = grantId && await provider.Grant.find(grantId);
  return existing || grantFor(context.client.clientId, context.session.accountId, context.params.scope);
}

async function grantFor(client, accountId, scope) {
  const grant = new provider.Grant({ clientId: client, accountId });
  grant.addOIDCScope(scope ?? 'openid');
  await grant.save();
  return grant;
}

// POST /test/token {"user":"bob","aud":"...","expiresIn":-600,"key":"foreign","scp":"...","claims":{...}}
async function mintToken(req, res) {
  const body = JSON.parse((await readBody(req)) || '{}');
  const user = findUser(body.user);
  if (!user) {
    return send(res, 400, 'application/json', JSON.stringify({ error: `no such user: ${body.user}` }));
  }
  const payload = accessTokenFor(user, {
    issuer, clientId, aud: body.aud, expiresIn: body.expiresIn ?? undefined, scp: body.scp ?? undefined, claims: body.claims ?? {},
  });
  const token = signJwt(payload, body.key === 'foreign' ? keys.foreign : keys.own);
  return send(res, 200, 'application/json', JSON.stringify({ access_token: token, token_type: 'Bearer', claims: payload }));
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
