// The whole-project migration, end to end: examples/ copied into a real git repository of its own, migrated
// by the built `oidc-codemod` CLI as a user would run it, type-checked with tsc before and after, and the
// migrated API run against real oidc-provider instances.
//
// The temporary project:
// - package.json `"type": "commonjs"`: the example mixes `require`/`module.exports` (api/auth/legacy-jwt.js),
//   `__dirname` (api/auth/passport.ts) and extensionless relative imports in TypeScript (api/server.ts),
//   which all hold only in CommonJS. With `"type": "module"` legacy-jwt.js cannot run and NodeNext
//   refuses every extensionless import (TS2835).
// - tsconfig.json: strict, NodeNext, `jsx: react-jsx`, `allowJs`, `skipLibCheck`, `noEmit`.
// - two extra modules (api/auth/service-tokens.ts and its caller api/routes/service-status.ts) committed with
//   the example: a `jsonwebtoken.verify` with a pasted PEM whose issuer is read from OKTA_ISSUER (as
//   access-tokens.ts does), so that the migrated verifier can be pointed at the local provider through the
//   environment, and a synchronous caller the CLI's project pass must make async.
// - the CLI runs with no --issuer/--audience: every verification in the example names its issuer and
//   audience, or the default custom authorization server's audience is assumed (and reported).
//
// The runtime refuses http issuers unless `allowHttpForLoopback` is passed in code, and no environment
// variable enables it (docs/runtime.md), so migrated code cannot talk to http://127.0.0.1 unedited. The
// providers are therefore served over HTTPS with a self-signed certificate for 127.0.0.1, which the child
// processes that run the migrated code trust through NODE_EXTRA_CA_CERTS. Two providers:
// - "local": issuer https://127.0.0.1:<port>/oauth2/default, given to the migrated service-tokens.ts
//   through OKTA_ISSUER;
// - "acme": issuer https://acme.okta.com/oauth2/default (the issuer written in the example's own modules),
//   served on 127.0.0.1; a preloaded script in the child processes routes `fetch` calls for
//   https://acme.okta.com/ to it, so that legacy-jwt.js (through the real Express server) and
//   partner-tokens.ts run exactly as migrated.
// Each provider's tokens are the "other issuer" for the other's verifiers.
import { generateKeyPairSync, createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_AUDIENCE, CLIENT_ID, selfSignedCertificate, startHttpsProvider, type HttpsProvider } from './support/https-provider.js';
import { installPackedRuntime } from './support/packed-runtime.js';
import { freePort, httpGet, run, startService, type RunResult, type Service } from './support/processes.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'oidc-codemod.js');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const ESBUILD = join(ROOT, 'node_modules', '.bin', 'esbuild');
const NODE = process.execPath;
const OUR_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ACME_ISSUER = 'https://acme.okta.com/oauth2/default';
/** Set OIDC_E2E_KEEP=1 to keep the temporary project for a look after the run. */
const KEEP = process.env.OIDC_E2E_KEEP === '1';

interface JsonReport {
  summary: { filesScanned: number; filesChanged: number; sitesRewritten: number; sitesForReview: number };
  files: { path: string; changed: boolean; rewrites: { transform: string; line: number }[]; review: { line: number; reason: string }[] }[];
  errors: { path: string; reason: string }[];
}

interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

const PACKAGE_JSON = `${JSON.stringify({ name: 'acme-orders', private: true, type: 'commonjs' }, null, 2)}\n`;

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      jsx: 'react-jsx',
      strict: true,
      allowJs: true,
      checkJs: false,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    },
    // The app's code; oidc-token-guard, which the CLI adds to package.json, comes from node_modules.
    // eslint.config.js is the lint configuration, not part of the app.
    include: ['api', 'client'],
  },
  null,
  2,
)}\n`;

function serviceTokensModule(pem: string): string {
  return `// Verifies tokens of the internal services with their public key pasted in; the issuer comes from the environment.
import jwt from 'jsonwebtoken';

const ISSUER = process.env.OKTA_ISSUER ?? 'https://acme.okta.com/oauth2/default';
const SERVICE_SIGNING_KEY = \`${pem.trim()}\`;

export function verifyServiceToken(token: string) {
  return jwt.verify(token, SERVICE_SIGNING_KEY, { issuer: ISSUER, audience: 'api://default', algorithms: ['RS256'] }) as jwt.JwtPayload;
}
`;
}

const SERVICE_STATUS_MODULE = `// Who is calling: a synchronous caller of verifyServiceToken, in another module.
import { verifyServiceToken } from '../auth/service-tokens';

export function serviceCaller(authorization: string | undefined) {
  const claims = verifyServiceToken((authorization ?? '').replace(/^Bearer /, ''));
  return { caller: claims.sub, scope: claims.scope as string | undefined };
}
`;

/** Preloaded (`node --require`) by the processes that run migrated code: https://acme.okta.com/… goes to the local "acme" provider. */
const ROUTE_ACME = `'use strict';
const realFetch = globalThis.fetch;
const target = process.env.ACME_ORIGIN;
globalThis.fetch = function routedFetch(input, init) {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith('https://acme.okta.com/')) return realFetch(target + url.slice('https://acme.okta.com'.length), init);
  return realFetch(input, init);
};
`;

/** Runs migrated modules on the tokens in PROBE_TOKENS and prints what each accepted or refused, as JSON. */
const PROBE = `'use strict';
const { join } = require('node:path');
const build = process.env.PROBE_BUILD;
const { verifyPartnerToken } = require(join(build, 'api/auth/partner-tokens.js'));
const { verifyServiceToken } = require(join(build, 'api/auth/service-tokens.js'));
const { serviceCaller } = require(join(build, 'api/routes/service-status.js'));
const tokens = JSON.parse(process.env.PROBE_TOKENS);
async function attempt(call) {
  try {
    const value = await call();
    return { ok: true, value };
  } catch (error) {
    return { ok: false, name: error && error.name, code: error && error.code, message: String(error && error.message) };
  }
}
(async () => {
  const results = {};
  for (const [name, token] of Object.entries(tokens)) {
    results['partner:' + name] = await attempt(async () => { const c = await verifyPartnerToken(token); return { iss: c.iss, aud: c.aud }; });
    results['service:' + name] = await attempt(async () => { const c = await verifyServiceToken(token); return { iss: c.iss, aud: c.aud }; });
  }
  const pending = serviceCaller('Bearer ' + tokens.localAccess);
  results['serviceCaller:returnsPromise'] = { ok: true, value: typeof pending.then === 'function' };
  results['serviceCaller:localAccess'] = await attempt(() => pending);
  process.stdout.write(JSON.stringify(results));
})();
`;

function parseDiagnostics(output: string, project: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (match) diagnostics.push({ file: relative(project, join(project, match[1]!)), line: Number(match[2]), code: match[3]!, message: match[4]! });
  }
  return diagnostics;
}

function typeCheck(project: string): Promise<RunResult> {
  return run(NODE, [TSC, '-p', join(project, 'tsconfig.json'), '--pretty', 'false'], { cwd: project, timeoutMs: 60_000 });
}

function codemod(project: string, args: readonly string[]): Promise<RunResult> {
  return run(NODE, [CLI, ...args, project], { cwd: project, timeoutMs: 60_000 });
}

function git(project: string, ...args: string[]): Promise<RunResult> {
  return run('git', args, { cwd: project });
}

function parseReport(result: RunResult): JsonReport {
  try {
    return JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(`not a JSON report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Every file of the project but .git, node_modules and build output, with a hash of its content. */
function snapshot(project: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(project, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(project, join(entry.parentPath, entry.name));
    if (/^(\.git|node_modules|build)(\/|$)/.test(path)) continue;
    files[path] = createHash('sha256').update(readFileSync(join(project, path))).digest('hex');
  }
  return files;
}

/** The sources the CLI reads: .js/.ts/.jsx/.tsx/.mjs/.cjs/.mts/.cts, not declarations, not node_modules. */
function sourceFiles(project: string): string[] {
  return Object.keys(snapshot(project)).filter((path) => /\.(?:[cm]?[jt]s|[jt]sx)$/.test(path) && !/\.d\.[cm]?ts$/.test(path));
}

const fileOf = (report: JsonReport, path: string) => report.files.find((file) => file.path === path);

describe('oidc-codemod migrates the example app end to end', () => {
  let dir: string;
  let project: string;
  let sourcesBefore: string[];
  let originalDiagnostics: Diagnostic[];
  let dryRun: RunResult;
  let statusAfterDryRun: string;
  let apply: RunResult;
  let report: JsonReport;
  let migrated: Record<string, string>;
  let migratedTypeCheck: RunResult;
  let check: RunResult;

  const read = (path: string) => readFileSync(join(project, path), 'utf8');

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does it in pretest)`);
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'oidc-e2e-migrate-')));
    project = join(dir, 'acme-orders');
    cpSync(join(ROOT, 'examples'), project, { recursive: true });
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    mkdirSync(join(project, 'api', 'routes'), { recursive: true });
    writeFileSync(join(project, 'api', 'auth', 'service-tokens.ts'), serviceTokensModule(publicKey.export({ type: 'spki', format: 'pem' }).toString()));
    writeFileSync(join(project, 'api', 'routes', 'service-status.ts'), SERVICE_STATUS_MODULE);
    writeFileSync(join(project, 'package.json'), PACKAGE_JSON);
    writeFileSync(join(project, 'tsconfig.json'), TSCONFIG);
    writeFileSync(join(project, '.gitignore'), 'node_modules\nbuild/\n');
    // The migrated code imports oidc-token-guard: unpacked from its tarball, beside links to this repository's packages.
    installPackedRuntime(project);

    for (const args of [
      ['init', '-q'],
      ['config', 'user.name', 'E2E Test'],
      ['config', 'user.email', 'e2e@example.test'],
      ['config', 'commit.gpgsign', 'false'],
      ['add', '-A'],
      ['commit', '-q', '-m', 'The orders API before the migration'],
    ]) {
      const result = await git(project, ...args);
      if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    }

    sourcesBefore = sourceFiles(project);
    // The original is type-checked while the dry run reads it: neither writes.
    const [original, dry] = await Promise.all([typeCheck(project), codemod(project, ['--dry-run', '--json'])]);
    originalDiagnostics = parseDiagnostics(original.stdout, project);
    dryRun = dry;
    statusAfterDryRun = (await git(project, 'status', '--porcelain')).stdout;

    apply = await codemod(project, ['--json']);
    report = parseReport(apply);
    migrated = snapshot(project);
    [migratedTypeCheck, check] = await Promise.all([typeCheck(project), codemod(project, ['--check', '--json'])]);
  }, 120_000);

  afterAll(() => {
    if (KEEP) console.info(`oidc-e2e: the migrated project is kept at ${project}`);
    else if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('dry run: exit 0, the documented JSON report, nothing written', () => {
    expect(dryRun.status, dryRun.stderr).toBe(0);
    expect(statusAfterDryRun).toBe('');
    const dry = parseReport(dryRun);
    expect(Object.keys(dry.summary).sort()).toEqual(['filesChanged', 'filesScanned', 'sitesForReview', 'sitesRewritten']);
    for (const value of Object.values(dry.summary)) expect(Number.isInteger(value)).toBe(true);
    for (const file of dry.files) {
      expect(file).toEqual({
        path: expect.any(String),
        changed: expect.any(Boolean),
        rewrites: expect.any(Array),
        review: expect.any(Array),
      });
      for (const rewrite of file.rewrites) expect(rewrite).toEqual({ transform: expect.stringMatching(/^(jwks-discovery|org-as-introspection|id-token-to-access-token)$/), line: expect.any(Number) });
      for (const item of file.review) expect(item).toEqual({ line: expect.any(Number), reason: expect.any(String) });
    }
    expect(dry.errors).toEqual([]);
    // Every JavaScript and TypeScript source (eslint.config.js included, declarations not), the two added modules too.
    expect(dry.summary.filesScanned).toBe(sourcesBefore.length);
    expect(dry.summary.filesScanned).toBeGreaterThanOrEqual(16);
    expect(dry.summary.filesChanged).toBe(dry.files.filter((file) => file.changed).length);
    expect(dry.summary.sitesRewritten).toBe(dry.files.reduce((total, file) => total + file.rewrites.length, 0));
    expect(dry.summary.sitesForReview).toBe(dry.files.reduce((total, file) => total + file.review.length, 0));
    // What the dry run announces is what the real run does.
    expect(report).toEqual(dry);
  });

  it('applies: exit 0, each anti-pattern rewritten, safe code left alone, review items reported', () => {
    expect(apply.status, apply.stderr).toBe(0);
    expect(report.errors).toEqual([]);
    const transformsOf = (path: string) => [...new Set(fileOf(report, path)?.rewrites.map((rewrite) => rewrite.transform))];
    expect(transformsOf('api/auth/legacy-jwt.js')).toEqual(['jwks-discovery']);
    expect(transformsOf('api/auth/partner-tokens.ts')).toEqual(['jwks-discovery']);
    expect(transformsOf('api/auth/service-tokens.ts')).toEqual(['jwks-discovery']);
    expect(transformsOf('api/auth/okta-verifier.ts')).toEqual(['org-as-introspection']);
    expect(transformsOf('api/auth/org-keys.ts')).toEqual(['org-as-introspection']);
    expect(transformsOf('api/auth/id-token-guard.ts')).toEqual(['id-token-to-access-token']);
    expect(transformsOf('client/api-client.ts')).toEqual(['id-token-to-access-token']);
    expect(transformsOf('client/axios-setup.tsx')).toEqual(['id-token-to-access-token']);
    // The project pass: the pasted key set lost its only importer, the caller of a function made async awaits it.
    expect(fileOf(report, 'api/auth/signing-keys.ts')?.changed).toBe(true);
    expect(fileOf(report, 'api/routes/service-status.ts')?.rewrites).toEqual([{ transform: 'jwks-discovery', line: 5 }]);
    expect(fileOf(report, 'package.json')?.changed).toBe(true);
    // Correct code stays as it is: the jose remote key set, and the ID token verified at the sign-in callback.
    for (const path of ['api/auth/access-tokens.ts', 'api/auth/login-callback.ts', 'client/auth.ts', 'api/server.ts']) {
      expect(fileOf(report, path)?.changed ?? false, path).toBe(false);
    }
    // passport-jwt keeps its strategy: the pinned key file becomes the runtime's key provider, the client-id audience the API's.
    expect(transformsOf('api/auth/passport.ts').sort()).toEqual(['id-token-to-access-token', 'jwks-discovery']);
    expect(read('api/auth/passport.ts')).toMatch(/secretOrKeyProvider: passportJwtKeyProvider\(issuerKeySource\)/);
    expect(read('api/auth/passport.ts')).toMatch(/createIssuerKeySource\(\{ issuer: 'https:\/\/acme\.okta\.com\/oauth2\/default', audience: 'api:\/\/default'/);

    const legacy = read('api/auth/legacy-jwt.js');
    expect(legacy).not.toMatch(/BEGIN PUBLIC KEY|require\('jsonwebtoken'\)/);
    expect(legacy).toContain("const { createAccessTokenVerifier } = require('oidc-token-guard');");
    expect(legacy).toMatch(/createAccessTokenVerifier\(\{ issuer: 'https:\/\/acme\.okta\.com\/oauth2\/default', audience: 'api:\/\/default', algorithms: \['RS256'\] \}\)/);
    expect(legacy).toMatch(/\/\/ oidc-codemod: review: the old verification did not check the audience/);
    expect(legacy).toMatch(/accessTokenVerifier\.verify\(token, \(err, claims\) =>/);
    const partner = read('api/auth/partner-tokens.ts');
    expect(partner).not.toMatch(/createLocalJWKSet|from '\.\/signing-keys'/);
    expect(partner).toContain("from 'oidc-token-guard'");
    expect(read('api/auth/signing-keys.ts')).not.toContain('OKTA_JWKS');
    expect(read('api/auth/service-tokens.ts')).toMatch(/createAccessTokenVerifier\(\{ issuer: ISSUER, audience: 'api:\/\/default', algorithms: \['RS256'\] \}\)/);
    expect(read('api/auth/service-tokens.ts')).toMatch(/export async function verifyServiceToken/);
    expect(read('api/routes/service-status.ts')).toMatch(/export async function serviceCaller[\s\S]*= await verifyServiceToken\(/);
    for (const path of ['api/auth/okta-verifier.ts', 'api/auth/org-keys.ts']) {
      expect(read(path), path).toMatch(/\/\/ oidc-codemod: review: introspection authenticates a client of the org[^\n]*\nconst tokenIntrospector = createTokenIntrospector\(/);
    }
  });

  it('adds oidc-token-guard to package.json and copies no runtime into the project', () => {
    expect(JSON.parse(read('package.json'))).toEqual({ name: 'acme-orders', private: true, type: 'commonjs', dependencies: { 'oidc-token-guard': `^${OUR_VERSION}` } });
    expect(Object.keys(migrated).filter((path) => /oidc-runtime/.test(path))).toEqual([]);
    // What migrated code resolves is the packed package, not this repository.
    expect(realpathSync(createRequire(join(project, 'package.json')).resolve('oidc-token-guard'))).toBe(join(project, 'node_modules', 'oidc-token-guard', 'dist', 'index.cjs'));
  });

  it('is idempotent: --check exits 0, a second run is refused on the dirty tree and changes nothing with --force', async () => {
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const checked = parseReport(check);
    expect(checked.summary.filesChanged).toBe(0);
    expect(checked.summary.sitesRewritten).toBe(0);
    expect(checked.files.filter((file) => file.changed)).toEqual([]);

    const refused = await codemod(project, []);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/refusing to write into a git tree with uncommitted changes/);

    const again = await codemod(project, ['--force', '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(parseReport(again).summary).toMatchObject({ filesChanged: 0, sitesRewritten: 0 });
    expect(snapshot(project)).toEqual(migrated);
  });

  // Compared with the original rather than with zero errors: examples/ has errors of its own (server.ts
  // TS2769, because login-callback.ts augments `express`'s Request instead of the global Express.Request).
  it('type-checks: the migration adds no tsc error, and the files it changed have none', () => {
    const migratedDiagnostics = parseDiagnostics(migratedTypeCheck.stdout, project);
    const key = (diagnostic: Diagnostic) => `${diagnostic.file} ${diagnostic.code} ${diagnostic.message}`;
    const remaining = originalDiagnostics.map(key);
    const added = migratedDiagnostics.filter((diagnostic) => {
      const index = remaining.indexOf(key(diagnostic));
      if (index === -1) return true;
      remaining.splice(index, 1);
      return false;
    });
    const changedFiles = new Set(report.files.filter((file) => file.changed).map((file) => file.path));
    const inChangedFiles = migratedDiagnostics.filter((diagnostic) => changedFiles.has(diagnostic.file));
    const show = (list: Diagnostic[]) => list.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`);
    expect(show(added), 'tsc errors the migration added').toEqual([]);
    expect(show(inChangedFiles), 'tsc errors in the files the migration changed').toEqual([]);
  });

  it('the migrated client sends the access token, not the ID token', () => {
    const apiClient = read('client/api-client.ts');
    expect(apiClient).not.toMatch(/getIdToken|idToken/);
    expect(apiClient.match(/Authorization: `Bearer \$\{oktaAuth\.getAccessToken\(\)\}`/g)).toHaveLength(2);
    const axiosSetup = read('client/axios-setup.tsx');
    expect(axiosSetup).not.toMatch(/idToken/);
    expect(axiosSetup).toContain("axios.defaults.headers.common['Authorization'] = `Bearer ${authState.accessToken?.accessToken}`;");
  });

  describe('the migrated API against real OpenID providers over HTTPS on 127.0.0.1', () => {
    let local: HttpsProvider;
    let acme: HttpsProvider;
    let server: Service | undefined;
    let port: number;
    let build: string;
    let childEnv: Record<string, string>;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      build = join(project, 'build');
      const sources = readdirSync(project, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name))
        .map((entry) => relative(project, join(entry.parentPath, entry.name)))
        .filter((path) => path.startsWith('api/') || path === 'client/api-client.ts');
      const compiled = await run(ESBUILD, [...sources, `--outdir=${build}`, `--outbase=${project}`, '--format=cjs', '--platform=node', '--target=node20', '--log-level=warning'], { cwd: project });
      if (compiled.status !== 0) throw new Error(`esbuild: ${compiled.stderr}`);
      // JavaScript as it is, the key file passport.ts reads at start-up, and a stand-in for the browser's OktaAuth.
      cpSync(join(project, 'api', 'auth', 'legacy-jwt.js'), join(build, 'api', 'auth', 'legacy-jwt.js'));
      cpSync(join(project, 'api', 'keys'), join(build, 'api', 'keys'), { recursive: true });
      writeFileSync(join(build, 'client', 'auth.js'), "exports.oktaAuth = { getIdToken: () => 'the-id-token', getAccessToken: () => 'the-access-token' };\n");
      writeFileSync(join(dir, 'route-acme.cjs'), ROUTE_ACME);
      writeFileSync(join(dir, 'probe.cjs'), PROBE);

      const tls = selfSignedCertificate(dir);
      [local, acme] = await Promise.all([
        startHttpsProvider({ tls, keyId: 'local-key' }),
        startHttpsProvider({ tls, keyId: 'acme-key', issuer: () => ACME_ISSUER }),
      ]);
      expect(acme.issuer).toBe(ACME_ISSUER);

      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const forger = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
      const forge = (issuer: string, kid: string) =>
        new SignJWT({ scope: 'read', cid: CLIENT_ID, client_id: CLIENT_ID })
          .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
          .setIssuer(issuer)
          .setAudience(API_AUDIENCE)
          .setSubject(CLIENT_ID)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(forger);
      [tokens.localAccess, tokens.localId, tokens.acmeAccess, tokens.acmeId, tokens.forgedLocal, tokens.forgedAcme] = await Promise.all([
        local.clientCredentialsToken(),
        local.idToken(),
        acme.clientCredentialsToken(),
        acme.idToken(),
        // Signed by someone else, with the provider's issuer and key id.
        forge(local.issuer, 'local-key'),
        forge(ACME_ISSUER, 'acme-key'),
      ]);

      childEnv = {
        NODE_EXTRA_CA_CERTS: tls.certPath,
        ACME_ORIGIN: acme.origin,
        OKTA_ISSUER: local.issuer,
        // The introspector of okta-verifier.ts (built at start-up) needs a client, as its review note says.
        OKTA_CLIENT_ID: '0oa1introspection00',
        OKTA_CLIENT_SECRET: 'not-used-by-these-routes',
        NODE_NO_WARNINGS: '1',
      };
      port = await freePort();
      server = await startService(NODE, ['--require', join(dir, 'route-acme.cjs'), join(build, 'api', 'server.js')], {
        cwd: project,
        port,
        probePath: '/health',
        env: { ...childEnv, PORT: String(port) },
      });
    }, 60_000);

    afterAll(async () => {
      await server?.stop();
      await Promise.all([local?.close(), acme?.close()]);
    });

    it('the real Express server: /v1/orders (legacy-jwt.js, now createAccessTokenVerifier) accepts the provider\'s access token and refuses ID tokens, other issuers and forgeries', async () => {
      const get = (token?: string) => httpGet(port, '/v1/orders', token === undefined ? {} : { authorization: `Bearer ${token}` });
      const accepted = await get(tokens.acmeAccess);
      expect(accepted, server?.output()).toEqual({ status: 200, body: '[]' });
      for (const name of ['acmeId', 'localAccess', 'localId', 'forgedAcme']) {
        expect(await get(tokens[name]), name).toEqual({ status: 401, body: '{"error":"invalid_token"}' });
      }
      expect((await get()).status).toBe(401);
      // The keys came from the provider, through discovery.
      expect(acme.requests).toContain('/oauth2/default/.well-known/oauth-authorization-server');
      expect(acme.requests).toContain('/oauth2/default/jwks');
    });

    it('partner-tokens.ts and service-tokens.ts (issuer from OKTA_ISSUER) accept their provider\'s access tokens only; the async caller awaits', async () => {
      const probe = await run(NODE, ['--require', join(dir, 'route-acme.cjs'), join(dir, 'probe.cjs')], {
        cwd: project,
        env: { ...childEnv, PROBE_BUILD: build, PROBE_TOKENS: JSON.stringify(tokens) },
        timeoutMs: 30_000,
      });
      expect(probe.status, probe.stderr).toBe(0);
      const results = JSON.parse(probe.stdout) as Record<string, { ok: boolean; value?: unknown; name?: string; code?: string }>;
      const refused = (name: string, code?: string) => expect(results[name], name).toMatchObject({ ok: false, name: 'TokenValidationError', ...(code ? { code } : {}) });

      expect(results['partner:acmeAccess']).toEqual({ ok: true, value: { iss: ACME_ISSUER, aud: API_AUDIENCE } });
      refused('partner:acmeId', 'id_token');
      refused('partner:localAccess');
      refused('partner:forgedAcme', 'signature_invalid');

      expect(results['service:localAccess']).toEqual({ ok: true, value: { iss: local.issuer, aud: API_AUDIENCE } });
      refused('service:localId', 'id_token');
      refused('service:acmeAccess');
      refused('service:forgedLocal', 'signature_invalid');

      expect(results['serviceCaller:returnsPromise']).toEqual({ ok: true, value: true });
      expect(results['serviceCaller:localAccess']).toEqual({ ok: true, value: { caller: CLIENT_ID, scope: 'read' } });
      expect(local.requests).toContain('/oauth2/default/jwks');
    });

    it('the migrated listOrders() sends the access token in Authorization', async () => {
      const sent: string[] = [];
      vi.stubGlobal('fetch', async (_url: string, init: { headers: Record<string, string> }) => {
        sent.push(init.headers.Authorization!);
        return new Response('[]', { headers: { 'content-type': 'application/json' } });
      });
      try {
        const apiClient = createRequire(import.meta.url)(join(build, 'client', 'api-client.js')) as { listOrders(): Promise<unknown>; listReports(): Promise<unknown> };
        expect(await apiClient.listOrders()).toEqual([]);
        await apiClient.listReports();
      } finally {
        vi.unstubAllGlobals();
      }
      expect(sent).toEqual(['Bearer the-access-token', 'Bearer the-access-token']);
    });
  });
});
