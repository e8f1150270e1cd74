// introspectingOktaJwtVerifier against a real oidc-provider's introspection endpoint: what callers of an exported
// @okta/jwt-verifier at an org authorization server keep calling, verifyAccessToken(token, audience).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, createTokenIntrospector, introspectingOktaJwtVerifier, TokenValidationError, type TokenIntrospector } from '../../../src/runtime/index.js';
import { CLIENT_ID, CLIENT_SECRET, OPAQUE_RESOURCE, startProvider, type ProviderHarness } from '../support/provider.js';

let harness: ProviderHarness;
let introspector: TokenIntrospector;

beforeAll(async () => {
  harness = await startProvider();
  introspector = createTokenIntrospector({ issuer: harness.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowHttpForLoopback: true });
});

afterAll(async () => {
  await harness?.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; claim?: string }> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error & { code?: string },
  );
}

describe('introspectingOktaJwtVerifier', () => {
  it('resolves verifyAccessToken with { claims } as @okta/jwt-verifier did: the answer, with scp and cid under Okta\'s names', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write');
    const jwt = await introspectingOktaJwtVerifier({ introspector }).verifyAccessToken(token, OPAQUE_RESOURCE);
    expect(jwt.claims).toMatchObject({ active: true, aud: OPAQUE_RESOURCE, client_id: CLIENT_ID, cid: CLIENT_ID, scope: 'read write', scp: ['read', 'write'] });
    expect(jwt.toString()).toBe(token);
    expect(jwt.isExpired()).toBe(false);
    expect(jwt.isNotBefore()).toBe(false);
    expect(Object.isFrozen(jwt.claims)).toBe(true);
    // One of a list, as Okta's verifier takes it.
    await expect(introspectingOktaJwtVerifier({ introspector }).verifyAccessToken(token, ['api://other', OPAQUE_RESOURCE])).resolves.toMatchObject({ claims: { active: true } });
  });

  it('refuses an active token for another audience, named for the library it stands in for', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    const error = await rejection(introspectingOktaJwtVerifier({ introspector }).verifyAccessToken(token, 'api://other'));
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error.code).toBe('audience_mismatch');
    expect(error.message).toMatch(/^@okta\/jwt-verifier: /);
  });

  it('checks assertClaims as @okta/jwt-verifier does: equality, and includes on a list claim', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write');
    const verify = (assertClaims: Record<string, unknown>) => introspectingOktaJwtVerifier({ introspector, assertClaims }).verifyAccessToken(token, OPAQUE_RESOURCE);
    await expect(verify({ cid: CLIENT_ID, 'scp.includes': ['read', 'write'] })).resolves.toMatchObject({ claims: { cid: CLIENT_ID } });
    await expect(verify({ 'scp.includes': 'write' })).resolves.toMatchObject({ claims: { active: true } });
    for (const assertClaims of [{ cid: 'another-client' }, { 'scp.includes': ['read', 'admin'] }, { 'groups.includes': 'admins' }]) {
      const error = await rejection(verify(assertClaims));
      expect(error, JSON.stringify(assertClaims)).toBeInstanceOf(TokenValidationError);
      expect(error.code).toBe('claim_mismatch');
    }
  });

  it('fails closed on a revoked token', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    const verifier = introspectingOktaJwtVerifier({ introspector });
    await verifier.verifyAccessToken(token, OPAQUE_RESOURCE);
    await harness.revoke(token);
    expect((await rejection(verifier.verifyAccessToken(token, OPAQUE_RESOURCE))).code).toBe('inactive');
  });

  it('refuses bad configuration and calls with a clear error: an unknown assertClaims operator, no audience, an ID token', async () => {
    expect(() => introspectingOktaJwtVerifier({ introspector, assertClaims: { 'scp.contains': 'read' } })).toThrow(/operator "contains" is not supported/);
    const verifier = introspectingOktaJwtVerifier({ introspector });
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    const noAudience = await rejection(verifier.verifyAccessToken(token, undefined as never));
    expect(noAudience).toBeInstanceOf(ConfigurationError);
    expect(noAudience.message).toMatch(/expected audience is required/);
    const idToken = await rejection(verifier.verifyIdToken(await harness.idToken(), CLIENT_ID));
    expect(idToken).toBeInstanceOf(ConfigurationError);
    expect(idToken.message).toMatch(/verify ID tokens with an OktaJwtVerifier/);
  });
});
