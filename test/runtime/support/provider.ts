// A real oidc-provider on 127.0.0.1, mounted like an Okta custom authorization server, with keys the test can rotate.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider, { type OidcContext } from 'oidc-provider';

export const API_AUDIENCE = 'api://default';
export const OPAQUE_RESOURCE = 'urn:example:opaque';
/** Another API of the same provider, with JWT access tokens: a real token for the wrong audience. */
export const OTHER_API_AUDIENCE = 'api://other';
/** Opaque tokens that live two seconds, for expiry tests. */
export const SHORT_LIVED_RESOURCE = 'urn:example:short-lived';
export const CLIENT_ID = 'api-client';
export const CLIENT_SECRET = 'api-client-secret-0123456789';
export const JWT_CLIENT_ID = 'jwt-client';
/** A grant type registered by the harness that makes the provider's own IdToken model issue an ID token. */
export const ID_TOKEN_GRANT = 'urn:test:id-token';

export interface ProviderHarnessOptions {
  /** Where the provider is mounted; the issuer is origin + mountPath. Default `/oauth2/default`. */
  readonly mountPath?: string;
  /** Extra paths that serve the same provider (whose issuer stays origin + mountPath). */
  readonly aliasMounts?: readonly string[];
  /** oidc-provider `routes` overrides, e.g. Okta org-style `/oauth2/v1/keys`. */
  readonly routes?: Record<string, string>;
}

export interface ProviderHarness {
  readonly origin: string;
  readonly issuer: string;
  readonly mountPath: string;
  /** Private JWKs the provider signs with, newest first. */
  readonly signingKeys: readonly JWK[];
  /** The private JWK of `jwt-client`, for private_key_jwt. */
  readonly clientPrivateKey: JWK;
  /** Paths of every request received, in order. */
  readonly requests: readonly string[];
  countRequests(predicate: (path: string) => boolean): number;
  jwksRequests(): number;
  discoveryRequests(): number;
  introspectionRequests(): number;
  resetCounts(): void;
  /** Sets (or, with undefined, removes) Cache-Control on JWKS answers. */
  setJwksCacheControl(value: string | undefined): void;
  /** While down, every connection is cut without an answer. */
  setDown(down: boolean): void;
  /** Answer 404 (or `status`) to this exact path (e.g. one discovery document); `unblockPath` serves it again. */
  blockPath(path: string, status?: number): void;
  unblockPath(path: string): void;
  /** Starts a new provider object with a new signing key first and the old ones after; the port stays. */
  rotateKeys(key?: JWK): Promise<JWK>;
  clientCredentialsToken(resource: string, scope?: string): Promise<string>;
  /** The same grant for the other client, `jwt-client` (private_key_jwt): a token issued to another client. */
  otherClientToken(resource: string, scope?: string): Promise<string>;
  /** An ID token issued by the provider's own IdToken model (aud = client id, nonce, at_hash). */
  idToken(): Promise<string>;
  revoke(token: string): Promise<void>;
  /** Signs claims with one of the provider's keys, for edge cases the provider would not issue. */
  sign(claims: JWTPayload, header?: { alg?: string; kid?: string; typ?: string }, key?: JWK): Promise<string>;
  close(): Promise<void>;
}

export async function newSigningKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

export function publicPart(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = jwk;
  return rest;
}

/** A resource server's token settings, as oidc-provider's `getResourceServerInfo` returns them. */
type ResourceServerInfo = Record<string, unknown>;

/**
 * What every provider in these tests shares: JWT access tokens for the API (`api://default`, RS256, with
 * Okta's `cid`), client credentials, and, with `introspection`, introspection and revocation. Runtime and
 * end-to-end tests both build on it.
 */
export function sharedConfiguration(options: { introspection?: boolean; resources?: Record<string, ResourceServerInfo> } = {}) {
  return {
    scopes: ['openid', 'read', 'write'],
    ttl: {
      AccessToken: 300,
      ClientCredentials: (_ctx: unknown, token: { resourceServer?: { accessTokenTTL?: number } }) => token.resourceServer?.accessTokenTTL ?? 300,
      IdToken: 300,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      ...(options.introspection ? { introspection: { enabled: true, allowedPolicy: () => true }, revocation: { enabled: true } } : {}),
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource === API_AUDIENCE) return { scope: 'read write', accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } };
          const other = options.resources?.[resource];
          if (other) return other;
          throw new Provider.errors.InvalidTarget!();
        },
      },
    },
    formats: {
      customizers: {
        // Okta names the client in `cid`; RFC 9068's `client_id` stays too.
        jwt: (_ctx: unknown, token: { clientId: string }, jwt: { payload: Record<string, unknown> }) => {
          jwt.payload.cid = token.clientId;
        },
      },
    },
  };
}

/** A grant that hands out a real ID token of the provider's, to present where an access token belongs. */
export function registerIdTokenGrant(provider: Provider): void {
  provider.registerGrantType(ID_TOKEN_GRANT, async (ctx: OidcContext) => {
    const idToken = new ctx.oidc.provider.IdToken({ sub: 'alice' }, { ctx });
    idToken.scope = 'openid';
    idToken.set('nonce', 'n-0S6_WzA2Mj');
    idToken.set('at_hash', 'an access token value');
    ctx.body = { id_token: await idToken.issue({ use: 'idtoken' }), token_type: 'Bearer' };
  });
}

export async function startProvider(options: ProviderHarnessOptions = {}): Promise<ProviderHarness> {
  const mountPath = options.mountPath ?? '/oauth2/default';
  const mounts = [mountPath, ...(options.aliasMounts ?? [])];
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}${mountPath}`;

  const clientKey = await newSigningKey('jwt-client-key');
  const signingKeys: JWK[] = [await newSigningKey('key-1')];
  const requests: string[] = [];
  const blocked = new Map<string, number>();
  let jwksCacheControl: string | undefined;
  let down = false;

  function buildProvider(): Provider {
    const provider = new Provider(issuer, {
      jwks: { keys: signingKeys },
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          grant_types: ['client_credentials', ID_TOKEN_GRANT],
          response_types: [],
          redirect_uris: [],
          token_endpoint_auth_method: 'client_secret_basic',
        },
        {
          client_id: JWT_CLIENT_ID,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
          token_endpoint_auth_method: 'private_key_jwt',
          token_endpoint_auth_signing_alg: 'RS256',
          jwks: { keys: [publicPart(clientKey)] },
        },
      ],
      ...(options.routes ? { routes: options.routes } : {}),
      ...sharedConfiguration({
        introspection: true,
        resources: {
          [OPAQUE_RESOURCE]: { scope: 'read write', accessTokenFormat: 'opaque', accessTokenTTL: 300 },
          [OTHER_API_AUDIENCE]: { scope: 'read write', accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } },
          [SHORT_LIVED_RESOURCE]: { scope: 'read', accessTokenFormat: 'opaque', accessTokenTTL: 2 },
        },
      }),
    });
    registerIdTokenGrant(provider);
    return provider;
  }

  let handler = buildProvider().callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? url;
    requests.push(path);
    if (down) {
      req.socket.destroy();
      return;
    }
    const blockedWith = blocked.get(path);
    if (blockedWith !== undefined) {
      res.writeHead(blockedWith, { 'content-type': 'application/json' }).end(blockedWith === 404 ? '{"error":"not_found"}' : '{"error":"server_error"}');
      return;
    }
    const mount = mounts.find((prefix) => path === prefix || path.startsWith(`${prefix}/`) || prefix === '');
    if (mount === undefined) {
      res.writeHead(404).end();
      return;
    }
    if (jwksCacheControl !== undefined && path.endsWith(options.routes?.jwks ?? '/jwks')) {
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
      res.writeHead = ((...args: unknown[]) => {
        res.setHeader('cache-control', jwksCacheControl!);
        return writeHead(...args);
      }) as typeof res.writeHead;
    }
    // The provider derives its mount path from originalUrl minus url, as behind express.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(mount.length) || '/';
    handler(req, res);
  });

  const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
  async function tokenRequest(params: Record<string, string>): Promise<Record<string, unknown>> {
    const response = await fetch(`${issuer}${options.routes?.token ?? '/token'}`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  }

  const count = (predicate: (path: string) => boolean): number => requests.filter(predicate).length;
  const jwksPath = `${mountPath}${options.routes?.jwks ?? '/jwks'}`;

  return {
    origin,
    issuer,
    mountPath,
    get signingKeys() {
      return signingKeys;
    },
    clientPrivateKey: clientKey,
    requests,
    countRequests: count,
    jwksRequests: () => count((path) => path === jwksPath),
    discoveryRequests: () => count((path) => path.includes('/.well-known/')),
    introspectionRequests: () => count((path) => path.endsWith(options.routes?.introspection ?? '/token/introspection')),
    resetCounts: () => {
      requests.length = 0;
    },
    setJwksCacheControl: (value) => {
      jwksCacheControl = value;
    },
    setDown: (value) => {
      down = value;
    },
    blockPath: (path, status = 404) => {
      blocked.set(path, status);
    },
    unblockPath: (path) => {
      blocked.delete(path);
    },
    async rotateKeys(prepared) {
      const key = prepared ?? (await newSigningKey(`key-${signingKeys.length + 1}`));
      signingKeys.unshift(key);
      handler = buildProvider().callback();
      return key;
    },
    async clientCredentialsToken(resource, scope = 'read') {
      const body = await tokenRequest({ grant_type: 'client_credentials', resource, scope });
      return body.access_token as string;
    },
    async otherClientToken(resource, scope = 'read') {
      const tokenEndpoint = `${issuer}${options.routes?.token ?? '/token'}`;
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: clientKey.kid! })
        .setIssuer(JWT_CLIENT_ID)
        .setSubject(JWT_CLIENT_ID)
        .setAudience(issuer)
        .setJti(`jti-${Math.random().toString(36).slice(2)}`)
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(await importJWK(clientKey, 'RS256'));
      const response = await fetch(tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          resource,
          scope,
          client_id: JWT_CLIENT_ID,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
        }).toString(),
      });
      const body = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
      return body.access_token as string;
    },
    async idToken() {
      const body = await tokenRequest({ grant_type: ID_TOKEN_GRANT });
      return body.id_token as string;
    },
    async revoke(token) {
      const response = await fetch(`${issuer}${options.routes?.revocation ?? '/token/revocation'}`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
      });
      if (!response.ok) throw new Error(`revocation answered ${response.status}`);
    },
    async sign(claims, header = {}, key = signingKeys[0]!) {
      const alg = header.alg ?? 'RS256';
      return new SignJWT(claims)
        .setProtectedHeader({ alg, kid: header.kid ?? key.kid!, ...(header.typ ? { typ: header.typ } : {}) })
        .sign(await importJWK(key, alg));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The claims of a valid access token from the harness, for crafting variants of it. */
export function accessTokenClaims(harness: ProviderHarness, overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: harness.issuer,
    aud: API_AUDIENCE,
    sub: CLIENT_ID,
    cid: CLIENT_ID,
    client_id: CLIENT_ID,
    scope: 'read',
    jti: `jti-${Math.random().toString(36).slice(2)}`,
    iat: now,
    exp: now + 300,
    ...overrides,
  };
}
