/**
 * What makes a JWT an acceptable access token, apart from its signature: the options that say so (issuer,
 * audience, client ids, token use, algorithms, clock tolerance), the header checks made before any key is
 * looked up, and the claim checks. Shared by the verifier and by the key sources of the framework adapters.
 */
import { decodeProtectedHeader, errors as joseErrors, type ProtectedHeaderParameters } from 'jose';
import { ConfigurationError, TokenValidationError } from './errors.js';
import { quote } from './http.js';
import { checkIssuerUrl, refuseOrgIssuer } from './issuer.js';
import { checkStringList, MAX_TOKEN_LENGTH } from './options.js';
import { ACCESS_TOKEN_CLAIMS, ID_TOKEN_ONLY_CLAIMS, TOKEN_USE_CLAIM, TOKEN_USE_CLIENT_CLAIMS, TOKEN_USE_VALUES } from '../knowledge/tokens.js';
import {
  audienceClientIdMeansIdToken,
  audienceFailure,
  checkIssuerClaim,
  checkProviderHeader,
  clientClaimOf,
  readProviderPolicy,
  rejectProviderNonAccessToken,
  type ProviderOptions,
  type ProviderPolicy,
} from './provider-policy.js';

/** Asymmetric JWS algorithms only: `none` proves nothing, and an HMAC "verified" with a public key proves nothing either. */
export const ACCESS_TOKEN_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

export type AccessTokenAlgorithm = (typeof ACCESS_TOKEN_ALGORITHMS)[number];
/** Header `typ` values of access tokens (RFC 9068) and of plain JWTs; any other names another kind of token. */
const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt', 'application/jwt']);

const decoder = new TextDecoder();
/** The options of {@link AccessTokenPolicy}, as both the verifier and the key sources take them. */
export interface AccessTokenPolicyOptions extends ProviderOptions {
  /**
   * The issuer, exactly as the discovery document spells it, e.g. `https://acme.okta.com/oauth2/default`. For a
   * multi-tenant Entra ID API, the template `https://login.microsoftonline.com/{tenantid}/v2.0`.
   */
  readonly issuer: string;
  /**
   * The audience of this API (`api://default`); a token must name at least one of these in `aud`. Required,
   * except with `tokenUse: 'access'` (AWS Cognito access tokens carry no `aud`), where `clientId` is then required.
   */
  readonly audience?: string | readonly string[];
  /** When given, `cid` (or RFC 9068 `client_id`) must be one of these; with `tokenUse`, `client_id` must. */
  readonly clientId?: string | readonly string[];
  /**
   * `'access'`: the issuer marks its tokens with `token_use` (AWS Cognito), and only `token_use: 'access'` is
   * accepted. `aud` is then checked only when `audience` is given. (A token with `token_use: 'id'` is refused
   * whatever this option says.)
   */
  readonly tokenUse?: 'access';
  /** Accepted `alg` values. Default `['RS256']`. */
  readonly algorithms?: readonly AccessTokenAlgorithm[];
  /** Seconds of clock skew allowed for `exp`, `nbf` and `iat`. Default 5, at most 300. */
  readonly clockTolerance?: number;
  /** Allow plain http for loopback hosts (127.0.0.0/8, ::1, localhost), for tests. Default false. */
  readonly allowHttpForLoopback?: boolean;
}

/** The checked options; {@link readAccessTokenPolicy} throws ConfigurationError for bad ones. */
export interface AccessTokenPolicy {
  readonly issuer: string;
  readonly audiences: readonly string[] | undefined;
  readonly clientIds: readonly string[] | undefined;
  readonly tokenUse: 'access' | undefined;
  readonly algorithms: readonly string[];
  readonly clockTolerance: number;
  readonly allowHttpForLoopback: boolean;
  readonly provider: ProviderPolicy;
}

export function readAccessTokenPolicy(options: AccessTokenPolicyOptions): AccessTokenPolicy {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('invalid_option', 'options are required');
  const allowHttpForLoopback = options.allowHttpForLoopback === true;
  const { issuer } = options;
  checkIssuerUrl(issuer, allowHttpForLoopback);
  refuseOrgIssuer(issuer);

  const tokenUse = checkTokenUse(options.tokenUse);
  const clientIds = options.clientId === undefined ? undefined : checkStringList(options.clientId, 'clientId', true);
  if (options.audience === undefined && (tokenUse === undefined || clientIds === undefined)) {
    throw new ConfigurationError(
      'invalid_option',
      tokenUse === undefined
        ? 'audience is required: the audience of this API, e.g. api://default (for AWS Cognito access tokens, which carry no aud, set tokenUse: \'access\' and clientId instead)'
        : 'tokenUse: \'access\' without audience needs clientId: Cognito access tokens carry no aud, so client_id is what ties them to your app client',
    );
  }
  const audiences = options.audience === undefined ? undefined : checkStringList(options.audience, 'audience', true);
  const provider = readProviderPolicy(options, issuer, audiences);
  if (audiences && audienceClientIdMeansIdToken(provider) && clientIds?.some((clientId) => audiences.includes(clientId))) {
    // Tokens whose audience is the client are ID tokens; an API configured that way accepts only those.
    throw new ConfigurationError(
      'invalid_option',
      'audience equals the client id: that is the audience of ID tokens, not of access tokens. Set audience to the API\'s audience (e.g. api://default).',
    );
  }
  const algorithms = checkAlgorithms(options.algorithms);
  const clockTolerance = options.clockTolerance ?? 5;
  if (typeof clockTolerance !== 'number' || !Number.isFinite(clockTolerance) || clockTolerance < 0 || clockTolerance > 300) {
    throw new ConfigurationError('invalid_option', 'clockTolerance must be a number of seconds from 0 to 300');
  }
  return { issuer, audiences, clientIds, tokenUse, algorithms, clockTolerance, allowHttpForLoopback, provider };
}

/** Every claim check, in the order the docs list them; `claims` are those of a token whose signature verified (or will be verified over these same bytes). */
export function checkAccessTokenClaims(claims: Record<string, unknown>, policy: AccessTokenPolicy, now = Math.floor(Date.now() / 1000)): void {
  const { issuer, audiences, clientIds, tokenUse, clockTolerance, provider } = policy;
  checkIssuerClaim(claims, issuer, provider);
  // Cognito access tokens have no aud; without a configured audience, an absent aud is not a failure.
  const aud = audiences === undefined && claims.aud === undefined ? [] : readAudience(claims, policy);
  rejectIdToken(claims, aud, audienceClientIdMeansIdToken(provider) ? clientIds : undefined);
  rejectProviderNonAccessToken(claims, provider);
  if (tokenUse !== undefined) checkTokenUseClaim(claims, tokenUse);
  if (audiences && !aud.some((value) => audiences.includes(value))) throw audienceFailure(aud, audiences, provider, claims.aud);
  checkTimes(claims, now, clockTolerance);
  if (clientIds && tokenUse !== undefined) {
    // As aws-jwt-verify: a Cognito access token names its client in client_id (it has no cid).
    const claim = TOKEN_USE_CLIENT_CLAIMS[tokenUse]!;
    const clientId = claims[claim];
    if (typeof clientId !== 'string') {
      throw new TokenValidationError('missing_claim', `the token has no ${claim} claim: Cognito access tokens name their app client in ${claim}`, claim);
    }
    if (!clientIds.includes(clientId)) {
      throw new TokenValidationError('client_id_mismatch', `${claim} ${quote(clientId)} is not one of the configured app clients ${quote(clientIds)}`, claim);
    }
  } else if (clientIds) {
    // Each provider names the client in its own claim (Okta `cid`, else RFC 9068 `client_id`; Auth0 and
    // Keycloak `azp`; Entra `azp` in v2 tokens, `appid` in v1); the first one present is judged.
    const { claim, value } = clientClaimOf(claims, provider);
    if (typeof value !== 'string') throw missing(claim);
    if (!clientIds.includes(value)) {
      throw new TokenValidationError('client_id_mismatch', `${claim} ${quote(value)} is not one of the configured client ids`, claim);
    }
  }
}

function checkTokenUse(value: unknown): 'access' | undefined {
  if (value === undefined) return undefined;
  if (value === TOKEN_USE_VALUES.access) return 'access';
  if (value === TOKEN_USE_VALUES.id) {
    throw new ConfigurationError('invalid_option', 'tokenUse: \'id\' is not accepted: ID tokens are for the client that signed in, not bearer credentials for an API; use tokenUse: \'access\'');
  }
  throw new ConfigurationError('invalid_option', `tokenUse must be 'access', not ${quote(value)}`);
}

/** With `tokenUse`, the token must say it is of that use; the ID-token case was refused before. */
function checkTokenUseClaim(claims: Record<string, unknown>, tokenUse: 'access'): void {
  const value = claims[TOKEN_USE_CLAIM];
  if (value === undefined) {
    throw new TokenValidationError(
      'missing_claim',
      `the token has no ${TOKEN_USE_CLAIM} claim, which every Cognito user-pool token carries: it is not a token of this user pool's`,
      TOKEN_USE_CLAIM,
    );
  }
  if (value !== TOKEN_USE_VALUES[tokenUse]) {
    throw new TokenValidationError('not_an_access_token', `${TOKEN_USE_CLAIM} ${quote(value)} is not ${quote(TOKEN_USE_VALUES[tokenUse])}: only access tokens are accepted`, TOKEN_USE_CLAIM);
  }
}

export function checkAlgorithms(value: readonly string[] | undefined): string[] {
  if (value === undefined) return ['RS256'];
  if (!Array.isArray(value) || value.length === 0) {
    throw new ConfigurationError('invalid_option', 'algorithms must be a non-empty list, e.g. [\'RS256\']');
  }
  for (const alg of value) {
    if (!(ACCESS_TOKEN_ALGORITHMS as readonly string[]).includes(alg)) {
      const why =
        alg === 'none' || /^HS\d+$/i.test(String(alg))
          ? `${quote(alg)} is never accepted: it would let anyone who knows the public key (or no key at all) mint tokens`
          : `${quote(alg)} is not an asymmetric JWS algorithm`;
      throw new ConfigurationError('invalid_option', `algorithms: ${why}; choose from ${ACCESS_TOKEN_ALGORITHMS.join(', ')}`);
    }
  }
  return [...value];
}

export interface CheckedHeader {
  readonly alg: string;
  readonly kid: string | undefined;
}

/** Everything that can be refused before a key is looked up, so a forged header costs no fetch. */
export function readHeader(token: unknown, algorithms: readonly string[]): CheckedHeader {
  if (typeof token !== 'string' || token === '') throw new TokenValidationError('malformed', 'the token is missing or not a string');
  if (token.length > MAX_TOKEN_LENGTH) throw new TokenValidationError('malformed', `the token is longer than ${MAX_TOKEN_LENGTH} characters`);
  if (/^bearer\s/i.test(token)) {
    throw new TokenValidationError('malformed', 'the token starts with "Bearer "; pass the token without the authorization scheme');
  }
  if (token.split('.').length !== 3) {
    throw new TokenValidationError('malformed', 'the token is not a signed JWT (three dot-separated parts); opaque tokens need introspection');
  }
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new TokenValidationError('malformed', 'the token header is not base64url-encoded JSON');
  }
  return checkHeader(header, algorithms);
}

/** The header checks of {@link readHeader}, for a header a library has already decoded. */
export function checkHeader(header: { readonly alg?: unknown; readonly kid?: unknown; readonly typ?: unknown }, algorithms: readonly string[]): CheckedHeader {
  if (typeof header !== 'object' || header === null) throw new TokenValidationError('malformed', 'the token has no JOSE header');
  checkProviderHeader(header);
  const { alg, kid, typ } = header;
  if (typeof alg !== 'string' || !algorithms.includes(alg)) {
    throw new TokenValidationError('alg_not_allowed', `alg ${quote(alg)} is not one of the accepted algorithms ${algorithms.join(', ')}`, 'alg');
  }
  if (kid !== undefined && typeof kid !== 'string') throw new TokenValidationError('malformed', 'the header kid is not a string', 'kid');
  if (typ !== undefined && (typeof typ !== 'string' || !ACCESS_TOKEN_TYPES.has(typ.toLowerCase()))) {
    throw new TokenValidationError('type_not_allowed', `header typ ${quote(typ)} is not that of an access token`, 'typ');
  }
  return { alg, kid };
}

export function joseFailure(error: unknown): TokenValidationError {
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new TokenValidationError('signature_invalid', 'the signature does not verify with the issuer\'s key');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new TokenValidationError('alg_not_allowed', 'the token\'s alg is not one of the accepted algorithms', 'alg');
  }
  const reason = error instanceof Error ? error.message : 'unknown error';
  return new TokenValidationError('malformed', `the token is not a valid JWS: ${reason}`, undefined, { cause: error });
}

export function parseClaims(payload: Uint8Array): Record<string, unknown> {
  let claims: unknown;
  try {
    claims = JSON.parse(decoder.decode(payload));
  } catch {
    throw new TokenValidationError('malformed', 'the token payload is not JSON');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new TokenValidationError('malformed', 'the token payload is not a JSON object');
  }
  return claims as Record<string, unknown>;
}

function missing(claim: string): TokenValidationError {
  return new TokenValidationError('missing_claim', `the token has no ${claim} claim of the expected type`, claim);
}

function readAudience(claims: Record<string, unknown>, policy: AccessTokenPolicy): readonly string[] {
  const { aud } = claims;
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud) && aud.length > 0 && aud.every((value) => typeof value === 'string')) return aud as string[];
  if (aud === undefined && claims[TOKEN_USE_CLAIM] === TOKEN_USE_VALUES.access && policy.tokenUse === undefined) {
    // A Cognito access token: checked by audience, it can only fail; its app client is what ties it to the API.
    throw new TokenValidationError(
      'missing_claim',
      'the token has no aud and says token_use: "access", as AWS Cognito access tokens do: configure tokenUse: \'access\' and clientId (the app client ids) instead of audience',
      'aud',
    );
  }
  throw missing('aud');
}

/**
 * ID tokens are signed by the same keys as access tokens, so the signature does not tell them apart: an API
 * that accepted one would let any web app's login (or a token leaked from a browser) call it.
 */
function rejectIdToken(claims: Record<string, unknown>, aud: readonly string[], clientIds: readonly string[] | undefined): void {
  // Cognito says which kind of token it is: that reason first, as the most precise.
  if (claims[TOKEN_USE_CLAIM] === TOKEN_USE_VALUES.id) {
    throw new TokenValidationError(
      'id_token',
      `the token says ${TOKEN_USE_CLAIM}: ${quote(TOKEN_USE_VALUES.id)}: it is a Cognito ID token; send the access token of the same sign-in (token_use: "access")`,
      TOKEN_USE_CLAIM,
    );
  }
  if (clientIds && aud.some((value) => clientIds.includes(value))) {
    throw new TokenValidationError(
      'id_token',
      'the token\'s audience is the client id, as in an ID token; send an access token issued for this API',
      'aud',
    );
  }
  const idOnly = ID_TOKEN_ONLY_CLAIMS.filter((claim) => claims[claim] !== undefined);
  if (idOnly.length > 0 && !ACCESS_TOKEN_CLAIMS.some((claim) => claims[claim] !== undefined)) {
    throw new TokenValidationError(
      'id_token',
      `the token carries ${idOnly.join(', ')} and no scope or client claim: it is an ID token; send an access token issued for this API`,
      idOnly[0],
    );
  }
}

function checkTimes(claims: Record<string, unknown>, now: number, tolerance: number): void {
  const { exp, nbf, iat } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw missing('exp');
  if (now - tolerance >= exp) {
    throw new TokenValidationError('expired', `the token expired at ${isoTime(exp)}`, 'exp');
  }
  if (nbf !== undefined) {
    if (typeof nbf !== 'number' || !Number.isFinite(nbf)) throw missing('nbf');
    if (nbf > now + tolerance) throw new TokenValidationError('not_yet_valid', `the token is not valid before ${isoTime(nbf)}`, 'nbf');
  }
  if (iat !== undefined) {
    if (typeof iat !== 'number' || !Number.isFinite(iat)) throw missing('iat');
    if (iat > now + tolerance) throw new TokenValidationError('issued_in_future', `the token claims to be issued at ${isoTime(iat)}, in the future`, 'iat');
  }
}

function isoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}
