// The stand-in's directory: the portal's demo users as Entra ID accounts, plus two whose tokens hit
// the group overage in the two forms Entra uses (no `groups` claim; a pointer to Graph or `hasgroups`).
import { createHash } from 'node:crypto';

export const TENANT_ID = '7e4a0000-0000-4000-8000-0000000000aa';

const OPS = '0a5e0000-0000-4000-8000-00000000a001';
const RESEARCH = '2e5ea2c4-0000-4000-8000-00000000a002';

const users = [
  { userName: 'alice', oid: 'a11ce000-0000-4000-8000-000000000001', name: '王丽 Alice Wang', roles: ['Contributor'], groups: [OPS] },
  { userName: 'bob', oid: 'b0b00000-0000-4000-8000-000000000002', name: '陈波 Bob Chen', roles: ['Contributor', 'Reviewer'], groups: [OPS, RESEARCH] },
  { userName: 'carol', oid: 'ca201000-0000-4000-8000-000000000003', name: 'Carol Li', roles: ['Admin', 'Contributor'], groups: [] },
  { userName: 'dave', oid: 'da7e0000-0000-4000-8000-000000000004', name: '周迪 Dave Zhou', roles: ['Reader'], groups: [] },
  // In ops and research for real, but in more groups than fit in a token (more than 200 in a JWT): Entra
  // leaves `groups` out and names Microsoft Graph as the source instead (`_claim_names`, `_claim_sources`).
  { userName: 'overage', oid: '0e7a0000-0000-4000-8000-000000000005', name: '欧阳 Owen Overage', roles: ['Contributor'], overage: 'claim_names' },
  // The implicit flow's form (more than 6 groups when the ID token comes from the authorization endpoint): `hasgroups: true`.
  { userName: 'hasgroups', oid: '4a590000-0000-4000-8000-000000000006', name: '何 Harper Hasgroups', roles: ['Contributor'], overage: 'hasgroups' },
];

// Entra's `sub` is an opaque per-application value, never the oid: the portal must key on `oid`.
const subjectOf = (oid) => createHash('sha256').update(`kh-stand-in:${oid}`).digest('base64url').slice(0, 43);

const bySubject = new Map(users.map((u) => [subjectOf(u.oid), u]));

export function findUser(userName) {
  const wanted = String(userName ?? '').trim().toLowerCase();
  const user = users.find((u) => u.userName === wanted);
  return user ? { ...user, sub: subjectOf(user.oid) } : undefined;
}

export function findUserBySubject(sub) {
  const user = bySubject.get(sub);
  return user ? { ...user, sub } : undefined;
}

/** The Entra-shaped claims of a user, as they appear in ID and access tokens (v2.0). */
export function claimsOf(user) {
  const claims = {
    sub: user.sub,
    oid: user.oid,
    tid: TENANT_ID,
    ver: '2.0',
    name: user.name,
    preferred_username: `${user.userName}@knowledgehub.example`,
    roles: user.roles,
  };
  if (user.overage === 'hasgroups') {
    claims.hasgroups = true;
  } else if (user.overage) {
    claims._claim_names = { groups: 'src1' };
    claims._claim_sources = {
      src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${user.oid}/getMemberObjects` },
    };
  } else {
    claims.groups = user.groups;
  }
  return claims;
}
