/**
 * Okta: org authorization servers (issuer = the org URL, keys at /oauth2/v1/keys), whose access tokens are for
 * Okta alone, and custom authorization servers (/oauth2/default, /oauth2/aus…), whose access tokens APIs verify
 * locally. The URL rules live in ../issuers.ts (classifyIssuer), which predates the profiles; this profile
 * states them for the rules, codemods and runtime that ask by provider.
 * https://developer.okta.com/docs/concepts/auth-servers/
 * https://developer.okta.com/docs/guides/validate-access-tokens/
 */
import { classifyIssuer, jwksUriOf as oktaJwksUriOf, OKTA_HOST_SUFFIXES } from '../issuers.js';
import { OKTA_CLIENT_ID } from '../tokens.js';
import type { ProviderProfile, UrlParts } from './profile.js';

/** Known by host only; classifyIssuer also weighs names such as OKTA_DOMAIN and the org endpoint paths. */
function matchOktaUrl({ host, path }: UrlParts) {
  if (host === undefined || !OKTA_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return undefined;
  const last = path[path.length - 1];
  if (path.length === 0) return { provider: 'okta' as const };
  if (last === 'keys') return { provider: 'okta' as const, endpoint: 'keys' as const };
  if (path.includes('.well-known')) return { provider: 'okta' as const, endpoint: 'discovery' as const };
  if (path[0] === 'oauth2' && path.length === 2) return { provider: 'okta' as const };
  return { provider: 'okta' as const, endpoint: 'other' as const };
}

export const okta: ProviderProfile = {
  id: 'okta',
  name: 'Okta',
  sources: ['https://developer.okta.com/docs/concepts/auth-servers/', 'https://developer.okta.com/docs/guides/validate-access-tokens/', 'https://developer.okta.com/docs/guides/validate-id-tokens/'],
  issuers: ['https://{org}.okta.com (org authorization server)', 'https://{org}.okta.com/oauth2/{authorizationServerId} (custom authorization server)'],
  keys: ['https://{org}.okta.com/oauth2/v1/keys (org: not for access tokens)', 'https://{org}.okta.com/oauth2/{authorizationServerId}/v1/keys'],
  matchUrl: matchOktaUrl,
  jwksUriOf(issuer) {
    return classifyIssuer(issuer).kind === 'okta-custom' ? oktaJwksUriOf(issuer) : undefined;
  },
  nameHint: /okta/i,
  clientId: OKTA_CLIENT_ID,
  clientIdAudienceMeansIdToken: true,
  idTokensAreBearerCredentials: false,
  // Org authorization server tokens are Okta's alone too; oidc/no-org-as-local-verification knows them by issuer.
  foreignAudiences: [],
  tokenSpellings: [
    { kind: 'sdk-member', member: 'idToken', tokenType: 'id', example: 'authState.idToken.idToken' },
    { kind: 'sdk-member', member: 'accessToken', tokenType: 'access', example: 'authState.accessToken.accessToken' },
  ],
  accessTokenTwins: [
    { kind: 'method', method: { id: 'getIdToken', access: 'getAccessToken' }, example: 'oktaAuth.getIdToken() -> oktaAuth.getAccessToken()' },
    {
      kind: 'token-object',
      getter: { receiver: 'tokenManager', method: 'get', key: { id: 'idToken', access: 'accessToken' } },
      stateMember: { id: 'idToken', access: 'accessToken' },
      member: { id: 'idToken', access: 'accessToken' },
      type: { id: 'IDToken', access: 'AccessToken' },
      typeModules: /^@okta\/okta-(auth-js|react|angular|vue)$/,
      example: "(await tokenManager.get('idToken') as IDToken).idToken -> (await tokenManager.get('accessToken') as AccessToken).accessToken",
    },
  ],
  pinnedKeys: [],
  advice: {
    pinnedKey: "Okta rotates signing keys: resolve them from the custom authorization server's /v1/keys at run time (discovery).",
    idTokenAsBearer: "Send the access token (getAccessToken(), authState.accessToken.accessToken) and verify it with the API's audience, such as 'api://default'.",
  },
  leftAlone: [
    'Custom authorization servers (/oauth2/default, /oauth2/aus…).',
    'The org issuer given to a sign-in client (OktaAuth, openid-client discovery, next-auth) or used to verify an ID token at sign-in.',
    'Introspection and token exchange calls.',
  ],
};
