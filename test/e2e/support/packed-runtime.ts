// node_modules for a scratch project: this repository's packages linked in one by one, and oidc-token-guard
// unpacked from the tarball `npm run pack` writes, so that migrated code resolves the runtime as a user's
// install gives it (its package.json, exports map and files), never through this repository's sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { packageNames, packedTarballs, repositoryRoot } from '../../support/packed.js';

export function installPackedRuntime(project: string): void {
  const modules = join(project, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const runtime = packageNames.runtime;
  for (const entry of readdirSync(join(repositoryRoot, 'node_modules'))) {
    if (entry !== runtime) symlinkSync(join(repositoryRoot, 'node_modules', entry), join(modules, entry));
  }
  const target = join(modules, runtime);
  mkdirSync(target);
  execFileSync('tar', ['-xzf', packedTarballs().runtime, '-C', target, '--strip-components=1']);
}
