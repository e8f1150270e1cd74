// createTokenIntrospector against a real oidc-provider: RFC 7662 answers, client authentication, failing closed, the cache.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import {
  ConfigurationError,
  createTokenIntrospector,
  DiscoveryError,
  IntrospectionError,
  TokenValidationError,
  type TokenIntrospector,
  type TokenIntrospectorOptions,
} from '../../src/runtime/index.js';
import {
  API_AUDIENCE,
  CLIENT_ID,
  CLIENT_SECRET,
  closedPort,
  JWT_CLIENT_ID,
  OPAQUE_RESOURCE,
  SHORT_LIVED_RESOURCE,
  sleep,
  startProvider,
  type ProviderHarness,
} from './support/provider.js';

let harness: ProviderHarness;
let introspector: TokenIntrospector;

beforeAll(async () => {
  harness = await startProvider();
  introspector = introspectorFor();
});

afterAll(async () => {
  await harness.close();
});

/** An introspector of the test provider's client, over loopback http, with these options besides. */
function introspectorFor(overrides: Partial<TokenIntrospectorOptions> = {}): TokenIntrospector {
  return createTokenIntrospector({
    issuer: harness.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    allowHttpForLoopback: true,
    ...overrides,
  } as TokenIntrospectorOptions);
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; status?: number }> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error & { code?: string; status?: number },
  );
}

/** A local server with a fixed behaviour, standing in for a broken introspection endpoint. */
async function stubEndpoint(respond: ((res: ServerResponse) => void) | 'hang'): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    if (respond !== 'hang') respond(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/introspect`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('createTokenIntrospector: answers', () => {
  it('returns the claims of an active token (client_secret_basic), from the discovered endpoint', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write');
    const result = await introspector.introspect(token);
    expect(result).toMatchObject({ active: true, client_id: CLIENT_ID, scope: 'read write', aud: OPAQUE_RESOURCE, iss: harness.issuer });
    expect(typeof result.exp).toBe('number');
    expect(Object.isFrozen(result)).toBe(true);
    expect(introspector.stats.discoveryFetches).toBe(1);
  });

  it('fails closed on a revoked token', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    await expect(introspector.introspect(token)).resolves.toMatchObject({ active: true });
    await harness.revoke(token);
    const error = await rejection(introspector.introspect(token));
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error.code).toBe('inactive');
    expect(error.message).not.toContain(token);
  });

  it('fails closed on a token the server never issued', async () => {
    await expect(introspector.introspect('made-up-token-value')).rejects.toMatchObject({ code: 'inactive' });
  });

  it('calls a node-style callback once, after returning, with (null, answer) or (error), as code migrated from jsonwebtoken expects', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read');
    const outcome = (value: string) =>
      new Promise<unknown[][]>((resolve) => {
        const calls: unknown[][] = [];
        let returned = false;
        const result = introspector.introspect(value, (...args) => {
          calls.push([returned, ...args]);
          // A second call would show up here before the check below.
          setTimeout(() => resolve(calls), 20);
        });
        returned = true;
        expect(result).toBeUndefined();
      });
    const [success, ...moreSuccess] = await outcome(token);
    expect(moreSuccess).toEqual([]);
    expect(success![0]).toBe(true);
    expect(success![1]).toBeNull();
    expect(success![2]).toMatchObject({ active: true, client_id: CLIENT_ID });
    const [failure, ...moreFailure] = await outcome('made-up-token-value');
    expect(moreFailure).toEqual([]);
    expect(failure![0]).toBe(true);
    expect(failure![1]).toBeInstanceOf(TokenValidationError);
    expect(failure).toHaveLength(2);
  });

  it('rejects an active token for another audience when audience is configured', async () => {
    const checking = introspectorFor({
      audience: API_AUDIENCE,
    });
    const error = await rejection(checking.introspect(await harness.clientCredentialsToken(OPAQUE_RESOURCE)));
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error.code).toBe('audience_mismatch');
  });

  it('with audience, accepts an active token whose aud names one of them (oidc-provider answers aud: the resource)', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    await expect(introspectorFor({ audience: OPAQUE_RESOURCE }).introspect(token)).resolves.toMatchObject({ active: true, aud: OPAQUE_RESOURCE });
    await expect(introspectorFor({ audience: [API_AUDIENCE, OPAQUE_RESOURCE] }).introspect(token)).resolves.toMatchObject({ active: true });
  });

  it('with audience, fails closed on an active answer without aud, and on one whose iss is another issuer, with 401', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const answers = [
      { answer: { active: true, exp, client_id: CLIENT_ID }, code: 'audience_mismatch' },
      { answer: { active: true, exp, aud: [OPAQUE_RESOURCE, 'urn:example:else'], iss: 'https://other.example.com' }, code: 'issuer_mismatch' },
    ];
    for (const { answer, code } of answers) {
      const stub = await stubEndpoint((res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)));
      try {
        const error = await rejection(introspectorFor({ introspectionEndpoint: stub.url, audience: OPAQUE_RESOURCE }).introspect('some-token'));
        expect(error).toBeInstanceOf(TokenValidationError);
        expect(error.code).toBe(code);
        expect((error as TokenValidationError).statusCode).toBe(401);
      } finally {
        await stub.close();
      }
    }
  });

  it('refuses audience written out as undefined (an unset environment variable) at construction, rather than checking none', () => {
    expect(() => introspectorFor({ audience: process.env.OIDC_E2E_SURELY_UNSET_AUDIENCE })).toThrow(/audience is given but undefined/);
    expect(() => introspectorFor({ audience: undefined })).toThrow(ConfigurationError);
    for (const audience of [[], [''], '']) expect(() => introspectorFor({ audience })).toThrow(ConfigurationError);
    expect(() => introspectorFor({})).not.toThrow();
  });

  it('with allowedClientIds, accepts tokens of the listed clients and refuses a token issued to another client', async () => {
    const pinned = introspectorFor({ allowedClientIds: [CLIENT_ID] });
    const own = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    const foreign = await harness.otherClientToken(OPAQUE_RESOURCE);
    // Both are active at the provider; only the client pin tells them apart.
    await expect(introspector.introspect(foreign)).resolves.toMatchObject({ active: true, client_id: JWT_CLIENT_ID });
    await expect(pinned.introspect(own)).resolves.toMatchObject({ active: true, client_id: CLIENT_ID });
    const error = await rejection(pinned.introspect(foreign));
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error.code).toBe('client_id_mismatch');
    expect(error.message).toContain(JWT_CLIENT_ID);
    await expect(introspectorFor({ allowedClientIds: JWT_CLIENT_ID }).introspect(foreign)).resolves.toMatchObject({ active: true });
  });

  it('with allowedClientIds, fails closed on an active answer that names no client_id', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const stub = await stubEndpoint((res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ active: true, exp })));
    try {
      await expect(introspectorFor({ introspectionEndpoint: stub.url }).introspect('some-token')).resolves.toMatchObject({ active: true });
      const pinned = introspectorFor({ introspectionEndpoint: stub.url, allowedClientIds: [CLIENT_ID] });
      const error = await rejection(pinned.introspect('some-token'));
      expect(error).toBeInstanceOf(TokenValidationError);
      expect(error.code).toBe('missing_claim');
    } finally {
      await stub.close();
    }
  });

  it('refuses an empty or non-string allowedClientIds at construction', () => {
    for (const allowedClientIds of [[], [''], [42]]) {
      expect(() => introspectorFor({ allowedClientIds: allowedClientIds as string[] })).toThrow(ConfigurationError);
    }
  });

  it('refuses a token the server will not introspect (oidc-provider answers 400 unsupported_token_type to JWTs) as inactive', async () => {
    const jwt = await harness.clientCredentialsToken(API_AUDIENCE);
    const error = await rejection(introspector.introspect(jwt));
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error.code).toBe('inactive');
    expect((error as TokenValidationError).statusCode).toBe(401);
    expect(error.message).toContain('unsupported_token_type');
    expect(error.message).not.toContain(jwt);
  });

  it('reports any other non-2xx answer as a provider failure (503), its status as endpointStatus, not status', async () => {
    const endpoint = `${harness.mountPath}/token/introspection`;
    harness.blockPath(endpoint, 500);
    try {
      const error = await rejection(introspector.introspect(await harness.clientCredentialsToken(OPAQUE_RESOURCE)));
      expect(error).toBeInstanceOf(IntrospectionError);
      expect(error.code).toBe('introspection_http_status');
      expect((error as IntrospectionError).endpointStatus).toBe(500);
      expect((error as IntrospectionError).statusCode).toBe(503);
      expect(error.status).toBeUndefined();
    } finally {
      harness.unblockPath(endpoint);
    }
  });
});

describe('createTokenIntrospector: client authentication', () => {
  it('reports bad client credentials as client_authentication_failed, without the secret or the token', async () => {
    const wrong = createTokenIntrospector({
      issuer: harness.issuer,
      clientId: CLIENT_ID,
      clientSecret: 'not-the-secret',
      allowHttpForLoopback: true,
    });
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    const error = await rejection(wrong.introspect(token));
    expect(error).toBeInstanceOf(IntrospectionError);
    expect(error.code).toBe('client_authentication_failed');
    expect((error as IntrospectionError).endpointStatus).toBe(401);
    expect(error.message).toContain('client_secret_basic');
    expect(error.message).not.toContain('not-the-secret');
    expect(error.message).not.toContain(token);
  });

  it('authenticates with private_key_jwt', async () => {
    const withKey = createTokenIntrospector({
      issuer: harness.issuer,
      clientId: JWT_CLIENT_ID,
      privateKey: harness.clientPrivateKey,
      allowHttpForLoopback: true,
    });
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    await expect(withKey.introspect(token)).resolves.toMatchObject({ active: true, client_id: CLIENT_ID });
    // Each request carries a fresh assertion (the provider refuses a replayed jti).
    await expect(withKey.introspect(token)).resolves.toMatchObject({ active: true });
  });

  it('reports a private_key_jwt signed with the wrong key as client_authentication_failed', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const wrongKey = createTokenIntrospector({
      issuer: harness.issuer,
      clientId: JWT_CLIENT_ID,
      privateKey: { ...(await exportJWK(privateKey)), kid: harness.clientPrivateKey.kid! },
      allowHttpForLoopback: true,
    });
    const error = await rejection(wrongKey.introspect(await harness.clientCredentialsToken(OPAQUE_RESOURCE)));
    expect(error.code).toBe('client_authentication_failed');
    expect(error.message).toContain('private_key_jwt');
  });

  it('needs exactly one of clientSecret and privateKey', () => {
    const base = { issuer: harness.issuer, clientId: CLIENT_ID, allowHttpForLoopback: true };
    expect(() => createTokenIntrospector(base as never)).toThrow(ConfigurationError);
    expect(() => createTokenIntrospector({ ...base, clientSecret: 's', privateKey: harness.clientPrivateKey } as never)).toThrow(/exactly one/);
  });
});

describe('createTokenIntrospector: failing closed', () => {
  it('fails closed with a clear error when the provider is unreachable', async () => {
    const port = await closedPort();
    const unreachable = createTokenIntrospector({
      issuer: `http://127.0.0.1:${port}/oauth2/default`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      allowHttpForLoopback: true,
    });
    const error = await rejection(unreachable.introspect('some-token'));
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error.code).toBe('discovery_unavailable');
  });

  it('fails closed when the introspection endpoint drops the connection', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    await introspector.introspect(token); // discovery done while the provider is up
    harness.setDown(true);
    try {
      const error = await rejection(introspector.introspect(token));
      expect(error).toBeInstanceOf(IntrospectionError);
      expect(error.code).toBe('introspection_unavailable');
    } finally {
      harness.setDown(false);
    }
  });

  it('fails closed on a timeout', async () => {
    const stub = await stubEndpoint('hang');
    try {
      const slow = introspectorFor({
        introspectionEndpoint: stub.url,
        timeoutMs: 200,
      });
      const started = Date.now();
      const error = await rejection(slow.introspect('some-token'));
      expect(error.code).toBe('introspection_timeout');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await stub.close();
    }
  });

  it('fails closed on a malformed body', async () => {
    for (const body of ['<html>not json</html>', '{"active":"true"}', '[true]']) {
      const stub = await stubEndpoint((res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
      try {
        const broken = introspectorFor({
          introspectionEndpoint: stub.url,
        });
        await expect(broken.introspect('some-token'), body).rejects.toMatchObject({ code: 'introspection_malformed' });
      } finally {
        await stub.close();
      }
    }
  });

  it('posts to <org>/oauth2/v1/introspect for an Okta org authorization server, without discovery', async () => {
    const seen: { url: string; body: string; authorization: string | null }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), body: String(init?.body), authorization: new Headers(init?.headers).get('authorization') });
      return new Response(JSON.stringify({ active: true, client_id: 'web', exp: Math.floor(Date.now() / 1000) + 60 }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const org = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: 'svc', clientSecret: 'shh', fetch: recordingFetch });
    await expect(org.introspect('opaque-okta-token')).resolves.toMatchObject({ active: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('https://acme.okta.com/oauth2/v1/introspect');
    expect(new URLSearchParams(seen[0]!.body).get('token_type_hint')).toBe('access_token');
    expect(seen[0]!.authorization).toBe(`Basic ${Buffer.from('svc:shh').toString('base64')}`);
  });

  it('discovers an org-style /oauth2/v1/introspect on a real provider mounted at the origin', async () => {
    const org = await startProvider({
      mountPath: '',
      routes: { jwks: '/oauth2/v1/keys', token: '/oauth2/v1/token', introspection: '/oauth2/v1/introspect', revocation: '/oauth2/v1/revoke' },
    });
    try {
      const orgIntrospector = createTokenIntrospector({ issuer: org.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowHttpForLoopback: true });
      await expect(orgIntrospector.introspect(await org.clientCredentialsToken(OPAQUE_RESOURCE))).resolves.toMatchObject({ active: true });
      expect(org.requests).toContain('/oauth2/v1/introspect');
    } finally {
      await org.close();
    }
  });
});

describe('createTokenIntrospector: positive cache', () => {
  it('is off by default: a revoked token is refused on the next call', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    await introspector.introspect(token);
    await harness.revoke(token);
    await expect(introspector.introspect(token)).rejects.toMatchObject({ code: 'inactive' });
    expect(introspector.stats.cacheHits).toBe(0);
  });

  it('serves repeated tokens from the cache, bounded in size (least recently used evicted)', async () => {
    const cached = introspectorFor({
      cacheTtlMs: 60_000,
      cacheMaxEntries: 2,
    });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => harness.clientCredentialsToken(OPAQUE_RESOURCE)));
    const before = harness.introspectionRequests();
    await cached.introspect(a!);
    await cached.introspect(a!);
    expect(harness.introspectionRequests()).toBe(before + 1);
    await cached.introspect(b!);
    await cached.introspect(c!); // evicts a
    expect(cached.stats.cacheSize).toBe(2);
    await cached.introspect(c!);
    expect(harness.introspectionRequests()).toBe(before + 3);
    await cached.introspect(a!);
    expect(harness.introspectionRequests()).toBe(before + 4);
    expect(cached.stats.cacheHits).toBe(2);
  });

  it('never serves an answer past the token\'s exp, and an expired token fails closed', async () => {
    const cached = introspectorFor({
      cacheTtlMs: 60_000,
      clockTolerance: 0,
    });
    const token = await harness.clientCredentialsToken(SHORT_LIVED_RESOURCE);
    const first = await cached.introspect(token);
    const before = harness.introspectionRequests();
    await cached.introspect(token);
    expect(harness.introspectionRequests()).toBe(before);

    await sleep(first.exp! * 1000 - Date.now() + 150);
    const error = await rejection(cached.introspect(token));
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error.code).toBe('inactive');
    expect(harness.introspectionRequests()).toBe(before + 1);
  });
});
