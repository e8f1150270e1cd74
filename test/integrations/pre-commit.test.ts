// Pre-commit recipes, run for real in a temporary git repository:
// - husky + lint-staged: `git commit` runs the hook husky installs, which runs lint-staged with the
//   repository's recipe (.lintstagedrc.example.json), which runs ESLint with the built plugin;
// - the pre-commit framework's hook (.pre-commit-hooks.yaml): the framework itself (Python) is not
//   installed here, so the test does what it does for a `language: node` hook: select the staged files by
//   the hook's types, and run its entry and args on them in an environment whose packages are reached
//   through NODE_PATH, with no node_modules in the repository.
import { readFileSync, symlinkSync, mkdirSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, childEnv, guideBlock, linkNodeModules, makeTempDir, NODE_MODULES, removeDir, ROOT, run, writeFiles, type RunResult } from './support.js';

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

describe('the pre-commit framework hook (.pre-commit-hooks.yaml)', () => {
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

  /** identify's tags for these extensions (pre-commit selects files by them). */
  const TAGS: Record<string, string> = { js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'jsx', ts: 'ts', tsx: 'tsx' };

  let hooks: Hook[];
  let repo: ReturnType<typeof gitRepository>;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    assertBuilt();
    // lint-staged reads YAML configs with the `yaml` package; borrow it from there.
    const fromLintStaged = createRequire(createRequire(import.meta.url).resolve('lint-staged'));
    const yaml = fromLintStaged('yaml') as { parse(text: string): unknown };
    hooks = yaml.parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

    repo = gitRepository('pre-commit');
    // The hook's environment: `npm install -g` of this package and the additional dependencies.
    const environment = join(repo.dir, '.home', 'node_env');
    const globalModules = join(environment, 'lib', 'node_modules');
    mkdirSync(globalModules, { recursive: true });
    mkdirSync(join(environment, 'bin'));
    symlinkSync(ROOT, join(globalModules, 'eslint-plugin-oidc'));
    symlinkSync(join(NODE_MODULES, 'eslint'), join(globalModules, 'eslint'));
    mkdirSync(join(globalModules, '@typescript-eslint'));
    symlinkSync(join(NODE_MODULES, '@typescript-eslint', 'parser'), join(globalModules, '@typescript-eslint', 'parser'));
    symlinkSync(join(NODE_MODULES, 'eslint', 'bin', 'eslint.js'), join(environment, 'bin', 'eslint'));
    // What pre-commit's node language sets for a hook (pre_commit/languages/node.py).
    env = { ...repo.env, NODE_VIRTUAL_ENV: environment, NODE_PATH: globalModules, PATH: `${join(environment, 'bin')}:${repo.env.PATH ?? ''}` };

    writeFiles(repo.dir, {
      '.gitignore': '.home/\n',
      // The guide's config, loaded with require(): pre-commit's environment is reached through NODE_PATH.
      'eslint.config.cjs': guideBlock('pre-commit.md', (block) => block.code.startsWith('// eslint.config.cjs')),
      'README.md': '# Orders API\n',
    });
  });

  /** pre-commit's file selection and invocation: `entry args... files...` from the repository root. */
  function runHook(hook: Hook): RunResult & { files: string[] } {
    const staged = repo.git('diff', '--cached', '--name-only', '--diff-filter=ACMR').stdout.split('\n').filter(Boolean);
    const files = staged.filter((file) => {
      const tag = TAGS[file.split('.').pop() ?? ''];
      return tag !== undefined && (hook.types_or ?? []).includes(tag) && (hook.types ?? []).every((type) => type === tag);
    });
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    const result = run(command!, [...entryArgs, ...(hook.args ?? []), ...files], { cwd: repo.dir, env });
    return { ...result, files };
  }

  it('declares one node hook, eslint-plugin-oidc, that runs eslint on JavaScript and TypeScript', () => {
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook.id).toBe('eslint-plugin-oidc');
    expect(hook.language).toBe('node');
    expect(hook.entry).toBe('eslint');
    // `types` would require every tag at once; `types_or` takes files with any of them.
    expect(hook.types).toBeUndefined();
    expect(hook.types_or).toEqual(expect.arrayContaining(['javascript', 'jsx', 'ts', 'tsx']));
    expect(hook.args).toEqual(expect.arrayContaining(['--max-warnings=0', '--no-warn-ignored']));
    expect(hook.additional_dependencies?.some((dependency) => /^eslint@/.test(dependency))).toBe(true);
    // types_or needs pre-commit 2.9.0; every key is one pre-commit's manifest schema knows.
    expect(hook.minimum_pre_commit_version).toBe('2.9.0');
    const KNOWN = ['id', 'name', 'entry', 'language', 'alias', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'additional_dependencies', 'args', 'always_run', 'fail_fast', 'pass_filenames', 'description', 'language_version', 'log_file', 'require_serial', 'stages', 'verbose', 'minimum_pre_commit_version'];
    expect(Object.keys(hook).filter((key) => !KNOWN.includes(key))).toEqual([]);
  });

  it('fails on a staged hard-coded PEM, naming the rule, and lints only the staged JavaScript and TypeScript', () => {
    writeFiles(repo.dir, { 'src/verify.js': PINNED_KEY, 'src/org.ts': ORG_ISSUER, 'src/untracked.js': PINNED_KEY });
    expect(repo.git('add', 'README.md', 'eslint.config.cjs', '.gitignore', 'src/verify.js', 'src/org.ts').status).toBe(0);
    const result = runHook(hooks[0]!);
    expect(result.files.sort()).toEqual(['eslint.config.cjs', 'src/org.ts', 'src/verify.js']);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('oidc/no-hardcoded-jwt-key');
    expect(result.output).toContain('oidc/no-org-as-local-verification');
    expect(result.output).not.toContain('untracked.js');
  });

  it('passes once the staged files are clean', () => {
    writeFiles(repo.dir, { 'src/verify.js': CLEAN, 'src/org.ts': CLEAN_TS });
    expect(repo.git('add', 'src/verify.js', 'src/org.ts').status).toBe(0);
    const result = runHook(hooks[0]!);
    expect(result.files.length).toBe(3);
    expect(result.status, result.output).toBe(0);
  });

  it('an ES module config that imports the plugin by name cannot see that environment (why the guide says require)', () => {
    const esm = makeTempDir('pre-commit-esm');
    temporary.push(esm);
    writeFiles(esm, {
      'package.json': JSON.stringify({ type: 'module' }),
      'eslint.config.js': "import oidc from 'eslint-plugin-oidc';\nexport default [oidc.configs.recommended];\n",
      'src/verify.js': PINNED_KEY,
    });
    const imported = run('eslint', ['--max-warnings=0', 'src/verify.js'], { cwd: esm, env });
    expect(imported.status).toBe(2);
    expect(imported.output).toMatch(/Cannot find package 'eslint-plugin-oidc'/);

    writeFiles(esm, {
      'eslint.config.js': "import { createRequire } from 'node:module';\nconst oidc = createRequire(import.meta.url)('eslint-plugin-oidc');\nexport default [oidc.configs.recommended];\n",
    });
    const required = run('eslint', ['--max-warnings=0', 'src/verify.js'], { cwd: esm, env });
    expect(required.status, required.output).toBe(1);
    expect(required.output).toContain('oidc/no-hardcoded-jwt-key');
  });
});
