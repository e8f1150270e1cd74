// What the CLI tests share: temporary projects (git or not), the CLI run in-process or from dist.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { runCli, type JsonReport } from '../../src/cli/run.js';
import keys from '../fixtures/keys.json' with { type: 'json' };

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = join(root, 'dist/cli/oidc-codemod.js');

export const PINNED = `import jwt from 'jsonwebtoken';

const KEY = ${JSON.stringify(keys.rsaSpki)};

export async function check(token: string) {
  return jwt.verify(token, KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
}
`;
export const CLIENT = `import { oktaAuth } from './auth';

export const call = () => fetch('/api', { headers: { Authorization: \`Bearer \${oktaAuth.getIdToken()}\` } });
`;
export const UNRELATED = `export const add = (a: number, b: number) => a + b;\n`;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder removed after the test file, for what lies outside a project (reports, link targets). */
export function scratch(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A temporary project (a git repository unless `git: false`), in a new folder or at `at`. */
export function project(files: Record<string, string | Buffer>, options: { git?: boolean; packageJson?: object | false; at?: string } = {}): string {
  const folder = options.at ?? mkdtempSync(join(tmpdir(), 'oidc-cli-'));
  mkdirSync(folder, { recursive: true });
  folders.push(folder);
  if (options.packageJson !== false) writeFileSync(join(folder, 'package.json'), JSON.stringify(options.packageJson ?? { name: 'app', private: true, type: 'module', dependencies: {} }, null, 2) + '\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  if (options.git !== false) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, stdio: 'ignore' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'test');
    git('add', '-A');
    git('commit', '-qm', 'initial');
  }
  return folder;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false, cwd });
  return { code, stdout, stderr };
}

export async function json(cwd: string, ...argv: string[]): Promise<JsonReport & { code: number }> {
  const run = await cli(cwd, '--json', ...argv);
  return { ...(JSON.parse(run.stdout) as JsonReport), code: run.code };
}

export const read = (folder: string, path: string) => readFileSync(join(folder, path), 'utf8');

/** git in a folder, its output as text. */
export const git = (folder: string, ...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8' });

/** Commits everything in a test project. */
export function commitAll(folder: string, message = 'commit'): void {
  git(folder, 'add', '-A');
  git(folder, 'commit', '-qm', message, '--allow-empty');
}

