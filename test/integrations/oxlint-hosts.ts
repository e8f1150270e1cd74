// ESLint and oxlint over the same files, each loading the plugin from one scratch install of its packed
// tarball, and what each reports in one comparable shape.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { npmInstall, packedTarballs, scratchProject } from '../support/packed.js';
import { childEnv, guideBlock, NODE_MODULES } from './support.js';

/** The repository's oxlint (a devDependency), run as its `oxlint` command. */
export const OXLINT_BIN = join(NODE_MODULES, 'oxlint', 'bin', 'oxlint');
export const OXLINT_VERSION = (JSON.parse(readFileSync(join(NODE_MODULES, 'oxlint', 'package.json'), 'utf8')) as { version: string }).version;

/** One report, in ESLint's terms: 1-based lines, 1-based columns counted in UTF-16 code units. */
export interface Finding {
  /** Relative to the scratch project, with forward slashes. */
  readonly file: string;
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

export interface HostRun {
  readonly findings: readonly Finding[];
  /** Files a host could not parse, and anything else it reported without a rule. */
  readonly fatal: readonly string[];
}

export interface EslintRun extends HostRun {
  /** ESLint's messages of the plugin's rules by file, suggestions included. */
  readonly messages: ReadonlyMap<string, readonly Linter.LintMessage[]>;
}

export const describeFinding = (f: Finding) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}: ${f.message}`;

export type RuleEntry = string | readonly [string, ...unknown[]];

/** What an `.oxlintrc.json` holds, as far as these tests write one. */
export interface OxlintConfig {
  readonly jsPlugins: readonly string[];
  readonly rules: Readonly<Record<string, RuleEntry>>;
  readonly overrides?: ReadonlyArray<{ readonly files: readonly string[]; readonly rules: Readonly<Record<string, RuleEntry>> }>;
  readonly [key: string]: unknown;
}

/** The `.oxlintrc.json` that docs/guides/oxlint.md tells users to write. */
export function guideOxlintConfig(): OxlintConfig {
  return JSON.parse(guideBlock('oxlint.md', (block) => block.lang === 'json' && block.code.includes('"jsPlugins"'))) as OxlintConfig;
}

export interface PluginInstall {
  /** The scratch project: plugin installed, files to lint written below it. */
  readonly dir: string;
  /** The installed plugin's ESM entry, for ESLint to import. */
  readonly entry: string;
}

/** The packed plugin installed alone into a scratch project outside the repository, as a user installs it. */
export async function installPackedPlugin(label: string): Promise<PluginInstall> {
  const tarballs = packedTarballs();
  const dir = scratchProject(label, { type: 'module' });
  await npmInstall(dir, [tarballs.plugin]);
  return { dir, entry: join(dir, 'node_modules', 'eslint-plugin-oidc', 'dist', 'index.js') };
}

export type OxlintPlugin = { meta: { namespace: string }; configs: Record<'recommended' | 'strict' | 'all', { rules: Record<string, RuleEntry> }> };

export async function importPlugin(install: PluginInstall): Promise<OxlintPlugin & ESLint.Plugin> {
  return ((await import(pathToFileURL(install.entry).href)) as { default: OxlintPlugin & ESLint.Plugin }).default;
}

// ---------------------------------------------------------------------------------------------------
// oxlint

interface OxlintDiagnostic {
  readonly message: string;
  readonly code?: string;
  readonly filename: string;
  readonly labels?: ReadonlyArray<{ readonly span: { readonly offset: number; readonly length: number } }>;
}

/** `oidc(no-id-token-as-bearer)` -> `oidc/no-id-token-as-bearer`; undefined for oxlint's own rules' codes. */
function ruleIdOf(code: string | undefined, namespace: string): string | undefined {
  const match = /^([^()]+)\((.+)\)$/.exec(code ?? '');
  return match && match[1] === namespace ? `${namespace}/${match[2]}` : undefined;
}

/**
 * Runs oxlint with `-f json` and a config file. Its JSON gives spans as UTF-8 byte offsets (and columns
 * counted in bytes); they are turned into ESLint's UTF-16 positions here, from the file's own text, so
 * that a line with non-ASCII text before a finding compares as the same place.
 */
export function runOxlint(cwd: string, configFile: string, paths: readonly string[], { namespace = 'oidc', extraArgs = [] as readonly string[] } = {}): HostRun {
  const result = spawnSync(OXLINT_BIN, ['-c', configFile, '-f', 'json', ...extraArgs, ...paths], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: childEnv(),
  });
  if (result.error) throw result.error;
  // 0: nothing reported, 1: errors reported; anything else is oxlint refusing the config or the run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`oxlint exited ${result.status}:\n${result.stderr}\n${result.stdout.slice(0, 4000)}`);
  let diagnostics: OxlintDiagnostic[];
  try {
    diagnostics = (JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] }).diagnostics;
  } catch {
    throw new Error(`oxlint printed no JSON report:\n${result.stderr}\n${result.stdout.slice(0, 4000)}`);
  }
  const findings: Finding[] = [];
  const fatal: string[] = [];
  const texts = new Map<string, Buffer>();
  for (const diagnostic of diagnostics) {
    const file = diagnostic.filename.split(sep).join('/');
    const span = diagnostic.labels?.[0]?.span;
    if (!diagnostic.code) {
      fatal.push(`${file}: ${diagnostic.message}`);
      continue;
    }
    const ruleId = ruleIdOf(diagnostic.code, namespace);
    if (!ruleId) continue; // one of oxlint's own rules
    if (!span) {
      fatal.push(`${file}: ${ruleId} reported without a position: ${diagnostic.message}`);
      continue;
    }
    let bytes = texts.get(file);
    if (!bytes) texts.set(file, (bytes = readFileSync(join(cwd, file))));
    const start = utf16Position(bytes, span.offset);
    const end = utf16Position(bytes, span.offset + span.length);
    findings.push({ file, ruleId, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message: diagnostic.message });
  }
  return { findings: sortFindings(findings), fatal: fatal.sort() };
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** ESLint's line and column (1-based, UTF-16 code units) of a UTF-8 byte offset into a file. */
export function utf16Position(bytes: Buffer, byteOffset: number): { line: number; column: number } {
  const before = bytes.subarray(0, byteOffset).toString('utf8');
  let line = 1;
  let lineStart = 0;
  for (const match of before.matchAll(LINE_BREAK)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, column: before.length - lineStart + 1 };
}

/** Writes an `.oxlintrc.json` into the scratch project and returns its path. */
export function writeOxlintConfig(dir: string, name: string, config: OxlintConfig): string {
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

// ---------------------------------------------------------------------------------------------------
// ESLint

/**
 * Parsers as a TypeScript project without type information sets them up: @typescript-eslint/parser for
 * TypeScript, ESLint's own for JavaScript; JSX on in .jsx and .tsx.
 */
export const PARSER_CONFIGS: Linter.Config[] = [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as unknown as Linter.Parser } },
  { files: ['**/*.{jsx,tsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
];

/** The ESLint of this repository's node_modules, with the installed plugin and the given rules. */
export async function runEslint(install: PluginInstall, configs: readonly Linter.Config[], patterns: readonly string[]): Promise<EslintRun> {
  const plugin = await importPlugin(install);
  const eslint = new ESLint({
    cwd: install.dir,
    overrideConfigFile: true,
    overrideConfig: [...PARSER_CONFIGS, { plugins: { [plugin.meta.namespace]: plugin } }, ...configs],
  });
  const findings: Finding[] = [];
  const fatal: string[] = [];
  const messages = new Map<string, Linter.LintMessage[]>();
  for (const result of await eslint.lintFiles([...patterns])) {
    const file = relative(install.dir, result.filePath).split(sep).join('/');
    for (const message of result.messages) {
      if (message.fatal || !message.ruleId) {
        fatal.push(`${file}:${message.line}:${message.column} ${message.message}`);
        continue;
      }
      if (!message.ruleId.startsWith(`${plugin.meta.namespace}/`)) continue;
      messages.set(file, [...(messages.get(file) ?? []), message]);
      findings.push({
        file,
        ruleId: message.ruleId,
        line: message.line,
        column: message.column,
        endLine: message.endLine ?? message.line,
        endColumn: message.endColumn ?? message.column,
        message: message.message,
      });
    }
  }
  return { findings: sortFindings(findings), fatal: fatal.sort(), messages };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------------------
// The rule tests' cases, as files

/** A case as `RuleTester#run` takes it (only what decides how it is written out and linted). */
export type RuleTesterCase =
  | string
  | {
      readonly code: string;
      readonly name?: string;
      readonly filename?: string;
      readonly options?: readonly unknown[];
      readonly languageOptions?: { readonly parser?: unknown; readonly sourceType?: string; readonly parserOptions?: { readonly sourceType?: string; readonly ecmaFeatures?: { readonly jsx?: boolean } } };
      readonly errors?: number | readonly unknown[];
    };

/** What one `ruleTester.run(name, rule, { valid, invalid })` call of test/rules was given. */
export interface RuleTesterRun {
  readonly rule: string;
  readonly valid: readonly RuleTesterCase[];
  readonly invalid: readonly RuleTesterCase[];
}

export interface CaseFile {
  readonly rule: string;
  readonly kind: 'valid' | 'invalid';
  /** Relative to the scratch project. */
  readonly file: string;
  readonly code: string;
  readonly options?: readonly unknown[];
  /** How many reports the rule test expects: 0 for valid cases. */
  readonly expectedErrors: number;
}

/**
 * The file name a case is linted under, so that both hosts pick the parser its RuleTester run used:
 * typescript-eslint's RuleTester parses with @typescript-eslint/parser (`file.ts`, `file.tsx` with JSX),
 * cases that set another parser (espree) are JavaScript.
 */
function extensionOf(testCase: Exclude<RuleTesterCase, string>): string {
  if (testCase.filename) return /\.[cm]?[jt]sx?$/.exec(testCase.filename)?.[0] ?? '.ts';
  const languageOptions = testCase.languageOptions;
  const jsx = languageOptions?.parserOptions?.ecmaFeatures?.jsx === true;
  const javaScript = languageOptions?.parser !== undefined && languageOptions.parser !== tsParser;
  if (!javaScript) return jsx ? '.tsx' : '.ts';
  if ((languageOptions?.parserOptions?.sourceType ?? languageOptions?.sourceType) === 'script') return '.cjs';
  return jsx ? '.jsx' : '.js';
}

/** Writes every case of the runs below `folder` (one file each) and says what each one is. */
export function writeRuleCases(dir: string, folder: string, runs: readonly RuleTesterRun[]): CaseFile[] {
  const files: CaseFile[] = [];
  runs.forEach((run, runIndex) => {
    for (const kind of ['valid', 'invalid'] as const) {
      run[kind].forEach((raw, index) => {
        const testCase = typeof raw === 'string' ? { code: raw } : raw;
        const file = `${folder}/${run.rule}/run-${runIndex + 1}-${kind}-${String(index + 1).padStart(3, '0')}${extensionOf(testCase)}`;
        const errors = testCase.errors;
        files.push({
          rule: run.rule,
          kind,
          file,
          code: testCase.code,
          ...(testCase.options ? { options: testCase.options } : {}),
          expectedErrors: kind === 'valid' ? 0 : typeof errors === 'number' ? errors : (errors?.length ?? 0),
        });
      });
    }
  });
  for (const caseFile of files) {
    mkdirSync(dirname(join(dir, caseFile.file)), { recursive: true });
    writeFileSync(join(dir, caseFile.file), caseFile.code);
  }
  return files;
}
