// oidc-codemod end to end on temporary projects: flags, exit codes, the git state, bad input, line endings.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { CLIENT, cli, cliPath, json, PINNED, project, read, root, UNRELATED } from './support.js';
import keys from '../fixtures/keys.json' with { type: 'json' };

describe('oidc-codemod: usage', () => {
  it('prints help and exits 0', async () => {
    const run = await cli(root, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: oidc-codemod');
  });

  it.each([
    [['--bogus', '.'], "Unknown option '--bogus'"],
    [['--transform', 'nope', '.'], "unknown transform 'nope'"],
    [[], 'no paths given'],
    [['--helper-path', 'a.js', '--helper-import', 'b', '.'], 'exclude each other'],
    [['--issuer', 'http://acme.okta.com', '.'], '--issuer must be an https URL'],
    [['does-not-exist'], 'no such file or folder'],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const run = await cli(root, ...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('oidc-codemod: runs', () => {
  it('rewrites, writes the helper and jose, and reports the JSON shape', async () => {
    const folder = project({ 'src/verify.ts': PINNED, 'src/client.ts': CLIENT, 'src/math.ts': UNRELATED });
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    expect(report.summary).toEqual({ filesScanned: 3, filesChanged: expect.any(Number), sitesRewritten: 2, sitesForReview: expect.any(Number) });
    expect(report.summary.filesChanged).toBe(5); // two sources, the helper and its declarations, package.json
    const verify = report.files.find((file) => file.path === 'src/verify.ts')!;
    // Lines name the file as written: the rewritten call stands on line 5 now.
    expect(verify).toEqual({ path: 'src/verify.ts', changed: true, rewrites: [{ transform: 'jwks-discovery', line: 5 }], review: [] });
    expect(read(folder, 'src/verify.ts').split('\n')[4]).toContain('accessTokenVerifier.verify(token)');
    expect(read(folder, 'src/verify.ts')).toContain("import { createAccessTokenVerifier } from './oidc-runtime.js';");
    expect(read(folder, 'src/verify.ts')).not.toContain('BEGIN PUBLIC KEY');
    expect(read(folder, 'src/client.ts')).toContain('oktaAuth.getAccessToken()');
    expect(existsSync(join(folder, 'src/oidc-runtime.js'))).toBe(true);
    expect(read(folder, 'src/oidc-runtime.d.ts')).toContain('createAccessTokenVerifier');
    expect(JSON.parse(read(folder, 'package.json')).dependencies.jose).toMatch(/^\^6/);
    // Idempotent: nothing left to change.
    execFileSync('git', ['add', '-A'], { cwd: folder });
    execFileSync('git', ['commit', '-qm', 'migrated'], { cwd: folder });
    expect((await cli(folder, '--check', '.')).code).toBe(0);
  });

  it('--dry-run writes nothing and prints unified diffs; --check exits 1', async () => {
    const folder = project({ 'src/verify.ts': PINNED });
    const dry = await cli(folder, '--dry-run', '.');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- a/src/verify.ts\n+++ b/src/verify.ts\n@@ ');
    expect(dry.stdout).toMatch(/^-const KEY = /m);
    expect(dry.stdout).toContain('1 files scanned, 4 would change');
    expect(read(folder, 'src/verify.ts')).toBe(PINNED);
    const check = await cli(folder, '--check', '.');
    expect(check.code).toBe(1);
    expect(read(folder, 'src/verify.ts')).toBe(PINNED);
  });

  it('refuses a dirty git tree unless --force; dry runs are allowed', async () => {
    const folder = project({ 'src/verify.ts': PINNED });
    writeFileSync(join(folder, 'src/new.ts'), UNRELATED);
    const refused = await cli(folder, '.');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(read(folder, 'src/verify.ts')).toBe(PINNED);
    expect((await cli(folder, '--dry-run', '.')).code).toBe(0);
    expect((await cli(folder, '--force', '.')).code).toBe(0);
    expect(read(folder, 'src/verify.ts')).not.toBe(PINNED);
  });

  it('runs only the named transforms, and imports from --helper-import without writing a helper', async () => {
    const folder = project({ 'src/verify.ts': PINNED, 'src/client.ts': CLIENT });
    const report = await json(folder, '--transform', 'id-token-to-access-token', '--helper-import', '@acme/auth', '.');
    expect(report.files.flatMap((file) => file.rewrites.map((rewrite) => rewrite.transform))).toEqual(['id-token-to-access-token']);
    expect(read(folder, 'src/verify.ts')).toBe(PINNED);
    const second = project({ 'src/verify.ts': PINNED });
    await cli(second, '--helper-import', '@acme/auth', '.');
    expect(read(second, 'src/verify.ts')).toContain("from '@acme/auth'");
    expect(existsSync(join(second, 'src/oidc-runtime.js'))).toBe(false);
  });

  it('respects .gitignore and skips node_modules and build output', async () => {
    const folder = project({
      '.gitignore': 'generated/\n',
      'generated/verify.ts': PINNED,
      'node_modules/lib/verify.ts': PINNED,
      'src/verify.ts': PINNED,
    });
    const report = await json(folder, '.');
    expect(report.summary.filesScanned).toBe(1);
    expect(read(folder, 'generated/verify.ts')).toBe(PINNED);
    expect(read(folder, 'node_modules/lib/verify.ts')).toBe(PINNED);
    // An ignored folder named explicitly is read all the same.
    expect((await json(folder, '--dry-run', 'generated')).summary.filesScanned).toBe(1);
    const outsideGit = project({ 'dist/verify.js': PINNED, 'build/verify.js': PINNED, 'src/verify.ts': PINNED }, { git: false });
    expect((await json(outsideGit, '--dry-run', '.')).summary.filesScanned).toBe(1);
  });

  it('keeps CRLF line endings and a byte order mark', async () => {
    const crlf = PINNED.replace(/\n/g, '\r\n');
    const folder = project({ 'src/crlf.ts': crlf, 'src/bom.ts': `\uFEFF${PINNED}` });
    expect((await cli(folder, '.')).code).toBe(0);
    const rewritten = read(folder, 'src/crlf.ts');
    expect(rewritten).toContain('createAccessTokenVerifier');
    expect(rewritten.replace(/\r\n/g, '')).not.toContain('\n');
    const bom = read(folder, 'src/bom.ts');
    expect(bom.startsWith('\uFEFF')).toBe(true);
    expect(bom).toContain('createAccessTokenVerifier');
  });

  it('reports files that do not parse (with the line) or are not UTF-8, leaves them untouched, migrates the rest, exits 3', async () => {
    const broken = `import jwt from 'jsonwebtoken';\nconst KEY = ${JSON.stringify(keys.rsaSpki)};\nexport function check(token {\n`;
    const latin1 = Buffer.concat([Buffer.from(`import jwt from 'jsonwebtoken'; // caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
    // A file that concerns none of this is never parsed, however broken.
    const folder = project({ 'src/broken.ts': broken, 'src/latin1.ts': latin1, 'src/unrelated-broken.ts': 'export const x = (;\n', 'src/verify.ts': PINNED });
    const report = await json(folder, '.');
    expect(report.code).toBe(3);
    expect(report.errors).toEqual([
      { path: 'src/broken.ts', line: 3, reason: expect.stringContaining('does not parse; left unchanged') },
      { path: 'src/latin1.ts', reason: 'not valid UTF-8; left unchanged' },
    ]);
    expect(read(folder, 'src/broken.ts')).toBe(broken);
    expect(readFileSync(join(folder, 'src/latin1.ts'))).toEqual(latin1);
    expect(read(folder, 'src/verify.ts')).toContain('createAccessTokenVerifier');
  });

  it('a read-only file is not written, and says so', async () => {
    const folder = project({ 'src/verify.ts': PINNED, 'locked/verify.ts': PINNED });
    chmodSync(join(folder, 'locked/verify.ts'), 0o444);
    const report = await json(folder, '--force', '.');
    expect(report.code).toBe(3);
    expect(report.errors).toEqual([{ path: 'locked/verify.ts', reason: expect.stringContaining('cannot be written') }]);
    expect(read(folder, 'locked/verify.ts')).toBe(PINNED);
    expect(readdirSync(join(folder, 'locked'))).toEqual(['verify.ts']);
  });

  it('does not follow symbolic links (no loops)', async () => {
    const folder = project({ 'src/verify.ts': PINNED }, { git: false });
    symlinkSync(join(folder, 'src'), join(folder, 'src', 'loop'));
    const report = await json(folder, '--dry-run', '.');
    expect(report.summary.filesScanned).toBe(1);
    expect((await cli(folder, '--dry-run', join(folder, 'src', 'loop'))).code).toBe(2);
  });

  it('reports org issuers in .env files and config for review', async () => {
    const folder = project({
      '.env.example': 'OKTA_ISSUER=https://acme.okta.com\nOKTA_CLIENT_ID=0oa1b2c3d4e5f6g7h8i9\n',
      'config/default.json': '{\n  "okta": {\n    "issuer": "https://acme.okta.com/oauth2/default"\n  }\n}\n',
      'config/legacy.yaml': 'okta:\n  issuer: https://acme.okta.com/oauth2\n',
    });
    const report = await json(folder, '--dry-run', '.');
    const review = report.files.flatMap((file) => file.review.map((item) => `${file.path}:${item.line}: ${item.reason}`));
    expect(review).toEqual([
      expect.stringMatching(/^\.env\.example:1: OKTA_ISSUER is the Okta org authorization server/),
      expect.stringMatching(/^config\/legacy\.yaml:2: issuer is not a valid Okta issuer/),
    ]);
  });

  it('shows progress on long runs in a terminal, not in --json', async () => {
    const files = Object.fromEntries(Array.from({ length: 320 }, (_, index) => [`src/file${index}.ts`, UNRELATED]));
    const folder = project(files);
    let stderr = '';
    await runCli(['--dry-run', '.'], { stdout: () => {}, stderr: (text) => (stderr += text), isTTY: true, cwd: folder });
    expect(stderr).toContain('oidc-codemod: 300/320 files');
    stderr = '';
    await runCli(['--dry-run', '--json', '.'], { stdout: () => {}, stderr: (text) => (stderr += text), isTTY: true, cwd: folder });
    expect(stderr).toBe('');
  });
});

describe('oidc-codemod: the built command', () => {
  it('loads no parser, analysis or ts-morph before it needs them: not among the static imports of its entry', () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      // Static imports only: `import ... from "x"` and `import "x"`, not `import("x")`.
      for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
        const specifier = match[1] ?? match[2]!;
        if (specifier.startsWith('.')) visit(join(file, '..', specifier));
        else bare.add(specifier);
      }
    };
    visit(cliPath);
    expect(seen.size).toBeGreaterThan(1);
    expect([...bare].filter((name) => /jscodeshift|ts-morph|typescript|@babel/.test(name))).toEqual([]);
    // They are there, behind a dynamic import.
    expect(readFileSync(cliPath, 'utf8')).toMatch(/import\("\.\/transform-file-[\w-]+\.js"\)/);
  });

  it('runs from dist with its shebang', () => {
    const folder = project({ 'src/verify.ts': PINNED });
    const output = execFileSync(cliPath, ['--dry-run', '.'], { cwd: folder, encoding: 'utf8' });
    expect(output).toContain('1 files scanned, 4 would change');
  });

  it('an interrupt leaves every file either as it was or fully rewritten', { timeout: 90_000 }, async () => {
    const count = 1200;
    const files = Object.fromEntries(Array.from({ length: count }, (_, index) => [`src/verify${index}.ts`, PINNED]));
    const folder = project(files);
    const expected = (() => {
      const reference = project({ 'src/verify0.ts': PINNED });
      execFileSync(cliPath, ['.'], { cwd: reference });
      return read(reference, 'src/verify0.ts');
    })();
    const child = spawn(process.execPath, [cliPath, '.'], { cwd: folder, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    // Interrupted mid-run (1,200 files take several seconds here): it stops between files.
    expect(await exited).toBe(130);
    for (let index = 0; index < count; index++) {
      const text = read(folder, `src/verify${index}.ts`);
      expect([PINNED, expected], `src/verify${index}.ts`).toContain(text);
    }
    expect(readdirSync(join(folder, 'src')).filter((file) => file.includes('.tmp'))).toEqual([]);
  });
});
