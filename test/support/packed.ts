/**
 * The three packages as users get them: the tarballs `npm run pack` writes into pack/, installed into
 * scratch projects outside this repository (so nothing resolves through its node_modules).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import packages from '../../src/packages.json';

export const repositoryRoot = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
export const rootManifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

export type PackageRole = 'plugin' | 'runtime' | 'codemod';
export const packageNames: Record<PackageRole, string> = { plugin: packages.plugin.name, runtime: packages.runtime.name, codemod: packages.codemod.name };

export function tarballPath(role: PackageRole): string {
  return join(repositoryRoot, 'pack', `${packageNames[role]}-${rootManifest.version}.tgz`);
}

/**
 * The tarballs, packed first when one is missing (`npm test` packs before it runs; a single test file
 * run alone packs here). A lock folder keeps parallel test files from packing at once.
 */
export function packedTarballs(): Record<PackageRole, string> {
  const roles: PackageRole[] = ['plugin', 'runtime', 'codemod'];
  if (roles.some((role) => !existsSync(tarballPath(role)))) {
    const lock = join(repositoryRoot, 'pack.lock');
    const deadline = Date.now() + 180_000;
    for (;;) {
      try {
        mkdirSync(lock);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`${lock} is held for more than 3 minutes: remove it if no pack is running`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      }
    }
    try {
      if (roles.some((role) => !existsSync(tarballPath(role)))) execFileSync(process.execPath, [join(repositoryRoot, 'scripts', 'pack.mjs')], { cwd: repositoryRoot, stdio: 'ignore' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return Object.fromEntries(roles.map((role) => [role, tarballPath(role)])) as Record<PackageRole, string>;
}

const scratchFolders: string[] = [];
// Each one holds an installed node_modules (tens of MB): gone with the test file that made it.
afterAll(() => {
  for (const folder of scratchFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** An empty npm project in the system's temporary folder, removed after the test file. */
export function scratchProject(label: string, manifest: Record<string, unknown> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), `oidc-${label}-`));
  scratchFolders.push(folder);
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name: `scratch-${label}`, version: '1.0.0', private: true, ...manifest }, null, 2)}\n`);
  return folder;
}

const run = promisify(execFile);

/** `npm install` from the registry (and local tarballs), as a user would; no scripts, no lock, no audit. */
export async function npmInstall(folder: string, specs: readonly string[]): Promise<void> {
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--prefer-offline', '--loglevel=error', ...specs], {
    cwd: folder,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

/** Bytes of every file below node_modules (apparent sizes, links not followed). */
export function installedBytes(folder: string): number {
  let total = 0;
  const stack = [join(folder, 'node_modules')];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) total += lstatSync(path).size;
    }
  }
  return total;
}

/** The names of the packages installed in a project (top level and nested). */
export function installedPackages(folder: string): Set<string> {
  const names = new Set<string>();
  const stack = [join(folder, 'node_modules')];
  while (stack.length > 0) {
    const modules = stack.pop()!;
    if (!existsSync(modules)) continue;
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const scoped = entry.name.startsWith('@');
      for (const name of scoped ? readdirSync(join(modules, entry.name)).map((inner) => `${entry.name}/${inner}`) : [entry.name]) {
        names.add(name);
        stack.push(join(modules, name, 'node_modules'));
      }
    }
  }
  return names;
}
