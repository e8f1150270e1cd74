// Pre-commit recipes, run for real in a temporary git repository:
// - husky + lint-staged: `git commit` runs the hook husky installs, which runs lint-staged with the
//   repository's recipe (.lintstagedrc.example.json), which runs ESLint with the built plugin;
// - the pre-commit framework (the real `pre-commit` program): the hook (.pre-commit-hooks.yaml) is tagged
//   as docs/guides/pre-commit.md says maintainers tag it, installed from that git repository into a fresh
//   pre-commit cache, and run by `git commit`.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedTarballs } from '../support/packed.js';
import { assertBuilt, childEnv, guideBlock, linkNodeModules, makeTempDir, PACKAGE, removeDir, ROOT, run, writeFiles, type RunResult } from './support.js';

const PEM = '`-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZ\n-----END PUBLIC KEY-----`';

const PINNED_KEY = `import jwt from 'jsonwebtoken';

const OKTA_PUBLIC_KEY = ${PEM};

export const verify = (token) => jwt.verify(token, OKTA_PUBLIC_KEY, { algorithms: ['RS256'] });
`;
const ORG_ISSUER = `import OktaJwtVerifier from '@okta/jwt-verifier';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });
export const checkAccessToken = (token: string) => verifier.verifyAccessToken(token, 'api://default');
`;
const CLEAN = `import { createRemoteJWKSet, jwtVerify } from 'jose';

const issuer = 'https://acme.okta.com/oauth2/default';
const jwks = createRemoteJWKSet(new URL(\`\${issuer}/v1/keys\`));

export const verify = (token) => jwtVerify(token, jwks, { issuer, audience: 'api://default' });
`;
const CLEAN_TS = `import OktaJwtVerifier from '@okta/jwt-verifier';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });
export const checkAccessToken = (token: string) => verifier.verifyAccessToken(token, 'api://default');
`;

const temporary: string[] = [];
afterAll(() => temporary.forEach(removeDir));

/** A git repository of its own: identity, no signing, no global or system configuration. */
function gitRepository(prefix: string): { dir: string; git: (...args: string[]) => RunResult; env: NodeJS.ProcessEnv } {
  const dir = makeTempDir(prefix);
  temporary.push(dir);
  const home = join(dir, '.home');
  mkdirSync(home);
  const env = childEnv({ HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' });
  const git = (...args: string[]) => run('git', args, { cwd: dir, env });
  expect(git('init', '-q', '-b', 'main').status).toBe(0);
  for (const [key, value] of [
    ['user.name', 'Pre-commit Test'],
    ['user.email', 'pre-commit-test@example.com'],
    ['commit.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
  ] as const) {
    expect(git('config', key, value).status).toBe(0);
  }
  return { dir, git, env };
}

function commitCount(git: (...args: string[]) => RunResult): number {
  return Number(git('rev-list', '--count', 'HEAD').stdout.trim());
}

describe('husky + lint-staged', () => {
  let repo: ReturnType<typeof gitRepository>;

  beforeAll(() => {
    assertBuilt();
    repo = gitRepository('husky');
    linkNodeModules(repo.dir);
    writeFiles(repo.dir, {
      '.gitignore': 'node_modules/\n.home/\n',
      'package.json': JSON.stringify({ name: 'orders-api', private: true, type: 'module', scripts: { prepare: 'husky' } }, null, 2),
      'eslint.config.js': `import tsParser from '@typescript-eslint/parser';
import oidc from 'eslint-plugin-oidc';

export default [
  { ignores: ['vendor/'] },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  oidc.configs.recommended,
];
`,
    });
    // The recipe, as the guide says to copy it.
    copyFileSync(join(ROOT, '.lintstagedrc.example.json'), join(repo.dir, '.lintstagedrc.json'));
    expect(repo.git('add', '-A').status).toBe(0);
    const initial = repo.git('commit', '-q', '-m', 'Project setup');
    expect(initial.status, initial.output).toBe(0);

    // What `npm run prepare` does: husky points git at its hooks; .husky/pre-commit runs lint-staged.
    const husky = run(process.execPath, [join('node_modules', 'husky', 'bin.js')], { cwd: repo.dir, env: repo.env });
    expect(husky.status, husky.output).toBe(0);
    writeFiles(repo.dir, { '.husky/pre-commit': guideBlock('pre-commit.md', (block) => block.code.startsWith('# .husky/pre-commit')) });
    expect(repo.git('config', 'core.hooksPath').stdout.trim()).toBe('.husky/_');
    const version = run(join('node_modules', '.bin', 'eslint'), ['--version'], { cwd: repo.dir, env: repo.env });
    expect(version.stdout.trim()).toMatch(/^v10\./);
  });

  it('the recipe lints every JavaScript and TypeScript extension with --max-warnings 0, as the guide shows', () => {
    const recipe = JSON.parse(readFileSync(join(ROOT, '.lintstagedrc.example.json'), 'utf8')) as Record<string, string>;
    expect(JSON.parse(guideBlock('pre-commit.md', (block) => block.lang === 'json'))).toEqual(recipe);
    const [glob, command] = Object.entries(recipe)[0]!;
    for (const extension of ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts']) expect(glob).toContain(extension);
    expect(command).toMatch(/^eslint\b/);
    expect(command).toContain('--max-warnings 0');
  });

  it('a commit that stages a hard-coded PEM passed to jsonwebtoken.verify is refused', () => {
    const before = commitCount(repo.git);
    writeFiles(repo.dir, { 'src/auth/verify.js': PINNED_KEY, 'src/auth/org.ts': ORG_ISSUER });
    expect(repo.git('add', '.husky/pre-commit', 'src').status).toBe(0);

    const commit = repo.git('commit', '-m', 'Verify tokens');
    expect(commit.status, commit.output).not.toBe(0);
    expect(commit.output).toContain('oidc/no-hardcoded-jwt-key');
    expect(commit.output).toContain('oidc/no-org-as-local-verification');
    expect(commit.output).toMatch(/src\/auth\/verify\.js[\s\S]*7:52\s+error/);
    expect(commit.output).toContain('husky - pre-commit script failed');
    expect(commitCount(repo.git)).toBe(before);
    // lint-staged put everything back as it was: the files are still staged for the next try.
    expect(repo.git('diff', '--cached', '--name-only').stdout.split('\n').filter(Boolean).sort()).toEqual(['.husky/pre-commit', 'src/auth/org.ts', 'src/auth/verify.js']);
  });

  it('once the staged files are clean, the commit goes through (files the config ignores included)', () => {
    const before = commitCount(repo.git);
    writeFiles(repo.dir, { 'src/auth/verify.js': CLEAN, 'src/auth/org.ts': CLEAN_TS, 'vendor/legacy.js': PINNED_KEY });
    expect(repo.git('add', 'src', 'vendor').status).toBe(0);

    const commit = repo.git('commit', '-m', 'Verify tokens with keys from the issuer');
    expect(commit.status, commit.output).toBe(0);
    expect(commitCount(repo.git)).toBe(before + 1);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').stdout.split('\n').filter(Boolean).sort()).toEqual([
      '.husky/pre-commit',
      'src/auth/org.ts',
      'src/auth/verify.js',
      'vendor/legacy.js',
    ]);
  });

  it('--no-warn-ignored is what lets a staged file that the config ignores through', () => {
    const eslint = join('node_modules', '.bin', 'eslint');
    const withFlag = run(eslint, ['--max-warnings', '0', '--no-warn-ignored', 'vendor/legacy.js'], { cwd: repo.dir, env: repo.env });
    const withoutFlag = run(eslint, ['--max-warnings', '0', 'vendor/legacy.js'], { cwd: repo.dir, env: repo.env });
    expect(withFlag.status, withFlag.output).toBe(0);
    expect(withoutFlag.status).toBe(1);
    expect(withoutFlag.output).toMatch(/ignore/i);
  });

  it('only what is staged is linted: a mistake left unstaged does not block the commit, and survives it', () => {
    const before = commitCount(repo.git);
    writeFiles(repo.dir, { 'src/auth/session.js': CLEAN });
    expect(repo.git('add', 'src/auth/session.js').status).toBe(0);
    writeFiles(repo.dir, { 'src/auth/session.js': PINNED_KEY });

    const commit = repo.git('commit', '-m', 'Session verifier');
    expect(commit.status, commit.output).toBe(0);
    expect(commitCount(repo.git)).toBe(before + 1);
    expect(repo.git('show', 'HEAD:src/auth/session.js').stdout).toBe(CLEAN);
    expect(readFileSync(join(repo.dir, 'src', 'auth', 'session.js'), 'utf8')).toBe(PINNED_KEY);
  });
});

describe('the pre-commit framework hook (.pre-commit-hooks.yaml), with the real pre-commit', () => {
  interface Hook {
    id: string;
    name: string;
    entry: string;
    language: string;
    types_or?: string[];
    types?: string[];
    args?: string[];
    additional_dependencies?: string[];
    minimum_pre_commit_version?: string;
  }
  interface PreCommitConfig {
    repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string; additional_dependencies?: string[] }> }>;
  }

  // lint-staged reads YAML configs with the `yaml` package; borrow it from there.
  const yaml = createRequire(createRequire(import.meta.url).resolve('lint-staged'))('yaml') as { parse(text: string): unknown; stringify(value: unknown): string };
  const hooks = yaml.parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const HOOK_TAG = `pre-commit-v${PACKAGE.version}`;

  let upstream: string;
  let repo: ReturnType<typeof gitRepository>;
  let preCommit: (...args: string[]) => RunResult;
  let installSeconds: number;

  beforeAll(() => {
    const which = run('sh', ['-c', 'command -v pre-commit'], { cwd: ROOT });
    if (which.status !== 0) {
      throw new Error(
        'The pre-commit program is not installed, and this test runs it for real. Install it: `apt-get update && apt-get install -y pre-commit` (Debian or Ubuntu, as root), or `pipx install pre-commit`. .ci/run installs it where it can.',
      );
    }
    const { plugin: tarball } = packedTarballs();

    // The hook's repository, as maintainers tag it: the guide's "Releasing the hook" commands (without the
    // push) in a repository holding this one's package.json and .pre-commit-hooks.yaml.
    const hookRepository = gitRepository('pre-commit-upstream');
    upstream = hookRepository.dir;
    copyFileSync(join(ROOT, 'package.json'), join(upstream, 'package.json'));
    copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(upstream, '.pre-commit-hooks.yaml'));
    expect(hookRepository.git('add', '-A').status).toBe(0);
    expect(hookRepository.git('commit', '-q', '-m', `Release ${PACKAGE.version}`).status).toBe(0);
    const release = guideBlock('pre-commit.md', (block) => block.code.startsWith('# pre-commit hook tag')).replace(/^git push .*$/m, '');
    const tagged = run('bash', ['-euo', 'pipefail', '-c', release], { cwd: upstream, env: hookRepository.env });
    expect(tagged.status, tagged.output).toBe(0);

    repo = gitRepository('pre-commit-framework');
    // A pre-commit cache of its own (the install is measured from nothing); npm's download cache is shared.
    const env = { ...repo.env, PRE_COMMIT_HOME: join(repo.dir, '.home', 'pre-commit'), npm_config_cache: join(homedir(), '.npm') };
    preCommit = (...args: string[]) => run('pre-commit', args, { cwd: repo.dir, env, timeout: 600_000 });

    // The guide's .pre-commit-config.yaml, pointed at the tagged repository and, until the plugin is on
    // npm, at its packed tarball (the hook's own list names the published package).
    const config = yaml.parse(guideBlock('pre-commit.md', (block) => block.lang === 'yaml' && block.code.includes('rev: pre-commit-v'))) as PreCommitConfig;
    config.repos[0]!.repo = upstream;
    config.repos[0]!.hooks[0]!.additional_dependencies = hooks[0]!.additional_dependencies!.map((dependency) => (dependency.startsWith('eslint-plugin-oidc@') ? tarball : dependency));
    // The guide's eslint.config.cjs loads @typescript-eslint/parser: listed, as the guide says.
    config.repos[0]!.hooks[0]!.additional_dependencies!.push('@typescript-eslint/parser@^8.46.0');
    writeFiles(repo.dir, {
      '.gitignore': '.home/\n',
      '.pre-commit-config.yaml': yaml.stringify(config),
      'eslint.config.cjs': guideBlock('pre-commit.md', (block) => block.code.startsWith('// eslint.config.cjs')),
    });

    const install = preCommit('install');
    expect(install.status, install.output).toBe(0);
    const start = performance.now();
    const environment = preCommit('install-hooks');
    installSeconds = (performance.now() - start) / 1000;
    expect(environment.status, environment.output).toBe(0);
    expect(repo.git('add', '-A').status).toBe(0);
    const initial = repo.git('commit', '-q', '-m', 'Project setup');
    expect(initial.status, initial.output).toBe(0);
  }, 900_000);

  it('declares one node hook, eslint-plugin-oidc, that runs eslint on JavaScript and TypeScript with the published packages', () => {
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook.id).toBe('eslint-plugin-oidc');
    expect(hook.language).toBe('node');
    expect(hook.entry).toBe('eslint');
    // `types` would require every tag at once; `types_or` takes files with any of them.
    expect(hook.types).toBeUndefined();
    expect(hook.types_or).toEqual(expect.arrayContaining(['javascript', 'jsx', 'ts', 'tsx']));
    expect(hook.args).toEqual(expect.arrayContaining(['--max-warnings=0', '--no-warn-ignored']));
    // The hook installs the plugin of its own version from npm, and ESLint of a major the plugin supports.
    expect(hook.additional_dependencies).toEqual(['eslint@^10.0.0', `eslint-plugin-oidc@${PACKAGE.version}`]);
    // types_or needs pre-commit 2.9.0; every key is one pre-commit's manifest schema knows.
    expect(hook.minimum_pre_commit_version).toBe('2.9.0');
    const KNOWN = ['id', 'name', 'entry', 'language', 'alias', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'additional_dependencies', 'args', 'always_run', 'fail_fast', 'pass_filenames', 'description', 'language_version', 'log_file', 'require_serial', 'stages', 'verbose', 'minimum_pre_commit_version'];
    expect(Object.keys(hook).filter((key) => !KNOWN.includes(key))).toEqual([]);
  });

  it(`the ${'pre-commit-v<version>'} tag holds only the hook and a placeholder package.json: nothing of this repository is installed`, () => {
    const tree = run('git', ['ls-tree', '-r', '--name-only', HOOK_TAG], { cwd: upstream }).stdout.split('\n').filter(Boolean);
    expect(tree).toEqual(['.pre-commit-hooks.yaml', 'package.json']);
    const manifest = JSON.parse(run('git', ['show', `${HOOK_TAG}:package.json`], { cwd: upstream }).stdout) as Record<string, unknown>;
    expect(manifest).toEqual({ name: 'eslint-plugin-oidc-pre-commit-hook', version: PACKAGE.version, private: true });
    expect(run('git', ['show', `${HOOK_TAG}:.pre-commit-hooks.yaml`], { cwd: upstream }).stdout).toBe(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    // The install took the published-packages path: well under the minutes of this repository's devDependencies.
    expect(installSeconds, `pre-commit install-hooks took ${installSeconds.toFixed(1)} s`).toBeLessThan(240);
  });

  it('git commit of a staged hard-coded PEM is refused, with the rule and its message; only staged files are linted', () => {
    const before = commitCount(repo.git);
    writeFiles(repo.dir, { 'src/verify.js': PINNED_KEY, 'src/org.ts': ORG_ISSUER, 'src/untracked.js': PINNED_KEY });
    expect(repo.git('add', 'src/verify.js', 'src/org.ts').status).toBe(0);
    const commit = repo.git('commit', '-m', 'Verify tokens');
    expect(commit.status, commit.output).not.toBe(0);
    expect(commit.output).toMatch(/eslint \(oidc\)\.+Failed/);
    expect(commit.output).toContain('oidc/no-hardcoded-jwt-key');
    expect(commit.output).toContain('A PEM public key is pinned as the key that verifies these tokens.');
    expect(commit.output).toContain('oidc/no-org-as-local-verification');
    expect(commit.output).not.toContain('untracked.js');
    expect(commitCount(repo.git)).toBe(before);
  });

  it('once the staged files are clean, the commit goes through', () => {
    const before = commitCount(repo.git);
    writeFiles(repo.dir, { 'src/verify.js': CLEAN, 'src/org.ts': CLEAN_TS });
    expect(repo.git('add', 'src/verify.js', 'src/org.ts').status).toBe(0);
    const commit = repo.git('commit', '-m', 'Verify tokens with keys from the issuer');
    expect(commit.status, commit.output).toBe(0);
    expect(commit.output).toMatch(/eslint \(oidc\)\.+Passed/);
    expect(commitCount(repo.git)).toBe(before + 1);
  });

  it('an ES module config that imports the plugin by name cannot see the hook environment (why the guide says require)', () => {
    writeFiles(repo.dir, { 'eslint.config.mjs': "import oidc from 'eslint-plugin-oidc';\nexport default [oidc.configs.recommended];\n", 'src/verify.js': PINNED_KEY });
    const result = preCommit('run', '--files', 'src/verify.js');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/Cannot find package 'eslint-plugin-oidc'/);
    removeDir(join(repo.dir, 'eslint.config.mjs'));
  });
});
