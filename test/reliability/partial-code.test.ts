// Rules never throw on partial code, which is what an editor sends while someone types: every source of
// the example app, every code example of the rule docs and every case of the rule tests, cut at every
// 37th character and at every line end (and each cut also closed again, so that it parses), is linted
// with all rules. Parse errors are expected (fatal messages); an exception from a rule is a crash.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import { makeTempDir, removeDir, ROOT, ruleDocExamples } from '../integrations/support.js';
import { closeOpenConstructs, cutPoints, sweepPrefixes, type ParserName } from './support.js';

// The rule tests' cases, collected by standing in for RuleTester while their modules load.
interface CapturedCase {
  readonly suite: string;
  readonly code: string;
  readonly filename?: string;
  readonly options?: unknown[];
}
const captured = vi.hoisted(() => [] as CapturedCase[]);
vi.mock('@typescript-eslint/rule-tester', () => {
  type Case = string | { code: string; filename?: string; options?: unknown[] };
  class RuleTester {
    static afterAll: unknown;
    static describe: unknown;
    static it: unknown;
    static itOnly: unknown;
    run(title: string, rule: { name?: string }, tests: { valid: Case[]; invalid: Case[] }) {
      // A suite's title may say more than the rule's name ('no-hardcoded-jwt-key: more libraries'); the rule knows its name.
      const suite = rule.name ?? title;
      for (const test of [...tests.valid, ...tests.invalid]) {
        captured.push(typeof test === 'string' ? { suite, code: test } : { suite, code: test.code, filename: test.filename, options: test.options });
      }
    }
  }
  return { RuleTester };
});

const PARSERS_FOR_JS: readonly ParserName[] = ['typescript-eslint', 'espree'];
const PARSERS_FOR_TS: readonly ParserName[] = ['typescript-eslint'];
const parsersFor = (file: string) => (/\.[cm]?jsx?$/.test(file) ? PARSERS_FOR_JS : PARSERS_FOR_TS);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.[cm]?[jt]sx?$/.test(entry) ? [path] : [];
  });
}

function expectNoCrash(report: { crashes: string[] }): void {
  expect(report.crashes.slice(0, 5).join('\n\n'), `${report.crashes.length} rule crash(es)`).toBe('');
}

describe('cutting and closing', () => {
  it('cuts at every 37th character and every line end', () => {
    expect(cutPoints('ab\ncd', 2)).toEqual([0, 2, 4, 5]);
  });

  it('closes what a prefix leaves open, so that the prefix parses', () => {
    expect(closeOpenConstructs("jwt.verify(token, { issuer: 'https://acme")).toBe("jwt.verify(token, { issuer: 'https://acme'})");
    expect(closeOpenConstructs('const k = `-----BEGIN ${a.b(')).toBe('const k = `-----BEGIN ${a.b()}`');
    expect(closeOpenConstructs('f(/* note')).toBe('f(/* note*/)');
    expect(closeOpenConstructs("g(a) // call h(")).toBe('g(a) // call h(\n');
  });
});

describe('the example app, cut while typing', () => {
  const files = [...sourcesUnder(join(ROOT, 'examples', 'api')), ...sourcesUnder(join(ROOT, 'examples', 'client'))].sort();

  it('has sources to cut', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((file) => [relative(ROOT, file), file] as const))('%s', async (label, file) => {
    const code = readFileSync(file, 'utf8');
    const report = await sweepPrefixes(label, code, file, parsersFor(file));
    expectNoCrash(report);
    expect(report.parsed, 'some prefixes parse, so the rules run on them').toBeGreaterThan(0);
  });

  it('the rules did report on prefixes of the app (they were really run)', async () => {
    const file = join(ROOT, 'examples', 'api', 'auth', 'legacy-jwt.js');
    const report = await sweepPrefixes('legacy-jwt.js', readFileSync(file, 'utf8'), file, PARSERS_FOR_JS);
    expect(report.findings).toBeGreaterThan(0);
  });
});

describe('the rule docs’ code examples, cut while typing', () => {
  const examples = ruleDocExamples().filter((example) => !example.isConfig);

  it.each(examples.map((example) => [`docs/rules/${example.rule}.md:${example.line}`, example] as const))('%s', async (label, example) => {
    const report = await sweepPrefixes(label, example.code, `example.${example.lang === 'ts' ? 'ts' : 'js'}`, PARSERS_FOR_JS, [], 11);
    expectNoCrash(report);
    expect(report.parsed).toBeGreaterThan(0);
  });
});

describe('the rule tests’ cases, cut while typing', () => {
  const ruleTests = readdirSync(join(ROOT, 'test', 'rules'))
    .filter((file) => file.endsWith('.test.ts'))
    .sort();

  it.each(ruleTests)('%s', async (file) => {
    const before = captured.length;
    await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'test', 'rules', file)).href);
    const cases = captured.slice(before);
    expect(cases.length, 'cases collected from the rule test').toBeGreaterThan(0);

    const totals = { lints: 0, parsed: 0, findings: 0, crashes: [] as string[] };
    for (const [index, testCase] of cases.entries()) {
      const rule = `oidc/${testCase.suite}`;
      // The case's own options for its rule, as the rule test ran it.
      const extra: Linter.Config[] = testCase.options?.length ? [{ rules: { [rule]: ['error', ...testCase.options] as Linter.RuleEntry } }] : [];
      // Cases are JavaScript unless they name a TypeScript file; typescript-eslint parses both.
      const typescript = testCase.filename !== undefined && /\.[cm]?tsx?$/.test(testCase.filename);
      const fileName = testCase.filename ?? 'case.ts';
      const report = await sweepPrefixes(`${file} case ${index}`, testCase.code, fileName, typescript ? PARSERS_FOR_TS : PARSERS_FOR_JS, extra, 37);
      totals.lints += report.lints;
      totals.parsed += report.parsed;
      totals.findings += report.findings;
      totals.crashes.push(...report.crashes);
    }
    expectNoCrash(totals);
    expect(totals.parsed).toBeGreaterThan(cases.length);
    expect(totals.findings).toBeGreaterThan(0);
  });
});

describe('with type information, as an editor with a tsconfig lints', () => {
  const dir = makeTempDir('partial-typed');
  afterAll(() => removeDir(dir));
  cpSync(join(ROOT, 'examples', 'api'), join(dir, 'api'), { recursive: true });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: false, noEmit: true, types: [] }, include: ['**/*.ts'] }),
  );
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: dir } } },
      plugin.configs.all as unknown as Linter.Config,
    ],
  });
  const files = sourcesUnder(join(dir, 'api')).filter((file) => file.endsWith('.ts')).sort();

  it.each(files.map((file) => [relative(dir, file), file] as const))('%s, cut at every line end', async (label, file) => {
    const code = readFileSync(file, 'utf8');
    const crashes: string[] = [];
    let parsed = 0;
    for (const cut of cutPoints(code, Number.MAX_SAFE_INTEGER)) {
      for (const variant of new Set([code.slice(0, cut), closeOpenConstructs(code.slice(0, cut))])) {
        try {
          const [result] = await eslint.lintText(variant, { filePath: file });
          if (!result!.messages.some((message) => message.fatal)) parsed++;
        } catch (error) {
          crashes.push(`${label} cut at ${cut}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    expect(crashes).toEqual([]);
    expect(parsed).toBeGreaterThan(0);
  });
});
