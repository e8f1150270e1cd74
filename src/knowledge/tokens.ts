/**
 * Token kinds and where tokens travel: claims that tell an ID token from an access token, how client ids
 * are spelled and named, and the places of a request or response that carry a bearer token.
 */

export type TokenType = 'access' | 'id';

/** Claims that only ID tokens carry. */
export const ID_TOKEN_ONLY_CLAIMS: readonly string[] = ['nonce', 'at_hash', 'c_hash', 's_hash'];
/** Claims that access tokens carry and ID tokens do not (Okta `scp`/`cid`, RFC 9068 `scope`/`client_id`). */
export const ACCESS_TOKEN_CLAIMS: readonly string[] = ['scp', 'scope', 'cid', 'client_id'];

/** Okta client ids: `0oa` and 17 more characters, in whatever letter case configuration wrote them. */
export const OKTA_CLIENT_ID = /^0oa[0-9a-z]{17}$/i;
/** Okta custom authorization server ids: `aus` and 17 more characters. */
export const OKTA_AUTHORIZATION_SERVER_ID = /^aus[0-9A-Za-z]{17}$/;

export function isOktaClientId(value: string): boolean {
  return OKTA_CLIENT_ID.test(value);
}

export function isOktaAuthorizationServerId(value: string): boolean {
  return OKTA_AUTHORIZATION_SERVER_ID.test(value);
}

/** `clientId`, `CLIENT_ID`, `OKTA_CLIENT_ID`, `oktaClientID`, `client_id`; not `clientIdp` or `clientIds`. */
export function isClientIdName(name: string): boolean {
  return /(^|[_a-z])client_?id$/i.test(name) || /^client_?id$/i.test(name);
}

/** Names of values that hold an ID or access token (`idToken`, `id_token`, `ID_TOKEN`). */
export function tokenTypeOfName(name: string): TokenType | undefined {
  const compact = name.replace(/_/g, '').toLowerCase();
  if (compact === 'idtoken' || compact.endsWith('idtoken')) return 'id';
  if (compact === 'accesstoken' || compact.endsWith('accesstoken')) return 'access';
  return undefined;
}

/**
 * The access-token twin of a name that says "ID token", in the same spelling: `idToken` -> `accessToken`,
 * `id_token` -> `access_token`, `ID_TOKEN` -> `ACCESS_TOKEN`, `userIdToken` -> `userAccessToken`, `id-token` ->
 * `access-token`. Undefined when the name does not say it.
 */
export function accessTokenNameFor(name: string): string | undefined {
  const twin = name
    .replace(/(^|[^A-Za-z])ID([_-]?)TOKEN(?![a-z])/, '$1ACCESS$2TOKEN')
    .replace(/(^|[^A-Za-z])id([_-]?)token(?![a-z])/, '$1access$2token')
    .replace(/(^|[^A-Za-z])idToken(?![a-z])/, '$1accessToken')
    .replace(/(^|[a-z])IdToken(?![a-z])/, '$1AccessToken')
    .replace(/(^|[^A-Za-z])id([_-])Token(?![a-z])/, '$1access$2Token');
  return twin !== name && tokenTypeOfName(twin.replace(/-/g, '_')) === 'access' ? twin : undefined;
}

/** Token endpoint response members (`tokens.id_token`) and SDK token storage keys (`tokenManager.get('idToken')`). */
export const TOKEN_RESPONSE_MEMBERS: Readonly<Record<string, TokenType>> = { id_token: 'id', access_token: 'access' };
export const TOKEN_STORAGE_KEYS: Readonly<Record<string, TokenType>> = { idToken: 'id', accessToken: 'access' };
/**
 * Keys under which browsers keep tokens: `localStorage.getItem('id_token')`, a cookie named `id_token`.
 * Okta's SDK keeps one JSON document (`okta-token-storage`) whose `idToken.idToken` is the ID token.
 */
export const BROWSER_TOKEN_KEYS: Readonly<Record<string, TokenType>> = {
  id_token: 'id',
  idToken: 'id',
  idtoken: 'id',
  'id-token': 'id',
  access_token: 'access',
  accessToken: 'access',
  'access-token': 'access',
};
export const OKTA_TOKEN_STORAGE_KEYS: readonly string[] = ['okta-token-storage'];
/** Web storage objects, and what reads a cookie by name (`Cookies.get`, `cookies().get`, `getCookie`). */
export const WEB_STORAGE_NAMES: readonly string[] = ['localStorage', 'sessionStorage'];
export const COOKIE_READER = /^(get)?cookies?$|cookie(s|store|jar)$|^getcookie$/i;

/** Okta SDK auth state: `authState.idToken.idToken`, `authState.accessToken.accessToken`. */
export const AUTH_STATE_MEMBERS: Readonly<Record<string, TokenType>> = { idToken: 'id', accessToken: 'access' };

/** Parameters that carry an ID token on purpose and are not bearer credentials. */
export const ID_TOKEN_PARAMETERS_NOT_CREDENTIALS: readonly string[] = ['id_token_hint', 'subject_token', 'idTokenHint'];

/** The request header that carries bearer tokens, and its scheme. */
export const AUTHORIZATION_HEADER = 'authorization';
export const BEARER_PREFIX = /^bearer\s+/i;

/** Query parameters that carry a token in a URL. */
export const TOKEN_QUERY_PARAMETERS: readonly string[] = ['token', 'access_token', 'id_token', 'jwt'];

/** Lambda authorizer and API Gateway event members that carry the token. */
export const LAMBDA_TOKEN_MEMBERS: readonly string[] = ['authorizationToken', 'identitySource'];

/** passport-jwt extractors: those that read the bearer header, and the one that reads a query parameter. */
export const BEARER_EXTRACTORS: readonly string[] = ['fromAuthHeaderAsBearerToken', 'fromAuthHeaderWithScheme', 'fromHeader'];
export const QUERY_EXTRACTORS: readonly string[] = ['fromUrlQueryParameter', 'fromBodyField'];

/** Okta SDK methods that hand out the tokens the SDK holds. */
export const SDK_TOKEN_GETTERS: Readonly<Record<string, TokenType>> = { getIdToken: 'id', getAccessToken: 'access' };

/**
 * An Okta SDK instance shared across modules (`export const oktaAuth = new OktaAuth(...)` imported
 * elsewhere) cannot be followed by binding without type information; its name still says what it is.
 */
export function isOktaSdkInstanceName(name: string): boolean {
  return /okta/i.test(name);
}

/**
 * AWS Cognito names the kind of token in `token_use` (`access` or `id`). Its access tokens carry no `aud`;
 * they name their client in `client_id`, while its ID tokens name it in `aud`.
 */
export const TOKEN_USE_CLAIM = 'token_use';
export const TOKEN_USE_VALUES: Readonly<Record<TokenType, string>> = { access: 'access', id: 'id' };
/** Where each kind of Cognito token names the client it was issued to. */
export const TOKEN_USE_CLIENT_CLAIMS: Readonly<Record<TokenType, string>> = { access: 'client_id', id: 'aud' };
