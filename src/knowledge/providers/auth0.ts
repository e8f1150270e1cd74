/**
 * Auth0.
 * - Issuer `https://{tenant}/` (tenant domain or custom domain, with a trailing slash); keys at
 *   `https://{tenant}/.well-known/jwks.json`. https://auth0.com/docs/secure/tokens/json-web-tokens/json-web-key-sets
 * - Without an API `audience`, the access token is for `https://{tenant}/userinfo` alone (opaque, or a JWT that
 *   names userinfo as audience): it is not for an API to validate. https://auth0.com/docs/secure/tokens/access-tokens
 * - The Management API's audience is `https://{tenant}/api/v2/`: its tokens are for Auth0.
 *   https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens
 * - auth0-spa-js `getIdTokenClaims()` returns the claims with the raw ID token in `__raw`; auth0-angular
 *   exposes them as `idTokenClaims$`. https://auth0.github.io/auth0-spa-js/classes/Auth0Client.html#getIdTokenClaims
 * - The access token for an API: auth0-spa-js `getTokenSilently({ authorizationParams: { audience } })`, auth0-angular
 *   `getAccessTokenSilently(...)` (an observable). https://auth0.github.io/auth0-spa-js/classes/Auth0Client.html#getTokenSilently
 */
import { knownSegments, trimTrailingSlashes, type ProviderProfile, type UrlParts } from './profile.js';

/** `acme.auth0.com`, `acme.eu.auth0.com`, `acme.us.auth0.com`. */
const AUTH0_HOST = /(^|\.)auth0\.com$/;

/** Known by host only: a custom domain, or a host from a variable, could be anyone's. */
function matchAuth0Url({ host, path }: UrlParts) {
  if (host === undefined || !AUTH0_HOST.test(host)) return undefined;
  const tenant = { tenant: host };
  const [first, second, third] = knownSegments(path);
  if (path.length === 0) return { provider: 'auth0' as const, ...tenant };
  if (first === '.well-known') return { provider: 'auth0' as const, ...tenant, endpoint: second === 'jwks.json' ? ('keys' as const) : ('discovery' as const) };
  if (first === 'userinfo' && path.length === 1) return { provider: 'auth0' as const, ...tenant, endpoint: 'userinfo' as const };
  if (first === 'api' && second === 'v2' && third === undefined) return { provider: 'auth0' as const, ...tenant, endpoint: 'management-api' as const };
  return { provider: 'auth0' as const, ...tenant, endpoint: 'other' as const };
}

export const auth0: ProviderProfile = {
  id: 'auth0',
  name: 'Auth0',
  sources: [
    'https://auth0.com/docs/secure/tokens/json-web-tokens/json-web-key-sets',
    'https://auth0.com/docs/secure/tokens/access-tokens',
    'https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens',
    'https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens',
    'https://auth0.github.io/auth0-spa-js/classes/Auth0Client.html#getIdTokenClaims',
  ],
  issuers: ['https://{tenant}.auth0.com/', 'https://{custom domain}/'],
  keys: ['https://{tenant}.auth0.com/.well-known/jwks.json'],
  matchUrl: matchAuth0Url,
  jwksUriOf(issuer) {
    return `${trimTrailingSlashes(issuer)}/.well-known/jwks.json`;
  },
  nameHint: /auth0/i,
  clientId: /^[A-Za-z0-9]{32}$/,
  clientIdAudienceMeansIdToken: true,
  idTokensAreBearerCredentials: false,
  foreignAudiences: [
    { api: 'the Auth0 userinfo endpoint', path: ['userinfo'] },
    { api: 'the Auth0 Management API', path: ['api', 'v2'] },
  ],
  tokenSpellings: [
    { kind: 'raw-member', member: '__raw', tokenType: 'id', example: '(await auth0.getIdTokenClaims()).__raw' },
    { kind: 'raw-member', member: '__raw', tokenType: 'id', example: "this.auth.idTokenClaims$.pipe(map((claims) => claims?.__raw))" },
  ],
  accessTokenTwins: [
    {
      kind: 'claims',
      method: { id: 'getIdTokenClaims', access: 'getTokenSilently' },
      observable: { id: 'idTokenClaims$', access: 'getAccessTokenSilently' },
      rawMember: '__raw',
      audienceParameter: 'authorizationParams',
      example: "(await auth0.getIdTokenClaims()).__raw -> await auth0.getTokenSilently({ authorizationParams: { audience } })",
    },
  ],
  pinnedKeys: [{ kind: 'inline-jwks', methods: [], example: "createLocalJWKSet({ keys: [{ kty: 'RSA', n: '…', e: 'AQAB' }] })" }],
  advice: {
    pinnedKey: 'Auth0 rotates signing keys (and you may rotate them from the dashboard): resolve them from https://{tenant}/.well-known/jwks.json at run time.',
    idTokenAsBearer: "Request an access token for your API (authorizationParams: { audience: '<API identifier>' }) and send the token getAccessTokenSilently() returns.",
    foreignToken:
      "Tokens for {{api}} are Auth0's to check, and without an API audience they are opaque: register your API in Auth0, request tokens with its identifier as audience, and verify that audience.",
  },
  leftAlone: [
    'An API verifying tokens issued for its own audience (the API identifier).',
    'Calling /userinfo or the Management API with a token issued for it.',
    'Reading ID-token claims for display (user, idTokenClaims without __raw).',
    'A web app validating the ID token of its own sign-in (express-openid-connect, nextjs-auth0).',
  ],
};
