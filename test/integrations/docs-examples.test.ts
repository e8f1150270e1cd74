// Every code example in docs/rules/*.md reports exactly what its doc says: "incorrect" examples are
// reported by their rule and by no other rule of `configs.all`, "correct" ones by nothing, and config
// snippets are configurations ESLint accepts.
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { exampleFileName, ROOT, RULE_NAMES, ruleDocExamples, type DocExample } from './support.js';

const pluginObject = plugin as unknown as ESLint.Plugin;
const allConfig = plugin.configs.all as unknown as Linter.Config;

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as unknown as Linter.Parser } },
    { files: ['**/*.{jsx,tsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    allConfig,
  ],
});

const examples = ruleDocExamples();
const code = examples.filter((example) => !example.isConfig && example.kind !== 'other');
const configs = examples.filter((example) => example.isConfig);
const label = (example: DocExample) => `docs/rules/${example.rule}.md:${example.line} (${example.kind})`;

async function lint(example: DocExample): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(example.code, { filePath: `${ROOT}/docs-example/${exampleFileName(example)}` });
  return result!.messages;
}

describe('the rule docs have examples to check', () => {
  it.each(RULE_NAMES)('docs/rules/%s.md has incorrect and correct code examples', (rule) => {
    const ofRule = code.filter((example) => example.rule === rule);
    expect(ofRule.filter((example) => example.kind === 'incorrect').length, 'incorrect examples').toBeGreaterThan(0);
    expect(ofRule.filter((example) => example.kind === 'correct').length, 'correct examples').toBeGreaterThan(0);
  });

  it('no JavaScript or TypeScript block outside the example lists is left unclassified, except config snippets', () => {
    const stray = examples.filter((example) => example.kind === 'other' && !example.isConfig);
    expect(stray.map(label)).toEqual([]);
  });
});

describe('incorrect examples are reported by their rule, and only by it', () => {
  it.each(code.filter((example) => example.kind === 'incorrect').map((example) => [label(example), example] as const))('%s', async (_, example) => {
    const messages = await lint(example);
    expect(messages.filter((message) => message.fatal), 'the example parses').toEqual([]);
    const ruleId = `oidc/${example.rule}`;
    expect(messages.length, `${ruleId} reports the example`).toBeGreaterThan(0);
    expect(messages.map((message) => message.ruleId)).toEqual(messages.map(() => ruleId));
  });
});

describe('correct examples are reported by no rule', () => {
  it.each(code.filter((example) => example.kind === 'correct').map((example) => [label(example), example] as const))('%s', async (_, example) => {
    const messages = await lint(example);
    expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'parse'}: ${message.message}`)).toEqual([]);
  });
});

describe('config snippets in the rule docs are configurations ESLint accepts', () => {
  it.each(configs.map((example) => [`docs/rules/${example.rule}.md:${example.line}`, example] as const))('%s', async (_, example) => {
    // The snippet is a module of its own: import it as one.
    const source = example.code.replace(/^\s*\/\/.*\n/, '');
    const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: Linter.Config[] };
    const snippet = module.default;
    expect(Array.isArray(snippet)).toBe(true);
    const ruleIds = snippet.flatMap((config) => Object.keys(config.rules ?? {}));
    expect(ruleIds.length).toBeGreaterThan(0);
    for (const id of ruleIds) expect(RULE_NAMES.map((rule) => `oidc/${rule}`)).toContain(id);
    // ESLint validates each rule's options against its schema when it lints: a bad option throws.
    const withSnippet = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [{ plugins: { oidc: pluginObject } }, ...snippet] });
    const [result] = await withSnippet.lintText('export {};\n', { filePath: `${ROOT}/docs-example/example.js` });
    expect(result!.messages).toEqual([]);
  });
});
