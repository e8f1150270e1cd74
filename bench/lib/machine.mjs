// What the numbers were measured on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export function packageVersion(root, name) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', ...name.split('/'), 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

function git(root, args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function machineInfo(root) {
  const cpus = os.cpus();
  const self = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const commit = git(root, ['rev-parse', '--short', 'HEAD']);
  const dirty = git(root, ['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: `${cpus[0]?.model?.trim() ?? 'unknown'}, ${cpus.length} cores${cpus[0]?.speed ? ` @ ${cpus[0].speed} MHz` : ''}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    eslint: packageVersion(root, 'eslint'),
    parser: packageVersion(root, '@typescript-eslint/parser'),
    typescript: packageVersion(root, 'typescript'),
    plugin: `${self.name} ${self.version}${commit ? ` (commit ${commit}${dirty ? ', with uncommitted changes' : ''})` : ''}`,
    baselines: {
      'eslint-plugin-jwt-security': packageVersion(root, 'eslint-plugin-jwt-security'),
      '@okta/jwt-verifier': packageVersion(root, '@okta/jwt-verifier'),
      jose: packageVersion(root, 'jose'),
    },
  };
}
