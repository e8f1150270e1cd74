// The runtime reaches migrated code through the CLI: oidc-token-guard in the package.json owning each
// changed file (workspaces, a repository inside another project, a linked manifest), or with
// --copy-runtime a copy in the target's language, type-checked and run as the target would.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, TOOL, type JsonReport } from '../../../src/cli/run.js';
import keys from '../../fixtures/keys.json' with { type: 'json' };

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const RANGE = `^${TOOL.version}`;
const JOSE_RANGE = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: { jose: string } }).dependencies.jose;

const PINNED_TS = `import jwt from 'jsonwebtoken';

const KEY = ${JSON.stringify(keys.rsaSpki)};

export async function check(token: string) {
  return jwt.verify(token, KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
}
`;
const PINNED_CJS = `const jwt = require('jsonwebtoken');

const KEY = ${JSON.stringify(keys.rsaSpki)};

async function check(token) {
  return jwt.verify(token, KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
}

module.exports = { check };
`;
const CLIENT = `import { oktaAuth } from './auth';

export const call = () => fetch('/api', { headers: { Authorization: \`Bearer \${oktaAuth.getIdToken()}\` } });
`;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function repository(files: Record<string, string>, gitAt = ''): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'oidc-install-')));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: join(root, gitAt), stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('add', '-A');
  git('commit', '-qm', 'initial');
  return root;
}

async function migrate(cwd: string, ...argv: string[]): Promise<JsonReport & { code: number; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--json', ...argv], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false, cwd });
  return { ...(JSON.parse(stdout) as JsonReport), code, stderr };
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const manifest = (root: string, path: string) => JSON.parse(read(root, path)) as { dependencies?: Record<string, string> };
const reviewOf = (report: JsonReport) => report.files.flatMap((file) => file.review.map((item) => `${file.path}:${item.line}: ${item.reason}`));

describe('oidc-token-guard in the owning package.json', () => {
  it('npm workspaces: the member that holds the changed file gets it, the workspace root and the other member do not', async () => {
    const root = repository({
      'package.json': `${JSON.stringify({ name: 'shop', private: true, workspaces: ['backend', 'frontend'] }, null, 2)}\n`,
      'backend/package.json': `${JSON.stringify({ name: 'backend', dependencies: { express: '^5.0.0' } }, null, 2)}\n`,
      'backend/src/auth/verify.js': PINNED_CJS,
      'frontend/package.json': `${JSON.stringify({ name: 'frontend', type: 'module' }, null, 2)}\n`,
      'frontend/src/api.ts': CLIENT,
    });
    const report = await migrate(root, '.');
    expect(report.code, report.stderr).toBe(0);
    expect(manifest(root, 'backend/package.json').dependencies).toEqual({ express: '^5.0.0', 'oidc-token-guard': RANGE });
    expect(manifest(root, 'package.json').dependencies).toBeUndefined();
    // The client now sends the access token, and imports nothing from the runtime.
    expect(read(root, 'frontend/src/api.ts')).toContain('getAccessToken()');
    expect(manifest(root, 'frontend/package.json').dependencies).toBeUndefined();
    expect(read(root, 'backend/src/auth/verify.js')).toContain("require('oidc-token-guard')");
    expect(existsSync(join(root, 'backend/src/oidc-runtime.js'))).toBe(false);
    execFileSync('git', ['commit', '-qam', 'migrated'], { cwd: root });
    const again = await migrate(root, '.');
    expect(again.summary.filesChanged).toBe(0);
  });

  it('leaves a dependency that is there already, in any section', async () => {
    const root = repository({ 'package.json': JSON.stringify({ name: 'api', devDependencies: { 'oidc-token-guard': '0.1.0' } }), 'src/verify.ts': PINNED_TS });
    const report = await migrate(root, '.');
    expect(report.files.find((file) => file.path === 'package.json')).toBeUndefined();
    expect(read(root, 'src/verify.ts')).toContain("from 'oidc-token-guard'");
  });

  it('a repository without a package.json inside a folder that has one: reported, no manifest written', async () => {
    const outer = `${JSON.stringify({ name: 'home' })}\n`;
    const root = repository({ 'package.json': outer, 'service/src/verify.ts': PINNED_TS }, 'service');
    const report = await migrate(join(root, 'service'), '.');
    expect(report.code).toBe(0);
    expect(read(root, 'package.json')).toBe(outer);
    expect(reviewOf(report)).toContain('src/verify.ts:1: no package.json inside the repository owns src/verify.ts: add oidc-token-guard to the one that deploys it');
  });

  it('a package.json that is a symbolic link is not written through: reported', async () => {
    const shared = realpathSync(mkdtempSync(join(tmpdir(), 'oidc-shared-')));
    folders.push(shared);
    const sharedText = `${JSON.stringify({ name: 'shared' })}\n`;
    writeFileSync(join(shared, 'package.json'), sharedText);
    const root = repository({ 'src/verify.ts': PINNED_TS });
    symlinkSync(join(shared, 'package.json'), join(root, 'package.json'));
    execFileSync('git', ['add', '-A'], { cwd: root });
    execFileSync('git', ['commit', '-qm', 'link'], { cwd: root });
    const report = await migrate(root, '.');
    expect(read(shared, 'package.json')).toBe(sharedText);
    expect(reviewOf(report).join('\n')).toContain('package.json is a symbolic link, which this run does not write through: add oidc-token-guard to the package.json it points to');
  });
});

describe('--copy-runtime', () => {
  it('TypeScript target: src/oidc-runtime.ts with its version, jose added, and the project compiles with its own strict tsconfig (no allowJs)', async () => {
    const root = repository({
      'package.json': `${JSON.stringify({ name: 'api', private: true, type: 'module' }, null, 2)}\n`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUnusedLocals: true, verbatimModuleSyntax: true, types: ['node'], skipLibCheck: true, rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
      '.gitignore': 'node_modules\ndist/\n',
      'src/verify.ts': PINNED_TS,
    });
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const report = await migrate(root, '--copy-runtime', '.');
    expect(report.code, report.stderr).toBe(0);
    expect(read(root, 'src/verify.ts')).toContain("import { createAccessTokenVerifier } from './oidc-runtime.js';");
    const copy = read(root, 'src/oidc-runtime.ts');
    expect(copy.split('\n')[0]).toBe(`// Copied by oidc-codemod from oidc-token-guard@${TOOL.version}: discovery-based access-token`);
    expect(existsSync(join(root, 'src/oidc-runtime.js'))).toBe(false);
    expect(manifest(root, 'package.json').dependencies).toEqual({ jose: JOSE_RANGE });
    // tsc emits the copy into dist/ beside the code that imports it.
    const compiled = spawnSync(process.execPath, [TSC, '-p', root], { cwd: root, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(existsSync(join(root, 'dist/oidc-runtime.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/verify.js'))).toBe(true);
    execFileSync('git', ['add', '-A'], { cwd: root });
    execFileSync('git', ['commit', '-qm', 'migrated'], { cwd: root });
    expect((await migrate(root, '--copy-runtime', '.')).summary.filesChanged).toBe(0);
  }, 180_000);

  it('CommonJS target: a .js copy with module.exports and its declarations, that the migrated module requires and runs', async () => {
    const root = repository({ 'package.json': `${JSON.stringify({ name: 'legacy' }, null, 2)}\n`, 'lib/verify.js': PINNED_CJS });
    const report = await migrate(root, '--copy-runtime', '.');
    expect(report.code, report.stderr).toBe(0);
    expect(read(root, 'lib/verify.js')).toContain("require('../oidc-runtime.js')");
    expect(read(root, 'oidc-runtime.js')).toMatch(/module\.exports/);
    expect(read(root, 'oidc-runtime.d.ts')).toContain('createAccessTokenVerifier');
    expect(manifest(root, 'package.json').dependencies).toEqual({ jose: JOSE_RANGE });
    execFileSync(process.execPath, ['--check', join(root, 'oidc-runtime.js')]);
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const runtime = createRequire(join(root, 'package.json'))('./oidc-runtime.js') as Record<string, unknown>;
    expect(typeof runtime.createAccessTokenVerifier).toBe('function');
  });

  it('--copy-runtime <path>.mjs: an ES module copy where it was asked for', async () => {
    const root = repository({ 'package.json': JSON.stringify({ name: 'legacy' }), 'lib/verify.js': PINNED_CJS });
    const report = await migrate(root, '--copy-runtime', 'vendor/oidc.mjs', '.');
    expect(report.code, report.stderr).toBe(0);
    expect(read(root, 'lib/verify.js')).toContain("require('../vendor/oidc.mjs')");
    expect(read(root, 'vendor/oidc.mjs')).toMatch(/^export \{/m);
    expect(existsSync(join(root, 'vendor/oidc.d.mts'))).toBe(true);
  });

  it('a copy that would lie outside the repository is not written: reported', async () => {
    const root = repository({ 'package.json': JSON.stringify({ name: 'api' }), 'src/verify.ts': PINNED_TS });
    const report = await migrate(root, '--copy-runtime=../outside/oidc-runtime.ts', '.');
    expect(existsSync(join(root, '../outside'))).toBe(false);
    // The source that would import the copy is not written either: it would import a missing module.
    expect(read(root, 'src/verify.ts')).toBe(PINNED_TS);
    expect(report.code).toBe(3);
    expect(report.errors.map((error) => error.reason).join('\n')).toContain('outside the work tree');
  });
});
