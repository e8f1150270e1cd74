// One suite for every JWT middleware key adapter: a real app of the framework, configured with the library and the
// adapter, against a real oidc-provider issuing real access tokens; each library's test file supplies only its app.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { createIssuerKeySource, type IssuerKeySource, type IssuerKeySourceOptions } from '../../../../src/runtime/index.js';
import {
  accessTokenClaims,
  API_AUDIENCE,
  CLIENT_ID,
  newSigningKey,
  OTHER_API_AUDIENCE,
  sleep,
  startProvider,
  type ProviderHarness,
} from '../../support/provider.js';

export interface AppUnderTest {
  /** GET here with `Authorization: Bearer <token>`; 200 answers the JSON the library put on the request. */
  readonly url: string;
  close(): Promise<void>;
}

export interface AppContext {
  readonly harness: ProviderHarness;
  readonly source: IssuerKeySource;
  readonly issuer: string;
  readonly audience: string;
}

export interface KeyAdapterSuite {
  /** The npm name, which the adapter's errors start with. */
  readonly library: string;
  start(context: AppContext): Promise<AppUnderTest>;
  /** Key source options besides issuer, audience and the loopback switch. */
  readonly sourceOptions?: Partial<IssuerKeySourceOptions>;
  /** Extra cases for this library, run against the same provider and app. */
  readonly extra?: (get: () => SuiteState) => void;
}

export interface SuiteState {
  readonly harness: ProviderHarness;
  readonly source: IssuerKeySource;
  readonly app: AppUnderTest;
}

/** Short, so the rotation case can wait it out. */
const COOLDOWN_MS = 300;

export async function call(url: string, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body };
}

/** Listens on 127.0.0.1, port 0. */
export async function listen(server: Server): Promise<{ url: (path: string) => string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A node:http app for libraries that are not middleware (fast-jwt, njwt): `handle` resolves with the claims or throws. */
export async function plainHttpApp(handle: (token: string | undefined) => Promise<unknown>): Promise<AppUnderTest> {
  const listener: RequestListener = (req, res) => {
    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    handle(token).then(
      (claims) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(claims)),
      (error: unknown) => {
        const status = (error as { statusCode?: number }).statusCode;
        res.writeHead(typeof status === 'number' && status !== 500 ? status : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: (error as Error).message }));
      },
    );
  };
  const server = await listen(createServer(listener));
  return { url: server.url('/orders'), close: server.close };
}

/** The claims object of a 200 answer, wherever the app put it. */
function claimsOf(body: unknown): Record<string, unknown> {
  expect(typeof body).toBe('object');
  return body as Record<string, unknown>;
}

export function describeKeyAdapter(suite: KeyAdapterSuite): void {
  describe(`${suite.library}: the issuer's keys through the adapter, in a real app`, () => {
    let harness: ProviderHarness;
    let source: IssuerKeySource;
    let app: AppUnderTest;

    beforeAll(async () => {
      harness = await startProvider();
      source = createIssuerKeySource({
        issuer: harness.issuer,
        audience: API_AUDIENCE,
        allowHttpForLoopback: true,
        jwksCooldownMs: COOLDOWN_MS,
        ...suite.sourceOptions,
      });
      app = await suite.start({ harness, source, issuer: harness.issuer, audience: API_AUDIENCE });
    });

    afterAll(async () => {
      await app?.close();
      await harness?.close();
    });

    it('accepts an access token the provider issued for the API, and puts its claims where the library does', async () => {
      const token = await harness.clientCredentialsToken(API_AUDIENCE, 'read');
      const { status, body } = await call(app.url, token);
      expect(status).toBe(200);
      const claims = claimsOf(body);
      expect(claims.iss).toBe(harness.issuer);
      expect(claims.aud).toBe(API_AUDIENCE);
      expect(claims.cid).toBe(CLIENT_ID);
    });

    it('refuses a request without a token', async () => {
      expect((await call(app.url)).status).toBe(401);
    });

    it('refuses an ID token of the same provider', async () => {
      expect((await call(app.url, await harness.idToken())).status).toBe(401);
    });

    it('refuses an access token the provider issued for another API', async () => {
      expect((await call(app.url, await harness.clientCredentialsToken(OTHER_API_AUDIENCE))).status).toBe(401);
    });

    it('refuses an expired token signed by the provider\'s key', async () => {
      const past = Math.floor(Date.now() / 1000) - 600;
      const expired = await harness.sign(accessTokenClaims(harness, { iat: past - 300, exp: past }), { typ: 'at+jwt' });
      expect((await call(app.url, expired)).status).toBe(401);
    });

    it('refuses a token signed by a foreign key, under the provider\'s kid or an unknown one', async () => {
      const foreign = await newSigningKey(harness.signingKeys[0]!.kid!);
      expect((await call(app.url, await harness.sign(accessTokenClaims(harness), { typ: 'at+jwt' }, foreign))).status).toBe(401);
      const unknownKid = await harness.sign(accessTokenClaims(harness), { kid: 'not-published', typ: 'at+jwt' }, foreign);
      expect((await call(app.url, unknownKid)).status).toBe(401);
    });

    it('refuses an HS256 token "signed" with the issuer\'s public key as the HMAC secret', async () => {
      const { pem, kid } = await source.getKey({ alg: 'RS256', kid: harness.signingKeys[0]!.kid });
      const forged = await new SignJWT(accessTokenClaims(harness))
        .setProtectedHeader({ alg: 'HS256', kid: kid!, typ: 'at+jwt' })
        .sign(new TextEncoder().encode(pem));
      expect((await call(app.url, forged)).status).toBe(401);
      await expect(source.getKey({ alg: 'HS256', kid })).rejects.toMatchObject({ code: 'alg_not_allowed' });
    });

    suite.extra?.(() => ({ harness, source, app }));

    it('after a key rotation at the provider, accepts tokens under the new key (once the cooldown allows a refetch)', async () => {
      const prepared = await newSigningKey(`rotated-${Math.random().toString(36).slice(2, 8)}`);
      await call(app.url, await harness.clientCredentialsToken(API_AUDIENCE));
      await harness.rotateKeys(prepared);
      const token = await harness.clientCredentialsToken(API_AUDIENCE);
      expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid).toBe(prepared.kid);
      await sleep(COOLDOWN_MS + 50);
      const { status, body } = await call(app.url, token);
      expect(status).toBe(200);
      expect(claimsOf(body).aud).toBe(API_AUDIENCE);
    });
  });
}
