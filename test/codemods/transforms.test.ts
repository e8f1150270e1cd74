// Fixture pairs for each transform, found by reading the folder: output as expected, output parses, a
// second run changes nothing, line endings kept, and the rule that found the problem is satisfied.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { jwksDiscovery } from '../../codemods/jwks-discovery.js';
import { idTokenToAccessToken } from '../../codemods/id-token-to-access-token.js';
import { orgAsIntrospection } from '../../codemods/org-as-introspection.js';
import { parseFile, type CodemodOptions, type TransformEnvironment, type TransformOutcome } from '../../codemods/lib/transformer.js';
import plugin from '../../src/index.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

const TRANSFORMS: Record<string, { run: (source: string, path: string, options?: CodemodOptions, environment?: TransformEnvironment) => TransformOutcome; rule: string }> = {
  'jwks-discovery': { run: jwksDiscovery, rule: 'no-hardcoded-jwt-key' },
  'org-as-introspection': { run: orgAsIntrospection, rule: 'no-org-as-local-verification' },
  'id-token-to-access-token': { run: idTokenToAccessToken, rule: 'no-id-token-as-bearer' },
};

/** Every review reason says what a person must do, after the cause: "<what is wrong>: <what to do>". */
const NAMES_AN_ACTION = /: .*\b(set|run|replace|rewrite|make sure|move|check|keep|name|write|read|raise|pass|send|fix|verify|switch|compare|rename|update|introspect|resolve|report|confirm|remove)\b/i;

interface CaseSettings {
  options?: CodemodOptions;
  /** What the CLI passes beyond options (the project's declared Node versions). */
  environment?: TransformEnvironment;
  /** Substrings of the reasons the transform must report for review. */
  review?: string[];
  /** How many review items the transform reports, when the case pins it (no stray reasons). */
  reviewCount?: number;
  /** Reports of the rule that may remain on the output (sites the transform leaves for review). */
  remainingReports?: number;
}

function reportsOf(rule: string, code: string, filename: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,cjs,mjs,ts,tsx,mts,cts}'],
        plugins: { oidc: plugin as never },
        languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { [`oidc/${rule}`]: 'error' },
      },
    ],
    { filename },
  );
  const fatal = messages.filter((message) => message.fatal);
  expect(fatal.map((message) => message.message), `${filename} parses for ESLint`).toEqual([]);
  return messages;
}

for (const [name, { run, rule }] of Object.entries(TRANSFORMS)) {
  const folder = join(fixtures, name);
  const inputs = existsSync(folder) ? readdirSync(folder).filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file)) : [];

  describe(name, () => {
    it('has fixture pairs', () => {
      expect(inputs.length).toBeGreaterThanOrEqual(5);
      expect(inputs.some((file) => existsSync(join(folder, file.replace('.input.', '.output.'))))).toBe(true);
    });

    it.each(inputs)('%s', (file) => {
      const inputPath = join(folder, file);
      const input = readFileSync(inputPath, 'utf8');
      const outputPath = inputPath.replace('.input.', '.output.');
      const settingsPath = inputPath.replace(/\.input\.[cm]?[jt]sx?$/, '.options.json');
      const settings: CaseSettings = existsSync(settingsPath) ? JSON.parse(readFileSync(settingsPath, 'utf8')) : {};
      const filename = file.replace('.input.', '.');

      const outcome = run(input, filename, settings.options, settings.environment);
      for (const expected of settings.review ?? []) {
        expect(outcome.review.map((note) => note.reason), `review mentions "${expected}"`).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
      }

      for (const note of outcome.review) expect(note.reason, 'a review reason names what to do').toMatch(NAMES_AN_ACTION);
      if (settings.reviewCount !== undefined) expect(outcome.review.map((note) => note.reason)).toHaveLength(settings.reviewCount);

      if (!existsSync(outputPath)) {
        // Left alone: safe code, or sites that cannot be rewritten safely (with their reasons).
        expect(outcome.source).toBeUndefined();
        expect(outcome.rewrites).toEqual([]);
        return;
      }
      const expected = readFileSync(outputPath, 'utf8');
      expect(outcome.source).toBe(expected);
      expect(outcome.rewrites.length).toBeGreaterThan(0);
      expect(() => parseFile(expected, filename)).not.toThrow();
      if (input.includes('\r\n')) expect(expected.replace(/\r\n/g, '')).not.toContain('\n');

      // Idempotent: a second run changes nothing.
      expect(run(expected, filename, settings.options, settings.environment).source).toBeUndefined();

      // The rule that found the problem no longer reports it (except the sites left for review).
      expect(reportsOf(rule, input, filename).length).toBeGreaterThan(0);
      const remaining = reportsOf(rule, expected, filename).map((message) => `${message.line}: ${message.message}`);
      expect(remaining, remaining.join("\n")).toHaveLength(settings.remainingReports ?? 0);
    });
  });
}
