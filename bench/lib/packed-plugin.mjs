// The plugin as users get it: its tarball from `npm run pack`, unpacked on its own (no repository
// node_modules beside it), so that what is measured is what is published.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  return join(folder, 'package', 'dist', 'index.js');
}

function newestMtime(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}
