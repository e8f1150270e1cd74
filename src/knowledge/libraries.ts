/**
 * JWT and OIDC libraries, and how each one verifies a token: which call or constructor, and which argument
 * or option carries the token, the key (or key resolver), issuer, audience and algorithms. Rules, codemods
 * and the CLI read this table; none of them keeps a list of its own.
 */

export type LibraryId =
  | 'jsonwebtoken'
  | 'jose'
  | 'jose-legacy'
  | '@okta/jwt-verifier'
  | 'jwks-rsa'
  | 'express-jwt'
  | 'passport-jwt'
  | '@nestjs/jwt'
  | '@nestjs/passport'
  | '@fastify/jwt'
  | 'fast-jwt'
  | 'koa-jwt'
  | 'njwt'
  | 'jwt-simple'
  | 'jsrsasign'
  | 'node-jose'
  | 'jwk-to-pem'
  | 'node:crypto'
  | '@okta/okta-auth-js'
  | '@okta/okta-react'
  | '@okta/okta-angular'
  | 'openid-client'
  | 'next-auth'
  | 'firebase-admin'
  | 'google-auth-library'
  | 'aws-jwt-verify'
  | 'hapi-auth-jwt2'
  | '@hapi/jwt'
  | '@hapi/hapi'
  | 'express-oauth2-jwt-bearer'
  | 'keycloak-connect';

export interface Library {
  readonly id: LibraryId;
  /** Module specifiers that load it (`jose` v2 and v4+ share a name; entries say which API is which). */
  readonly modules: readonly string[];
  /** Why the library is listed when it is not a verifier: look-alikes whose similar calls are correct. */
  readonly lookAlike?: string;
}

/**
 * What a call does for token verification.
 * - `verify`: verifies a token now; `verifier`: configures something that verifies tokens later;
 * - `key-import`: turns key material into a key; `local-key-set`: a key set from material in the source;
 * - `remote-key-set`: resolves keys from a JWKS URL at run time; `embedded-key`: trusts the token's own key;
 * - `sign-in-client`: a client that signs users in (issuer use is legitimate there);
 * - `token-getter`: hands out a token the SDK holds; `framework-registration`: wires a plugin or module;
 * - `sign`: issues a token (the project's own tokens: `jwt.sign`, `new SignJWT()`);
 * - `encrypt`: encrypts to a public key (`publicEncrypt`, `EncryptJWT`): that key verifies nothing.
 */
export type ApiRole =
  | 'verify'
  | 'verifier'
  | 'key-import'
  | 'local-key-set'
  | 'remote-key-set'
  | 'embedded-key'
  | 'sign-in-client'
  | 'token-getter'
  | 'look-alike'
  | 'sign'
  | 'encrypt';

/**
 * Where a value sits in a call: argument `arg`, then `path` into an object literal there. A path step
 * `()` means "what the function at this point returns" (NestJS `registerAsync({ useFactory })`).
 */
export interface ValueSlot {
  readonly arg: number;
  readonly path?: readonly string[];
}

export type TokenKind = 'access' | 'id' | 'any';

export interface LibraryApi {
  /** `jsonwebtoken.verify`, `@okta/jwt-verifier#verifyAccessToken`. */
  readonly id: string;
  readonly library: LibraryId;
  /**
   * How code reaches it: an export of the module (path without a leading `default`, so default and
   * namespace imports and CommonJS interop meet), a member of what another API made (`madeBy`), or
   * the options of a framework call that registers the module's default export (`register(plugin, opts)`).
   */
  readonly reach:
    | { readonly export: readonly string[] }
    | { readonly madeBy: string; readonly member: readonly string[] }
    | { readonly registeredAs: readonly string[]; readonly optionsArg: number }
    /**
     * hapi: `server.auth.strategy(name, scheme, options)` after the module registered its scheme (here or in
     * another file); the scheme name and the options tell which library it is.
     */
    | { readonly authScheme: string; readonly optionNames: readonly string[] };
  readonly invoke: 'call' | 'new' | 'call-or-new' | 'value' | 'call-made';
  readonly role: ApiRole;
  /** Modules this entry applies to when the library's modules differ by version (jose v2 vs v4+). */
  readonly modules?: readonly string[];
  readonly token?: readonly ValueSlot[];
  readonly tokenKind?: TokenKind;
  readonly key?: readonly ValueSlot[];
  /** For key imports and key sets: the key material argument. */
  readonly material?: readonly ValueSlot[];
  /** For remote key sets: the JWKS URL. */
  readonly jwksUri?: readonly ValueSlot[];
  readonly issuer?: readonly ValueSlot[];
  readonly audience?: readonly ValueSlot[];
  readonly algorithms?: readonly ValueSlot[];
  readonly clockTolerance?: readonly ValueSlot[];
  readonly clientId?: readonly ValueSlot[];
  /**
   * The option whose value chooses the kind of token the verifier accepts (aws-jwt-verify `tokenUse`); the
   * values are the provider profile's (`tokenKindOption` in ./providers).
   */
  readonly tokenKindFrom?: readonly ValueSlot[];
  /** For verifier configurations: the option that says where the token is read from. */
  readonly tokenFrom?: readonly ValueSlot[];
  /** Verifier middleware and strategies read the bearer token of the request unless told otherwise. */
  readonly readsBearerHeader?: boolean;
  /** Node-style callback slot (`jwt.verify(token, key, opts, cb)`). */
  readonly callback?: readonly ValueSlot[];
}

const slot = (arg: number, ...path: string[]): ValueSlot => (path.length ? { arg, path } : { arg });

export const LIBRARIES: readonly Library[] = [
  { id: 'jsonwebtoken', modules: ['jsonwebtoken'] },
  {
    id: 'jose',
    modules: ['jose', 'jose/jwt/verify', 'jose/jws/compact/verify', 'jose/key/import', 'jose/jwks/local', 'jose/jwks/remote', 'jose/jwk/embedded'],
  },
  { id: '@okta/jwt-verifier', modules: ['@okta/jwt-verifier'] },
  { id: 'jwks-rsa', modules: ['jwks-rsa'] },
  { id: 'express-jwt', modules: ['express-jwt'] },
  { id: 'passport-jwt', modules: ['passport-jwt'] },
  { id: '@nestjs/jwt', modules: ['@nestjs/jwt'] },
  { id: '@nestjs/passport', modules: ['@nestjs/passport'] },
  { id: '@fastify/jwt', modules: ['@fastify/jwt', 'fastify-jwt'] },
  { id: 'fast-jwt', modules: ['fast-jwt'] },
  { id: 'koa-jwt', modules: ['koa-jwt'] },
  { id: 'njwt', modules: ['njwt'] },
  { id: 'jwt-simple', modules: ['jwt-simple'] },
  { id: 'jsrsasign', modules: ['jsrsasign'] },
  { id: 'node-jose', modules: ['node-jose'] },
  { id: 'jwk-to-pem', modules: ['jwk-to-pem'] },
  { id: 'node:crypto', modules: ['crypto', 'node:crypto'] },
  { id: '@okta/okta-auth-js', modules: ['@okta/okta-auth-js'] },
  { id: '@okta/okta-react', modules: ['@okta/okta-react'] },
  { id: '@okta/okta-angular', modules: ['@okta/okta-angular'] },
  { id: 'openid-client', modules: ['openid-client'] },
  { id: 'next-auth', modules: ['next-auth', 'next-auth/providers/okta', '@auth/core/providers/okta', 'next-auth/providers'] },
  {
    id: 'firebase-admin',
    modules: ['firebase-admin', 'firebase-admin/auth'],
    lookAlike: 'Firebase ID tokens are the credential Firebase clients send to backends: verifyIdToken is correct there.',
  },
  {
    id: 'google-auth-library',
    modules: ['google-auth-library'],
    lookAlike: 'OAuth2Client.verifyIdToken verifies a Google sign-in at the client that asked for it.',
  },
  {
    id: 'aws-jwt-verify',
    modules: ['aws-jwt-verify', 'aws-jwt-verify/jwt-verifier'],
    lookAlike: "CognitoJwtVerifier resolves keys from the user pool JWKS at run time; tokenUse: 'access' is what APIs want.",
  },
  { id: 'hapi-auth-jwt2', modules: ['hapi-auth-jwt2'] },
  { id: '@hapi/jwt', modules: ['@hapi/jwt'] },
  // The framework: its `server.auth.strategy()` configures whichever JWT plugin another module registered.
  { id: '@hapi/hapi', modules: ['@hapi/hapi', 'hapi'] },
  { id: 'express-oauth2-jwt-bearer', modules: ['express-oauth2-jwt-bearer'] },
  // Keycloak's Node.js adapter: `new Keycloak(options, config)`, config from code or keycloak.json.
  { id: 'keycloak-connect', modules: ['keycloak-connect'] },
];

const JOSE_V4 = ['jose', 'jose/jwt/verify', 'jose/jws/compact/verify', 'jose/key/import', 'jose/jwks/local', 'jose/jwks/remote', 'jose/jwk/embedded'];

const joseVerifyOptions = {
  issuer: [slot(2, 'issuer')],
  audience: [slot(2, 'audience')],
  algorithms: [slot(2, 'algorithms')],
  clockTolerance: [slot(2, 'clockTolerance')],
};

export const LIBRARY_APIS: readonly LibraryApi[] = [
  // jsonwebtoken
  {
    id: 'jsonwebtoken.verify',
    library: 'jsonwebtoken',
    reach: { export: ['verify'] },
    invoke: 'call',
    role: 'verify',
    token: [slot(0)],
    tokenKind: 'any',
    key: [slot(1)],
    ...joseVerifyOptions,
    callback: [slot(3), slot(2)],
  },

  // jose (v3+)
  { id: 'jose.jwtVerify', library: 'jose', modules: JOSE_V4, reach: { export: ['jwtVerify'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)], ...joseVerifyOptions },
  { id: 'jose.compactVerify', library: 'jose', modules: JOSE_V4, reach: { export: ['compactVerify'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)], algorithms: [slot(2, 'algorithms')] },
  { id: 'jose.flattenedVerify', library: 'jose', modules: JOSE_V4, reach: { export: ['flattenedVerify'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)], algorithms: [slot(2, 'algorithms')] },
  { id: 'jose.importSPKI', library: 'jose', modules: JOSE_V4, reach: { export: ['importSPKI'] }, invoke: 'call', role: 'key-import', material: [slot(0)], algorithms: [slot(1)] },
  { id: 'jose.importX509', library: 'jose', modules: JOSE_V4, reach: { export: ['importX509'] }, invoke: 'call', role: 'key-import', material: [slot(0)], algorithms: [slot(1)] },
  { id: 'jose.importJWK', library: 'jose', modules: JOSE_V4, reach: { export: ['importJWK'] }, invoke: 'call', role: 'key-import', material: [slot(0)], algorithms: [slot(1)] },
  { id: 'jose.createLocalJWKSet', library: 'jose', modules: JOSE_V4, reach: { export: ['createLocalJWKSet'] }, invoke: 'call', role: 'local-key-set', material: [slot(0)] },
  { id: 'jose.createRemoteJWKSet', library: 'jose', modules: JOSE_V4, reach: { export: ['createRemoteJWKSet'] }, invoke: 'call', role: 'remote-key-set', jwksUri: [slot(0)] },
  { id: 'jose.EmbeddedJWK', library: 'jose', modules: JOSE_V4, reach: { export: ['EmbeddedJWK'] }, invoke: 'value', role: 'embedded-key' },

  // jose v2 (`const { JWT, JWK, JWKS } = require('jose')`)
  { id: 'jose-legacy.JWT.verify', library: 'jose-legacy', modules: ['jose'], reach: { export: ['JWT', 'verify'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)], ...joseVerifyOptions },
  { id: 'jose-legacy.JWK.asKey', library: 'jose-legacy', modules: ['jose'], reach: { export: ['JWK', 'asKey'] }, invoke: 'call', role: 'key-import', material: [slot(0)] },
  { id: 'jose-legacy.JWKS.asKeyStore', library: 'jose-legacy', modules: ['jose'], reach: { export: ['JWKS', 'asKeyStore'] }, invoke: 'call', role: 'local-key-set', material: [slot(0)] },

  // @okta/jwt-verifier
  {
    id: '@okta/jwt-verifier.OktaJwtVerifier',
    library: '@okta/jwt-verifier',
    reach: { export: [] },
    invoke: 'new',
    role: 'verifier',
    issuer: [slot(0, 'issuer')],
    clientId: [slot(0, 'clientId')],
    jwksUri: [slot(0, 'jwksUri')],
    audience: [slot(0, 'assertClaims', 'aud')],
  },
  {
    id: '@okta/jwt-verifier#verifyAccessToken',
    library: '@okta/jwt-verifier',
    reach: { madeBy: '@okta/jwt-verifier.OktaJwtVerifier', member: ['verifyAccessToken'] },
    invoke: 'call',
    role: 'verify',
    token: [slot(0)],
    tokenKind: 'access',
    audience: [slot(1)],
  },
  {
    id: '@okta/jwt-verifier#verifyIdToken',
    library: '@okta/jwt-verifier',
    reach: { madeBy: '@okta/jwt-verifier.OktaJwtVerifier', member: ['verifyIdToken'] },
    invoke: 'call',
    role: 'verify',
    token: [slot(0)],
    tokenKind: 'id',
    audience: [slot(1)],
  },

  // jwks-rsa
  { id: 'jwks-rsa.jwksClient', library: 'jwks-rsa', reach: { export: [] }, invoke: 'call-or-new', role: 'remote-key-set', jwksUri: [slot(0, 'jwksUri')] },
  { id: 'jwks-rsa.JwksClient', library: 'jwks-rsa', reach: { export: ['JwksClient'] }, invoke: 'new', role: 'remote-key-set', jwksUri: [slot(0, 'jwksUri')] },
  { id: 'jwks-rsa.expressJwtSecret', library: 'jwks-rsa', reach: { export: ['expressJwtSecret'] }, invoke: 'call', role: 'remote-key-set', jwksUri: [slot(0, 'jwksUri')] },
  { id: 'jwks-rsa.passportJwtSecret', library: 'jwks-rsa', reach: { export: ['passportJwtSecret'] }, invoke: 'call', role: 'remote-key-set', jwksUri: [slot(0, 'jwksUri')] },
  { id: 'jwks-rsa.koaJwtSecret', library: 'jwks-rsa', reach: { export: ['koaJwtSecret'] }, invoke: 'call', role: 'remote-key-set', jwksUri: [slot(0, 'jwksUri')] },
  { id: 'jwks-rsa.hapiJwt2Key', library: 'jwks-rsa', reach: { export: ['hapiJwt2Key'] }, invoke: 'call', role: 'remote-key-set', jwksUri: [slot(0, 'jwksUri')] },
  { id: 'jwks-rsa.hapiJwt2KeyAsync', library: 'jwks-rsa', reach: { export: ['hapiJwt2KeyAsync'] }, invoke: 'call', role: 'remote-key-set', jwksUri: [slot(0, 'jwksUri')] },

  // express-jwt (v6 default export, v7+ `expressjwt`) and koa-jwt: one options object, `secret` the key.
  ...(
    [
      ['express-jwt.default', 'express-jwt', []],
      ['express-jwt.expressjwt', 'express-jwt', ['expressjwt']],
      ['koa-jwt.default', 'koa-jwt', []],
    ] as const
  ).map(
    ([id, library, path]): LibraryApi => ({
      id,
      library,
      reach: { export: path },
      invoke: 'call',
      role: 'verifier',
      key: [slot(0, 'secret')],
      issuer: [slot(0, 'issuer')],
      audience: [slot(0, 'audience')],
      algorithms: [slot(0, 'algorithms')],
      clockTolerance: [slot(0, 'clockTolerance')],
      tokenFrom: [slot(0, 'getToken')],
      readsBearerHeader: true,
    }),
  ),

  // passport-jwt (also as the base of NestJS `PassportStrategy(Strategy)` classes)
  {
    id: 'passport-jwt.Strategy',
    library: 'passport-jwt',
    reach: { export: ['Strategy'] },
    invoke: 'new',
    role: 'verifier',
    key: [slot(0, 'secretOrKey'), slot(0, 'secretOrKeyProvider')],
    issuer: [slot(0, 'issuer'), slot(0, 'jsonWebTokenOptions', 'issuer')],
    audience: [slot(0, 'audience'), slot(0, 'jsonWebTokenOptions', 'audience')],
    algorithms: [slot(0, 'algorithms'), slot(0, 'jsonWebTokenOptions', 'algorithms')],
    clockTolerance: [slot(0, 'jsonWebTokenOptions', 'clockTolerance')],
    tokenFrom: [slot(0, 'jwtFromRequest')],
  },

  // @nestjs/jwt
  ...(['register', 'registerAsync'] as const).map(
    (method): LibraryApi => {
      const at = (...path: string[]) => slot(0, ...(method === 'registerAsync' ? ['useFactory', '()'] : []), ...path);
      return {
        id: `@nestjs/jwt.JwtModule.${method}`,
        library: '@nestjs/jwt',
        reach: { export: ['JwtModule', method] },
        invoke: 'call',
        role: 'verifier',
        key: [at('publicKey'), at('secret'), at('secretOrKeyProvider'), at('verifyOptions', 'publicKey')],
        issuer: [at('verifyOptions', 'issuer')],
        audience: [at('verifyOptions', 'audience')],
        algorithms: [at('verifyOptions', 'algorithms')],
        clockTolerance: [at('verifyOptions', 'clockTolerance')],
      };
    },
  ),
  { id: '@nestjs/jwt.JwtService', library: '@nestjs/jwt', reach: { export: ['JwtService'] }, invoke: 'new', role: 'verifier', key: [slot(0, 'publicKey'), slot(0, 'secret')] },
  ...(['verify', 'verifyAsync'] as const).map(
    (method): LibraryApi => ({
      id: `@nestjs/jwt#${method}`,
      library: '@nestjs/jwt',
      reach: { madeBy: '@nestjs/jwt.JwtService', member: [method] },
      invoke: 'call',
      role: 'verify',
      token: [slot(0)],
      tokenKind: 'any',
      key: [slot(1, 'publicKey'), slot(1, 'secret')],
      issuer: [slot(1, 'issuer')],
      audience: [slot(1, 'audience')],
      algorithms: [slot(1, 'algorithms')],
      clockTolerance: [slot(1, 'clockTolerance')],
    }),
  ),

  // @fastify/jwt: `fastify.register(fastifyJwt, { secret: { public }, verify: { allowedIss, allowedAud } })`
  {
    id: '@fastify/jwt.register',
    library: '@fastify/jwt',
    reach: { registeredAs: [], optionsArg: 1 },
    invoke: 'call',
    role: 'verifier',
    key: [slot(1, 'secret', 'public'), slot(1, 'secret')],
    issuer: [slot(1, 'verify', 'allowedIss')],
    audience: [slot(1, 'verify', 'allowedAud')],
    algorithms: [slot(1, 'verify', 'algorithms')],
    readsBearerHeader: true,
  },

  // fast-jwt: `createVerifier({ key })` returns the verify function
  {
    id: 'fast-jwt.createVerifier',
    library: 'fast-jwt',
    reach: { export: ['createVerifier'] },
    invoke: 'call',
    role: 'verifier',
    key: [slot(0, 'key')],
    issuer: [slot(0, 'allowedIss')],
    audience: [slot(0, 'allowedAud')],
    algorithms: [slot(0, 'algorithms')],
    clockTolerance: [slot(0, 'clockTolerance')],
  },
  { id: 'fast-jwt#verify', library: 'fast-jwt', reach: { madeBy: 'fast-jwt.createVerifier', member: [] }, invoke: 'call-made', role: 'verify', token: [slot(0)], tokenKind: 'any' },

  // njwt
  { id: 'njwt.verify', library: 'njwt', reach: { export: ['verify'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)], algorithms: [slot(2)], callback: [slot(2), slot(3)] },

  // jwt-simple: `decode(token, key)` verifies the signature unless told not to
  { id: 'jwt-simple.decode', library: 'jwt-simple', reach: { export: ['decode'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)], algorithms: [slot(3)] },

  // jsrsasign
  {
    id: 'jsrsasign.KJUR.jws.JWS.verifyJWT',
    library: 'jsrsasign',
    reach: { export: ['KJUR', 'jws', 'JWS', 'verifyJWT'] },
    invoke: 'call',
    role: 'verify',
    token: [slot(0)],
    tokenKind: 'any',
    key: [slot(1)],
    issuer: [slot(2, 'iss')],
    audience: [slot(2, 'aud')],
    algorithms: [slot(2, 'alg')],
  },
  { id: 'jsrsasign.KJUR.jws.JWS.verify', library: 'jsrsasign', reach: { export: ['KJUR', 'jws', 'JWS', 'verify'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)], algorithms: [slot(2)] },
  { id: 'jsrsasign.KEYUTIL.getKey', library: 'jsrsasign', reach: { export: ['KEYUTIL', 'getKey'] }, invoke: 'call', role: 'key-import', material: [slot(0)] },

  // node-jose
  { id: 'node-jose.JWK.asKey', library: 'node-jose', reach: { export: ['JWK', 'asKey'] }, invoke: 'call', role: 'key-import', material: [slot(0)] },
  { id: 'node-jose.JWK.asKeyStore', library: 'node-jose', reach: { export: ['JWK', 'asKeyStore'] }, invoke: 'call', role: 'local-key-set', material: [slot(0)] },
  { id: 'node-jose.JWS.createVerify', library: 'node-jose', reach: { export: ['JWS', 'createVerify'] }, invoke: 'call', role: 'verifier', key: [slot(0)] },
  { id: 'node-jose#verify', library: 'node-jose', reach: { madeBy: 'node-jose.JWS.createVerify', member: ['verify'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any' },

  // jwk-to-pem and node:crypto: key conversions
  { id: 'jwk-to-pem.default', library: 'jwk-to-pem', reach: { export: [] }, invoke: 'call', role: 'key-import', material: [slot(0)] },
  { id: 'node:crypto.createPublicKey', library: 'node:crypto', reach: { export: ['createPublicKey'] }, invoke: 'call', role: 'key-import', material: [slot(0), slot(0, 'key')] },
  { id: 'node:crypto.X509Certificate', library: 'node:crypto', reach: { export: ['X509Certificate'] }, invoke: 'new', role: 'key-import', material: [slot(0)] },

  // hapi: `server.auth.strategy('jwt', 'jwt', options)`; both plugins register a scheme named `jwt`.
  {
    id: 'hapi-auth-jwt2.strategy',
    library: 'hapi-auth-jwt2',
    reach: { authScheme: 'jwt', optionNames: ['key', 'verifyOptions', 'complete', 'headerKey', 'tokenType', 'urlKey', 'cookieKey'] },
    invoke: 'call',
    role: 'verifier',
    key: [slot(2, 'key')],
    issuer: [slot(2, 'verifyOptions', 'issuer')],
    audience: [slot(2, 'verifyOptions', 'audience')],
    algorithms: [slot(2, 'verifyOptions', 'algorithms')],
    clockTolerance: [slot(2, 'verifyOptions', 'clockTolerance')],
    readsBearerHeader: true,
  },
  {
    id: '@hapi/jwt.strategy',
    library: '@hapi/jwt',
    reach: { authScheme: 'jwt', optionNames: ['keys', 'verify', 'httpAuthScheme', 'unauthorizedAttributes', 'headerName', 'cookieName'] },
    invoke: 'call',
    role: 'verifier',
    key: [slot(2, 'keys')],
    jwksUri: [slot(2, 'keys', 'uri')],
    issuer: [slot(2, 'verify', 'iss')],
    audience: [slot(2, 'verify', 'aud')],
    algorithms: [slot(2, 'keys', 'algorithms')],
    clockTolerance: [slot(2, 'verify', 'timeSkewSec')],
    readsBearerHeader: true,
  },
  // @hapi/jwt's own verification helpers.
  { id: '@hapi/jwt.token.verify', library: '@hapi/jwt', reach: { export: ['token', 'verify'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)], issuer: [slot(2, 'iss')], audience: [slot(2, 'aud')] },
  { id: '@hapi/jwt.token.verifySignature', library: '@hapi/jwt', reach: { export: ['token', 'verifySignature'] }, invoke: 'call', role: 'verify', token: [slot(0)], tokenKind: 'any', key: [slot(1)] },

  // aws-jwt-verify: any issuer's RS256 tokens; `cacheJwks(jwks)` pins a key set written in the source.
  ...(['JwtRsaVerifier', 'JwtVerifier'] as const).map(
    (name): LibraryApi => ({
      id: `aws-jwt-verify.${name}.create`,
      library: 'aws-jwt-verify',
      reach: { export: [name, 'create'] },
      invoke: 'call',
      role: 'verifier',
      issuer: [slot(0, 'issuer')],
      audience: [slot(0, 'audience')],
      jwksUri: [slot(0, 'jwksUri')],
    }),
  ),
  ...(['verify', 'verifySync'] as const).flatMap((method) =>
    (['JwtRsaVerifier', 'JwtVerifier'] as const).map(
      (name): LibraryApi => ({
        id: `aws-jwt-verify.${name}#${method}`,
        library: 'aws-jwt-verify',
        reach: { madeBy: `aws-jwt-verify.${name}.create`, member: [method] },
        invoke: 'call',
        role: 'verify',
        token: [slot(0)],
        tokenKind: 'any',
        audience: [slot(1, 'audience')],
      }),
    ),
  ),
  ...(['JwtRsaVerifier', 'JwtVerifier'] as const).map(
    (name): LibraryApi => ({
      id: `aws-jwt-verify.${name}#cacheJwks`,
      library: 'aws-jwt-verify',
      reach: { madeBy: `aws-jwt-verify.${name}.create`, member: ['cacheJwks'] },
      invoke: 'call',
      role: 'local-key-set',
      material: [slot(0)],
    }),
  ),

  // CognitoJwtVerifier: keys from the user pool's JWKS; `tokenUse` says which kind of token it accepts.
  {
    id: 'aws-jwt-verify.CognitoJwtVerifier.create',
    library: 'aws-jwt-verify',
    reach: { export: ['CognitoJwtVerifier', 'create'] },
    invoke: 'call',
    role: 'verifier',
    clientId: [slot(0, 'clientId')],
    tokenKindFrom: [slot(0, 'tokenUse')],
  },
  ...(['verify', 'verifySync'] as const).map(
    (method): LibraryApi => ({
      id: `aws-jwt-verify.CognitoJwtVerifier#${method}`,
      library: 'aws-jwt-verify',
      reach: { madeBy: 'aws-jwt-verify.CognitoJwtVerifier.create', member: [method] },
      invoke: 'call',
      role: 'verify',
      token: [slot(0)],
      tokenKind: 'any',
      tokenKindFrom: [slot(1, 'tokenUse')],
    }),
  ),
  { id: 'aws-jwt-verify.CognitoJwtVerifier#cacheJwks', library: 'aws-jwt-verify', reach: { madeBy: 'aws-jwt-verify.CognitoJwtVerifier.create', member: ['cacheJwks'] }, invoke: 'call', role: 'local-key-set', material: [slot(0)] },

  // keycloak-connect: `new Keycloak({ store }, config)`; `realm-public-key` in the config pins the realm key.
  {
    id: 'keycloak-connect.Keycloak',
    library: 'keycloak-connect',
    reach: { export: [] },
    invoke: 'new',
    role: 'verifier',
    key: [slot(1, 'realm-public-key'), slot(1, 'realmPublicKey')],
    clientId: [slot(1, 'resource'), slot(1, 'clientId')],
    readsBearerHeader: true,
  },

  // express-oauth2-jwt-bearer: `auth({ issuerBaseURL })` discovers the issuer's keys; `secret` is HMAC.
  {
    id: 'express-oauth2-jwt-bearer.auth',
    library: 'express-oauth2-jwt-bearer',
    reach: { export: ['auth'] },
    invoke: 'call',
    role: 'verifier',
    key: [slot(0, 'secret')],
    issuer: [slot(0, 'issuer'), slot(0, 'issuerBaseURL')],
    audience: [slot(0, 'audience')],
    jwksUri: [slot(0, 'jwksUri')],
    algorithms: [slot(0, 'tokenSigningAlg')],
    clockTolerance: [slot(0, 'clockTolerance')],
    readsBearerHeader: true,
  },

  // Token issuers: the project's own tokens, signed with its own key.
  { id: 'jsonwebtoken.sign', library: 'jsonwebtoken', reach: { export: ['sign'] }, invoke: 'call', role: 'sign', key: [slot(1)], algorithms: [slot(2, 'algorithm')] },
  { id: 'jose.SignJWT', library: 'jose', modules: JOSE_V4, reach: { export: ['SignJWT'] }, invoke: 'new', role: 'sign' },
  { id: 'jose.CompactSign', library: 'jose', modules: JOSE_V4, reach: { export: ['CompactSign'] }, invoke: 'new', role: 'sign' },
  { id: 'jose-legacy.JWT.sign', library: 'jose-legacy', modules: ['jose'], reach: { export: ['JWT', 'sign'] }, invoke: 'call', role: 'sign', key: [slot(1)] },
  { id: 'njwt.create', library: 'njwt', reach: { export: ['create'] }, invoke: 'call', role: 'sign', key: [slot(1)] },
  { id: 'jwt-simple.encode', library: 'jwt-simple', reach: { export: ['encode'] }, invoke: 'call', role: 'sign', key: [slot(1)] },
  { id: 'fast-jwt.createSigner', library: 'fast-jwt', reach: { export: ['createSigner'] }, invoke: 'call', role: 'sign', key: [slot(0, 'key')] },
  { id: 'jsrsasign.KJUR.jws.JWS.sign', library: 'jsrsasign', reach: { export: ['KJUR', 'jws', 'JWS', 'sign'] }, invoke: 'call', role: 'sign', key: [slot(3)] },
  ...(['sign', 'signAsync'] as const).map(
    (method): LibraryApi => ({ id: `@nestjs/jwt#${method}`, library: '@nestjs/jwt', reach: { madeBy: '@nestjs/jwt.JwtService', member: [method] }, invoke: 'call', role: 'sign', key: [slot(1, 'privateKey'), slot(1, 'secret')] }),
  ),

  // Encryption to a public key: such a key is no verification key.
  { id: 'node:crypto.publicEncrypt', library: 'node:crypto', reach: { export: ['publicEncrypt'] }, invoke: 'call', role: 'encrypt', material: [slot(0), slot(0, 'key')] },
  { id: 'jose.EncryptJWT', library: 'jose', modules: JOSE_V4, reach: { export: ['EncryptJWT'] }, invoke: 'new', role: 'encrypt' },
  { id: 'jose.CompactEncrypt', library: 'jose', modules: JOSE_V4, reach: { export: ['CompactEncrypt'] }, invoke: 'new', role: 'encrypt' },
  { id: 'jose.FlattenedEncrypt', library: 'jose', modules: JOSE_V4, reach: { export: ['FlattenedEncrypt'] }, invoke: 'new', role: 'encrypt' },
  { id: 'jose.GeneralEncrypt', library: 'jose', modules: JOSE_V4, reach: { export: ['GeneralEncrypt'] }, invoke: 'new', role: 'encrypt' },

  // Sign-in side: an org issuer is right here.
  { id: '@okta/okta-auth-js.OktaAuth', library: '@okta/okta-auth-js', reach: { export: ['OktaAuth'] }, invoke: 'new', role: 'sign-in-client', issuer: [slot(0, 'issuer')], clientId: [slot(0, 'clientId')] },
  { id: '@okta/okta-auth-js.default', library: '@okta/okta-auth-js', reach: { export: [] }, invoke: 'new', role: 'sign-in-client', issuer: [slot(0, 'issuer')], clientId: [slot(0, 'clientId')] },
  ...(
    [
      ['getIdToken', 'id'],
      ['getAccessToken', 'access'],
    ] as const
  ).flatMap(([member, tokenKind]) =>
    ['@okta/okta-auth-js.OktaAuth', '@okta/okta-auth-js.default'].map(
      (madeBy): LibraryApi => ({
        id: `${madeBy}#${member}`,
        library: '@okta/okta-auth-js',
        reach: { madeBy, member: [member] },
        invoke: 'call',
        role: 'token-getter',
        tokenKind,
      }),
    ),
  ),
  { id: '@okta/okta-react.useOktaAuth', library: '@okta/okta-react', reach: { export: ['useOktaAuth'] }, invoke: 'call', role: 'sign-in-client' },
  ...(
    [
      ['getIdToken', 'id'],
      ['getAccessToken', 'access'],
    ] as const
  ).map(
    ([member, tokenKind]): LibraryApi => ({
      id: `@okta/okta-react.useOktaAuth#oktaAuth.${member}`,
      library: '@okta/okta-react',
      reach: { madeBy: '@okta/okta-react.useOktaAuth', member: ['oktaAuth', member] },
      invoke: 'call',
      role: 'token-getter',
      tokenKind,
    }),
  ),
  { id: 'openid-client.Issuer.discover', library: 'openid-client', reach: { export: ['Issuer', 'discover'] }, invoke: 'call', role: 'sign-in-client', issuer: [slot(0)] },
  { id: 'openid-client.discovery', library: 'openid-client', reach: { export: ['discovery'] }, invoke: 'call', role: 'sign-in-client', issuer: [slot(0)], clientId: [slot(1)] },
  { id: 'next-auth.OktaProvider', library: 'next-auth', reach: { export: [] }, invoke: 'call', role: 'sign-in-client', modules: ['next-auth/providers/okta', '@auth/core/providers/okta'], issuer: [slot(0, 'issuer')], clientId: [slot(0, 'clientId')] },

  // Look-alikes: same method names, correct usage.
  { id: 'firebase-admin#verifyIdToken', library: 'firebase-admin', reach: { export: ['auth'] }, invoke: 'call', role: 'look-alike' },
  { id: 'firebase-admin.getAuth', library: 'firebase-admin', reach: { export: ['getAuth'] }, invoke: 'call', role: 'look-alike' },
  { id: 'google-auth-library.OAuth2Client', library: 'google-auth-library', reach: { export: ['OAuth2Client'] }, invoke: 'new', role: 'look-alike' },
];

/** NestJS mixins whose argument is the real strategy: `class S extends PassportStrategy(Strategy)`. */
export const STRATEGY_MIXINS: readonly { module: string; export: readonly string[]; strategyArg: number }[] = [
  { module: '@nestjs/passport', export: ['PassportStrategy'], strategyArg: 0 },
];

const librariesByModule = new Map<string, Library>();
for (const library of LIBRARIES) for (const module of library.modules) librariesByModule.set(module, library);

export function libraryOfModule(specifier: string): Library | undefined {
  return librariesByModule.get(specifier) ?? (specifier.startsWith('node:') ? undefined : librariesByModule.get(`node:${specifier}`));
}

/** Every module specifier the plugin knows, for quick pre-filters of files (CLI) and imports (rules). */
export const KNOWN_MODULES: ReadonlySet<string> = new Set(LIBRARIES.flatMap((library) => library.modules));

const apisById = new Map(LIBRARY_APIS.map((api) => [api.id, api]));
export function libraryApi(id: string): LibraryApi | undefined {
  return apisById.get(id);
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((step, index) => step === b[index]);
}

function appliesTo(api: LibraryApi, module: string): boolean {
  const library = librariesByModule.get(module);
  if (!library || library.id !== api.library) {
    // jose v2 and v4+ share the module name `jose`; the entry lists the modules it applies to.
    if (!api.modules?.includes(module)) return false;
  }
  return !api.modules || api.modules.includes(module);
}

/** The API at an export path of a module (`jsonwebtoken`, ['verify']). */
export function apiAtExport(module: string, path: readonly string[]): LibraryApi | undefined {
  const normalized = path[0] === 'default' ? path.slice(1) : path;
  return LIBRARY_APIS.find(
    (api) => 'export' in api.reach && samePath(api.reach.export, normalized) && appliesTo(api, module),
  );
}

/** The API reached as a member of a value another API made (`verifier.verifyAccessToken`). */
export function apiOnMade(madeBy: string, member: readonly string[]): LibraryApi | undefined {
  return LIBRARY_APIS.find((api) => 'madeBy' in api.reach && api.reach.madeBy === madeBy && samePath(api.reach.member, member));
}

/** The API for `register(<default export of module>, options)`. */
export function apiRegisteredAs(module: string, path: readonly string[]): LibraryApi | undefined {
  const normalized = path[0] === 'default' ? path.slice(1) : path;
  return LIBRARY_APIS.find(
    (api) => 'registeredAs' in api.reach && samePath(api.reach.registeredAs, normalized) && appliesTo(api, module),
  );
}

/**
 * The API of a hapi `auth.strategy(name, scheme, options)` call: the plugin the file imports decides,
 * else the option names (the plugin may be registered in another module).
 */
export function apiForAuthStrategy(scheme: string, importedModules: ReadonlySet<string>, optionNames: readonly string[]): LibraryApi | undefined {
  const candidates = LIBRARY_APIS.filter((api) => 'authScheme' in api.reach && api.reach.authScheme === scheme);
  const imported = candidates.filter((api) => LIBRARIES.find((library) => library.id === api.library)?.modules.some((module) => importedModules.has(module)));
  if (imported.length === 1) return imported[0];
  const scored = candidates
    .map((api) => ({ api, score: optionNames.filter((name) => 'authScheme' in api.reach && api.reach.optionNames.includes(name)).length }))
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.length > 0 && (scored.length === 1 || scored[0]!.score > scored[1]!.score) ? scored[0]!.api : undefined;
}

/** Method names on a framework instance that register plugins (`fastify.register`). */
export const REGISTRATION_METHODS: ReadonlySet<string> = new Set(['register']);

/** A known module named in quotes, as `import`, `require` and `import()` name it. */
const MODULE_MENTION = new RegExp(
  `['"\`](?:${[...KNOWN_MODULES].map((module) => module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})['"\`]`,
);

/**
 * A quick look at source text: does it mention any module the plugin knows? Files that do not are
 * skipped before any analysis (by rules) or before parsing (by the codemod CLI).
 */
export function mentionsKnownModule(text: string): boolean {
  return MODULE_MENTION.test(text);
}
