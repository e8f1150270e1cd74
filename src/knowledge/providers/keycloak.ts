/**
 * Keycloak.
 * - Issuer `{server}/realms/{realm}` (before Keycloak 17, `{server}/auth/realms/{realm}`); keys at
 *   `{issuer}/protocol/openid-connect/certs`. https://www.keycloak.org/docs/latest/securing_apps/#_oidc
 * - keycloak-connect verifies bearer tokens locally with `realm-public-key` when the adapter config (in code, or
 *   `keycloak.json`, read from the working directory by default) has one, and fetches the realm's certs
 *   otherwise. https://github.com/keycloak/keycloak-nodejs-connect/blob/main/middleware/auth-utils/config.js
 * - Token `typ` is `Bearer` for access tokens and `ID` for ID tokens; keycloak-js holds them as
 *   `keycloak.token` and `keycloak.idToken`. https://www.keycloak.org/securing-apps/javascript-adapter
 */
import { knownSegments, trimTrailingSlashes, type ProviderProfile, type UrlParts } from './profile.js';

function matchKeycloakUrl({ path }: UrlParts) {
  const segments = knownSegments(path);
  const at = segments.indexOf('realms');
  // `/admin/realms/{realm}` is the admin REST API, not an issuer.
  if (at === -1 || segments[at - 1] === 'admin') return undefined;
  const realm = segments[at + 1];
  const rest = segments.slice(at + 2);
  const tenant = realm === undefined ? {} : { tenant: realm };
  if (path.length <= at + 2) return { provider: 'keycloak' as const, ...tenant };
  if (rest[0] === '.well-known') return { provider: 'keycloak' as const, ...tenant, endpoint: 'discovery' as const };
  if (rest[0] === 'protocol' && rest[1] === 'openid-connect') {
    if (rest[2] === 'certs') return { provider: 'keycloak' as const, ...tenant, endpoint: 'keys' as const };
    if (rest[2] === 'userinfo') return { provider: 'keycloak' as const, ...tenant, endpoint: 'userinfo' as const };
  }
  return { provider: 'keycloak' as const, ...tenant, endpoint: 'other' as const };
}

export const keycloak: ProviderProfile = {
  id: 'keycloak',
  name: 'Keycloak',
  sources: [
    'https://www.keycloak.org/docs/latest/securing_apps/#_oidc',
    'https://www.keycloak.org/securing-apps/javascript-adapter',
    'https://github.com/keycloak/keycloak-nodejs-connect/blob/main/middleware/auth-utils/config.js',
  ],
  issuers: ['https://{host}/realms/{realm}', 'https://{host}/auth/realms/{realm}'],
  keys: ['https://{host}/realms/{realm}/protocol/openid-connect/certs'],
  matchUrl: matchKeycloakUrl,
  jwksUriOf(issuer) {
    return `${trimTrailingSlashes(issuer)}/protocol/openid-connect/certs`;
  },
  nameHint: /keycloak|(^|[^a-z])realm/i,
  clientIdAudienceMeansIdToken: true,
  idTokensAreBearerCredentials: false,
  foreignAudiences: [],
  tokenSpellings: [
    { kind: 'sdk-member', member: 'idToken', tokenType: 'id', example: 'keycloak.idToken' },
    { kind: 'sdk-member', member: 'token', tokenType: 'access', example: 'keycloak.token' },
    { kind: 'claim-value', claim: 'typ', value: 'ID', tokenType: 'id', example: "if (payload.typ !== 'ID') throw new Error('not an ID token')" },
    { kind: 'claim-value', claim: 'typ', value: 'Bearer', tokenType: 'access', example: "if (payload.typ !== 'Bearer') throw new Error('not an access token')" },
  ],
  accessTokenTwins: [{ kind: 'instance-member', module: 'keycloak-js', instanceName: /keycloak/i, member: { id: 'idToken', access: 'token' }, example: 'keycloak.idToken -> keycloak.token' }],
  pinnedKeys: [
    {
      kind: 'adapter-option',
      module: 'keycloak-connect',
      options: ['realm-public-key', 'realmPublicKey'],
      configFile: 'keycloak.json',
      example: "new Keycloak({ store }, { realm: 'acme', 'auth-server-url': url, 'realm-public-key': 'MIIBIjANBgkq…' })",
    },
  ],
  advice: {
    pinnedKey: "Keycloak rotates realm keys: leave realm-public-key out (keycloak-connect then fetches the realm's certs) or resolve keys from {issuer}/protocol/openid-connect/certs at run time.",
    idTokenAsBearer: "Send keycloak.token (the access token) and accept tokens whose typ is 'Bearer', with your API as audience.",
  },
  leftAlone: [
    'keycloak-connect without realm-public-key, or any verifier fetching {issuer}/protocol/openid-connect/certs at run time.',
    "A check that refuses ID tokens (typ === 'ID' rejected, typ !== 'Bearer' rejected).",
    'keycloak.idTokenParsed read for display.',
  ],
};
