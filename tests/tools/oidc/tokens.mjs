// Signing keys and test-only access tokens shaped like Entra ID v2.0 tokens for a web API.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { claimsOf } from './accounts.mjs';

const KEY_ID = 'kh-stand-in-1';

function newKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey;
}

/** The provider's signing key (published at jwks_uri) and a foreign key with the same kid (never published). */
export function createKeys() {
  const own = newKey();
  return {
    own,
    foreign: newKey(),
    providerJwks: { keys: [{ ...own.export({ format: 'jwk' }), kid: KEY_ID, alg: 'RS256', use: 'sig' }] },
  };
}

const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(payload, privateKey) {
  const input = `${encode({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/**
 * An access token for `user` as Entra would issue it to a client calling the portal's API.
 * aud defaults to the portal's client id; expiresIn (seconds, may be negative) to one hour.
 */
export function accessTokenFor(user, { issuer, clientId, aud, expiresIn = 3600, scp = 'access_as_user', claims = {} }) {
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = Math.min(now, now + expiresIn - 300);
  return {
    ...claimsOf(user),
    aud: aud ?? clientId,
    iss: issuer,
    iat: issuedAt,
    nbf: issuedAt,
    exp: now + expiresIn,
    azp: clientId,
    azpacr: '1',
    scp,
    uti: randomUUID().replace(/-/g, ''),
    ...claims,
  };
}
