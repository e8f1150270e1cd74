// What a run may write, and when: only inside the work tree (symbolic links, manifests above the
// repository, files outside git), one writing run at a time, one JSON object in every outcome.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliPath, commitAll, git, json, PINNED, project, read, scratch, UNRELATED } from './support.js';

/** Every file below a folder (outside .git), with its text: to show that nothing changed there. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(current, entry.name);
      if (entry.isSymbolicLink()) files[path] = `-> ${readlinkSync(path)}`;
      else if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

describe('oidc-codemod: --json prints one JSON object in every outcome', () => {
  it.each([
    ['a usage error', ['--bogus', '.'], "Unknown option '--bogus'"],
    ['an unknown transform', ['--transform', 'nope', '.'], "unknown transform 'nope'"],
    ['no paths', [], 'no paths given'],
    ['a missing path', ['missing'], 'no such file or folder'],
  ])('%s', async (_what, argv, message) => {
    const folder = project({ 'src/verify.ts': PINNED });
    const run = await cli(folder, '--json', ...argv);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.error).toContain(message);
    expect(report.tool.name).toBe('oidc-codemod');
    expect(report.summary).toEqual({ filesScanned: 0, filesChanged: 0, sitesRewritten: 0, sitesForReview: 0 });
    expect(report.files).toEqual([]);
  });

  it('when it refuses a dirty tree', async () => {
    const folder = project({ 'src/verify.ts': PINNED });
    writeFileSync(join(folder, 'src/new.ts'), UNRELATED);
    const run = await cli(folder, '--json', '.');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toContain('uncommitted changes');
    expect(read(folder, 'src/verify.ts')).toBe(PINNED);
  });

  it('--report-md carries the error too', async () => {
    const folder = project({ 'src/verify.ts': PINNED });
    const out = scratch('oidc-cli-report-');
    const run = await cli(folder, '--report-md', join(out, 'report.md'), '--transform', 'nope', '.');
    expect(run.code).toBe(2);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain("stopped before migrating anything: unknown transform 'nope'");
  });
});

describe('oidc-codemod: writes only inside the work tree', () => {
  it('refuses a runtime copy through a committed symbolic link to a folder outside the repository, and writes nothing', async () => {
    const outside = scratch('oidc-cli-outside-');
    const folder = project({ 'src/verify.ts': PINNED }, { git: false });
    symlinkSync(outside, join(folder, 'src', 'lib'));
    project({}, { at: folder, packageJson: false });
    const before = snapshot(folder);
    const report = await json(folder, '--copy-runtime=src/lib/oidc-runtime.js', '.');
    expect(report.code).toBe(3);
    expect(readdirSync(outside)).toEqual([]);
    expect(snapshot(folder)).toEqual(before);
    expect(report.summary.filesChanged).toBe(0);
    const helper = report.errors.find((error) => error.path === 'src/lib/oidc-runtime.js');
    expect(helper?.reason).toMatch(/^not written: outside the work tree: .*src\/lib is a symbolic link to /);
    expect(report.errors.find((error) => error.path === 'src/verify.ts')?.reason).toContain('it would import the runtime, and');
  });

  it('refuses to write a source named through a symbolic link that leads outside', async () => {
    const outside = scratch('oidc-cli-outside-');
    writeFileSync(join(outside, 'verify.ts'), PINNED);
    const folder = project({ 'src/keep.ts': UNRELATED }, { git: false });
    symlinkSync(outside, join(folder, 'src', 'linked'));
    project({}, { at: folder, packageJson: false });
    const report = await json(folder, '--helper-import', 'oidc-token-guard', 'src/linked/verify.ts');
    expect(report.code).toBe(3);
    expect(report.errors).toEqual([{ path: 'src/linked/verify.ts', reason: expect.stringMatching(/^not written: outside the work tree: .*src\/linked is a symbolic link to /) }]);
    expect(readFileSync(join(outside, 'verify.ts'), 'utf8')).toBe(PINNED);
  });

  it('reports a package.json that is a symbolic link for review instead of replacing it', async () => {
    const folder = project({ 'src/verify.ts': PINNED, 'config/package.json': `${JSON.stringify({ name: 'app', private: true, type: 'module' }, null, 2)}\n` }, { packageJson: false });
    symlinkSync('config/package.json', join(folder, 'package.json'));
    commitAll(folder);
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    expect(lstatSync(join(folder, 'package.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(read(folder, 'config/package.json')).dependencies).toBeUndefined();
    expect(report.files.flatMap((file) => file.review.map((note) => note.reason))).toContainEqual(expect.stringContaining('package.json is a symbolic link, which this run does not write through'));
    expect(read(folder, 'src/verify.ts')).toContain('createAccessTokenVerifier');
  });

  it('refuses files in no git work tree unless --force; dry runs are allowed', async () => {
    const folder = project({ 'src/verify.ts': PINNED }, { git: false });
    const refused = await cli(folder, '.');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('which is in no git work tree');
    expect(read(folder, 'src/verify.ts')).toBe(PINNED);
    expect((await cli(folder, '--dry-run', '.')).code).toBe(0);
    expect((await cli(folder, '--force', '.')).code).toBe(0);
    expect(read(folder, 'src/verify.ts')).toContain('createAccessTokenVerifier');
  });

  it('outside git, with --force, the package of the path given is the limit', async () => {
    const folder = project({ 'src/verify.ts': PINNED }, { git: false });
    const report = await json(folder, '--force', 'src');
    expect(report.code).toBe(0);
    expect(JSON.parse(read(folder, 'package.json')).dependencies['oidc-token-guard']).toBeDefined();
    expect(read(folder, 'src/verify.ts')).toContain('createAccessTokenVerifier');
  });

  it('in a repository without a package.json of its own, inside a folder that has one, writes nothing outside the repository', async () => {
    const outer = project({}, { git: false, packageJson: { name: 'outer', private: true, type: 'module' } });
    const repository = join(outer, 'repo');
    project({ 'src/verify.ts': PINNED }, { at: repository, packageJson: false });
    const outside = Object.fromEntries(Object.entries(snapshot(outer)).filter(([path]) => !path.startsWith(`${repository}/`)));
    const report = await json(repository, '.');
    expect(report.code).not.toBe(2);
    expect(Object.fromEntries(Object.entries(snapshot(outer)).filter(([path]) => !path.startsWith(`${repository}/`)))).toEqual(outside);
    // Whatever a stage asked for outside was refused, with the reason.
    for (const error of report.errors.filter((entry) => entry.path.startsWith('..'))) expect(error.reason).toContain('outside the work tree');
  });
});

describe('oidc-codemod: one writing run at a time', () => {
  it('a second concurrent run exits 2 saying another run is in progress', { timeout: 120_000 }, async () => {
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`src/verify${index}.ts`, PINNED]));
    const folder = project(files);
    const lock = join(folder, '.git', 'oidc-codemod.lock');
    const first = spawn(process.execPath, [cliPath, '--json', '.'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstOutput = '';
    first.stdout.on('data', (chunk: Buffer) => (firstOutput += chunk.toString()));
    const firstExit = new Promise<number | null>((resolve) => first.on('exit', resolve));
    for (let waited = 0; !existsSync(join(lock, 'owner.json')) && waited < 60_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = spawnSync(process.execPath, [cliPath, '--json', '.'], { cwd: folder, encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(JSON.parse(second.stdout).error).toMatch(/^another oidc-codemod run \(pid \d+, since .*\) is in progress in this repository/);
    expect(second.stderr).toContain(`pid ${first.pid}`);
    expect(await firstExit).toBe(0);
    expect(JSON.parse(firstOutput).summary.filesChanged).toBeGreaterThan(400);
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock left by a run that died is cleared, with its temporary files', async () => {
    const folder = project({ 'src/verify.ts': PINNED });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lock = join(folder, '.git', 'oidc-codemod.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: Number(dead.stdout), host: (await import('node:os')).hostname(), started: '2026-01-01T00:00:00.000Z' }));
    writeFileSync(join(lock, '0.tmp'), 'half');
    const run = await cli(folder, '.');
    expect(run.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(read(folder, 'src/verify.ts')).toContain('createAccessTokenVerifier');
  });

  it('dry runs take no lock', async () => {
    const folder = project({ 'src/verify.ts': PINNED });
    const lock = join(folder, '.git', 'oidc-codemod.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), started: '2026-01-01T00:00:00.000Z' }));
    expect((await cli(folder, '--dry-run', '.')).code).toBe(0);
    const writing = await cli(folder, '.');
    expect(writing.code).toBe(2);
    expect(writing.stderr).toContain('is in progress in this repository');
    expect(read(folder, 'src/verify.ts')).toBe(PINNED);
  });
});

describe('oidc-codemod: killed outright', () => {
  it('a SIGKILL during a write-heavy run leaves every file original or completely rewritten, and no temporary file', { timeout: 180_000 }, async () => {
    const count = 1500;
    const files = Object.fromEntries(Array.from({ length: count }, (_, index) => [`src/verify${String(index).padStart(4, '0')}.ts`, PINNED]));
    const folder = project(files);
    const reference = project({ 'src/verify0000.ts': PINNED });
    execFileSync(process.execPath, [cliPath, '.'], { cwd: reference });
    const expected = read(reference, 'src/verify0000.ts');
    const firstFile = join(folder, 'src/verify0000.ts');
    const before = statSync(firstFile).mtimeMs;
    const child = spawn(process.execPath, [cliPath, '.'], { cwd: folder, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed as soon as the first file is written: the others are being written.
    while (statSync(firstFile).mtimeMs === before && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    let rewritten = 0;
    for (const path of Object.keys(files)) {
      const text = read(folder, path);
      expect([PINNED, expected], path).toContain(text);
      if (text === expected) rewritten++;
    }
    // Killed mid-way through the writes.
    expect(rewritten).toBeGreaterThan(0);
    expect(rewritten).toBeLessThan(count);
    // Modified files and the helper written first: nothing else (no temporary file) in the work tree.
    const status = git(folder, 'status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean);
    expect(status.filter((line) => !line.startsWith(' M ') && !/^\?\? src\/oidc-runtime\.(js|d\.ts)$/.test(line))).toEqual([]);
    // The next run clears the dead run's lock and finishes the migration.
    expect((await cli(folder, '--force', '.')).code).toBe(0);
    for (const path of Object.keys(files)) expect(read(folder, path), path).toBe(expected);
    expect(existsSync(join(folder, '.git', 'oidc-codemod.lock'))).toBe(false);
  });
});
