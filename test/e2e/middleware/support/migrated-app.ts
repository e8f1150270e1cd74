// One end-to-end suite for every middleware and verifier library the codemods migrate: a real app of the library
// in a scratch git repository, run before migration (it accepts a token signed by its pinned key), migrated by the
// built `oidc-codemod` CLI as a user runs it, and run again as the CLI wrote it against a real oidc-provider over
// HTTPS: it accepts the provider's access token for the API and refuses the old pinned-key token, an ID token, a
// token for another audience and an expired one; after a key rotation at the provider it accepts the new key's
// tokens. Each library's test file supplies only its app.
//
// The app resolves `oidc-token-guard` to the packed runtime (pack/oidc-token-guard-*.tgz, extracted; its `jose`
// from this repository's node_modules) and its framework packages from this repository's node_modules, through
// symlinks in its own node_modules. The runtime waits out a JWKS cooldown (30 s) before it refetches keys for an
// unknown kid; rather than sleep, the test moves the app's clock on: a preloaded script adds 31 s to Date.now on
// SIGUSR2.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedTarballs } from '../../../support/packed.js';
import { selfSignedCertificate } from '../../support/https-provider.js';
import { freePort, httpGet, run, startService, type Service } from '../../support/processes.js';
import { API_AUDIENCE, CLIENT_ID, OTHER_API_AUDIENCE, startRotatingProvider, type RotatingProvider } from './provider.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'oidc-codemod.js');
/** Migrated code imports the runtime package (not a copy of the runtime written into the app). */
export const RUNTIME_IMPORT = ['--helper-import', 'oidc-token-guard'];
const NODE = process.execPath;
/** Set OIDC_E2E_KEEP=1 to keep the scratch repositories for a look after the run. */
const KEEP = process.env.OIDC_E2E_KEEP === '1';

const CLOCK = `'use strict';
// Test only: SIGUSR2 moves this process's clock 31 s on, past the runtime's JWKS cooldown.
const realNow = Date.now;
let shift = 0;
Date.now = () => realNow() + shift;
process.on('SIGUSR2', () => {
  shift += 31000;
  process.stdout.write('oidc-e2e: clock moved\\n');
});
`;

export interface AppInput {
  /** The issuer the app's code names (the provider's). */
  readonly issuer: string;
  readonly audience: string;
  /** SPKI PEM of the key the app pins before migration. */
  readonly pinnedKey: string;
  /** The same key as a public JWK (kid `pinned-key`, alg RS256), for libraries that pin a key set. */
  readonly pinnedJwk: Record<string, unknown>;
}

export interface MigratedAppSpec {
  readonly library: string;
  /** Packages the app loads, linked from this repository's node_modules. */
  readonly packages: readonly string[];
  /**
   * The app's files. `server.js` listens on 127.0.0.1:PORT and answers GET /orders with the claims the library
   * put on the request (JSON, 200), and a refused or missing token with 401.
   */
  files(input: AppInput): Record<string, string>;
  /** The file the migration must change, what it must contain after, and what must be gone (default: the PEM). */
  readonly migrated: { readonly file: string; readonly contains: readonly string[]; readonly lacks?: readonly string[] };
  /** The pinned-key token names its key (`kid: 'pinned-key'`), for libraries that pick keys from a set by kid. */
  readonly pinnedKid?: boolean;
  /**
   * After a refused unknown kid, libraries with their own JWKS fetching wait before fetching again on a timer the
   * test cannot move (aws-jwt-verify: 10 s); the rotation case waits that long.
   */
  readonly refetchWaitMs?: number;
  /** CLI arguments besides --json and the path (--issuer, --audience where the app's code does not name them). */
  cliArgs?(input: AppInput): readonly string[];
}

export interface JsonReport {
  summary: { filesChanged: number; sitesRewritten: number; sitesForReview: number };
  files: { path: string; changed: boolean; review: { line: number; reason: string }[] }[];
  errors: { path: string; reason: string }[];
}

export function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

/** The packed runtime, extracted once into `folder`, with `jose` resolving from this repository. */
export async function extractRuntime(folder: string): Promise<string> {
  const tarball = packedTarballs().runtime;
  mkdirSync(folder, { recursive: true });
  const untar = await run('tar', ['xzf', tarball, '-C', folder], { cwd: folder });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  const runtime = join(folder, 'package');
  link(join(ROOT, 'node_modules', 'jose'), join(runtime, 'node_modules', 'jose'));
  return runtime;
}

export async function git(cwd: string, ...args: string[]): Promise<void> {
  const result = await run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

export function describeMigratedApp(spec: MigratedAppSpec): void {
  describe(`${spec.library}: an app migrated by oidc-codemod, against a real provider`, () => {
    let root: string;
    let app: string;
    let provider: RotatingProvider;
    let certPath: string;
    let pinnedToken: string;
    let report: JsonReport;
    let service: Service | undefined;
    let port: number;
    let cliArgs: readonly string[] = [];

    const claimsFor = (audience: string, lifetime = 300) => {
      const now = Math.floor(Date.now() / 1000);
      return { iss: provider.issuer, aud: audience, sub: CLIENT_ID, cid: CLIENT_ID, scp: ['read'], iat: now - 10, exp: now + lifetime };
    };
    const get = (token?: string) => httpGet(port, '/orders', token === undefined ? {} : { authorization: `Bearer ${token}` });
    const start = async (env: Record<string, string> = {}) => {
      port = await freePort();
      service = await startService(NODE, ['--require', join(root, 'clock.cjs'), 'server.js'], { cwd: app, env: { PORT: String(port), ...env }, port, probePath: '/health' });
    };

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), `oidc-e2e-${spec.library.replace(/[@/]/g, '')}-`));
      app = join(root, 'app');
      mkdirSync(app);
      const tls = selfSignedCertificate(root);
      certPath = tls.certPath;
      provider = await startRotatingProvider(tls);
      const runtime = await extractRuntime(join(root, 'runtime'));
      writeFileSync(join(root, 'clock.cjs'), CLOCK);

      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const pinnedKey = publicKey.export({ type: 'spki', format: 'pem' }) as string;
      const pinnedJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'pinned-key', alg: 'RS256', use: 'sig' };
      pinnedToken = await new SignJWT(claimsFor(API_AUDIENCE))
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', ...(spec.pinnedKid ? { kid: 'pinned-key' } : {}) })
        .sign(privateKey);

      const input = { issuer: provider.issuer, audience: API_AUDIENCE, pinnedKey, pinnedJwk };
      cliArgs = spec.cliArgs?.(input) ?? [];
      await commitApp(app, { name: `orders-${spec.library.replace(/[@/]/g, '')}`, files: spec.files(input), packages: spec.packages, runtime, message: 'the app with its pinned key' });
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
        expect((await get(await provider.clientCredentialsToken())).status).toBe(401);
      } finally {
        await service!.stop();
        service = undefined;
      }
    });

    it('oidc-codemod rewrites the app, and a second run changes nothing', async () => {
      const migration = await run(NODE, [CLI, '--json', ...RUNTIME_IMPORT, ...cliArgs, '.'], { cwd: app, timeoutMs: 60_000 });
      expect(migration.status, migration.stderr + migration.stdout).toBe(0);
      report = JSON.parse(migration.stdout) as JsonReport;
      expect(report.errors).toEqual([]);
      expect(report.summary.sitesRewritten).toBeGreaterThanOrEqual(1);
      const changed = report.files.find((file) => file.path.endsWith(spec.migrated.file));
      expect(changed?.changed).toBe(true);
      const text = readFileSync(join(app, spec.migrated.file), 'utf8');
      for (const expected of spec.migrated.contains) expect(text).toContain(expected);
      for (const gone of spec.migrated.lacks ?? ['BEGIN PUBLIC KEY']) expect(text).not.toContain(gone);

      const again = await run(NODE, [CLI, '--json', '--dry-run', ...RUNTIME_IMPORT, ...cliArgs, '.'], { cwd: app, timeoutMs: 60_000 });
      expect(again.status, again.stderr).toBe(0);
      expect((JSON.parse(again.stdout) as JsonReport).summary.filesChanged).toBe(0);
    }, 90_000);

    describe('after migration, as the CLI wrote it', () => {
      beforeAll(async () => {
        expect(report, 'the migration ran').toBeDefined();
        await start({ NODE_EXTRA_CA_CERTS: certPath });
      });

      it('accepts an access token the provider issued for the API, and puts its claims where the library does', async () => {
        const { status, body } = await get(await provider.clientCredentialsToken());
        expect(status, `${body}\n${service!.output()}`).toBe(200);
        const claims = JSON.parse(body) as Record<string, unknown>;
        expect(claims.iss).toBe(provider.issuer);
        expect(claims.aud).toBe(API_AUDIENCE);
      });

      it('refuses the token signed by the key it used to pin, and a request without a token', async () => {
        expect((await get(pinnedToken)).status).toBe(401);
        expect((await get()).status).toBe(401);
      });

      it('refuses an ID token of the provider', async () => {
        expect((await get(await provider.idToken())).status).toBe(401);
      });

      it('refuses an access token the provider issued for another API', async () => {
        expect((await get(await provider.clientCredentialsToken(OTHER_API_AUDIENCE))).status).toBe(401);
      });

      it('refuses an expired token signed by the provider\'s key', async () => {
        const expired = claimsFor(API_AUDIENCE, -600);
        expect((await get(await provider.sign({ ...expired, iat: expired.exp - 300 }))).status).toBe(401);
      });

      it('after a key rotation at the provider, accepts tokens under the new key', async () => {
        const key = await provider.rotateKeys();
        const token = await provider.clientCredentialsToken();
        expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid).toBe(key.kid);
        // Past the JWKS cooldown of the key set fetched for the tokens above.
        const moved = service!.output().split('oidc-e2e: clock moved').length;
        service!.child.kill('SIGUSR2');
        for (let waited = 0; service!.output().split('oidc-e2e: clock moved').length === moved; waited += 20) {
          if (waited > 5_000) throw new Error(`the app did not move its clock:\n${service!.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        if (spec.refetchWaitMs) await new Promise((resolve) => setTimeout(resolve, spec.refetchWaitMs));
        const { status, body } = await get(token);
        expect(status, `${body}\n${service!.output()}`).toBe(200);
      }, 30_000);
    });
  });
}

/**
 * Writes an app into its folder as a CommonJS package, links the framework packages and the unpacked
 * runtime into its node_modules, and commits it: the git state oidc-codemod starts from.
 */
export async function commitApp(app: string, options: { name: string; files: Record<string, string>; packages: readonly string[]; runtime: string; message: string }): Promise<void> {
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: options.name, private: true, type: 'commonjs' }, null, 2)}\n`);
  writeFileSync(join(app, '.gitignore'), 'node_modules/\n');
  for (const [path, text] of Object.entries(options.files)) {
    mkdirSync(dirname(join(app, path)), { recursive: true });
    writeFileSync(join(app, path), text);
  }
  for (const name of options.packages) link(join(ROOT, 'node_modules', name), join(app, 'node_modules', name));
  link(options.runtime, join(app, 'node_modules', 'oidc-token-guard'));
  await git(app, 'init', '-q');
  await git(app, 'add', '.');
  await git(app, 'commit', '-qm', options.message);
}
