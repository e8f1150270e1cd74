// The built plugin under ESLint 9 and ESLint 10, with @typescript-eslint/parser without and with type
// information, and with ESLint's default parser for JavaScript: the same findings in every run, except
// that type information lets the rules see string constants imported from other modules.
import { cpSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type builtPlugin from '../../src/index.js';
import { assertBuilt, DIST_ENTRY, makeTempDir, removeDir, ROOT, writeFiles } from './support.js';

type Plugin = typeof builtPlugin;
type LintResult = { filePath: string; messages: Linter.LintMessage[] };
interface ESLintLike {
  lintFiles(patterns: string[]): Promise<LintResult[]>;
}
type ESLintClass = new (options: { cwd: string; overrideConfigFile: true; overrideConfig: unknown[] }) => ESLintLike;

const VERSIONS: ReadonlyArray<readonly [string, ESLintClass, string]> = [
  ['ESLint 9', ESLint9 as unknown as ESLintClass, ESLint9.version],
  ['ESLint 10', ESLint10 as unknown as ESLintClass, ESLint10.version],
];

let dir: string;
let plugin: Plugin;

beforeAll(async () => {
  assertBuilt();
  plugin = ((await import(pathToFileURL(DIST_ENTRY).href)) as { default: Plugin }).default;
  dir = makeTempDir('eslint-versions');
  // The example app (TypeScript, TSX and JavaScript), and a module that imports its issuer from another.
  cpSync(join(ROOT, 'examples', 'api'), join(dir, 'app', 'api'), { recursive: true });
  cpSync(join(ROOT, 'examples', 'client'), join(dir, 'app', 'client'), { recursive: true });
  writeFiles(dir, {
    'imported/issuer.ts': "export const ISSUER = 'https://acme.okta.com';\n",
    'imported/verify.ts': `import OktaJwtVerifier from '@okta/jwt-verifier';
import { ISSUER } from './issuer';

const verifier = new OktaJwtVerifier({ issuer: ISSUER });
export const checkAccessToken = (token: string) => verifier.verifyAccessToken(token, 'api://default');
`,
  });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'preserve', strict: false, noEmit: true, skipLibCheck: true, types: [] },
      include: ['**/*.ts', '**/*.tsx'],
    }),
  );
});

afterAll(() => removeDir(dir));

type Mode = 'untyped' | 'typed';

function configFor(mode: Mode, tsForJs = false): unknown[] {
  const parserOptions = mode === 'typed' ? { projectService: true, tsconfigRootDir: dir } : {};
  return [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser, parserOptions } },
    ...(tsForJs ? [{ files: ['**/*.js'], languageOptions: { parser: tsParser } }] : []),
    plugin.configs.all,
  ];
}

/** Findings as comparable lines: file, position, rule and message id. */
async function findings(ESLint: ESLintClass, config: unknown[], patterns: string[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(patterns);
  const lines: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      lines.push(`${relative(dir, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? `FATAL ${message.message}`} ${message.messageId ?? ''}`.trim());
    }
  }
  return lines.sort();
}

describe('the same findings under ESLint 9 and 10, with and without type information', () => {
  const runs = new Map<string, string[]>();

  beforeAll(async () => {
    for (const [name, ESLint] of VERSIONS) {
      for (const mode of ['untyped', 'typed'] as const) runs.set(`${name} ${mode}`, await findings(ESLint, configFor(mode), ['app']));
    }
  });

  it('runs the two ESLint majors', () => {
    expect(VERSIONS.map(([, , version]) => Number(version.split('.')[0]))).toEqual([9, 10]);
  });

  it('finds the example app’s mistakes, of all three rules, without parse errors', () => {
    const reference = runs.get('ESLint 10 untyped')!;
    expect(reference.filter((line) => line.includes('FATAL'))).toEqual([]);
    for (const rule of ['no-hardcoded-jwt-key', 'no-org-as-local-verification', 'no-id-token-as-bearer']) {
      expect(reference.some((line) => line.includes(` oidc/${rule} `)), rule).toBe(true);
    }
    // .ts, .tsx and .js (the last through ESLint's default parser, espree) all contribute.
    expect(reference.some((line) => /\.tsx:/.test(line))).toBe(true);
    expect(reference.some((line) => /\.ts:/.test(line))).toBe(true);
    expect(reference.some((line) => /\.js:/.test(line))).toBe(true);
  });

  it.each([
    ['ESLint 9 untyped'],
    ['ESLint 9 typed'],
    ['ESLint 10 typed'],
  ])('%s finds exactly what ESLint 10 without type information finds', (run) => {
    expect(runs.get(run)).toEqual(runs.get('ESLint 10 untyped'));
  });

  it.each(VERSIONS.map(([name, ESLint]) => [name, ESLint] as const))(
    '%s: JavaScript parsed by @typescript-eslint/parser gives what espree gives',
    async (_, ESLint) => {
      const espree = (await findings(ESLint, configFor('untyped'), ['app/**/*.js']));
      const typescript = (await findings(ESLint, configFor('untyped', true), ['app/**/*.js']));
      expect(espree.length).toBeGreaterThan(0);
      expect(typescript).toEqual(espree);
    },
  );
});

describe('a string constant imported from another module', () => {
  it.each(VERSIONS.map(([name, ESLint]) => [name, ESLint] as const))('%s: reported with type information and without (the module is read untyped)', async (_, ESLint) => {
    const typed = await findings(ESLint, configFor('typed'), ['imported']);
    const untyped = await findings(ESLint, configFor('untyped'), ['imported']);
    expect(typed).toEqual(['imported/verify.ts:4:48 oidc/no-org-as-local-verification orgIssuer']);
    expect(untyped).toEqual(typed);
  });
});
