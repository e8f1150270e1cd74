/**
 * Amazon Cognito user pools.
 * - Issuer `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`; keys at `{issuer}/.well-known/jwks.json`.
 * - `token_use` says which kind a token is (`access` or `id`); access tokens carry no `aud` but name their client
 *   in `client_id`. APIs accept access tokens: aws-jwt-verify `CognitoJwtVerifier.create({ tokenUse: 'access' })`.
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 *   https://github.com/awslabs/aws-jwt-verify#readme
 * - `verifier.cacheJwks(jwks)` loads a key set given in code instead of fetching it (for tests and air-gapped
 *   setups): with a pasted key set the verifier never sees a rotation. https://github.com/awslabs/aws-jwt-verify#loading-the-jwks-from-file
 * - Amplify: `(await fetchAuthSession()).tokens` has `idToken` and `accessToken`;
 *   amazon-cognito-identity-js: `session.getIdToken().getJwtToken()` / `session.getAccessToken().getJwtToken()`.
 *   https://docs.amplify.aws/javascript/build-a-backend/auth/connect-your-frontend/manage-user-sessions/
 */
import { knownSegments, trimTrailingSlashes, type ProviderProfile, type UrlParts } from './profile.js';

const COGNITO_HOST = /^cognito-idp(-fips)?\.[a-z0-9-]+\.amazonaws\.com$/;

function matchCognitoUrl({ host, path }: UrlParts) {
  if (host === undefined || !COGNITO_HOST.test(host)) return undefined;
  const [pool, second, third] = knownSegments(path);
  const tenant = pool === undefined ? {} : { tenant: pool };
  if (path.length <= 1) return { provider: 'cognito' as const, ...tenant };
  if (second === '.well-known') return { provider: 'cognito' as const, ...tenant, endpoint: third === 'jwks.json' ? ('keys' as const) : ('discovery' as const) };
  return { provider: 'cognito' as const, ...tenant, endpoint: 'other' as const };
}

export const cognito: ProviderProfile = {
  id: 'cognito',
  name: 'Amazon Cognito',
  sources: [
    'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html',
    'https://github.com/awslabs/aws-jwt-verify#readme',
    'https://docs.amplify.aws/javascript/build-a-backend/auth/connect-your-frontend/manage-user-sessions/',
  ],
  issuers: ['https://cognito-idp.{region}.amazonaws.com/{userPoolId}'],
  keys: ['https://cognito-idp.{region}.amazonaws.com/{userPoolId}/.well-known/jwks.json'],
  matchUrl: matchCognitoUrl,
  jwksUriOf(issuer) {
    return `${trimTrailingSlashes(issuer)}/.well-known/jwks.json`;
  },
  nameHint: /cognito|user_?pool/i,
  clientId: /^[a-z0-9]{26}$/,
  clientIdAudienceMeansIdToken: true,
  idTokensAreBearerCredentials: false,
  foreignAudiences: [],
  tokenSpellings: [
    { kind: 'verifier-option', module: 'aws-jwt-verify', option: 'tokenUse', value: 'id', tokenType: 'id', example: "CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId })" },
    { kind: 'verifier-option', module: 'aws-jwt-verify', option: 'tokenUse', value: 'access', tokenType: 'access', example: "CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId })" },
    { kind: 'getter-then-string', getter: 'getIdToken', toString: 'getJwtToken', tokenType: 'id', example: 'session.getIdToken().getJwtToken()' },
    { kind: 'getter-then-string', getter: 'getAccessToken', toString: 'getJwtToken', tokenType: 'access', example: 'session.getAccessToken().getJwtToken()' },
    { kind: 'sdk-member', member: 'idToken', tokenType: 'id', example: '(await fetchAuthSession()).tokens?.idToken?.toString()' },
    { kind: 'sdk-member', member: 'accessToken', tokenType: 'access', example: '(await fetchAuthSession()).tokens?.accessToken?.toString()' },
  ],
  accessTokenTwins: [
    { kind: 'method', method: { id: 'getIdToken', access: 'getAccessToken' }, example: 'session.getIdToken().getJwtToken() -> session.getAccessToken().getJwtToken()' },
    {
      kind: 'session-tokens',
      getter: 'fetchAuthSession',
      modules: /^aws-amplify(\/auth)?$/,
      holderMember: 'tokens',
      member: { id: 'idToken', access: 'accessToken' },
      example: 'tokens?.idToken?.toString() -> tokens?.accessToken?.toString()',
    },
  ],
  pinnedKeys: [{ kind: 'inline-jwks', methods: ['cacheJwks'], example: 'verifier.cacheJwks({ keys: [{ kty: "RSA", kid, n, e }] })' }],
  advice: {
    pinnedKey: "Cognito rotates user pool signing keys: let the verifier fetch {issuer}/.well-known/jwks.json (aws-jwt-verify does, without cacheJwks).",
    idTokenAsBearer: "Send the access token (session.tokens.accessToken, getAccessToken().getJwtToken()) and verify it with tokenUse: 'access' and your app client id.",
  },
  leftAlone: [
    "CognitoJwtVerifier.create({ tokenUse: 'access' }) on an API.",
    'A web app validating the ID token of its own sign-in (tokens from the token endpoint).',
    'Reading ID-token claims (payload.email) for display.',
  ],
};
