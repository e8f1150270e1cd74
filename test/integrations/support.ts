// Shared by the integration and reliability tests: where things are, temporary projects that load the
// built plugin like a user's would, the rule docs' code examples, and applying an editor suggestion.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NODE_MODULES = join(ROOT, 'node_modules');
export const DIST_ENTRY = join(ROOT, 'dist', 'index.js');
export const ESLINT_BIN = join(NODE_MODULES, 'eslint', 'bin', 'eslint.js');
export const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
export const RULE_NAMES = readdirSync(join(ROOT, 'rules'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();

/** The documentation URL each rule's `meta.docs.url` must carry, and the page in this repository it names. */
export function docsUrlOf(rule: string): string {
  return `https://github.com/eslint-plugin-oidc/eslint-plugin-oidc/blob/main/docs/rules/${rule}.md`;
}

/** Tests that run the real ESLint CLI, lint-staged or git load the built package, as users do. */
export function assertBuilt(): void {
  if (!existsSync(DIST_ENTRY) || !existsSync(join(ROOT, 'dist', 'index.cjs'))) {
    throw new Error(`${DIST_ENTRY} is missing: run \`npm run build\` first (npm test does it in pretest)`);
  }
}

/** A fresh folder under the system's temporary directory (realpath: macOS and some CI symlink /tmp). */
export function makeTempDir(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), `oidc-${prefix}-`)));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * A `node_modules` for a temporary project: a link to each of this repository's installed packages, and
 * `eslint-plugin-oidc` linked to this repository, so that `import oidc from 'eslint-plugin-oidc'` and
 * `node_modules/.bin/eslint` resolve as they would after `npm install --save-dev eslint-plugin-oidc`.
 */
export function linkNodeModules(projectDir: string): void {
  const target = join(projectDir, 'node_modules');
  mkdirSync(target);
  for (const entry of readdirSync(NODE_MODULES)) {
    if (entry === PACKAGE.name || entry === '.bin' || entry === '.package-lock.json' || entry === '.vite' || entry === '.vitest') continue;
    symlinkSync(join(NODE_MODULES, entry), join(target, entry));
  }
  symlinkSync(ROOT, join(target, PACKAGE.name));
  // Programs: this repository's, except that `eslint` is ESLint 10. Here both `eslint` and the `eslint9`
  // alias declare an `eslint` bin, and npm links only one of them into node_modules/.bin.
  const bin = join(target, '.bin');
  mkdirSync(bin);
  for (const entry of readdirSync(join(NODE_MODULES, '.bin'))) {
    symlinkSync(entry === 'eslint' ? ESLINT_BIN : join(NODE_MODULES, '.bin', entry), join(bin, entry));
  }
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for assertions on what a person would see. */
  readonly output: string;
}

/** Runs a real program; never through a shell. */
export function run(command: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }): RunResult {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (result.error) throw result.error;
  const stdout = String(result.stdout ?? '');
  const stderr = String(result.stderr ?? '');
  return { status: result.status, stdout, stderr, output: `${stdout}\n${stderr}` };
}

/** The environment for child processes: this one's, without variables that would change git or ESLint. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('GIT_') || name.startsWith('ESLINT_') || name === 'NODE_OPTIONS' || name === 'HUSKY' || name === 'NODE_PATH') delete env[name];
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

// ---------------------------------------------------------------------------------------------------
// The rule docs' code examples

export type ExampleKind = 'incorrect' | 'correct' | 'other';

export interface DocExample {
  readonly rule: string;
  readonly kind: ExampleKind;
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence in the markdown file. */
  readonly line: number;
  /** Config snippets (`// eslint.config.js`, `export default [{ rules: ... }]`) are not code to lint. */
  readonly isConfig: boolean;
}

const CODE_LANGS = new Set(['js', 'javascript', 'mjs', 'cjs', 'jsx', 'ts', 'typescript', 'tsx', 'mts', 'cts']);

/**
 * Fenced JavaScript/TypeScript blocks of a rule doc, each classified by the nearest preceding
 * "Examples of **incorrect** code" or "Examples of **correct** code" paragraph; a heading ends its reach.
 */
export function parseRuleDoc(rule: string, markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split(/\r?\n/);
  let kind: ExampleKind = 'other';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      const marker = fence[2]!;
      const lang = fence[3]!.toLowerCase();
      const start = index;
      const body: string[] = [];
      for (index++; index < lines.length && !lines[index]!.trimStart().startsWith(marker); index++) body.push(lines[index]!);
      if (!CODE_LANGS.has(lang)) continue;
      const code = body.join('\n') + '\n';
      examples.push({ rule, kind, lang, code, line: start + 1, isConfig: isConfigSnippet(code) });
      continue;
    }
    if (/^#{1,6}\s/.test(line)) kind = 'other';
    const examplesOf = /^Examples of \*\*(incorrect|correct)\*\* code/i.exec(line.trim());
    if (examplesOf) kind = examplesOf[1]!.toLowerCase() as ExampleKind;
  }
  return examples;
}

function isConfigSnippet(code: string): boolean {
  const text = code.trimStart();
  return /^\/\/\s*eslint\.config\.[cm]?[jt]s\b/.test(text) || /^export default \[\s*\{\s*(rules|files|plugins|languageOptions)\s*:/.test(text);
}

export function ruleDocExamples(): DocExample[] {
  return RULE_NAMES.flatMap((rule) => parseRuleDoc(rule, readFileSync(join(ROOT, 'docs', 'rules', `${rule}.md`), 'utf8')));
}

/** The file name an example is linted as, so that ESLint picks the parser a user's config would. */
export function exampleFileName(example: Pick<DocExample, 'lang'>): string {
  switch (example.lang) {
    case 'ts':
    case 'typescript':
    case 'mts':
    case 'cts':
      return 'example.ts';
    case 'tsx':
      return 'example.tsx';
    case 'jsx':
      return 'example.jsx';
    default:
      return 'example.js';
  }
}

// ---------------------------------------------------------------------------------------------------
// Editor suggestions

export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** What an editor does with a quick fix: replace the range with the text. */
export function applyEdit(code: string, edit: TextEdit): string {
  return code.slice(0, edit.range[0]) + edit.text + code.slice(edit.range[1]);
}

// ---------------------------------------------------------------------------------------------------
// The guides' recipes, so that the tests run what the guides say

export interface GuideBlock {
  readonly lang: string;
  readonly code: string;
}

/** Fenced blocks of docs/guides/<name>.md, with their info string's language, indentation removed. */
export function guideBlocks(name: string): GuideBlock[] {
  const lines = readFileSync(join(ROOT, 'docs', 'guides', name), 'utf8').split(/\r?\n/);
  const blocks: GuideBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^(\s*)(`{3,})\s*([\w-]*)/.exec(lines[index]!);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const body: string[] = [];
    for (index++; index < lines.length && !lines[index]!.trimStart().startsWith(fence[2]!); index++) body.push(lines[index]!.slice(indent));
    blocks.push({ lang: fence[3]!, code: body.join('\n') + '\n' });
  }
  return blocks;
}

/** The one block of a guide that satisfies the predicate. */
export function guideBlock(name: string, predicate: (block: GuideBlock) => boolean): string {
  const matches = guideBlocks(name).filter(predicate);
  if (matches.length !== 1) throw new Error(`docs/guides/${name}: expected one matching block, found ${matches.length}`);
  return matches[0]!.code;
}
