/**
 * The codemods measured on the labelled corpus (test/corpus, see its README): the corpus is copied into a scratch git
 * repository, each case migrated by the built CLI (dist/cli/oidc-codemod.js) as a user runs it on a project, and the
 * whole linted again with the plugin. For each rule, a labelled positive site counts as migrated when the rule no
 * longer reports it. The issue's target (#18): at least 90 % of the sites of each rule migrated, every site still
 * reported listed in the CLI's report with a reason, every output parses, cases without a positive label
 * unchanged, and a second run changes nothing. `CORPUS_VERBOSE=1` prints the sites that remain, with their reasons.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { parse } from '@typescript-eslint/typescript-estree';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import type { JsonReport } from '../../src/cli/report.js';
import { cliPath, root } from '../cli/support.js';

const CORPUS = join(root, 'test', 'corpus');
const SOURCE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.ts', '.tsx']);
const LABEL = /\/\/\s*expect:\s*(.*?)\s*$/;
const RULES = ['oidc/no-hardcoded-jwt-key', 'oidc/no-org-as-local-verification', 'oidc/no-id-token-as-bearer'] as const;
type Rule = (typeof RULES)[number];
/**
 * The share of labelled sites the codemods must migrate, per rule: the issue's target, 90 %, for all three. What
 * stays is reported with what a person must do: a token signer whose issuer is no https URL (no discovery), a
 * quickstart placeholder issuer, clients whose API audience the code does not show (Auth0, MSAL: --audience writes
 * it), an ID token in browser storage with no access token kept beside it.
 */
const TARGETS: Readonly<Partial<Record<Rule, number>>> = {
  'oidc/no-hardcoded-jwt-key': 0.9,
  'oidc/no-org-as-local-verification': 0.9,
  'oidc/no-id-token-as-bearer': 0.9,
};
const TARGET_RULES = Object.keys(TARGETS) as Rule[];
const VERBOSE = process.env.CORPUS_VERBOSE === '1';

interface Label {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
}

interface Report {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly fatal: boolean;
  readonly message: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}

const posix = (path: string) => path.split(sep).join('/');

function labelsIn(folder: string): Label[] {
  return walk(folder)
    .filter((file) => SOURCE_EXTENSIONS.has(extname(file)))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .flatMap((text, index) => {
          const names = LABEL.exec(text)?.[1]?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
          return names.map((rule) => ({ file: posix(relative(folder, file)), line: index + 1, rule }));
        }),
    );
}

/** Every report of the plugin's rules (at their defaults, as test/corpus.test.ts lints) and every fatal parse error. */
async function lint(folder: string): Promise<Report[]> {
  const eslint = new ESLint({
    cwd: folder,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,cjs,mjs,ts,tsx}'],
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      { plugins: { oidc: plugin as never }, rules: Object.fromEntries(RULES.map((rule) => [rule, 'error' as const])) },
    ],
  });
  const results = await eslint.lintFiles(['.']);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: posix(relative(folder, result.filePath)),
      line: message.line,
      rule: message.ruleId ?? '',
      fatal: message.fatal === true || !message.ruleId,
      message: message.message,
    })),
  );
}

function snapshot(folder: string): Map<string, Buffer> {
  return new Map(walk(folder).filter((file) => !file.includes(`${sep}.git${sep}`)).map((file) => [posix(relative(folder, file)), readFileSync(file)]));
}

function runCli(cwd: string, ...argv: string[]): JsonReport {
  // The CLI exits 0 when it wrote, 1 only under --check; its JSON is the same either way.
  const stdout = execFileSync(process.execPath, [cliPath, '--json', ...argv], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as JsonReport;
}

/**
 * Each case is a project of its own (what one case signs says nothing of another's tokens): one CLI run per case
 * folder, as a user runs it on a project, `--force` since the runs before it changed other folders of the scratch
 * repository. The reports, merged.
 */
function runPerCase(cwd: string, ...argv: string[]): JsonReport {
  const reports = readdirSync(join(cwd, 'corpus'))
    .filter((name) => statSync(join(cwd, 'corpus', name)).isDirectory())
    .sort()
    .map((name) => runCli(cwd, '--force', ...argv, `corpus/${name}`));
  const sum = (key: keyof JsonReport['summary']) => reports.reduce((total, one) => total + one.summary[key], 0);
  return {
    tool: reports[0]!.tool,
    ...(reports.find((one) => one.error) ? { error: reports.find((one) => one.error)!.error } : {}),
    summary: { filesScanned: sum('filesScanned'), filesChanged: sum('filesChanged'), sitesRewritten: sum('sitesRewritten'), sitesForReview: sum('sitesForReview') },
    files: reports.flatMap((one) => one.files),
    errors: reports.flatMap((one) => one.errors),
  };
}

let scratch: string;
let labels: Label[];
let before: Map<string, Buffer>;
let after: Map<string, Buffer>;
let report: JsonReport;
let second: JsonReport;
let reportsAfter: Report[];

/** The sites of a rule still reported after the migration (file:line in the migrated files). */
function remaining(rule: Rule): Report[] {
  const seen = new Set<string>();
  return reportsAfter.filter((one) => one.rule === rule && !seen.has(`${one.file}:${one.line}`) && seen.add(`${one.file}:${one.line}`));
}

function score(rule: Rule): { positives: number; left: number; migrated: number } {
  const positives = new Set(labels.filter((label) => label.rule === rule).map((label) => `${label.file}:${label.line}`)).size;
  const left = remaining(rule).length;
  return { positives, left, migrated: positives - left };
}

beforeAll(async () => {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
  scratch = mkdtempSync(join(tmpdir(), 'oidc-corpus-migration-'));
  cpSync(CORPUS, join(scratch, 'corpus'), { recursive: true });
  // One package.json owns every case, as a monorepo root would: the CLI adds the runtime there.
  writeFileSync(join(scratch, 'package.json'), `${JSON.stringify({ name: 'corpus', private: true, dependencies: {} }, null, 2)}\n`);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: scratch, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'the corpus');
  labels = labelsIn(join(scratch, 'corpus')).map((label) => ({ ...label, file: `corpus/${label.file}` }));
  before = snapshot(join(scratch, 'corpus'));
  report = runPerCase(scratch);
  after = snapshot(join(scratch, 'corpus'));
  reportsAfter = await lint(scratch);
  second = runPerCase(scratch, '--dry-run');

  const lines = RULES.map((rule) => {
    const { positives, left, migrated } = score(rule);
    return `${rule.padEnd(36)} ${String(positives).padStart(3)} labelled, ${String(left).padStart(3)} still reported, ${((100 * migrated) / positives).toFixed(1).padStart(5)} % migrated`;
  });
  console.log(`\nCorpus migration (${report.summary.filesChanged} files changed, ${report.summary.sitesRewritten} sites rewritten, ${report.summary.sitesForReview} review notes)\n${lines.join('\n')}`);
  if (VERBOSE) {
    for (const rule of RULES) {
      for (const site of remaining(rule)) {
        const reasons = reviewAt(site.file, site.line).map((reason) => `\n      ${reason}`).join('');
        console.log(`  ${rule} ${site.file}:${site.line}${reasons || '\n      (no reason in the report)'}`);
      }
    }
  }
}, 600_000);

afterAll(() => {
  if (scratch && process.env.OIDC_E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
});

/**
 * The CLI's reasons for leaving the site a rule still reports on a line of a migrated file. The rule reports an
 * option's value, the CLI the verification call (or the import) it belongs to: a reason counts when it is on the same
 * top-level statement, or else when it is in the same file and not a note on something the CLI rewrote there (the
 * verification call that leaves an org key client of another statement, as jwks-rsa's, is on a statement of its own).
 */
function reviewAt(file: string, line: number): string[] {
  const reported = report.files.find((one) => one.path === file);
  if (!reported) return [];
  const statement = statementLines(file).find(([start, end]) => start <= line && line <= end) ?? [line, line];
  const here = reported.review.filter((item) => item.line >= statement[0] && item.line <= statement[1]);
  if (here.length > 0) return here.map((item) => item.reason);
  const rewritten = new Set(reported.rewrites.map((rewrite) => rewrite.line));
  return reported.review.filter((item) => !rewritten.has(item.line)).map((item) => item.reason);
}

/** First and last line of each top-level statement of a migrated file. */
function statementLines(file: string): (readonly [number, number])[] {
  const program = parse(after.get(file.replace(/^corpus\//, ''))!.toString('utf8'), { loc: true, jsx: !/\.[cm]?ts$/.test(file) });
  return program.body.map((statement) => [statement.loc.start.line, statement.loc.end.line] as const);
}

describe('oidc-codemod on the labelled corpus', () => {
  it('processes every file: none skipped, every output parses', () => {
    expect(report.error).toBeUndefined();
    expect(report.errors).toEqual([]);
    expect(reportsAfter.filter((one) => one.fatal).map((one) => `${one.file}:${one.line} ${one.message}`)).toEqual([]);
    expect(report.summary.filesChanged).toBeGreaterThan(0);
  });

  it.each(TARGET_RULES.map((rule) => [rule, TARGETS[rule]! * 100] as const))('migrates the labelled sites of %s (at least %d %)', (rule) => {
    const { positives, migrated } = score(rule);
    expect(positives).toBeGreaterThan(0);
    expect(
      migrated / positives,
      `${migrated} of ${positives} migrated; still reported: ${remaining(rule).map((site) => `${site.file}:${site.line}`).join(', ')}`,
    ).toBeGreaterThanOrEqual(TARGETS[rule]!);
  });

  it.each(RULES)('lists every site of %s it left in its report, with a reason', (rule) => {
    const unexplained = remaining(rule).filter((site) => reviewAt(site.file, site.line).length === 0);
    expect(unexplained.map((site) => `${site.file}:${site.line}: ${site.message}`)).toEqual([]);
  });

  it('leaves the files of cases without a positive label byte for byte as they were', () => {
    const positive = new Set(labels.map((label) => label.file.split('/').slice(0, 2).join('/')));
    const negativeCases = readdirSync(CORPUS).filter((name) => statSync(join(CORPUS, name)).isDirectory() && !positive.has(`corpus/${name}`));
    expect(negativeCases.length).toBeGreaterThan(0);
    const changed = [...before.keys()].filter((file) => !positive.has(`corpus/${file.split('/')[0]}`) && !after.get(file)?.equals(before.get(file)!));
    expect(changed).toEqual([]);
  });

  it('reaches a fixed point: a second run changes nothing', () => {
    expect(second.errors).toEqual([]);
    expect(second.files.filter((file) => file.changed).map((file) => file.path)).toEqual([]);
  });
});
