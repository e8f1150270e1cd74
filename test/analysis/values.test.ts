import { describe, expect, it } from 'vitest';
import { certaintyOf, evaluatorFor, knownString, possibleStrings, toPlain, type StaticValue } from '../../src/analysis/values.js';
import type { AstNode } from '../../src/analysis/syntax.js';
import { describePartialString } from '../../src/knowledge/partial-string.js';
import { initOf, JS_FRONT_ENDS, TS_FRONT_ENDS, type FrontEnd } from '../support/front-ends.js';

function valueOf(frontEnd: FrontEnd, code: string, name = 'target'): StaticValue {
  const root = frontEnd.parse(code);
  return evaluatorFor(root).evaluate(initOf(root, name));
}

const PEM_LINES = ['-----BEGIN PUBLIC KEY-----', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo', '-----END PUBLIC KEY-----'];
const PEM = PEM_LINES.join('\n');

describe.each(JS_FRONT_ENDS)('static values ($name)', (frontEnd) => {
  it.each([
    ['a string literal', `const target = 'https://acme.okta.com';`],
    ['a const binding', `const ISSUER = 'https://acme.okta.com'; const target = ISSUER;`],
    ['a let never reassigned', `let ISSUER = 'https://acme.okta.com'; const target = ISSUER;`],
    ['a template of known parts', "const ORG = 'acme'; const target = `https://${ORG}.okta.com`;"],
    ['a concatenation', `const ORG = 'https://acme'; const target = ORG + '.okta' + '.com';`],
    ['a member of a const object', `const config = { okta: { issuer: 'https://acme.okta.com' } }; const target = config.okta.issuer;`],
    ['a computed member', `const config = { 'issuer': 'https://acme.okta.com' }; const target = config['issuer'];`],
    ['a destructured member', `const { okta: { issuer: target } } = { okta: { issuer: 'https://acme.okta.com' } }; const x = 1;`],
    ['a spread object', `const base = { issuer: 'https://acme.okta.com' }; const config = { ...base, audience: 'x' }; const target = config.issuer;`],
    ['an array element', `const issuers = ['https://acme.okta.com']; const target = issuers[0];`],
    ['a ternary on a known test', `const prod = true; const target = prod ? 'https://acme.okta.com' : 'https://dev.okta.com';`],
    ['a nullish fallback of null', `const target = null ?? 'https://acme.okta.com';`],
    ['String() and trim()', `const target = String(' https://acme.okta.com ').trim();`],
    ['a string replace', `const target = 'https://acme.okta.com/x'.replace('/x', '');`],
    ['new URL()', `const target = new URL('https://acme.okta.com');`],
    ['new URL(path, base)', `const target = new URL('/', 'https://acme.okta.com');`],
  ])('%s', (_name, code) => {
    const value = code.includes('issuer: target') ? valueOf(frontEnd, code.replace('const x = 1;', 'const y = target;'), 'y') : valueOf(frontEnd, code);
    expect(knownString(value)?.replace(/\/$/, '')).toBe('https://acme.okta.com');
    expect(certaintyOf(value)).toBe('known');
  });

  it('joins arrays of lines and keeps escapes', () => {
    const code = `const target = [${PEM_LINES.map((line) => `'${line}'`).join(', ')}].join('\\n');`;
    expect(knownString(valueOf(frontEnd, code))).toBe(PEM);
    const escaped = `const target = '${PEM_LINES.join('\\n')}';`;
    expect(knownString(valueOf(frontEnd, escaped))).toBe(PEM);
  });

  it('reads line-continued strings', () => {
    const code = `const target = '${PEM_LINES[0]}\\n\\\n${PEM_LINES[1]}\\n\\\n${PEM_LINES[2]}';`;
    expect(knownString(valueOf(frontEnd, code))).toBe(PEM);
  });

  it('parses JSON written in the source', () => {
    const value = valueOf(frontEnd, `const target = JSON.parse('{"keys":[{"kty":"RSA","n":"abc","e":"AQAB"}]}');`);
    expect(toPlain(value)).toEqual({ keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB' }] });
  });

  it('keeps the unknown parts of a template as named holes', () => {
    const value = valueOf(frontEnd, "const target = `https://${process.env.OKTA_DOMAIN}/oauth2/${AUTH_SERVER_ID}`;");
    expect(value.kind).toBe('partial-string');
    expect(certaintyOf(value)).toBe('partial');
    expect(describePartialString(possibleStrings(value)[0]!)).toBe('https://${OKTA_DOMAIN}/oauth2/${AUTH_SERVER_ID}');
  });

  it('an environment variable with a fallback: the fallback is one possible value', () => {
    for (const operator of ['??', '||']) {
      const value = valueOf(frontEnd, `const target = process.env.OKTA_ISSUER ${operator} 'https://acme.okta.com';`);
      expect(value.kind).toBe('either');
      expect(certaintyOf(value)).toBe('partial');
      expect(possibleStrings(value).map(describePartialString)).toEqual(['${OKTA_ISSUER}', 'https://acme.okta.com']);
    }
  });

  it('names where unknown values come from', () => {
    expect(valueOf(frontEnd, `const target = process.env.OKTA_CLIENT_ID;`)).toMatchObject({ kind: 'unknown', origin: 'env', hint: 'OKTA_CLIENT_ID' });
    expect(valueOf(frontEnd, `const target = process.env['OKTA_CLIENT_ID'];`)).toMatchObject({ kind: 'unknown', origin: 'env', hint: 'OKTA_CLIENT_ID' });
    expect(valueOf(frontEnd, `import config from './config'; const target = config.okta.clientId;`)).toMatchObject({ kind: 'unknown', hint: 'clientId', path: 'config.okta.clientId' });
    expect(valueOf(frontEnd, `function f(clientId) { const target = clientId; }`)).toMatchObject({ kind: 'unknown', origin: 'parameter', hint: 'clientId' });
    expect(valueOf(frontEnd, `const target = fetchKey();`)).toMatchObject({ kind: 'unknown', origin: 'call', hint: 'fetchKey' });
  });

  it('never guesses', () => {
    expect(certaintyOf(valueOf(frontEnd, `let url = 'https://a.okta.com'; url = other; const target = url;`))).toBe('unknown');
    expect(certaintyOf(valueOf(frontEnd, `const target = cond ? process.env.A : process.env.B;`))).toBe('unknown');
    expect(certaintyOf(valueOf(frontEnd, `const target = a + b;`))).toBe('unknown');
    expect(certaintyOf(valueOf(frontEnd, `const c = { a: 1, ...other }; const target = c;`))).toBe('partial');
    expect(valueOf(frontEnd, `const c = { a: 1, ...other }; const target = c.b;`).kind).toBe('unknown');
    expect(valueOf(frontEnd, `const target = x.y;`).kind).toBe('unknown');
  });

  it('survives cycles and deep nesting', () => {
    expect(valueOf(frontEnd, `const a = b; const b = a; const target = a;`).kind).toBe('unknown');
    const deep = `const target = ${'('.repeat(200)}'x'${')'.repeat(200)};`;
    expect(knownString(valueOf(frontEnd, deep))).toBe('x');
    const chain = Array.from({ length: 300 }, (_, i) => `const v${i + 1} = v${i};`).join('\n');
    const value = valueOf(frontEnd, `const v0 = 'x';\n${chain}\nconst target = v300;`);
    expect(['string', 'unknown']).toContain(value.kind);
  });

  it('functions are values', () => {
    expect(valueOf(frontEnd, `const target = (header, cb) => cb(null, key);`).kind).toBe('function');
    expect(valueOf(frontEnd, `function getKey() {} const target = getKey;`).kind).toBe('function');
  });
});

describe.each(TS_FRONT_ENDS)('TypeScript values ($name)', (frontEnd) => {
  it('sees through as const, satisfies and non-null assertions', () => {
    const code = `const config = { issuer: 'https://acme.okta.com' } as const satisfies Record<string, string>; const target = config!.issuer as string;`;
    expect(knownString(valueOf(frontEnd, code))).toBe('https://acme.okta.com');
  });

  it('asks type information for imported constants', () => {
    const root = frontEnd.parse(`import { ISSUER } from './config'; const target = ISSUER;`);
    const asked: string[] = [];
    const evaluator = evaluatorFor(root, {
      literalValueOf(node: AstNode) {
        asked.push(node.name as string);
        return node.name === 'ISSUER' ? 'https://acme.okta.com' : undefined;
      },
    });
    expect(knownString(evaluator.evaluate(initOf(root, 'target')))).toBe('https://acme.okta.com');
    expect(asked).toContain('ISSUER');
  });
});

describe.each(JS_FRONT_ENDS)('callbacks over known arrays ($name)', (frontEnd) => {
  it('the element parameter holds one of the elements', () => {
    const root = frontEnd.parse(`const ISSUERS = ['https://a.okta.com', 'https://b.okta.com']; ISSUERS.forEach((issuer) => { const target = issuer; });`);
    const value = evaluatorFor(root).evaluate(initOf(root, 'target'));
    expect(possibleStrings(value).map(describePartialString)).toEqual(['https://a.okta.com', 'https://b.okta.com']);
  });

  it('other parameters and unknown arrays stay unknown', () => {
    expect(valueOf(frontEnd, `const A = ['x']; A.map((item, index) => { const target = index; });`).kind).toBe('unknown');
    expect(valueOf(frontEnd, `list.map((item) => { const target = item; });`).kind).toBe('unknown');
  });
});
