// All three transforms together, as the CLI runs them: every fixture input goes through every order of the
// transforms, with and without --to-custom-as, pass after pass until a pass changes nothing. That state
// must come within a few passes, parse, and be left unchanged by one more pass; no rewrite may fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { idTokenToAccessToken } from '../../codemods/id-token-to-access-token.js';
import { jwksDiscovery } from '../../codemods/jwks-discovery.js';
import { orgAsIntrospection } from '../../codemods/org-as-introspection.js';
import { parseFile, type CodemodOptions, type TransformOutcome } from '../../codemods/lib/transformer.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

type Run = (source: string, path: string, options?: CodemodOptions) => TransformOutcome;
const TRANSFORMS: [string, Run][] = [
  ['jwks-discovery', jwksDiscovery],
  ['org-as-introspection', orgAsIntrospection],
  ['id-token-to-access-token', idTokenToAccessToken],
];

/**
 * Passes that change something before one changes nothing. A transform that leaves work for another hands
 * it off within its own run, so one pass, in any order, is enough; the CLI's loop is the safety net.
 */
const MAX_PASSES = 1;

function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, at) => orders([...items.slice(0, at), ...items.slice(at + 1)]).map((rest) => [item, ...rest]));
}

/** One pass: each transform once, in order, on the text the previous one left. */
function pass(source: string, filename: string, order: readonly [string, Run][], options: CodemodOptions): { source: string; failures: string[] } {
  let current = source;
  const failures: string[] = [];
  for (const [name, run] of order) {
    const outcome = run(current, filename, options);
    failures.push(...outcome.review.filter((note) => note.reason.includes('could not be applied')).map((note) => `${name}: ${note.reason}`));
    if (outcome.source !== undefined) current = outcome.source;
  }
  return { source: current, failures };
}

const cases = readdirSync(fixtures).flatMap((folder) =>
  readdirSync(join(fixtures, folder))
    .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
    .map((file) => ({ folder, file })),
);

describe('all transforms together reach a fixed point', () => {
  it('reads every fixture', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  describe.each([false, true])('toCustomAs: %s', (toCustomAs) => {
    it.each(cases)('$folder/$file', ({ folder, file }) => {
      const inputPath = join(fixtures, folder, file);
      const settingsPath = inputPath.replace(/\.input\.[cm]?[jt]sx?$/, '.options.json');
      const fixtureOptions: CodemodOptions = existsSync(settingsPath) ? (JSON.parse(readFileSync(settingsPath, 'utf8')).options ?? {}) : {};
      const options = { ...fixtureOptions, toCustomAs };
      const filename = file.replace('.input.', '.');
      const input = readFileSync(inputPath, 'utf8');

      for (const order of orders(TRANSFORMS)) {
        const label = order.map(([name]) => name).join(' > ');
        let current = input;
        let passes = 0;
        for (;;) {
          const next = pass(current, filename, order, options);
          expect(next.failures, label).toEqual([]);
          if (next.source === current) break;
          current = next.source;
          passes++;
          expect(passes, `${label}: still changing after ${MAX_PASSES} passes`).toBeLessThanOrEqual(MAX_PASSES);
        }
        expect(() => parseFile(current, filename), label).not.toThrow();
        // One more pass, transform by transform: nothing changes.
        for (const [name, run] of order) expect(run(current, filename, options).source, `${label}: ${name} changes the fixed point`).toBeUndefined();
      }
    });
  });
});
