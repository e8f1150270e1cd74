// Generated inputs no editor should make the rules choke on: deep nesting around a PEM, 5 MB string
// literals, and every unusual way of importing, exporting and calling. Each lints with all rules, in
// well under a few seconds, without a rule throwing, and with results that make sense.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, childEnv, DIST_ENTRY, makeTempDir, removeDir, ROOT } from '../integrations/support.js';
import { lintOnce, type LintOutcome, type ParserName } from './support.js';

const PARSERS: readonly ParserName[] = ['typescript-eslint', 'espree'];
const fileFor = (parser: ParserName) => (parser === 'espree' ? 'input.js' : 'input.ts');

const PEM_LINES = [
  '-----BEGIN PUBLIC KEY-----',
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66',
  'ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ',
  '-----END PUBLIC KEY-----',
];
const PEM = `'${PEM_LINES.join('\\n')}'`;
const PEM_TEMPLATE = `\`${PEM_LINES.join('\n')}\``;
const JWT = "import jwt from 'jsonwebtoken';\n";

const messagesOf = (outcome: LintOutcome) => outcome.messages.filter((message) => !message.fatal).map((message) => `${message.line}:${message.messageId}`);
const rulesOf = (outcome: LintOutcome) => [...new Set(outcome.messages.filter((message) => !message.fatal).map((message) => message.ruleId))];

function expectNoCrash(outcome: LintOutcome): void {
  expect(outcome.kind === 'crash' ? outcome.error : 'no crash').toBe('no crash');
}

// ---------------------------------------------------------------------------------------------------
// Deep nesting

/** Shapes of nesting around a PEM that reaches jwt.verify (or, for some, a value that does not). */
const SHAPES: Record<string, (depth: number) => string> = {
  parens: (n) => `${JWT}jwt.verify(token, ${'('.repeat(n)}${PEM}${')'.repeat(n)});`,
  arrays: (n) => `${JWT}const K = ${'['.repeat(n)}${PEM}${']'.repeat(n)};\njwt.verify(token, K${'[0]'.repeat(n)});`,
  ternaries: (n) => `${JWT}jwt.verify(token, ${'a ? '.repeat(n)}${PEM}${' : null'.repeat(n)});`,
  'binary + chain': (n) => `${JWT}jwt.verify(token, ${PEM}${" + ''".repeat(n)});`,
  blocks: (n) => `${JWT}${'{'.repeat(n)}jwt.verify(token, ${PEM});${'}'.repeat(n)}`,
  'member chain': (n) => `${JWT}jwt.verify(token, a${'.b'.repeat(n)});`,
  objects: (n) => `${JWT}const O = ${'{ a: '.repeat(n)}${PEM}${' }'.repeat(n)};\njwt.verify(token, O${'.a'.repeat(n)});`,
  calls: (n) => `${JWT}jwt.verify(token, ${'f('.repeat(n)}${PEM}${')'.repeat(n)});`,
  arrows: (n) => `${JWT}export const v = ${'() => '.repeat(n)}jwt.verify(token, ${PEM});`,
  functions: (n) => `${JWT}${'function f() { '.repeat(n)}jwt.verify(token, ${PEM});${' }'.repeat(n)}`,
  ifs: (n) => `${JWT}${'if (a) '.repeat(n)}jwt.verify(token, ${PEM});`,
  'const aliases': (n) => `${JWT}const K0 = ${PEM};\n${Array.from({ length: n }, (_, i) => `const K${i + 1} = K${i};`).join('\n')}\njwt.verify(token, K${n});`,
};

/** Shapes through which the PEM is structurally the argument of jwt.verify: found at any depth that parses. */
const FOUND_AT_ANY_DEPTH = new Set(['parens', 'blocks', 'arrows', 'functions', 'ifs']);
/** Shapes followed as values, up to the values analysis' depth budget: found when shallow. */
const FOUND_WHEN_SHALLOW = new Set([...FOUND_AT_ANY_DEPTH, 'ternaries', 'binary + chain', 'const aliases']);

describe('deep nesting, in process', () => {
  const cases = [30, 300].flatMap((depth) => Object.keys(SHAPES).flatMap((shape) => PARSERS.map((parser) => [`${shape} ×${depth} (${parser})`, shape, depth, parser] as const)));

  it.each(cases)('%s', async (_, shape, depth, parser) => {
    const outcome = await lintOnce(SHAPES[shape]!(depth), parser, fileFor(parser));
    expectNoCrash(outcome);
    expect(outcome.ms).toBeLessThan(2_000);
    if (outcome.kind === 'parse-error') {
      // typescript-estree gives up on some shapes at a few hundred levels; espree must not at 300.
      expect(parser === 'typescript-eslint' && depth === 300, 'parse error').toBe(true);
      return;
    }
    expect(rulesOf(outcome).every((rule) => rule === 'oidc/no-hardcoded-jwt-key')).toBe(true);
    const expectFound = depth === 30 ? FOUND_WHEN_SHALLOW.has(shape) : FOUND_AT_ANY_DEPTH.has(shape);
    if (expectFound) expect(messagesOf(outcome).some((message) => message.endsWith(':pinnedKey')), 'the PEM is found').toBe(true);
    if (shape === 'member chain') expect(messagesOf(outcome)).toEqual([]);
  });
});

/**
 * 2,000 levels, each in a fresh Node process as an editor's first lint is: a rule that recurses once per
 * level overflows the stack at a depth that depends on how warm the JIT is, so an in-process run would
 * be flaky. The baseline is ESLint alone (same parser, no plugin rule): when ESLint itself can lint the
 * input, the plugin must not throw.
 */
describe('2,000 levels deep, in a fresh process (espree parses them; typescript-estree does not)', () => {
  const DEPTH = 2_000;
  const execFileAsync = promisify(execFile);
  const results = new Map<string, { baseline: ColdOutcome; withPlugin: ColdOutcome }>();
  let dir: string;

  interface ColdOutcome {
    outcome: 'linted' | 'parse-error' | 'rule-crash' | 'eslint-crash';
    messages?: string[];
    rule?: string;
    error?: string;
    ms: number;
  }

  const CHILD = `
    const { readFileSync } = await import('node:fs');
    const { pathToFileURL } = await import('node:url');
    const { ESLint } = await import('eslint');
    const plugin = (await import(pathToFileURL(process.env.OIDC_PLUGIN).href)).default;
    const code = readFileSync(process.env.OIDC_INPUT, 'utf8');
    async function attempt(config) {
      const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: config });
      const started = performance.now();
      try {
        const [result] = await eslint.lintText(code, { filePath: process.cwd() + '/cold-input.js' });
        const fatal = result.messages.some((message) => message.fatal);
        return { outcome: fatal ? 'parse-error' : 'linted', messages: result.messages.map((m) => m.ruleId + ' ' + m.messageId), ms: performance.now() - started };
      } catch (error) {
        const rule = /Rule: "([^"]+)"/.exec(String(error.message))?.[1];
        return { outcome: rule ? 'rule-crash' : 'eslint-crash', rule, error: String(error.message).split('\\n')[0], ms: performance.now() - started };
      }
    }
    const baseline = await attempt([]);
    const withPlugin = await attempt([plugin.configs.all]);
    process.stdout.write(JSON.stringify({ baseline, withPlugin }));
  `;

  beforeAll(async () => {
    assertBuilt();
    dir = makeTempDir('deep');
    const shapes = Object.keys(SHAPES);
    // Two at a time: the machine has two cores.
    for (let index = 0; index < shapes.length; index += 2) {
      await Promise.all(
        shapes.slice(index, index + 2).map(async (shape) => {
          const input = join(dir, `${shape.replace(/\W+/g, '-')}.js`);
          writeFileSync(input, SHAPES[shape]!(DEPTH));
          const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', CHILD], {
            cwd: ROOT,
            env: childEnv({ OIDC_PLUGIN: DIST_ENTRY, OIDC_INPUT: input }),
            timeout: 30_000,
            maxBuffer: 1 << 20,
          });
          results.set(shape, JSON.parse(stdout));
        }),
      );
    }
  }, 60_000);

  afterAll(() => removeDir(dir));

  function check(shape: string): void {
    const result = results.get(shape)!;
    expect(result.baseline.outcome).not.toBe('rule-crash');
    if (result.baseline.outcome === 'linted') {
      expect(result.withPlugin.error ?? 'no crash', `${shape}: ESLint lints it, the plugin must too`).toBe('no crash');
      expect(result.withPlugin.outcome).toBe('linted');
    } else {
      // ESLint itself cannot: nothing for the rules to run on.
      expect(result.withPlugin.outcome).toBe(result.baseline.outcome);
    }
    // No blow-up with depth: compared with ESLint alone in the same process, not with a wall-clock bound
    // that a loaded machine misses (parsing the 2,000 levels dominates both).
    expect(result.withPlugin.ms, `plugin ${result.withPlugin.ms.toFixed(0)} ms vs ESLint alone ${result.baseline.ms.toFixed(0)} ms`).toBeLessThan(4 * result.baseline.ms + 500);
  }

  it.each(['parens', 'arrays', 'objects', 'calls', 'arrows', 'functions', 'const aliases'])('%s: no rule crash', (shape) => check(shape));

  // The analysis walks trees with an explicit stack (FileIndex, walkNodes) and reads `+` chains as lists,
  // so 2,000 levels do not overflow it where ESLint itself copes.
  it.each(['ternaries', 'binary + chain', 'blocks', 'member chain', 'ifs'])('%s: no rule crash', (shape) => check(shape));

  it('const aliases 2,000 deep are not followed (the values analysis stops at its depth budget)', () => {
    expect(results.get('const aliases')!.withPlugin.messages).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Huge literals

describe('5 MB string literals', () => {
  const BODY = 'A'.repeat(5_000_000);
  const cases: ReadonlyArray<readonly [string, string, string[]]> = [
    ['a 5 MB PEM-shaped literal passed to jwt.verify', `${JWT}jwt.verify(token, '-----BEGIN PUBLIC KEY-----\\n${BODY}\\n-----END PUBLIC KEY-----');\n`, ['2:pinnedKey']],
    ['a 5 MB PEM-shaped template passed to jwt.verify', `${JWT}jwt.verify(token, \`-----BEGIN PUBLIC KEY-----\n${BODY}\n-----END PUBLIC KEY-----\`);\n`, ['2:pinnedKey']],
    ['a 5 MB string that is no key, passed to jwt.verify', `${JWT}const s = '${BODY}';\njwt.verify(token, s);\n`, []],
    ['a 5 MB exported constant that is no key', `export const BLOB = '${BODY}';\n`, []],
    ['a 5 MB string in a file no rule concerns', `const s = '${BODY}';\nconsole.log(s.length);\n`, []],
    ['a 5 MB string in a bearer header', `fetch('/api', { headers: { Authorization: 'Bearer ' + '${BODY}' } });\n`, []],
    ['a 5 MB org-like issuer', `import OktaJwtVerifier from '@okta/jwt-verifier';\nnew OktaJwtVerifier({ issuer: 'https://${'a'.repeat(5_000_000)}.okta.com' }).verifyAccessToken(t, 'api://default');\n`, ['2:orgIssuer']],
  ];

  it.each(cases.flatMap(([name, code, expected]) => PARSERS.map((parser) => [`${name} (${parser})`, code, expected, parser] as const)))(
    '%s',
    async (_, code, expected, parser) => {
      const outcome = await lintOnce(code, parser, fileFor(parser));
      expectNoCrash(outcome);
      expect(outcome.kind).toBe('linted');
      expect(messagesOf(outcome)).toEqual(expected);
      expect(outcome.ms).toBeLessThan(3_000);
    },
  );
});

// ---------------------------------------------------------------------------------------------------
// Unusual module and call syntax

interface SyntaxCase {
  readonly name: string;
  readonly code: string;
  /** TypeScript-only syntax: linted with typescript-eslint alone. */
  readonly typescriptOnly?: boolean;
  readonly jsx?: boolean;
  /** `line:messageId` expected, or undefined where either a report or none is acceptable. */
  readonly expected?: string[];
}

const SYNTAX: readonly SyntaxCase[] = [
  { name: 'import x, * as y from', code: `import jwt, * as ns from 'jsonwebtoken';\nns.verify(token, ${PEM});\njwt.verify(token, ${PEM});\n`, expected: ['2:pinnedKey', '3:pinnedKey'] },
  { name: 'import { default as z }', code: `import { default as z } from 'jsonwebtoken';\nz.verify(token, ${PEM});\n`, expected: ['2:pinnedKey'] },
  { name: 'import { verify as check }', code: `import { verify as check } from 'jsonwebtoken';\ncheck(token, ${PEM});\n`, expected: ['2:pinnedKey'] },
  { name: "import('jose').then(...)", code: `import('jose').then(({ jwtVerify, importSPKI }) => importSPKI(${PEM}, 'RS256').then((key) => jwtVerify(token, key)));\n` },
  { name: "await import('jose') destructured", code: `const { jwtVerify, importSPKI } = await import('jose');\nconst key = await importSPKI(${PEM}, 'RS256');\nawait jwtVerify(token, key);\n`, expected: ['3:pinnedKey'] },
  { name: 'require inside a ternary', code: `const jwt = process.env.LOCAL ? require('./fake-jwt') : require('jsonwebtoken');\njwt.verify(token, ${PEM});\n` },
  { name: "require('jsonwebtoken').verify", code: `const verify = require('jsonwebtoken').verify;\nverify(token, ${PEM});\n`, expected: ['2:pinnedKey'] },
  { name: 'export * from, export * as, re-exports', code: `export * from 'jsonwebtoken';\nexport * as jose from 'jose';\nexport { verify } from 'jsonwebtoken';\nexport { default as jwt, default } from 'jsonwebtoken';\nexport const KEY = ${PEM};\n`, expected: ['5:pinnedKeyConstant'] },
  { name: 'an import re-exported and used', code: `import jwt from 'jsonwebtoken';\nexport { jwt };\nexport default jwt;\njwt.verify(token, ${PEM});\n`, expected: ['4:pinnedKey'] },
  { name: 'import type beside a value import', typescriptOnly: true, code: `import type { JwtPayload } from 'jsonwebtoken';\nimport { type Secret, verify } from 'jsonwebtoken';\nconst key: Secret = ${PEM};\nverify(token, key) as JwtPayload;\n`, expected: ['4:pinnedKey'] },
  { name: 'import type only', typescriptOnly: true, code: `import type jwt from 'jsonwebtoken';\ndeclare const j: typeof jwt;\nj.verify(token, ${PEM});\n` },
  { name: 'import x = require()', typescriptOnly: true, code: `import jwt = require('jsonwebtoken');\njwt.verify(token, ${PEM});\n`, expected: ['2:pinnedKey'] },
  { name: 'export import x = require()', typescriptOnly: true, code: `export import jwt = require('jsonwebtoken');\njwt.verify(token, ${PEM});\n`, expected: ['2:pinnedKey'] },
  { name: 'JSON import with attributes', code: `import keys from './keys.json' with { type: 'json' };\nimport jwt from 'jsonwebtoken';\njwt.verify(token, keys.okta);\n`, expected: [] },
  { name: 'computed member calls', code: `import jwt from 'jsonwebtoken';\njwt['verify'](token, ${PEM});\nconst m = 'verify';\njwt[m](token, ${PEM});\n` },
  { name: 'computed member chains and optional chains', code: `import * as jose from 'jose';\nconst k = await jose['importSPKI'](${PEM}, 'RS256');\nawait jose['jwtVerify'](token, k);\nexport const x = a?.[b]?.[c]?.(d)[e]['f']?.g;\n`, expected: ['3:pinnedKey'] },
  { name: 'optional calls', code: `import jwt from 'jsonwebtoken';\njwt?.verify?.(token, ${PEM});\njwt.verify?.(token, ${PEM});\n`, expected: ['2:pinnedKey', '3:pinnedKey'] },
  { name: 'class private fields, methods, accessors, static blocks', code: `import jwt from 'jsonwebtoken';\nclass V {\n  #key = ${PEM};\n  static #shared = ${PEM};\n  #verify(t) { return jwt.verify(t, this.#key); }\n  static { jwt.verify(token, ${PEM}); }\n  check(t) { return #key in this && this.#verify(t); }\n  get #k() { return this.#key; }\n}\n` },
  { name: 'decorators and parameter properties', typescriptOnly: true, code: `import { Injectable, Inject } from '@nestjs/common';\nimport { JwtService } from '@nestjs/jwt';\n@Injectable()\nexport class AuthService {\n  constructor(@Inject(JWT) private readonly jwt: JwtService) {}\n  @Log() verify(token: string) { return this.jwt.verify(token, { publicKey: ${PEM} }); }\n}\n`, expected: ['6:pinnedKey'] },
  { name: 'using and await using declarations', code: `import jwt from 'jsonwebtoken';\nexport async function f() {\n  using res = open();\n  await using conn = await connect();\n  return jwt.verify(token, ${PEM});\n}\n`, expected: ['5:pinnedKey'] },
  { name: 'generators, labels and loops over keys', code: `import jwt from 'jsonwebtoken';\nfunction* g() { outer: for (const k of [${PEM}]) { yield jwt.verify(token, k); break outer; } }\n` },
  { name: 'a parameter that shadows the import', code: `import jwt from 'jsonwebtoken';\nexport function f(jwt) { return jwt.verify(token, ${PEM}); }\n`, expected: [] },
  { name: 'an object constant that holds itself, and self-referencing members', code: `import jwt from 'jsonwebtoken';\nconst o = { k: o };\nconst m = m.k;\nconst a = [a[0]];\njwt.verify(token, o.k);\njwt.verify(token, m);\njwt.verify(token, a[0]);\n`, expected: [] },
  { name: 'spread arguments, call and apply', code: `import jwt from 'jsonwebtoken';\nconst args = [token, ${PEM}];\njwt.verify(...args);\njwt.verify.apply(null, args);\njwt.verify.call(null, token, ${PEM});\nReflect.apply(jwt.verify, null, args);\n` },
  { name: 'empty and side-effect imports', code: `import {} from 'jsonwebtoken';\nimport 'jose';\nexport {};\n;;;\n`, expected: [] },
  { name: 'a multi-line template PEM in JSX', jsx: true, code: `import jwt from 'jsonwebtoken';\nexport const C = () => <div key={jwt.verify(token, ${PEM_TEMPLATE})}>{/* c */}<>{x}</></div>;\n`, expected: ['2:pinnedKey'] },
  { name: 'bearer headers through optional chains and computed keys', code: `const h = new Headers();\nh.set('Authorization', \`Bearer \${(await oktaAuth.tokenManager.get?.('idToken'))?.idToken}\`);\nfetch(url, { headers: { ['Authorization']: 'Bearer ' + authState?.idToken?.idToken, ...rest } });\n`, expected: ['2:idTokenSent', '3:idTokenSent'] },
  { name: 'org issuers through defaults, spreads and computed keys', code: `import OktaJwtVerifier from '@okta/jwt-verifier';\nconst { issuer = 'https://acme.okta.com' } = config;\nconst v = new OktaJwtVerifier({ issuer, ...config, ['issuer']: \`https://\${ORG}\` });\nv?.verifyAccessToken?.(t, 'api://default');\nnew (OktaJwtVerifier)({ issuer: 'https://acme.okta.com' }).verifyAccessToken(t, 'x');\n` },
];

describe('unusual module and call syntax', () => {
  const cases = SYNTAX.flatMap((entry) => (entry.typescriptOnly ? (['typescript-eslint'] as const) : PARSERS).map((parser) => [`${entry.name} (${parser})`, entry, parser] as const));

  it.each(cases)('%s', async (_, entry, parser) => {
    const file = entry.jsx ? (parser === 'espree' ? 'input.jsx' : 'input.tsx') : fileFor(parser);
    const outcome = await lintOnce(entry.code, parser, file);
    expectNoCrash(outcome);
    expect(outcome.kind, outcome.messages.map((message) => message.message).join('\n')).toBe('linted');
    expect(outcome.ms).toBeLessThan(2_000);
    if (entry.expected) expect(messagesOf(outcome)).toEqual(entry.expected);
    // Whatever is reported belongs to the rule the input concerns.
    const concerned = entry.name.startsWith('bearer') ? 'oidc/no-id-token-as-bearer' : entry.name.startsWith('org') ? 'oidc/no-org-as-local-verification' : 'oidc/no-hardcoded-jwt-key';
    expect(rulesOf(outcome).every((rule) => rule === concerned)).toBe(true);
  });
});

/**
 * A variable whose initializer is itself, or a cycle of them, reaching a key slot: `const key = key` is
 * what an editor sends while someone types `const key = keys[kid]`. Once an unbounded recursion in
 * VerificationAnalysis.keyFromCollection; now bounded.
 */
describe('variables initialised with themselves, as typed mid-edit', () => {
  const CYCLES: ReadonlyArray<readonly [string, string]> = [
    ['const key = key, passed to jwt.verify', `${JWT}const key = key;\njwt.verify(token, key);\n`],
    ['let key = key, passed to jose.jwtVerify', `import { jwtVerify } from 'jose';\nlet key = key;\nawait jwtVerify(token, key);\n`],
    ['const a = b; const b = a, passed to jwt.verify', `${JWT}const a = b;\nconst b = a;\njwt.verify(token, a);\n`],
  ];

  it.each(CYCLES.flatMap(([name, code]) => PARSERS.map((parser) => [`${name} (${parser}): no rule crash`, code, parser] as const)))(
    '%s',
    async (_, code, parser) => {
      const outcome = await lintOnce(code, parser, fileFor(parser));
      expectNoCrash(outcome);
      expect(messagesOf(outcome)).toEqual([]);
    },
  );

  it('the same cycles away from any key slot lint fine', async () => {
    const outcome = await lintOnce(`${JWT}const key = key;\nconst a = b;\nconst b = a;\nexport { key, a };\n`, 'espree', 'input.js');
    expectNoCrash(outcome);
    expect(messagesOf(outcome)).toEqual([]);
  });
});
