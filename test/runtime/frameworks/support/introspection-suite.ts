// One suite for every introspecting middleware: a real app of the framework against a real oidc-provider's
// introspection endpoint (opaque tokens, revocation, an outage); each framework's test file supplies only its app.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTokenIntrospector, type TokenIntrospector } from '../../../../src/runtime/index.js';
import { CLIENT_ID, CLIENT_SECRET, OPAQUE_RESOURCE, OTHER_API_AUDIENCE, SHORT_LIVED_RESOURCE, sleep, startProvider, type ProviderHarness } from '../../support/provider.js';
import type { AppUnderTest } from './key-adapter-suite.js';

export interface IntrospectionSuite {
  /** The framework, which refusals name. */
  readonly framework: string;
  /** Starts the app with the middleware in front of `GET url`, answering 200 with the request property it sets. */
  start(introspector: TokenIntrospector): Promise<AppUnderTest>;
  /** Where the old middleware put the claims, for the test names. */
  readonly property: string;
}

async function get(url: string, authorization?: string): Promise<{ status: number; body: unknown; challenge: string | null }> {
  const response = await fetch(url, authorization === undefined ? {} : { headers: { authorization } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body, challenge: response.headers.get('www-authenticate') };
}

export function describeIntrospectingMiddleware(suite: IntrospectionSuite): void {
  describe(`${suite.framework}: introspecting middleware in a real app`, () => {
    let harness: ProviderHarness;
    let app: AppUnderTest;

    beforeAll(async () => {
      harness = await startProvider();
      const introspector = createTokenIntrospector({
        issuer: harness.issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        allowHttpForLoopback: true,
        failureBackoffMs: 0,
      });
      app = await suite.start(introspector);
    });

    afterAll(async () => {
      await app?.close();
      await harness?.close();
    });

    it(`accepts an active token and puts the introspection answer on ${suite.property}`, async () => {
      const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write');
      const { status, body } = await get(app.url, `Bearer ${token}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ active: true, client_id: CLIENT_ID, scope: 'read write', aud: OPAQUE_RESOURCE, iss: harness.issuer });
    });

    it('refuses a revoked token with 401 and a Bearer invalid_token challenge', async () => {
      const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
      expect((await get(app.url, `Bearer ${token}`)).status).toBe(200);
      await harness.revoke(token);
      const refused = await get(app.url, `Bearer ${token}`);
      expect(refused.status).toBe(401);
      expect(refused.challenge).toBe('Bearer error="invalid_token"');
      expect(JSON.stringify(refused.body)).not.toContain(token);
    });

    it('refuses a token the provider never issued, and a request without a bearer token', async () => {
      expect((await get(app.url, 'Bearer made-up-token')).status).toBe(401);
      const missing = await get(app.url);
      expect(missing.status).toBe(401);
      expect(missing.challenge).toBe('Bearer');
      expect((await get(app.url, 'Basic dXNlcjpwYXNz')).status).toBe(401);
    });

    it('refuses with 401 and the challenge a token the endpoint will not introspect (400 unsupported_token_type), an ID token, an expired token', async () => {
      // oidc-provider answers 400 unsupported_token_type to JWTs, where Okta answers active: false.
      const expiring = await harness.clientCredentialsToken(SHORT_LIVED_RESOURCE);
      for (const token of [await harness.clientCredentialsToken(OTHER_API_AUDIENCE), await harness.idToken()]) {
        const refused = await get(app.url, `Bearer ${token}`);
        expect(refused.status).toBe(401);
        expect(refused.challenge).toBe('Bearer error="invalid_token"');
      }
      await sleep(3_000);
      const expired = await get(app.url, `Bearer ${expiring}`);
      expect(expired.status).toBe(401);
      expect(expired.challenge).toBe('Bearer error="invalid_token"');
    });

    it('answers 503 while the introspection endpoint answers 500 or 404, without a challenge', async () => {
      const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
      const endpoint = `${harness.mountPath}/token/introspection`;
      try {
        for (const status of [500, 404]) {
          harness.blockPath(endpoint, status);
          const answered = await get(app.url, `Bearer ${token}`);
          expect(answered.status, `endpoint answering ${status}`).toBe(503);
          expect(answered.challenge).toBeNull();
        }
      } finally {
        harness.unblockPath(endpoint);
      }
      expect((await get(app.url, `Bearer ${token}`)).status).toBe(200);
    });

    it('answers 503, not 200 or 401, while the provider cannot be reached', async () => {
      const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
      harness.setDown(true);
      try {
        expect((await get(app.url, `Bearer ${token}`)).status).toBe(503);
      } finally {
        harness.setDown(false);
      }
      expect((await get(app.url, `Bearer ${token}`)).status).toBe(200);
    });
  });
}
