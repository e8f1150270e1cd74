// Values followed across modules without type information: exports of every kind, resolution, the cache.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsxParser from 'jscodeshift/parser/tsx.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleValues, moduleFactsStats } from '../../src/analysis/module-facts.js';
import { resolveModule, stripJsonComments } from '../../src/analysis/module-resolution.js';
import type { AstNode } from '../../src/analysis/syntax.js';
import { toPlain, ValueEvaluator, type StaticValue } from '../../src/analysis/values.js';
import { indexFile } from '../../src/analysis/file-index.js';
import { initOf, JS_FRONT_ENDS, TS_FRONT_ENDS } from '../support/front-ends.js';

let root: string;

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** The value of `const probe = …` in `file` (written to disk), with imports followed untyped. */
function probe(file: string, code: string, parse: (code: string) => AstNode, values = new ModuleValues()): StaticValue {
  write({ [file]: code });
  const tree = parse(code);
  const evaluator = new ValueEvaluator(indexFile(tree), values.oracleFor(join(root, file)));
  return evaluator.evaluate(initOf(tree, 'probe'));
}

const plain = (value: StaticValue) => toPlain(value);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oidc-module-facts-'));
  write({
    // ESM: named, default, anonymous default, aliases, barrels, chains, cycles.
    'esm/issuer.ts': "export const ISSUER = 'https://acme.okta.com';\nconst audience = 'api://default';\nexport { audience as AUDIENCE };\n",
    'esm/default.ts': "export default { issuer: 'https://acme.okta.com/oauth2/default' };\n",
    'esm/anonymous.ts': "export default class {\n  static issuer = 'https://anon.okta.com';\n}\n",
    'esm/index.ts': "export * from './issuer';\nexport { default as defaults } from './default';\nexport * as okta from './issuer';\n",
    'esm/chain-a.ts': "export { LEAF as VIA_A } from './chain-b';\n",
    'esm/chain-b.ts': "export { LEAF } from './chain-c';\n",
    'esm/chain-c.ts': "export const LEAF = 'leaf';\n",
    'esm/cycle-a.ts': "export * from './cycle-b';\nexport { X as Y } from './cycle-b';\n",
    'esm/cycle-b.ts': "export * from './cycle-a';\nexport { Y as X } from './cycle-a';\n",
    // CommonJS.
    'cjs/okta.js': "module.exports = {\n  issuer: `https://${process.env.OKTA_DOMAIN}/oauth2/default`,\n  expectedAudience: ['api://default', `${process.env.OKTA_CLIENT_ID}`],\n  okta: { issuer: 'https://acme.okta.com' },\n};\nmodule.exports.extra = 'more';\n",
    'cjs/exports.js': "exports.KEY = 'named';\nmodule.exports.OTHER = 'other';\n",
    'cjs/jwks.json': JSON.stringify({ keys: [{ kty: 'RSA', kid: 'a', n: 'abc', e: 'AQAB' }, { kty: 'RSA', kid: 'b', n: 'def', e: 'AQAB' }] }),
    'cjs/settings.js': "const jwks = require('./jwks.json');\nmodule.exports = { jwks };\n",
    // Classes.
    'classes/config.ts': [
      'type JwksUri = string;',
      'export class OktaConfig {',
      "  issuer = 'https://acme.okta.com';",
      "  #secret = 'private';",
      "  static AUDIENCE = 'api://default';",
      '  clientId: string;',
      '  jwksUri: JwksUri;',
      '  constructor() {',
      "    this.clientId = '0OA1B2C3D4E5F6G7H8I9';",
      '  }',
      '  init() {',
      "    this.jwksUri = 'https://acme.okta.com/oauth2/v1/keys';",
      '  }',
      "  get tenant() { return 'acme'; }",
      '  get secret() { return this.#secret; }',
      '}',
      'export default new OktaConfig();',
      '',
    ].join('\n'),
    // Workspace package and tsconfig paths.
    'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
    'packages/config/package.json': JSON.stringify({ name: '@acme/config', exports: { '.': { import: './dist/index.js', types: './dist/index.d.ts' } } }),
    'packages/config/src/index.ts': "export const WORKSPACE_ISSUER = 'https://ws.okta.com';\n",
    'app/tsconfig.json': '{\n  // comments are allowed here\n  "compilerOptions": { "baseUrl": ".", "paths": { "@config/*": ["src/config/*"], }, },\n}\n',
    'app/src/config/okta.ts': "export const PATHS_ISSUER = 'https://paths.okta.com';\n",
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(TS_FRONT_ENDS)('across modules, untyped ($name)', ({ parse }) => {
  it('reads ESM named, aliased and default exports', () => {
    expect(plain(probe('esm/use1.ts', "import { ISSUER } from './issuer';\nconst probe = ISSUER;", parse))).toBe('https://acme.okta.com');
    expect(plain(probe('esm/use2.ts', "import { AUDIENCE as aud } from './issuer';\nconst probe = aud;", parse))).toBe('api://default');
    expect(plain(probe('esm/use3.ts', "import config from './default';\nconst probe = config.issuer;", parse))).toBe('https://acme.okta.com/oauth2/default');
    expect(plain(probe('esm/use4.ts', "import Anonymous from './anonymous';\nconst probe = Anonymous.issuer;", parse))).toBe('https://anon.okta.com');
  });

  it('follows barrels, export * as, re-export chains and `.js` written for `.ts`', () => {
    expect(plain(probe('use5.ts', "import { ISSUER } from './esm';\nconst probe = ISSUER;", parse))).toBe('https://acme.okta.com');
    expect(plain(probe('use6.ts', "import { defaults } from './esm/index.js';\nconst probe = defaults.issuer;", parse))).toBe('https://acme.okta.com/oauth2/default');
    expect(plain(probe('use7.ts', "import { okta } from './esm';\nconst probe = okta.AUDIENCE;", parse))).toBe('api://default');
    expect(plain(probe('use8.ts', "import * as all from './esm';\nconst probe = all.ISSUER;", parse))).toBe('https://acme.okta.com');
    expect(plain(probe('use9.ts', "import { VIA_A } from './esm/chain-a.js';\nconst probe = VIA_A;", parse))).toBe('leaf');
  });

  it('stops at re-export cycles without hanging', () => {
    const value = probe('use10.ts', "import { X } from './esm/cycle-a';\nconst probe = X;", parse);
    expect(value.kind).toBe('unknown');
  });

  it('follows workspace packages and tsconfig paths', () => {
    expect(plain(probe('app/src/use11.ts', "import { WORKSPACE_ISSUER } from '@acme/config';\nconst probe = WORKSPACE_ISSUER;", parse))).toBe('https://ws.okta.com');
    expect(plain(probe('app/src/use12.ts', "import { PATHS_ISSUER } from '@config/okta';\nconst probe = PATHS_ISSUER;", parse))).toBe('https://paths.okta.com');
  });

  it('reads class fields, private and static fields, constructor and init-method writes, and getters', () => {
    const config = (member: string) => plain(probe(`classes/use-${member.replace(/\W/g, '')}.ts`, `import config, { OktaConfig } from './config';\nconst probe = ${member};`, parse));
    expect(config('config.issuer')).toBe('https://acme.okta.com');
    expect(config('config.clientId')).toBe('0OA1B2C3D4E5F6G7H8I9');
    expect(config('config.jwksUri')).toBe('https://acme.okta.com/oauth2/v1/keys');
    expect(config('config.tenant')).toBe('acme');
    expect(config('config.secret')).toBe('private');
    expect(config('OktaConfig.AUDIENCE')).toBe('api://default');
  });
});

describe.each(JS_FRONT_ENDS)('CommonJS, untyped ($name)', ({ parse }) => {
  it('reads module.exports objects, later module.exports.x, and exports.x', () => {
    expect(plain(probe('cjs/use1.js', "const okta = require('./okta');\nconst probe = okta.okta.issuer;", parse))).toBe('https://acme.okta.com');
    expect(plain(probe('cjs/use2.js', "const { okta: { issuer } } = require('./okta');\nconst probe = issuer;", parse))).toBe('https://acme.okta.com');
    expect(plain(probe('cjs/use3.js', "const probe = require('./okta').extra;", parse))).toBe('more');
    expect(plain(probe('cjs/use4.js', "const { KEY, OTHER } = require('./exports');\nconst probe = [KEY, OTHER];", parse))).toEqual(['named', 'other']);
    expect(plain(probe('cjs/use5.mjs', "import config from './okta.js';\nconst probe = config.okta.issuer;", parse))).toBe('https://acme.okta.com');
  });

  it('keeps environment reads as named holes: a client id in an audience array', () => {
    const value = probe('cjs/use6.js', "const config = require('./okta');\nconst probe = config.expectedAudience;", parse);
    expect(value.kind).toBe('array');
    const elements = (value as Extract<StaticValue, { kind: 'array' }>).elements;
    expect(elements[0]).toMatchObject({ kind: 'string', value: 'api://default' });
    expect(elements[1]).toMatchObject({ kind: 'partial-string', parts: [{ hole: true, hint: 'OKTA_CLIENT_ID' }] });
  });

  it('reads JSON modules, also through another module, and member chains into them', () => {
    expect(plain(probe('cjs/use7.js', "const jwks = require('./jwks.json');\nconst probe = jwks.keys[1].kid;", parse))).toBe('b');
    expect(plain(probe('cjs/use8.js', "const settings = require('./settings');\nconst probe = settings.jwks.keys[0].n;", parse))).toBe('abc');
  });
});

describe('the module-facts cache', () => {
  it('reads an unchanged module once, and again after it changes on disk', () => {
    write({ 'cache/value.ts': "export const VALUE = 'first';\n" });
    const parse = TS_FRONT_ENDS[0]!.parse;
    const code = "import { VALUE } from './value';\nconst probe = VALUE;";
    const before = moduleFactsStats().modulesRead;
    expect(plain(probe('cache/use.ts', code, parse))).toBe('first');
    expect(moduleFactsStats().modulesRead).toBe(before + 1);
    // A new session (the next lint of the file in an editor) reads nothing unchanged.
    expect(plain(probe('cache/use.ts', code, parse))).toBe('first');
    expect(moduleFactsStats().modulesRead).toBe(before + 1);
    write({ 'cache/value.ts': "export const VALUE = 'second, longer';\n" });
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'cache/value.ts'), later, later);
    expect(plain(probe('cache/use.ts', code, parse))).toBe('second, longer');
    expect(moduleFactsStats().modulesRead).toBe(before + 2);
  });

  it('parses neighbours with the host parser it is given (jscodeshift for the codemod CLI)', () => {
    write({ 'host/value.tsx': "export const VALUE = <T,>(x: T) => x;\nexport const ISSUER = 'https://host.okta.com';\n" });
    const values = new ModuleValues({ parse: (source) => tsxParser().parse(source) as AstNode });
    expect(plain(probe('host/use.ts', "import { ISSUER } from './value';\nconst probe = ISSUER;", TS_FRONT_ENDS[1]!.parse, values))).toBe('https://host.okta.com');
  });

  it('treats modules that do not parse, third-party packages and built-ins as unknown', () => {
    write({ 'broken/value.ts': 'export const = ;\n', 'node_modules/some-lib/package.json': '{"name":"some-lib","main":"index.js"}', 'node_modules/some-lib/index.js': "exports.ISSUER = 'x';\n" });
    const parse = TS_FRONT_ENDS[0]!.parse;
    expect(probe('broken/use.ts', "import { VALUE } from './value';\nconst probe = VALUE;", parse).kind).toBe('unknown');
    expect(probe('use-lib.ts', "import { ISSUER } from 'some-lib';\nconst probe = ISSUER;", parse).kind).toBe('unknown');
    expect(resolveModule(join(root, 'x.ts'), 'node:fs')).toBeUndefined();
    expect(resolveModule(join(root, 'x.ts'), 'some-lib')).toBeUndefined();
  });

  it('reads JSON with comments and trailing commas (tsconfig), leaving strings alone', () => {
    expect(JSON.parse(stripJsonComments('{ "a": "// not a comment", /* c */ "b": [1, 2,], }'))).toEqual({ a: '// not a comment', b: [1, 2] });
  });
});

