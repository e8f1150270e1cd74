/**
 * oxlint as a second host: the packed plugin, installed into a scratch project outside the repository,
 * loaded by the repository's `oxlint` binary through `jsPlugins` and by ESLint, over the same files. Every
 * finding ESLint reports must come from oxlint too, with the same rule, message and range, and oxlint must
 * report nothing else; a difference fails unless KNOWN_DIFFERENCES lists it, as docs/guides/oxlint.md does.
 *
 * The files: test/corpus/ as it is at run time (every case folder, so new cases are covered without a
 * change here), and every valid and invalid case of test/rules/*.test.ts written out as one file each.
 * The rule tests do not export their cases, so this file imports them with `RuleTester` replaced by a
 * recorder (vi.mock below): `ruleTester.run(name, rule, { valid, invalid })` hands over the arrays and
 * registers no test; a rule test file may call it more than once. Each case is linted with only its rule and its own options, as its `.ts`, `.tsx` or
 * `.js` file according to the parser its RuleTester run used.
 */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseForESLint } from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  describeFinding,
  guideOxlintConfig,
  importPlugin,
  installPackedPlugin,
  OXLINT_VERSION,
  runEslint,
  runOxlint,
  writeOxlintConfig,
  writeRuleCases,
  type CaseFile,
  type EslintRun,
  type Finding,
  type HostRun,
  type OxlintConfig,
  type OxlintPlugin,
  type PluginInstall,
  type RuleEntry,
  type RuleTesterRun,
} from './oxlint-hosts.js';
import { applyEdit, removeDir, ROOT, writeFiles } from './support.js';

const recorded = vi.hoisted(() => ({ runs: [] as RuleTesterRun[] }));

vi.mock('@typescript-eslint/rule-tester', () => ({
  RuleTester: class RecordingRuleTester {
    // test/setup.ts wires these to vitest on the real class; here they are only assigned.
    static afterAll: unknown;
    static describe: unknown;
    static it: unknown;
    static itOnly: unknown;
    // The rule is the module's own name (createRule sets it): a run's name may add words after a colon.
    run(name: string, rule: { name?: unknown }, tests: Omit<RuleTesterRun, 'rule'>): void {
      recorded.runs.push({ rule: typeof rule.name === 'string' ? rule.name : name.split(':')[0]!.trim(), valid: tests.valid, invalid: tests.invalid });
    }
  },
}));

/**
 * Differences between the hosts that an oxlint limitation explains, each listed in docs/guides/oxlint.md,
 * as `describeFinding` prints the finding that one host has and the other lacks. None today.
 */
const KNOWN_DIFFERENCES: ReadonlyArray<{ readonly finding: RegExp; readonly why: string }> = [];

const CORPUS = join(ROOT, 'test', 'corpus');
const RULE_TESTS = join(ROOT, 'test', 'rules');
const SOURCE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.tsx', '.mts', '.cts']);
const LABEL = /\/\/\s*expect:\s*(.*?)\s*$/;
/**
 * Non-ASCII text before a finding on its line: oxlint counts such columns in UTF-8 bytes, ESLint in UTF-16
 * code units; the findings must still compare as the same place.
 */
const NON_ASCII_FILES: Readonly<Record<string, string>> = {
  'non-ascii/org-issuer.ts': `import OktaJwtVerifier from '@okta/jwt-verifier';
const note = 'Prüfschlüssel — 検証 🔑'; const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });
export const check = (token: string) => verifier.verifyAccessToken(token, 'api://default');
`,
  'non-ascii/id-token.js': `import OktaJwtVerifier from '@okta/jwt-verifier';
const verifier = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER });
app.use(async (req) => { /* «Jeton» 🪪 */ req.user = await verifier.verifyIdToken(req.headers.authorization.split(' ')[1], process.env.OKTA_CLIENT_ID); });
`,
  'non-ascii/pinned-key.mjs': `import jwt from 'jsonwebtoken';
const KEY = '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB\\n-----END PUBLIC KEY-----';
export const claims = (token) => /* clé 🗝️ */ jwt.verify(token, KEY, { algorithms: ['RS256'] });
`,
};

/** An import or require of a module of the same project. */
const RELATIVE_IMPORT = /\b(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]\.\.?\//;

let install: PluginInstall;
let plugin: OxlintPlugin & ESLint.Plugin;
let caseFiles: CaseFile[];
let eslint: EslintRun;
let oxlint: HostRun;

function corpusCases(): string[] {
  return readdirSync(CORPUS)
    .filter((entry) => statSync(join(CORPUS, entry)).isDirectory())
    .sort();
}

function sourceFilesOf(caseName: string): string[] {
  return readdirSync(join(CORPUS, caseName), { recursive: true, encoding: 'utf8' })
    .filter((file) => SOURCE_EXTENSIONS.has(extname(file)))
    .map((file) => `corpus/${caseName}/${file.split('\\').join('/')}`)
    .sort();
}

/** The corpus cases whose code spans modules: a source file imports another file of the case. */
const multiModuleCases = corpusCases().filter((caseName) =>
  sourceFilesOf(caseName).some((file) => RELATIVE_IMPORT.test(readFileSync(join(CORPUS, file.slice('corpus/'.length)), 'utf8'))),
);

/** `file:line rule` of every label of a corpus case (see test/corpus/README.md). */
function labelsOf(caseName: string): string[] {
  return sourceFilesOf(caseName).flatMap((file) =>
    readFileSync(join(CORPUS, file.slice('corpus/'.length)), 'utf8')
      .split(/\r?\n/)
      .flatMap((text, index) => {
        const names = LABEL.exec(text)?.[1]?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
        return names.map((rule) => `${file}:${index + 1} ${rule}`);
      }),
  );
}

const reportedLines = (findings: readonly Finding[], caseName: string) => [
  ...new Set(findings.filter((f) => f.file.startsWith(`corpus/${caseName}/`)).map((f) => `${f.file}:${f.line} ${f.ruleId}`)),
];

type FileSet = 'corpus' | 'rule-cases' | 'non-ascii';
const inSet = (set: FileSet) => (finding: Finding) => finding.file.startsWith(`${set}/`);
/** What one host reports and the other does not, as `describeFinding` lines. */
function onlyIn(ours: readonly Finding[], theirs: readonly Finding[]): string[] {
  const other = new Set(theirs.map(describeFinding));
  return ours.map(describeFinding).filter((line) => !other.has(line));
}

/** A difference a known limitation explains passes; a known difference that no longer occurs fails. */
function expectOnlyKnown(lines: readonly string[], what: string): void {
  expect(lines.filter((line) => !KNOWN_DIFFERENCES.some((known) => known.finding.test(line))), what).toEqual([]);
}

/** The rules each written-out case is linted with: its own rule, with its own options where it has some. */
function ruleCaseConfigs(): { eslint: Linter.Config[]; oxlint: NonNullable<OxlintConfig['overrides']> } {
  const byRule = [...new Set(caseFiles.map((c) => c.rule))].map((rule) => ({ files: [`rule-cases/${rule}/**`], rules: { [`oidc/${rule}`]: 'error' as RuleEntry } }));
  const withOptions = caseFiles
    .filter((c) => c.options)
    .map((c) => ({ files: [c.file], rules: { [`oidc/${c.rule}`]: ['error', ...c.options!] as unknown as RuleEntry } }));
  return {
    eslint: [...byRule, ...withOptions] as Linter.Config[],
    oxlint: [...byRule, ...withOptions],
  };
}

beforeAll(async () => {
  install = await installPackedPlugin('oxlint');
  plugin = await importPlugin(install);
  cpSync(CORPUS, join(install.dir, 'corpus'), { recursive: true });

  recorded.runs.length = 0;
  for (const file of readdirSync(RULE_TESTS).filter((name) => name.endsWith('.test.ts')).sort()) {
    await import(pathToFileURL(join(RULE_TESTS, file)).href);
  }
  caseFiles = writeRuleCases(install.dir, 'rule-cases', recorded.runs);
  writeFiles(install.dir, NON_ASCII_FILES);

  // Every rule with its default options on the corpus, as test/corpus.test.ts scores it (its labels assume
  // them); each rule-test case with its own rule and options.
  const corpusRules = Object.fromEntries(Object.keys(plugin.rules ?? {}).map((name) => [`${plugin.meta.namespace}/${name}`, 'error']));
  const perCase = ruleCaseConfigs();
  const config = writeOxlintConfig(install.dir, 'parity.oxlintrc.json', {
    ...guideOxlintConfig(),
    rules: {},
    overrides: [{ files: ['corpus/**', 'non-ascii/**'], rules: corpusRules }, ...perCase.oxlint],
  });
  oxlint = runOxlint(install.dir, config, ['corpus', 'rule-cases', 'non-ascii']);
  eslint = await runEslint(install, [{ files: ['corpus/**', 'non-ascii/**'], rules: corpusRules as Linter.RulesRecord }, ...perCase.eslint], ['corpus', 'rule-cases', 'non-ascii']);
  const count = (run: HostRun, set: FileSet) => run.findings.filter(inSet(set)).length;
  console.log(
    `oxlint ${OXLINT_VERSION} vs ESLint: ${corpusCases().length} corpus cases (${multiModuleCases.length} spanning modules), ` +
      `${caseFiles.length} rule-test cases; findings on the corpus ${count(oxlint, 'corpus')} / ${count(eslint, 'corpus')}, ` +
      `on the rule-test cases ${count(oxlint, 'rule-cases')} / ${count(eslint, 'rule-cases')}`,
  );
}, 600_000);

afterAll(() => removeDir(install?.dir));

describe(`oxlint ${OXLINT_VERSION} with the packed plugin`, () => {
  it('has the rule tests\' cases and the corpus to lint', () => {
    expect([...new Set(recorded.runs.map((run) => run.rule))].sort()).toEqual(Object.keys(plugin.rules ?? {}).sort());
    expect(caseFiles.filter((c) => c.kind === 'invalid').length).toBeGreaterThan(20);
    expect(caseFiles.filter((c) => c.kind === 'valid').length).toBeGreaterThan(20);
    expect(corpusCases().length).toBeGreaterThan(10);
  });

  it('both hosts parse every file', () => {
    expect(eslint.fatal).toEqual([]);
    expect(oxlint.fatal).toEqual([]);
  });

  it('ESLint reports on each written-out case what its rule test expects, so the files are faithful', () => {
    const count = new Map<string, number>();
    for (const finding of eslint.findings) count.set(finding.file, (count.get(finding.file) ?? 0) + 1);
    const unfaithful = caseFiles
      .filter((c) => (count.get(c.file) ?? 0) !== c.expectedErrors)
      .map((c) => `${c.file}: ${count.get(c.file) ?? 0} report(s), the rule test expects ${c.expectedErrors}`);
    expect(unfaithful).toEqual([]);
  });

  describe.each([
    ['corpus', 20],
    ['rule-cases', 20],
    ['non-ascii', Object.keys(NON_ASCII_FILES).length - 1],
  ] as const)('on %s', (set, atLeast) => {
    it('oxlint reports every finding ESLint reports, at the same range with the same message', () => {
      const ofEslint = eslint.findings.filter(inSet(set));
      expect(ofEslint.length).toBeGreaterThan(atLeast);
      expectOnlyKnown(onlyIn(ofEslint, oxlint.findings.filter(inSet(set))), 'reported by ESLint, not by oxlint');
    });

    it('oxlint reports nothing ESLint does not', () => {
      expectOnlyKnown(onlyIn(oxlint.findings.filter(inSet(set)), eslint.findings.filter(inSet(set))), 'reported by oxlint, not by ESLint');
    });
  });

  it('every difference listed as known still occurs', () => {
    const differences = [...onlyIn(eslint.findings, oxlint.findings), ...onlyIn(oxlint.findings, eslint.findings)];
    expect(KNOWN_DIFFERENCES.filter((known) => !differences.some((line) => known.finding.test(line))).map((known) => known.why)).toEqual([]);
  });
});

// Values followed across modules without type information: the corpus's multi-module cases (relative
// imports, and whatever else its cases resolve: index files, tsconfig paths, workspace packages).
describe('the labelled corpus, cross-module cases included, untyped, under both hosts', () => {
  it('has cases whose code spans modules', () => {
    expect(multiModuleCases.length).toBeGreaterThan(0);
  });

  it.each(corpusCases())('%s: every labelled line is reported, and nothing else', (caseName) => {
    const labels = labelsOf(caseName).sort();
    expect(reportedLines(oxlint.findings, caseName).sort(), 'oxlint').toEqual(labels);
    expect(reportedLines(eslint.findings, caseName).sort(), 'ESLint').toEqual(labels);
  });
});

describe("the guide's .oxlintrc.json", () => {
  it('loads the plugin by package name and turns on the rules of configs.recommended', () => {
    const guide = guideOxlintConfig();
    expect(guide.jsPlugins).toEqual(['eslint-plugin-oidc']);
    expect(guide.rules).toEqual(plugin.configs.recommended.rules);
  });

  it('is the one the README shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((code) => code.includes('"jsPlugins"'));
    expect(blocks.map((code) => JSON.parse(code) as unknown)).toEqual([guideOxlintConfig()]);
  });

  it('gives, as written, the findings ESLint gives with configs.recommended', async () => {
    const config = writeOxlintConfig(install.dir, '.oxlintrc.json', guideOxlintConfig());
    const fromOxlint = runOxlint(install.dir, config, ['corpus']);
    const fromEslint = await runEslint(install, [{ rules: plugin.configs.recommended.rules as Linter.RulesRecord }], ['corpus']);
    expect(fromOxlint.fatal).toEqual([]);
    expect(fromEslint.findings.length).toBeGreaterThan(20);
    expect(fromOxlint.findings.map(describeFinding)).toEqual(fromEslint.findings.map(describeFinding));
  });
});

describe('oxlint --fix-suggestions', () => {
  it("leaves each case with one finding as applying ESLint's suggestion does", () => {
    const single = caseFiles.filter((c) => c.kind === 'invalid' && eslint.messages.get(c.file)?.length === 1 && (eslint.messages.get(c.file)![0]!.suggestions?.length ?? 0) > 0);
    expect(single.length).toBeGreaterThan(10);
    const folder = 'suggestions';
    for (const c of single) cpSync(join(install.dir, c.file), join(install.dir, folder, c.file));
    const overrides = ruleCaseConfigs().oxlint.map((o) => ({ ...o, files: o.files.map((glob) => `${folder}/${glob}`) }));
    // oxlint's own rules are off: only the plugin's suggestions may touch the files.
    const config = writeOxlintConfig(install.dir, 'fix.oxlintrc.json', { ...guideOxlintConfig(), categories: { correctness: 'off' }, rules: {}, overrides });
    runOxlint(install.dir, config, [folder], { extraArgs: ['--fix-suggestions'] });
    const mismatched = single.filter((c) => {
      const suggestion = eslint.messages.get(c.file)![0]!.suggestions![0]!;
      const expected = applyEdit(c.code, { range: suggestion.fix.range, text: suggestion.fix.text });
      return readFileSync(join(install.dir, folder, c.file), 'utf8') !== expected;
    });
    expect(mismatched.map((c) => c.file)).toEqual([]);
  });
});

describe('files the rules cannot concern', () => {
  // oxlint builds a file's JavaScript syntax tree only when a rule reads it: reading `sourceCode.ast` on
  // every file, only to skip it, tripled oxlint's CPU time with the plugin on the bench corpus.
  const contextFor = (text: string, onAstRead: () => void) => ({
    id: 'oidc/rule',
    options: [],
    settings: {},
    cwd: install.dir,
    filename: join(install.dir, 'module.ts'),
    physicalFilename: join(install.dir, 'module.ts'),
    languageOptions: {},
    sourceCode: {
      text,
      get ast(): never {
        onAstRead();
        throw new Error('sourceCode.ast read');
      },
    },
  });

  it.each(['no-hardcoded-jwt-key', 'no-id-token-as-bearer', 'no-org-as-local-verification'])('%s skips them without reading the syntax tree', (name) => {
    const rule = plugin.rules![name] as { create(context: unknown): Record<string, unknown> };
    let astReads = 0;
    const unrelated = 'export const add = (a: number, b: number) => a + b;\n';
    expect(rule.create(contextFor(unrelated, () => astReads++))).toEqual({});
    expect(astReads).toBe(0);
    // The same context on a file that concerns the rule does get listeners: the skip above is the rule's.
    const related = "import jwt from 'jsonwebtoken';\nexport const check = (token: string) => jwt.verify(token, 'Bearer');\n";
    expect(Object.keys(rule.create(contextFor(related, () => astReads++))).length).toBeGreaterThan(0);
  });

  // oxlint prefers `createOnce`: its `before` hook runs per file ahead of oxlint's walk, and `false` skips
  // the walk. The rules analyse the tree from that hook, so oxlint walks no tree for the plugin at all.
  it.each(['no-hardcoded-jwt-key', 'no-id-token-as-bearer', 'no-org-as-local-verification'])(
    '%s under oxlint: the before hook skips unrelated files without the tree, and analyses the others itself',
    (name) => {
      type OxlintVisitor = { before(): boolean | void } & Record<string, unknown>;
      const rule = plugin.rules![name] as unknown as { createOnce(context: unknown): OxlintVisitor };
      let text = '';
      let astReads = 0;
      const reports: unknown[] = [];
      const context = {
        id: `oidc/${name}`,
        options: [],
        filename: join(install.dir, 'module.ts'),
        physicalFilename: join(install.dir, 'module.ts'),
        sourceCode: {
          get text() {
            return text;
          },
          get ast() {
            astReads++;
            return parseForESLint(text, { range: true, loc: true, filePath: 'module.ts' }).ast;
          },
        },
        report: (descriptor: unknown) => reports.push(descriptor),
      };
      const visitor = rule.createOnce(context);
      // oxlint calls no `before` hook of a rule whose visitor is otherwise empty.
      expect(Object.keys(visitor).filter((key) => key !== 'before' && key !== 'after').length).toBeGreaterThan(0);

      text = 'export const add = (a: number, b: number) => a + b;\n';
      expect(visitor.before()).toBe(false);
      expect(astReads).toBe(0);

      text = KEYED_VERIFICATION;
      expect(visitor.before()).toBe(false);
      expect(astReads).toBeGreaterThan(0);
      expect(reports.length).toBe(name === 'no-hardcoded-jwt-key' ? 1 : 0);
    },
  );
});

/** A verification with a pinned PEM key: one finding of no-hardcoded-jwt-key, none of the other rules. */
const KEYED_VERIFICATION = `import jwt from 'jsonwebtoken';
const PUBLIC_KEY = \`-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB
-----END PUBLIC KEY-----\`;
export const check = (token: string) => jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
`;
