// The end-to-end suite for org authorization server sites inside a middleware: a real app that verified the org's
// access tokens locally (a key pinned, the issuer https://acme.okta.com), migrated by the built `oidc-codemod` CLI
// without --to-custom-as, and run as the CLI wrote it: the middleware is now the runtime's introspecting one for the
// framework, asking a real oidc-provider with Okta's org routes (https://acme.okta.com, served on 127.0.0.1 over
// HTTPS; a preloaded script routes the app's fetch calls for that host to it). An active access token is accepted,
// with the introspection answer where the old middleware put the claims; the old pinned-key token, an ID token, an
// active token for another audience (the old middleware's audience is kept), an expired token and a revoked one (both
// of which the introspection endpoint calls inactive) are refused.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../support/https-provider.js';
import { freePort, httpGet, run, startService, type Service } from '../../support/processes.js';
import { CLI, commitApp, extractRuntime, RUNTIME_IMPORT, type JsonReport } from './migrated-app.js';
import { CLIENT_ID, ORG_ISSUER, ORG_OTHER_AUDIENCE, startOrgProvider, type OrgProvider } from './provider.js';

const NODE = process.execPath;
const KEEP = process.env.OIDC_E2E_KEEP === '1';

const ROUTE_ORG = `'use strict';
// Test only: https://acme.okta.com/... goes to the local org provider.
const realFetch = globalThis.fetch;
const target = process.env.ORG_ORIGIN;
globalThis.fetch = function routedFetch(input, init) {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith('${ORG_ISSUER}/')) return realFetch(target + url.slice('${ORG_ISSUER}'.length), init);
  return realFetch(input, init);
};
`;

export interface OrgAppInput {
  readonly issuer: string;
  /** The audience the old middleware checks: the org URL, as the org's access tokens carry it. */
  readonly audience: string;
  readonly pinnedKey: string;
  /** The same key as a public JWK (kid `pinned-key`, alg RS256), for libraries that pin a key set. */
  readonly pinnedJwk: Record<string, unknown>;
}

export interface MigratedOrgAppSpec {
  readonly library: string;
  readonly packages: readonly string[];
  /** `server.js` listens on 127.0.0.1:PORT and answers GET /orders with what the middleware put on the request. */
  files(input: OrgAppInput): Record<string, string>;
  readonly migrated: { readonly file: string; readonly contains: readonly string[] };
  /** Members the old code added to what it put on the request (its validate or verify callback), kept after migration. */
  readonly credentials?: Record<string, unknown>;
  /** Paths the old middleware skipped (`.unless()`): answered 200 without a token, before and after migration. */
  readonly publicPaths?: readonly string[];
}

export function describeMigratedOrgApp(spec: MigratedOrgAppSpec): void {
  describe(`${spec.library} at an Okta org authorization server: an app migrated by oidc-codemod to introspection`, () => {
    let root: string;
    let app: string;
    let provider: OrgProvider;
    let certPath: string;
    let pinnedToken: string;
    let report: JsonReport | undefined;
    let service: Service | undefined;
    let port: number;

    const get = (token?: string) => httpGet(port, '/orders', token === undefined ? {} : { authorization: `Bearer ${token}` });
    const start = async (env: Record<string, string> = {}) => {
      port = await freePort();
      service = await startService(NODE, ['--require', join(root, 'route-org.cjs'), 'server.js'], { cwd: app, env: { PORT: String(port), ...env }, port, probePath: '/health' });
    };

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), `oidc-e2e-org-${spec.library.replace(/[@/]/g, '')}-`));
      app = join(root, 'app');
      mkdirSync(app);
      const tls = selfSignedCertificate(root);
      certPath = tls.certPath;
      provider = await startOrgProvider(tls);
      const runtime = await extractRuntime(join(root, 'runtime'));
      writeFileSync(join(root, 'route-org.cjs'), ROUTE_ORG);

      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const pinnedKey = publicKey.export({ type: 'spki', format: 'pem' }) as string;
      const pinnedJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'pinned-key', alg: 'RS256', use: 'sig' };
      const now = Math.floor(Date.now() / 1000);
      // The kid lets libraries that pin a key set pick the key; the others ignore it.
      pinnedToken = await new SignJWT({ iss: ORG_ISSUER, aud: ORG_ISSUER, sub: CLIENT_ID, cid: CLIENT_ID, iat: now, exp: now + 300 })
        .setProtectedHeader({ alg: 'RS256', kid: 'pinned-key' })
        .sign(privateKey);

      await commitApp(app, { name: `org-${spec.library.replace(/[@/]/g, '')}`, files: spec.files({ issuer: ORG_ISSUER, audience: ORG_ISSUER, pinnedKey, pinnedJwk }), packages: spec.packages, runtime, message: 'the app, verifying org tokens with a pinned key' });
    }, 60_000);

    afterAll(async () => {
      await service?.stop();
      await provider?.close();
      if (!KEEP && root) rmSync(root, { recursive: true, force: true });
    });

    it('before migration: accepts a token signed by the pinned key, refuses a request without one', async () => {
      await start();
      try {
        const accepted = await get(pinnedToken);
        expect(accepted.status, accepted.body).toBe(200);
        expect((await get()).status).toBe(401);
        for (const path of spec.publicPaths ?? []) expect((await httpGet(port, path, {})).status, path).toBe(200);
      } finally {
        await service!.stop();
        service = undefined;
      }
    });

    it('oidc-codemod replaces the middleware with the runtime\'s introspecting one, and a second run changes nothing', async () => {
      const migration = await run(NODE, [CLI, '--json', ...RUNTIME_IMPORT, '.'], { cwd: app, timeoutMs: 60_000 });
      expect(migration.status, migration.stderr + migration.stdout).toBe(0);
      report = JSON.parse(migration.stdout) as JsonReport;
      expect(report.errors).toEqual([]);
      expect(report.summary.sitesRewritten).toBeGreaterThanOrEqual(1);
      const text = readFileSync(join(app, spec.migrated.file), 'utf8');
      for (const expected of spec.migrated.contains) expect(text).toContain(expected);
      expect(text).not.toContain('BEGIN PUBLIC KEY');
      // The old middleware's audience is checked by the introspector that replaces it.
      expect(text).toMatch(new RegExp(`createTokenIntrospector\\(\\{[^}]*audience: '${ORG_ISSUER.replace(/[.]/g, '\\.')}'`));
      const again = await run(NODE, [CLI, '--json', '--dry-run', ...RUNTIME_IMPORT, '.'], { cwd: app, timeoutMs: 60_000 });
      expect(again.status, again.stderr).toBe(0);
      expect((JSON.parse(again.stdout) as JsonReport).summary.filesChanged).toBe(0);
    }, 90_000);

    describe('after migration, as the CLI wrote it (client credentials in OKTA_CLIENT_ID / OKTA_CLIENT_SECRET)', () => {
      beforeAll(async () => {
        expect(report, 'the migration ran').toBeDefined();
        await start({ NODE_EXTRA_CA_CERTS: certPath, ORG_ORIGIN: provider.origin, OKTA_CLIENT_ID: provider.clientId, OKTA_CLIENT_SECRET: provider.clientSecret });
      });

      it('accepts an active access token of the org, with the introspection answer where the old middleware put the claims', async () => {
        const { status, body } = await get(await provider.accessToken());
        expect(status, `${body}\n${service!.output()}`).toBe(200);
        const answer = JSON.parse(body) as Record<string, unknown>;
        expect(answer.active).toBe(true);
        expect(answer.client_id).toBe(CLIENT_ID);
        expect(answer.aud).toBe(provider.audience);
        expect(answer).toMatchObject(spec.credentials ?? {});
      });

      it('refuses the token signed by the key it used to pin, a request without a token, and an ID token, with 401', async () => {
        expect((await get()).status).toBe(401);
        // oidc-provider answers 400 unsupported_token_type to any JWT (Okta answers active: false): not a token the
        // server vouches for, so every framework answers 401 (not the endpoint's 400, nor 503).
        for (const token of [pinnedToken, await provider.idToken()]) {
          const { status, body } = await get(token);
          expect(status, body).toBe(401);
        }
      });

      it('refuses an active access token of the org for another audience with 401', async () => {
        const token = await provider.otherAudienceAccessToken();
        // Active at the provider, for the other API: only the audience the old middleware checked tells it apart.
        expect(await provider.introspect(token)).toMatchObject({ active: true, client_id: CLIENT_ID, aud: ORG_OTHER_AUDIENCE });
        const { status, body } = await get(token);
        expect(status, body).toBe(401);
      });

      // Only for apps whose old middleware skipped some paths (registered, not skipped, for the others).
      const publicPaths = spec.publicPaths;
      if (publicPaths) it('still answers the paths the old middleware skipped without a token, and guards the others', async () => {
        for (const path of publicPaths) {
          const { status, body } = await httpGet(port, path, {});
          expect(status, `${path}: ${body}`).toBe(200);
        }
        expect((await get()).status).toBe(401);
      });

      it('refuses an expired access token of the org with 401', async () => {
        const token = await provider.shortLivedAccessToken();
        expect(await provider.introspect(token)).toMatchObject({ active: true, aud: provider.audience });
        await new Promise((resolve) => setTimeout(resolve, 3_500));
        const { status, body } = await get(token);
        expect(status, body).toBe(401);
      });

      it('refuses a token the introspection endpoint calls inactive (revoked)', async () => {
        const token = await provider.accessToken();
        expect((await get(token)).status).toBe(200);
        await provider.revoke(token);
        expect((await get(token)).status).toBe(401);
      });
    });
  });
}
