// The plugin as users get it: its tarball from `npm run pack`, unpacked on its own (no repository
// node_modules beside it, only its declared dependencies), so that what is measured is what is published.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Packs when the plugin tarball is missing or older than the sources; returns the unpacked entry. */
export function packedPluginEntry(root, into, log) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const { plugin } = JSON.parse(readFileSync(join(root, 'src', 'packages.json'), 'utf8'));
  const tarball = join(root, 'pack', `${plugin.name}-${version}.tgz`);
  const newestSource = Math.max(...['src', 'rules'].map((folder) => newestMtime(join(root, folder))));
  if (!existsSync(tarball) || statSync(tarball).mtimeMs < newestSource) {
    log(`${plugin.name} tarball missing or stale: npm run pack`);
    const pack = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'pack', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (pack.status !== 0) throw new Error('npm run pack failed');
  }
  const folder = join(into, 'packed-plugin');
  mkdirSync(folder, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', folder]);
  linkDependencies(root, join(folder, 'package'));
  return join(folder, 'package', 'dist', 'index.js');
}

/**
 * The package's declared `dependencies`, and nothing else, linked beside it from the repository's
 * node_modules, as an install gives them to it: without them the plugin cannot load the parser it reads
 * neighbouring modules with (`@typescript-eslint/typescript-estree`, through `@typescript-eslint/utils`),
 * and cross-module resolution would silently do nothing in the measured runs. Anything the package uses
 * without declaring it still fails to resolve.
 */
function linkDependencies(root, packageDir) {
  const { dependencies = {} } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  for (const name of Object.keys(dependencies)) {
    const target = join(root, 'node_modules', ...name.split('/'));
    if (!existsSync(target)) throw new Error(`${name}, a dependency of the packed plugin, is not installed in node_modules`);
    const link = join(packageDir, 'node_modules', ...name.split('/'));
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, 'junction');
  }
}

function newestMtime(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}
