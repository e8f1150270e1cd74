// introspectingJwtVerifier in place of aws-jwt-verify's JwtVerifier at an org authorization server site: its
// verify(token) introspects at a real oidc-provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIntrospector, introspectingJwtVerifier, TokenValidationError, type IntrospectingJwtVerifier } from '../../../src/runtime/index.js';
import { CLIENT_ID, CLIENT_SECRET, OPAQUE_RESOURCE, startProvider, type ProviderHarness } from '../support/provider.js';

describe('introspectingJwtVerifier (aws-jwt-verify callers) against a real provider', () => {
  let harness: ProviderHarness;
  let verifier: IntrospectingJwtVerifier;

  beforeAll(async () => {
    harness = await startProvider();
    verifier = introspectingJwtVerifier({
      introspector: createTokenIntrospector({ issuer: harness.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowHttpForLoopback: true, failureBackoffMs: 0 }),
    });
  });
  afterAll(() => harness?.close());

  it('resolves verify(token) with the active answer, whatever properties the caller passes', async () => {
    await verifier.hydrate();
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write');
    expect(await verifier.verify(token, { audience: 'ignored' })).toMatchObject({ active: true, client_id: CLIENT_ID, scope: 'read write' });
  });

  it('rejects a revoked token and a made-up one as TokenValidationError naming aws-jwt-verify', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    await harness.revoke(token);
    for (const refused of [token, 'made-up-token']) {
      const error = await verifier.verify(refused).then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(TokenValidationError);
      expect((error as Error).message).toMatch(/^aws-jwt-verify: /);
    }
  });

  it('refuses verifySync, saying to await verify(token)', () => {
    expect(() => verifier.verifySync('any')).toThrow(/await verifier\.verify\(token\)/);
  });

  it('takes the options of an introspector instead of one', async () => {
    const own = introspectingJwtVerifier({ introspector: { issuer: harness.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowHttpForLoopback: true } });
    expect(await own.verify(await harness.clientCredentialsToken(OPAQUE_RESOURCE))).toMatchObject({ active: true });
  });
});
