/** `oidc-token-guard`: the helpers the codemods rewrite token validation to call. */
export {
  createAccessTokenVerifier,
  ACCESS_TOKEN_ALGORITHMS,
  type AccessTokenAlgorithm,
  type AccessTokenClaims,
  type AccessTokenVerifier,
  type AccessTokenVerifierOptions,
  type AccessTokenVerifierStats,
} from './access-token-verifier.js';
export {
  createTokenIntrospector,
  type ClientSecretOptions,
  type IntrospectionResult,
  type PrivateKeyOptions,
  type TokenIntrospector,
  type TokenIntrospectorOptions,
  type TokenIntrospectorStats,
} from './token-introspector.js';
export { CLIENT_ASSERTION_ALGORITHMS, type ClientAssertionAlgorithm, type PrivateKeyInput } from './client-authentication.js';
export {
  ConfigurationError,
  DiscoveryError,
  IntrospectionError,
  KeySetError,
  OidcRuntimeError,
  ProviderError,
  TokenValidationError,
  type ConfigurationErrorCode,
  type DiscoveryErrorCode,
  type IntrospectionErrorCode,
  type KeySetErrorCode,
  type OidcRuntimeErrorCode,
  type TokenValidationErrorCode,
} from './errors.js';
export type { Fetch } from './http.js';
