// Issuer discovery against a real oidc-provider: one shared fetch, fallback, issuer mismatch, unreachable provider.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ConfigurationError, createAccessTokenVerifier, DiscoveryError, ProviderError } from '../../src/runtime/index.js';
import { API_AUDIENCE, closedPort, startProvider, type ProviderHarness } from './support/provider.js';

let harness: ProviderHarness;

beforeAll(async () => {
  // The alias serves the same provider, whose discovery documents name .../oauth2/default as the issuer.
  harness = await startProvider({ aliasMounts: ['/oauth2/mismatch'] });
});

afterAll(async () => {
  await harness.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error & { code?: string },
  );
}

describe('discovery', () => {
  it('shares one discovery fetch and one JWKS fetch among concurrent first calls', async () => {
    const verifier = createAccessTokenVerifier({ issuer: harness.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true });
    const tokens = await Promise.all(Array.from({ length: 5 }, () => harness.clientCredentialsToken(API_AUDIENCE)));
    harness.resetCounts();
    const results = await Promise.all(Array.from({ length: 25 }, (_, index) => verifier.verify(tokens[index % tokens.length]!)));
    expect(results).toHaveLength(25);
    expect(harness.discoveryRequests()).toBe(1);
    expect(harness.requests.filter((path) => path.includes('/.well-known/'))).toEqual([
      '/oauth2/default/.well-known/oauth-authorization-server',
    ]);
    expect(harness.jwksRequests()).toBe(1);
    expect(verifier.stats).toMatchObject({ discoveryFetches: 1, jwksFetches: 1 });

    await verifier.verify(tokens[0]!);
    expect(harness.discoveryRequests()).toBe(1);
  });

  it('falls back to openid-configuration when the RFC 8414 document is missing', async () => {
    const oidcOnly = await startProvider();
    oidcOnly.blockPath('/oauth2/default/.well-known/oauth-authorization-server');
    try {
      const verifier = createAccessTokenVerifier({ issuer: oidcOnly.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true });
      await expect(verifier.verify(await oidcOnly.clientCredentialsToken(API_AUDIENCE))).resolves.toMatchObject({ iss: oidcOnly.issuer });
      expect(oidcOnly.requests.filter((path) => path.includes('/.well-known/'))).toEqual([
        '/oauth2/default/.well-known/oauth-authorization-server',
        '/oauth2/default/.well-known/openid-configuration',
      ]);
      expect(verifier.stats.discoveryFetches).toBe(2);
    } finally {
      await oidcOnly.close();
    }
  });

  it('refuses a discovery document that names a different issuer, and never fetches its keys', async () => {
    const issuer = `${harness.origin}/oauth2/mismatch`;
    const verifier = createAccessTokenVerifier({ issuer, audience: API_AUDIENCE, allowHttpForLoopback: true });
    harness.resetCounts();
    const error = await rejection(verifier.verify(await harness.clientCredentialsToken(API_AUDIENCE)));
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe('discovery_issuer_mismatch');
    expect(error.message).toContain(harness.issuer);
    expect(error.message).toContain(issuer);
    expect(harness.jwksRequests()).toBe(0);
  });

  it('explains a trailing-slash mismatch', async () => {
    const verifier = createAccessTokenVerifier({ issuer: `${harness.issuer}/`, audience: API_AUDIENCE, allowHttpForLoopback: true });
    const error = await rejection(verifier.verify(await harness.clientCredentialsToken(API_AUDIENCE)));
    expect(error.code).toBe('discovery_issuer_mismatch');
    expect(error.message).toMatch(/trailing slash/);
  });

  it('fails closed with a clear error when the provider is unreachable', async () => {
    const port = await closedPort();
    const issuer = `http://127.0.0.1:${port}/oauth2/default`;
    const verifier = createAccessTokenVerifier({ issuer, audience: API_AUDIENCE, allowHttpForLoopback: true, timeoutMs: 2_000 });
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    const error = await rejection(verifier.verify(token));
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error.code).toBe('discovery_unavailable');
    expect(error.message).toContain(issuer);
    expect(error.message).toMatch(/ECONNREFUSED|network error/);
    expect(error.message).not.toContain(token);
  });

  it('fails closed on a timeout', async () => {
    harness.setDown(true);
    try {
      const verifier = createAccessTokenVerifier({ issuer: harness.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true, timeoutMs: 300 });
      const error = await rejection(verifier.verify('eyJhbGciOiJSUzI1NiJ9.e30.c2ln'));
      expect(error).toBeInstanceOf(DiscoveryError);
      expect(error.code).toBe('discovery_unavailable');
    } finally {
      harness.setDown(false);
    }
  });

  it('refuses an org-style key set (/oauth2/v1/keys) found by discovery, even on a host not known to be Okta', async () => {
    const org = await startProvider({
      mountPath: '',
      routes: { jwks: '/oauth2/v1/keys', token: '/oauth2/v1/token', introspection: '/oauth2/v1/introspect', revocation: '/oauth2/v1/revoke' },
    });
    try {
      const verifier = createAccessTokenVerifier({ issuer: org.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true });
      const error = await rejection(verifier.verify(await org.clientCredentialsToken(API_AUDIENCE)));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.code).toBe('org_authorization_server');
      expect(error.message).toMatch(/introspection/);
      expect(org.jwksRequests()).toBe(0);
    } finally {
      await org.close();
    }
  });
});
