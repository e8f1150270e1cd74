import { describe, expect, it } from 'vitest';
import { resolverFor, type Entity } from '../../src/analysis/imports.js';
import { isCallExpression, unwrap, type AstNode } from '../../src/analysis/syntax.js';
import { findNode, JS_FRONT_ENDS, TS_FRONT_ENDS, type FrontEnd } from '../support/front-ends.js';

/** The API called by the call whose callee text ends the file's `target(...)` marker statement. */
function apiIdOfTarget(frontEnd: FrontEnd, code: string): string | undefined {
  const root = frontEnd.parse(code);
  const resolver = resolverFor(root);
  const label = findNode(root, 'LabeledStatement', (node) => node.label.name === 'target');
  const expression = unwrap(label.body.expression as AstNode);
  const call = expression.type === 'AwaitExpression' ? unwrap(expression.argument as AstNode) : expression;
  return resolver.apiCall(call)?.api.id;
}

function entityOfTarget(frontEnd: FrontEnd, code: string): Entity {
  const root = frontEnd.parse(code);
  const label = findNode(root, 'LabeledStatement', (node) => node.label.name === 'target');
  return resolverFor(root).entityOf(label.body.expression as AstNode);
}

describe.each(JS_FRONT_ENDS)('imports by binding ($name)', (frontEnd) => {
  it.each([
    ['ESM default import', `import jwt from 'jsonwebtoken'; target: jwt.verify(t, k);`],
    ['ESM named import', `import { verify } from 'jsonwebtoken'; target: verify(t, k);`],
    ['aliased named import', `import { verify as check } from 'jsonwebtoken'; target: check(t, k);`],
    ['namespace import', `import * as jwt from 'jsonwebtoken'; target: jwt.verify(t, k);`],
    ['namespace default interop', `import * as jwt from 'jsonwebtoken'; target: jwt.default.verify(t, k);`],
    ['require', `const jwt = require('jsonwebtoken'); target: jwt.verify(t, k);`],
    ['require inside a function', `function f() { const jwt = require('jsonwebtoken'); target: jwt.verify(t, k); }`],
    ['destructured require', `const { verify } = require('jsonwebtoken'); target: verify(t, k);`],
    ['destructured and renamed', `const { verify: check } = require('jsonwebtoken'); target: check(t, k);`],
    ['member of require', `const verify = require('jsonwebtoken').verify; target: verify(t, k);`],
    ['inline require', `target: require('jsonwebtoken').verify(t, k);`],
    ['compiled interop', `const jwt = __importDefault(require('jsonwebtoken')); target: jwt.default.verify(t, k);`],
    ['sequence call', `const jwt_1 = require('jsonwebtoken'); target: (0, jwt_1.verify)(t, k);`],
    ['node: prefix and aliases through const', `const lib = require('jsonwebtoken'); const alias = lib; target: alias.verify(t, k);`],
  ])('%s', (_name, code) => {
    expect(apiIdOfTarget(frontEnd, code)).toBe('jsonwebtoken.verify');
  });

  it('dynamic import', () => {
    expect(apiIdOfTarget(frontEnd, `async function f() { const { jwtVerify } = await import('jose'); target: await jwtVerify(t, k); }`)).toBe('jose.jwtVerify');
  });

  it('does not match by method name alone', () => {
    expect(apiIdOfTarget(frontEnd, `const jwt = require('./my-jwt'); target: jwt.verify(t, k);`)).toBeUndefined();
    expect(apiIdOfTarget(frontEnd, `target: jwt.verify(t, k);`)).toBeUndefined();
    expect(apiIdOfTarget(frontEnd, `import jwt from 'jsonwebtoken'; function f(jwt) { target: jwt.verify(t, k); }`)).toBeUndefined();
    expect(apiIdOfTarget(frontEnd, `let jwt = require('jsonwebtoken'); jwt = other; target: jwt.verify(t, k);`)).toBeUndefined();
  });

  it('instances made with new and kept in variables', () => {
    const code = `const OktaJwtVerifier = require('@okta/jwt-verifier');
      const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });
      target: verifier.verifyAccessToken(token, 'api://default');`;
    expect(apiIdOfTarget(frontEnd, code)).toBe('@okta/jwt-verifier#verifyAccessToken');
    const root = frontEnd.parse(code);
    const call = findNode(root, 'CallExpression', (node) => node.callee.property?.name === 'verifyAccessToken');
    const resolved = resolverFor(root).apiCall(call);
    expect(resolved?.maker?.api.id).toBe('@okta/jwt-verifier.OktaJwtVerifier');
  });

  it('instances kept in class fields and this.x', () => {
    const code = `import OktaJwtVerifier from '@okta/jwt-verifier';
      class Auth {
        verifier = new OktaJwtVerifier({ issuer });
        other;
        constructor() { this.other = new OktaJwtVerifier({ issuer }); }
        check(t) { target: this.verifier.verifyIdToken(t, 'x'); }
        check2(t) { return this.other.verifyAccessToken(t, 'x'); }
        nested(t) { return function () { return this.verifier.verifyIdToken(t); }; }
      }`;
    expect(apiIdOfTarget(frontEnd, code)).toBe('@okta/jwt-verifier#verifyIdToken');
    const root = frontEnd.parse(code);
    const resolver = resolverFor(root);
    const second = findNode(root, 'CallExpression', (node) => node.callee.property?.name === 'verifyAccessToken');
    expect(resolver.apiCall(second)?.api.id).toBe('@okta/jwt-verifier#verifyAccessToken');
    // `this` inside a plain function is not the class instance.
    const nested = findNode(root, 'ReturnStatement', (node) => node.argument?.type === 'FunctionExpression');
    const inner = findNode(nested, 'CallExpression');
    expect(resolver.apiCall(inner)).toBeUndefined();
  });

  it('factories whose result is called (fast-jwt)', () => {
    const code = `const { createVerifier } = require('fast-jwt'); const verify = createVerifier({ key }); target: verify(token);`;
    expect(apiIdOfTarget(frontEnd, code)).toBe('fast-jwt#verify');
  });

  it('plugins registered on a framework instance (@fastify/jwt)', () => {
    expect(apiIdOfTarget(frontEnd, `import fastifyJwt from '@fastify/jwt'; target: app.register(fastifyJwt, { secret });`)).toBe('@fastify/jwt.register');
    expect(apiIdOfTarget(frontEnd, `target: app.register(require('@fastify/jwt'), { secret });`)).toBe('@fastify/jwt.register');
    expect(apiIdOfTarget(frontEnd, `import cors from '@fastify/cors'; target: app.register(cors, {});`)).toBeUndefined();
  });

  it('module entities carry their path', () => {
    expect(entityOfTarget(frontEnd, `import { KJUR } from 'jsrsasign'; target: KJUR.jws.JWS.verifyJWT;`)).toEqual({
      kind: 'module',
      module: 'jsrsasign',
      path: ['KJUR', 'jws', 'JWS', 'verifyJWT'],
    });
  });
});

describe.each(TS_FRONT_ENDS)('TypeScript import forms ($name)', (frontEnd) => {
  it('import x = require()', () => {
    expect(apiIdOfTarget(frontEnd, `import jwt = require('jsonwebtoken'); target: jwt.verify(t, k);`)).toBe('jsonwebtoken.verify');
  });

  it('type assertions and non-null assertions are transparent', () => {
    expect(apiIdOfTarget(frontEnd, `import jwt from 'jsonwebtoken'; target: (jwt as any).verify(t!, k as string);`)).toBe('jsonwebtoken.verify');
  });

  it('instances injected by type (NestJS JwtService, Angular OktaAuth)', () => {
    const code = `import { JwtService } from '@nestjs/jwt';
      class Guard { constructor(private readonly jwtService: JwtService) {}
        canActivate(t: string) { target: this.jwtService.verify(t, { publicKey }); } }`;
    expect(apiIdOfTarget(frontEnd, code)).toBe('@nestjs/jwt#verify');
    const angular = `import { OktaAuth } from '@okta/okta-auth-js';
      class Interceptor { constructor(@Inject(OKTA_AUTH) private oktaAuth: OktaAuth) {}
        intercept() { target: this.oktaAuth.getIdToken(); } }`;
    expect(apiIdOfTarget(frontEnd, angular)).toBe('@okta/okta-auth-js.OktaAuth#getIdToken');
    const field = `import { JwtService } from '@nestjs/jwt';
      class Guard { @Inject() private jwt: JwtService; check(t: string) { target: this.jwt.verifyAsync(t); } }`;
    expect(apiIdOfTarget(frontEnd, field)).toBe('@nestjs/jwt#verifyAsync');
  });

  it('super() of passport strategies, directly or through PassportStrategy()', () => {
    const nest = `import { PassportStrategy } from '@nestjs/passport';
      import { ExtractJwt, Strategy } from 'passport-jwt';
      export class JwtStrategy extends PassportStrategy(Strategy) {
        constructor() { target: super({ secretOrKey: key }); } }`;
    expect(apiIdOfTarget(frontEnd, nest)).toBe('passport-jwt.Strategy');
    const direct = `import { Strategy } from 'passport-jwt'; class S extends Strategy { constructor() { target: super({}); } }`;
    expect(apiIdOfTarget(frontEnd, direct)).toBe('passport-jwt.Strategy');
    const other = `import { Strategy } from 'passport-local'; class S extends PassportStrategy(Strategy) { constructor() { target: super({}); } }`;
    expect(apiIdOfTarget(frontEnd, other)).toBeUndefined();
  });

  it('NestJS module registration', () => {
    expect(apiIdOfTarget(frontEnd, `import { JwtModule } from '@nestjs/jwt'; target: JwtModule.register({ publicKey });`)).toBe('@nestjs/jwt.JwtModule.register');
  });

  it('React hooks that hand out an OktaAuth', () => {
    const code = `import { useOktaAuth } from '@okta/okta-react';
      function Component() { const { oktaAuth } = useOktaAuth(); target: oktaAuth.getIdToken(); }`;
    expect(apiIdOfTarget(frontEnd, code)).toBe('@okta/okta-react.useOktaAuth#oktaAuth.getIdToken');
  });
});

describe('an analysis is built once per tree', () => {
  it('returns the same resolver for the same tree', () => {
    const root = TS_FRONT_ENDS[0]!.parse(`import jwt from 'jsonwebtoken'; jwt.verify(a, b);`);
    expect(resolverFor(root)).toBe(resolverFor(root));
    const call = findNode(root, 'CallExpression');
    expect(isCallExpression(call)).toBe(true);
  });
});
