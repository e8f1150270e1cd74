import { describe, expect, it } from 'vitest';
import { verificationAnalysisFor, type VerificationSite } from '../../src/analysis/verify-sites.js';
import { knownString } from '../../src/analysis/values.js';
import keys from '../fixtures/keys.json' with { type: 'json' };
import { JS_FRONT_ENDS, TS_FRONT_ENDS, type FrontEnd } from '../support/front-ends.js';

const PEM = JSON.stringify(keys.rsaSpki);
const CERT = JSON.stringify(keys.certificate);
const JWK = JSON.stringify(keys.rsaJwk);

function sitesOf(frontEnd: FrontEnd, code: string): VerificationSite[] {
  return verificationAnalysisFor(frontEnd.parse(code)).sites();
}

function only(frontEnd: FrontEnd, code: string, apiId?: string): VerificationSite {
  const sites = sitesOf(frontEnd, code).filter((site) => !apiId || site.api.id === apiId);
  expect(sites, `sites of ${apiId ?? 'any'}`).toHaveLength(1);
  return sites[0]!;
}

describe.each(JS_FRONT_ENDS)('verification sites ($name)', (frontEnd) => {
  it('jsonwebtoken.verify with a PEM constant and options', () => {
    const site = only(frontEnd, `import jwt from 'jsonwebtoken';
      const PUBLIC_KEY = ${PEM};
      export function check(token) {
        return jwt.verify(token, PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'], clockTolerance: 5 });
      }`);
    expect(site).toMatchObject({ library: 'jsonwebtoken', role: 'verify', tokenKind: 'any' });
    expect(site.key).toMatchObject({ kind: 'material', material: { kind: 'pem', label: 'PUBLIC KEY' } });
    expect(knownString(site.issuer?.value)).toBe('https://acme.okta.com/oauth2/default');
    expect(knownString(site.audience?.value)).toBe('api://default');
    expect(site.algorithms?.value.kind).toBe('array');
    expect(site.clockTolerance?.value).toMatchObject({ kind: 'primitive', value: 5 });
    expect(site.token?.name).toBe('token');
  });

  it('jose: importSPKI / importX509 / importJWK / createLocalJWKSet reaching jwtVerify', () => {
    for (const [setup, kind] of [
      [`const key = await importSPKI(${PEM}, 'RS256');`, 'pem'],
      [`const key = await importX509(${CERT}, 'RS256');`, 'pem'],
      [`const key = await importJWK(${JWK}, 'RS256');`, 'jwk'],
      [`const key = createLocalJWKSet({ keys: [${JWK}] });`, 'jwks'],
    ] as const) {
      const site = only(frontEnd, `import { jwtVerify, importSPKI, importX509, importJWK, createLocalJWKSet } from 'jose';
        async function check(token) { ${setup} return jwtVerify(token, key, { issuer: ISSUER }); }`);
      expect(site.key, setup).toMatchObject({ kind: 'material', material: { kind } });
      expect(site.key?.kind === 'material' && site.key.via?.api.role).toMatch(/key-import|local-key-set/);
    }
  });

  it('jose: remote JWKS, EmbeddedJWK and key resolvers', () => {
    const remote = only(frontEnd, `import * as jose from 'jose';
      const JWKS = jose.createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));
      export const check = (token) => jose.jwtVerify(token, JWKS);`);
    expect(remote.key).toMatchObject({ kind: 'remote-jwks' });
    expect(remote.key?.kind === 'remote-jwks' && knownString(remote.key.url?.value)).toBe('https://acme.okta.com/oauth2/v1/keys');
    const embedded = only(frontEnd, `import { jwtVerify, EmbeddedJWK } from 'jose'; jwtVerify(token, EmbeddedJWK);`);
    expect(embedded.key?.kind).toBe('embedded-jwk');
  });

  it('@okta/jwt-verifier: the method takes issuer and client id from the constructor', () => {
    const site = only(
      frontEnd,
      `const OktaJwtVerifier = require('@okta/jwt-verifier');
      const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com', clientId: '0oa1b2c3d4e5f6g7h8i9' });
      module.exports = (req) => verifier.verifyAccessToken(req.headers.authorization.split(' ')[1], 'https://acme.okta.com');`,
      '@okta/jwt-verifier#verifyAccessToken',
    );
    expect(site.tokenKind).toBe('access');
    expect(knownString(site.issuer?.value)).toBe('https://acme.okta.com');
    expect(knownString(site.clientId?.value)).toBe('0oa1b2c3d4e5f6g7h8i9');
    expect(knownString(site.audience?.value)).toBe('https://acme.okta.com');
  });

  it('jwks-rsa resolvers passed to jsonwebtoken, express-jwt and passport-jwt', () => {
    const getKey = only(frontEnd, `const jwksClient = require('jwks-rsa'); const jwt = require('jsonwebtoken');
      const client = jwksClient({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' });
      function getKey(header, callback) { client.getSigningKey(header.kid, (err, key) => callback(err, key.getPublicKey())); }
      jwt.verify(token, getKey, { algorithms: ['RS256'] }, cb);`);
    expect(getKey.key).toMatchObject({ kind: 'resolver', remote: { kind: 'remote-jwks' } });
    expect(getKey.key?.kind === 'resolver' && knownString(getKey.key.remote?.url?.value)).toBe('https://acme.okta.com/oauth2/v1/keys');

    const express = only(frontEnd, `const { expressjwt } = require('express-jwt'); const jwksRsa = require('jwks-rsa');
      app.use(expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys' }), issuer: 'https://acme.okta.com/oauth2/default', algorithms: ['RS256'] }));`);
    expect(express).toMatchObject({ library: 'express-jwt', role: 'verifier', readsBearerHeader: true, key: { kind: 'remote-jwks' } });

    const passport = only(frontEnd, `const { Strategy, ExtractJwt } = require('passport-jwt');
      passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: ${PEM}, audience: '0oa1b2c3d4e5f6g7h8i9' }, done));`);
    expect(passport).toMatchObject({ library: 'passport-jwt', key: { kind: 'material' } });
    expect(knownString(passport.audience?.value)).toBe('0oa1b2c3d4e5f6g7h8i9');
    expect(passport.tokenFrom?.node.type).toMatch(/CallExpression/);
  });

  it('express-jwt v6, koa-jwt, fast-jwt, njwt, jwt-simple, jsrsasign, node-jose', () => {
    const cases: [string, string, string][] = [
      [`const jwt = require('express-jwt'); app.use(jwt({ secret: ${PEM}, algorithms: ['RS256'] }));`, 'express-jwt.default', 'material'],
      [`const koaJwt = require('koa-jwt'); app.use(koaJwt({ secret: ${PEM} }));`, 'koa-jwt.default', 'material'],
      [`const { createVerifier } = require('fast-jwt'); const verify = createVerifier({ key: ${PEM} }); verify(token);`, 'fast-jwt#verify', 'material'],
      [`const nJwt = require('njwt'); nJwt.verify(token, ${PEM}, 'RS256');`, 'njwt.verify', 'material'],
      [`const jwt = require('jwt-simple'); jwt.decode(token, ${PEM}, false, 'RS256');`, 'jwt-simple.decode', 'material'],
      [`const { KJUR, KEYUTIL } = require('jsrsasign'); KJUR.jws.JWS.verifyJWT(token, KEYUTIL.getKey(${CERT}), { alg: ['RS256'] });`, 'jsrsasign.KJUR.jws.JWS.verifyJWT', 'material'],
      [`const jose = require('node-jose'); const key = await jose.JWK.asKey(${JWK}); await jose.JWS.createVerify(key).verify(token);`, 'node-jose#verify', 'material'],
      [`const jwt = require('jsonwebtoken'); const { createPublicKey } = require('crypto'); jwt.verify(token, createPublicKey({ key: ${JWK}, format: 'jwk' }));`, 'jsonwebtoken.verify', 'material'],
      [`const jwt = require('jsonwebtoken'); const jwkToPem = require('jwk-to-pem'); jwt.verify(token, jwkToPem(${JWK}));`, 'jsonwebtoken.verify', 'material'],
    ];
    for (const [code, apiId, keyKind] of cases) {
      const site = only(frontEnd, `async function f() { ${code} }`, apiId);
      expect(site.key?.kind, code).toBe(keyKind);
    }
  });

  it('@fastify/jwt secret.public', () => {
    const site = only(frontEnd, `const fastifyJwt = require('@fastify/jwt');
      fastify.register(fastifyJwt, { secret: { public: ${PEM} }, verify: { allowedIss: 'https://acme.okta.com' } });`);
    expect(site.key?.kind).toBe('material');
    expect(knownString(site.issuer?.value)).toBe('https://acme.okta.com');
  });

  it('keys read from fixed files, and files that are not fixed', () => {
    const fixed = only(frontEnd, `const fs = require('fs'); const path = require('path'); const jwt = require('jsonwebtoken');
      const key = fs.readFileSync(path.join(__dirname, 'keys', 'okta.pem'), 'utf8'); jwt.verify(token, key);`);
    expect(fixed.key).toMatchObject({ kind: 'file', fixed: true });
    const relative = only(frontEnd, `import { readFileSync } from 'node:fs'; import jwt from 'jsonwebtoken'; jwt.verify(token, readFileSync('./keys/okta.pem'));`);
    expect(relative.key).toMatchObject({ kind: 'file', fixed: true });
    const mounted = only(frontEnd, `import { readFileSync } from 'fs'; import jwt from 'jsonwebtoken'; jwt.verify(token, readFileSync(process.env.KEY_PATH));`);
    expect(mounted.key).toMatchObject({ kind: 'file', fixed: false });
  });

  it('safe look-alikes: run-time PEM, generated keys, secrets, env keys, placeholders', () => {
    const x5c = only(frontEnd, `const jwt = require('jsonwebtoken');
      async function check(token) { const jwks = await (await fetch(url)).json();
        const pem = \`-----BEGIN CERTIFICATE-----\\n\${jwks.keys[0].x5c[0]}\\n-----END CERTIFICATE-----\`;
        return jwt.verify(token, pem); }`);
    expect(x5c.key?.kind).toBe('assembled-at-run-time');
    const generated = only(frontEnd, `const { generateKeyPairSync } = require('crypto'); const jwt = require('jsonwebtoken');
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }); jwt.verify(token, publicKey);`);
    expect(generated.key?.kind).toBe('generated');
    const hmac = only(frontEnd, `const jwt = require('jsonwebtoken'); jwt.verify(token, 'session-secret', { algorithms: ['HS256'] });`);
    expect(hmac.key?.kind).toBe('secret');
    const env = only(frontEnd, `const jwt = require('jsonwebtoken'); jwt.verify(token, process.env.PUBLIC_KEY);`);
    expect(env.key?.kind).toBe('unknown');
    const fallback = only(frontEnd, `const jwt = require('jsonwebtoken'); jwt.verify(token, process.env.PUBLIC_KEY ?? ${PEM});`);
    expect(fallback.key?.kind).toBe('material');
    const placeholder = only(frontEnd, `const jwt = require('jsonwebtoken'); jwt.verify(token, '');`);
    expect(placeholder.key?.kind).toBe('placeholder');
  });

  it('finds nothing in files without verification', () => {
    expect(sitesOf(frontEnd, `const x = require('lodash'); x.verify(token, 'k');`)).toEqual([]);
    expect(sitesOf(frontEnd, `import jwt from 'jsonwebtoken'; jwt.sign({}, 'k'); jwt.decode(t);`)).toEqual([]);
  });
});

describe.each(TS_FRONT_ENDS)('NestJS verification sites ($name)', (frontEnd) => {
  it('JwtModule.register, registerAsync, JwtService.verify and PassportStrategy classes', () => {
    const register = only(frontEnd, `import { JwtModule } from '@nestjs/jwt';
      @Module({ imports: [JwtModule.register({ publicKey: ${PEM}, verifyOptions: { issuer: 'https://acme.okta.com', algorithms: ['RS256'] } })] })
      export class AuthModule {}`);
    expect(register.key?.kind).toBe('material');
    expect(knownString(register.issuer?.value)).toBe('https://acme.okta.com');

    const async = only(frontEnd, `import { JwtModule } from '@nestjs/jwt';
      JwtModule.registerAsync({ useFactory: () => ({ publicKey: ${PEM}, verifyOptions: { audience: 'api://default' } }) });`);
    expect(async.key?.kind).toBe('material');
    expect(knownString(async.audience?.value)).toBe('api://default');

    const service = only(frontEnd, `import { JwtService } from '@nestjs/jwt';
      export class Guard { constructor(private readonly jwt: JwtService) {}
        check(token: string) { return this.jwt.verify(token, { publicKey: ${PEM}, issuer: 'https://acme.okta.com/oauth2/default' }); } }`);
    expect(service).toMatchObject({ api: { id: '@nestjs/jwt#verify' }, key: { kind: 'material' } });

    const strategy = only(frontEnd, `import { PassportStrategy } from '@nestjs/passport';
      import { ExtractJwt, Strategy } from 'passport-jwt';
      import { passportJwtSecret } from 'jwks-rsa';
      export class JwtStrategy extends PassportStrategy(Strategy) {
        constructor() { super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), issuer: \`https://\${process.env.OKTA_DOMAIN}\`,
          secretOrKeyProvider: passportJwtSecret({ jwksUri: \`https://\${process.env.OKTA_DOMAIN}/oauth2/v1/keys\` }) }); } }`);
    expect(strategy).toMatchObject({ library: 'passport-jwt', key: { kind: 'remote-jwks' } });
    expect(strategy.issuer?.value.kind).toBe('partial-string');
  });
});

describe.each(TS_FRONT_ENDS)('keys picked at run time from pinned collections ($name)', (frontEnd) => {
  it('a key map built from a pasted JWK Set, picked by kid', () => {
    const site = only(frontEnd, `import jwt from 'jsonwebtoken'; import jwkToPem from 'jwk-to-pem';
      const JWKS = { keys: [${JWK}] };
      const PEMS = Object.fromEntries(JWKS.keys.map((key) => [key.kid, jwkToPem(key)]));
      export const check = (token: string, kid: string) => { const pem = kid ? PEMS[kid] : undefined; return jwt.verify(token, pem!); };`);
    expect(site.key?.kind).toBe('material');
  });

  it('a Map of keys and either branch of a choice', () => {
    expect(only(frontEnd, `import jwt from 'jsonwebtoken'; const KEYS = new Map([['k1', ${PEM}]]); jwt.verify(token, KEYS.get(kid));`).key?.kind).toBe('material');
    expect(only(frontEnd, `import jwt from 'jsonwebtoken'; jwt.verify(token, legacy ? ${PEM} : await fetchKey());`).key?.kind).toBe('material');
  });

  it('collections of keys fetched at run time stay unknown', () => {
    const site = only(frontEnd, `import jwt from 'jsonwebtoken'; import jwkToPem from 'jwk-to-pem';
      const { keys } = await (await fetch(jwksUri)).json();
      const PEMS = Object.fromEntries(keys.map((key) => [key.kid, jwkToPem(key)]));
      jwt.verify(token, PEMS[kid]);`);
    expect(site.key?.kind).toBe('unknown');
  });
});

describe.each(TS_FRONT_ENDS)('keys kept in class members ($name)', (frontEnd) => {
  it.each([
    ['a field', `class V { private readonly key = ${PEM}; check(t: string) { return jwt.verify(t, this.key); } }`],
    ['a private field', `class V { #key = ${PEM}; check(t: string) { return jwt.verify(t, this.#key); } }`],
    ['a static field', `class V { static KEY = ${PEM}; check(t: string) { return jwt.verify(t, V.KEY); } }`],
    ['a constructor assignment', `class V { key: string; constructor() { this.key = ${PEM}; } check(t: string) { return jwt.verify(t, this.key); } }`],
  ])('%s', (_name, code) => {
    expect(only(frontEnd, `import jwt from 'jsonwebtoken'; ${code}`).key?.kind).toBe('material');
  });

  it('a member written twice, or injected, is not known', () => {
    expect(only(frontEnd, `import jwt from 'jsonwebtoken'; class V { key = ${PEM}; rotate(k: string) { this.key = k; } check(t: string) { return jwt.verify(t, this.key); } }`).key?.kind).toBe('unknown');
    expect(only(frontEnd, `import jwt from 'jsonwebtoken'; class V { constructor(private key: string) {} check(t: string) { return jwt.verify(t, this.key); } }`).key?.kind).toBe('unknown');
  });
});
