// Linting with every rule of the plugin, the way an editor does on each keystroke, and telling a rule
// crash (ESLint rethrows a rule's exception from lintText, naming the rule) from a parse error (a fatal
// message, which is expected of code being typed).
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../src/index.js';
import { ROOT } from '../integrations/support.js';

export type ParserName = 'typescript-eslint' | 'espree';

export interface LintOutcome {
  readonly kind: 'linted' | 'parse-error' | 'crash';
  readonly messages: readonly Linter.LintMessage[];
  readonly error?: string;
  readonly ms: number;
}

const allConfig = plugin.configs.all as unknown as Linter.Config;

/** One ESLint per parser (and rule options), made once: creating one is the expensive part. */
const instances = new Map<string, ESLint>();

export function eslintFor(parser: ParserName, extra: Linter.Config[] = []): ESLint {
  const key = `${parser} ${JSON.stringify(extra)}`;
  let eslint = instances.get(key);
  if (!eslint) {
    const jsx: Linter.Config = { files: ['**/*.{jsx,tsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } };
    const parserConfig: Linter.Config[] =
      parser === 'typescript-eslint'
        ? [{ files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as unknown as Linter.Parser } }]
        : [{ files: ['**/*.{js,jsx,mjs,cjs}'] }];
    eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [...parserConfig, jsx, allConfig, ...extra] });
    instances.set(key, eslint);
  }
  return eslint;
}

/** A file name for the parser: TypeScript source under typescript-eslint, JavaScript under espree. */
export function fileNameFor(parser: ParserName, original: string): string {
  const extension = /\.([cm]?[jt]sx?)$/.exec(original)?.[1] ?? 'ts';
  const jsx = extension.endsWith('x');
  if (parser === 'espree') return jsx ? 'input.jsx' : 'input.js';
  return `input.${extension}`;
}

export async function lintOnce(code: string, parser: ParserName, fileName: string, extra: Linter.Config[] = []): Promise<LintOutcome> {
  const eslint = eslintFor(parser, extra);
  const started = performance.now();
  try {
    const [result] = await eslint.lintText(code, { filePath: `${ROOT}/reliability-input/${fileName}` });
    const messages = result!.messages;
    const fatal = messages.some((message) => message.fatal);
    return { kind: fatal ? 'parse-error' : 'linted', messages, ms: performance.now() - started };
  } catch (error) {
    const text = error instanceof Error ? `${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error);
    return { kind: 'crash', messages: [], error: text, ms: performance.now() - started };
  }
}

/**
 * The prefix closed again, as far as a simple scan can: an open comment, string or template ended, and
 * open brackets, template substitutions and blocks closed. Editors send the prefix itself; the closed
 * variant is what a person has typed a moment later, and it parses far more often, so the rules see
 * half-written calls, options objects and key literals.
 */
export function closeOpenConstructs(prefix: string): string {
  const closers: string[] = [];
  let index = 0;
  let inString: string | undefined;
  let suffix = '';
  while (index < prefix.length) {
    const char = prefix[index]!;
    const next = prefix[index + 1];
    const top = closers[closers.length - 1];
    if (inString) {
      if (char === '\\') {
        index += 2;
        continue;
      }
      if (char === inString || char === '\n') inString = undefined;
      index++;
      continue;
    }
    if (top === '`') {
      if (char === '\\') {
        index += 2;
        continue;
      }
      if (char === '`') closers.pop();
      if (char === '$' && next === '{') {
        closers.push('}$');
        index++;
      }
      index++;
      continue;
    }
    if (char === '/' && next === '/') {
      const end = prefix.indexOf('\n', index);
      if (end < 0) {
        suffix = '\n';
        break;
      }
      index = end;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = prefix.indexOf('*/', index + 2);
      if (end < 0) {
        suffix = '*/';
        break;
      }
      index = end + 2;
      continue;
    }
    if (char === "'" || char === '"') inString = char;
    else if (char === '`') closers.push('`');
    else if (char === '(') closers.push(')');
    else if (char === '[') closers.push(']');
    else if (char === '{') closers.push('}');
    else if (char === ')' || char === ']' || char === '}') {
      if (top === char || (char === '}' && top === '}$')) closers.pop();
    }
    index++;
  }
  if (inString) suffix += inString;
  return prefix + suffix + closers.reverse().map((closer) => (closer === '}$' ? '}' : closer)).join('');
}

/** Where to cut a source: every `step` characters, at every line end, and at the very end. */
export function cutPoints(code: string, step = 37): number[] {
  const cuts = new Set<number>([code.length]);
  for (let at = 0; at < code.length; at += step) cuts.add(at);
  for (let at = code.indexOf('\n'); at >= 0; at = code.indexOf('\n', at + 1)) cuts.add(at);
  return [...cuts].sort((a, b) => a - b);
}

export interface SweepReport {
  lints: number;
  parsed: number;
  findings: number;
  crashes: string[];
  slowest: number;
}

/** Lints every prefix of a source, and its closed variant, with the parsers given. */
export async function sweepPrefixes(
  label: string,
  code: string,
  fileName: string,
  parsers: readonly ParserName[],
  extra: Linter.Config[] = [],
  step = 37,
): Promise<SweepReport> {
  const report: SweepReport = { lints: 0, parsed: 0, findings: 0, crashes: [], slowest: 0 };
  for (const cut of cutPoints(code, step)) {
    const prefix = code.slice(0, cut);
    const variants = new Set([prefix, closeOpenConstructs(prefix)]);
    for (const variant of variants) {
      for (const parser of parsers) {
        const outcome = await lintOnce(variant, parser, fileNameFor(parser, fileName), extra);
        report.lints++;
        report.slowest = Math.max(report.slowest, outcome.ms);
        if (outcome.kind === 'crash') {
          report.crashes.push(`${label} cut at ${cut}${variant === prefix ? '' : ' (closed)'} with ${parser}:\n${outcome.error}`);
        } else if (outcome.kind === 'linted') {
          report.parsed++;
          report.findings += outcome.messages.filter((message) => message.ruleId?.startsWith('oidc/')).length;
        }
      }
    }
  }
  return report;
}
