// Typed ESLint configs that use the plugin, as users write them (`eslint.config.ts` with typescript-eslint's
// config(), ESLint's defineConfig(), a `Linter.Config[]` annotation, a CommonJS `.cts`): each fixture in
// __fixtures__/typed-configs type-checks with `tsc --strict` against the PACKED plugin, installed from its
// tarball into a scratch project with ESLint 9 or 10 and typescript-eslint from the registry, and then
// runs: ESLint loads it (through jiti) and reports the plugin's finding.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { npmInstall, packedTarballs, rootManifest, scratchProject } from '../support/packed.js';
import { guideBlock, ROOT, run } from './support.js';

const FIXTURES = join(ROOT, 'test', 'integrations', '__fixtures__', 'typed-configs');
/** The configs that must type-check and run; `misspelt-severity.config.ts` is the control that must not. */
const CONFIGS = ['typescript-eslint.config.ts', 'define-config.config.ts', 'annotated.config.ts', 'commonjs.config.cts', 'editor-guide.config.ts'];

/** The root's ranges: ESLint 10 is `eslint`, ESLint 9 the alias `eslint9` (npm:eslint@^9...). */
const ESLINT_RANGES = {
  9: rootManifest.devDependencies.eslint9!.replace(/^npm:eslint@/, ''),
  10: rootManifest.devDependencies.eslint!,
} as const;
const range = (name: string) => rootManifest.devDependencies[name] ?? rootManifest.dependencies[name];

const projects: Partial<Record<9 | 10, string>> = {};

beforeAll(async () => {
  const { plugin } = packedTarballs();
  await Promise.all(
    ([9, 10] as const).map(async (major) => {
      const folder = scratchProject(`typed-configs-eslint${major}`, { type: 'module' });
      // jiti is what ESLint 9 and 10 load TypeScript config files with (an optional peer of theirs).
      await npmInstall(folder, [plugin, `eslint@${ESLINT_RANGES[major]}`, `typescript-eslint@${range('typescript-eslint')}`, `typescript@${range('typescript')}`, 'jiti@^2']);
      cpSync(FIXTURES, folder, { recursive: true });
      // The eslint.config.ts that docs/guides/editor.md shows.
      writeFileSync(join(folder, 'editor-guide.config.ts'), guideBlock('editor.md', (block) => block.code.startsWith('// eslint.config.ts')));
      projects[major] = folder;
    }),
  );
}, 600_000);

describe.each([9, 10] as const)('ESLint %i', (major) => {
  const folder = () => projects[major]!;

  it('installed the ESLint major under test, and the plugin from its tarball', () => {
    const version = run(process.execPath, [join('node_modules', 'eslint', 'bin', 'eslint.js'), '--version'], { cwd: folder() });
    expect(version.stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
    const resolved = run(process.execPath, ['-p', "require.resolve('eslint-plugin-oidc')"], { cwd: folder() });
    expect(resolved.stdout.trim()).toBe(join(folder(), 'node_modules', 'eslint-plugin-oidc', 'dist', 'index.cjs'));
  }, 60_000);

  it('tsc --strict (libraries checked too) accepts every config, and refuses only the misspelt severity', () => {
    const tsc = run(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: folder(), timeout: 540_000 });
    const errors = tsc.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors.length, tsc.output).toBeGreaterThan(0);
    for (const error of errors) expect(error, tsc.output).toMatch(/^misspelt-severity\.config\.ts\(5,\d+\): error TS(2322|2820): .*"eror"/);
    expect(tsc.status).toBe(2);
  }, 600_000);

  it.each(CONFIGS)('%s: ESLint loads it and reports the pinned key', (config) => {
    const eslint = run(process.execPath, [join('node_modules', 'eslint', 'bin', 'eslint.js'), '--config', config, '--format', 'json', 'src/verify.ts'], { cwd: folder(), timeout: 120_000 });
    expect(eslint.status, eslint.stderr).toBe(1);
    const [result] = JSON.parse(eslint.stdout) as Array<{ messages: Array<{ ruleId: string | null; fatal?: boolean; line: number }> }>;
    expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
    expect(result!.messages.filter((message) => message.ruleId?.startsWith('oidc/')).map((message) => [message.ruleId, message.line])).toEqual([['oidc/no-hardcoded-jwt-key', 7]]);
  }, 180_000);
});
