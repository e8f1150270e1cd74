/** `oidc-token-guard`: the helpers the codemods rewrite token validation to call, and the framework adapters built on them. */
export {
  createAccessTokenVerifier,
  ACCESS_TOKEN_ALGORITHMS,
  type AccessTokenAlgorithm,
  type AccessTokenClaims,
  type AccessTokenVerifier,
  type AccessTokenVerifierOptions,
  type AccessTokenVerifierStats,
  type VerifiedAccessToken,
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
export type { AccessTokenPolicyOptions } from './access-token-policy.js';
export type { ProviderOptions, TokenProvider } from './provider-policy.js';
export type { IssuerKeySetOptions, IssuerKeySetStats } from './issuer-key-set.js';
export {
  createIssuerKeySource,
  type IssuerKeySource,
  type IssuerKeySourceInput,
  type IssuerKeySourceOptions,
  type IssuerSigningKey,
  type JoseHeaderInput,
} from './issuer-key-source.js';
// Key sources in the shape of each JWT middleware library (one file per library; none imports its library).
export { passportJwtKeyProvider, PASSPORT_JWT, type PassportJwtKeyProvider } from './adapters/passport-jwt.js';
export { expressJwtSecret, EXPRESS_JWT, type ExpressJwtDecodedToken, type ExpressJwtSecret } from './adapters/express-jwt.js';
export { koaJwtSecret, KOA_JWT, type KoaJwtSecret } from './adapters/koa-jwt.js';
export { fastifyJwtSecret, FASTIFY_JWT, type FastifyJwtDecodedToken, type FastifyJwtSecret } from './adapters/fastify-jwt.js';
export {
  hapiAuthJwt2Key,
  HAPI_AUTH_JWT2,
  type HapiAuthJwt2DecodedToken,
  type HapiAuthJwt2Key,
  type HapiAuthJwt2KeyResult,
} from './adapters/hapi-auth-jwt2.js';
export { hapiJwtKeys, HAPI_JWT, type HapiJwtArtifacts, type HapiJwtKey, type HapiJwtKeys } from './adapters/hapi-jwt.js';
export { fastJwtKey, FAST_JWT, type FastJwtDecodedToken, type FastJwtKey } from './adapters/fast-jwt.js';
export { njwtKeyResolver, NJWT, type NjwtKeyResolver } from './adapters/njwt.js';
export { nestJwtSecretOrKeyProvider, NESTJS_JWT, type NestJwtSecretOrKeyProvider } from './adapters/nestjs-jwt.js';
// Introspecting replacements for middleware that verified org authorization server tokens locally.
export {
  bearerTokenOf,
  type IntrospectingMiddlewareOptions,
} from './bearer-introspection.js';
export {
  introspectingExpressMiddleware,
  EXPRESS,
  type ExpressLikeMiddleware,
  type ExpressLikeRequest,
  type ExpressLikeResponse,
  type IntrospectingExpressMiddlewareOptions,
  type IntrospectionAuthResult,
} from './adapters/express.js';
export {
  introspectingKoaMiddleware,
  KOA,
  type IntrospectingKoaMiddleware,
  type IntrospectingKoaMiddlewareOptions,
  type KoaLikeContext,
  type KoaLikeMiddleware,
  type KoaUnlessOptions,
} from './adapters/koa.js';
export {
  introspectingFastifyHook,
  introspectingFastifyJwt,
  FASTIFY,
  type FastifyLikeInstance,
  type IntrospectingFastifyJwtOptions,
  type IntrospectingFastifyJwtPlugin,
  type FastifyLikeHook,
  type FastifyLikeReply,
  type FastifyLikeRequest,
  type IntrospectingFastifyHookOptions,
} from './adapters/fastify.js';
export {
  introspectionHapiScheme,
  introspectionHapiStrategy,
  HAPI,
  HAPI_INTROSPECTION_SCHEME,
  type HapiIntrospectionValidation,
  type HapiLikeRequest,
  type HapiLikeScheme,
  type HapiLikeServer,
  type HapiLikeToolkit,
  type IntrospectionHapiSchemeOptions,
} from './adapters/hapi.js';
export { introspectingJwtVerifier, AWS_JWT_VERIFY, type IntrospectingJwtVerifier } from './adapters/aws-jwt-verify.js';
export {
  introspectingOktaJwtVerifier,
  OKTA_JWT_VERIFIER,
  type IntrospectedOktaJwt,
  type IntrospectingOktaJwtVerifier,
  type IntrospectingOktaJwtVerifierOptions,
  type OktaAccessTokenClaims,
} from './adapters/okta-jwt-verifier.js';
export { IntrospectingJwtService, IntrospectionGuard, NESTJS, type IntrospectionGuardOptions, type NestLikeExecutionContext } from './adapters/nestjs.js';
export { IntrospectionStrategy, PASSPORT, type IntrospectionStrategyOptions, type PassportVerifyCallback } from './adapters/passport.js';
