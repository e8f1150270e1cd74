import { describe, expect, it } from 'vitest';
import {
  apiAtExport,
  apiForAuthStrategy,
  apiOnMade,
  apiRegisteredAs,
  KNOWN_MODULES,
  LIBRARIES,
  LIBRARY_APIS,
  libraryApi,
  libraryOfModule,
} from '../../src/knowledge/libraries.js';

describe('the library table', () => {
  it('covers every library the plugin promises', () => {
    const ids = new Set(LIBRARIES.map((library) => library.id));
    for (const id of [
      'jsonwebtoken', 'jose', '@okta/jwt-verifier', 'jwks-rsa', 'express-jwt', 'passport-jwt', '@nestjs/jwt', '@fastify/jwt',
      'fast-jwt', 'koa-jwt', 'njwt', 'jwt-simple', 'jsrsasign', 'node-jose', 'jwk-to-pem', 'node:crypto',
      '@okta/okta-auth-js', '@okta/okta-react', '@okta/okta-angular', 'openid-client', 'next-auth', 'firebase-admin',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('gives each API a unique id, a known library, and a maker that exists', () => {
    const ids = LIBRARY_APIS.map((api) => api.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const api of LIBRARY_APIS) {
      expect(LIBRARIES.some((library) => library.id === api.library || api.library === 'jose-legacy'), api.id).toBe(true);
      if ('madeBy' in api.reach) expect(libraryApi(api.reach.madeBy), api.id).toBeDefined();
      if (api.role === 'verify') expect(api.token, api.id).toBeDefined();
    }
  });

  it('marks look-alikes with the reason their usage is correct', () => {
    const firebase = LIBRARIES.find((library) => library.id === 'firebase-admin');
    expect(firebase?.lookAlike).toMatch(/verifyIdToken/);
  });

  it('finds modules, with and without the node: prefix', () => {
    expect(libraryOfModule('crypto')?.id).toBe('node:crypto');
    expect(libraryOfModule('node:crypto')?.id).toBe('node:crypto');
    expect(libraryOfModule('fastify-jwt')?.id).toBe('@fastify/jwt');
    expect(libraryOfModule('left-pad')).toBeUndefined();
    expect(KNOWN_MODULES.has('jsonwebtoken')).toBe(true);
  });
});

describe('finding an API', () => {
  it('meets default, namespace and CommonJS access on one path', () => {
    expect(apiAtExport('jsonwebtoken', ['verify'])?.id).toBe('jsonwebtoken.verify');
    expect(apiAtExport('jsonwebtoken', ['default', 'verify'])?.id).toBe('jsonwebtoken.verify');
    expect(apiAtExport('jsonwebtoken', ['decode'])).toBeUndefined();
    expect(apiAtExport('@okta/jwt-verifier', ['default'])?.id).toBe('@okta/jwt-verifier.OktaJwtVerifier');
    expect(apiAtExport('@okta/jwt-verifier', [])?.id).toBe('@okta/jwt-verifier.OktaJwtVerifier');
  });

  it('tells express-jwt v6 from v7+', () => {
    expect(apiAtExport('express-jwt', [])?.id).toBe('express-jwt.default');
    expect(apiAtExport('express-jwt', ['expressjwt'])?.id).toBe('express-jwt.expressjwt');
  });

  it('tells jose v2 from jose v4+ on the same module name', () => {
    expect(apiAtExport('jose', ['jwtVerify'])?.library).toBe('jose');
    expect(apiAtExport('jose', ['JWT', 'verify'])?.library).toBe('jose-legacy');
    expect(apiAtExport('node-jose', ['JWK', 'asKey'])?.library).toBe('node-jose');
    expect(apiAtExport('jose/jwt/verify', ['jwtVerify'])?.id).toBe('jose.jwtVerify');
  });

  it('finds methods of made values and registered plugins', () => {
    expect(apiOnMade('@okta/jwt-verifier.OktaJwtVerifier', ['verifyAccessToken'])?.tokenKind).toBe('access');
    expect(apiOnMade('@okta/jwt-verifier.OktaJwtVerifier', ['verifyIdToken'])?.tokenKind).toBe('id');
    expect(apiOnMade('fast-jwt.createVerifier', [])?.role).toBe('verify');
    expect(apiRegisteredAs('@fastify/jwt', ['default'])?.id).toBe('@fastify/jwt.register');
    expect(apiRegisteredAs('fastify-jwt', [])?.id).toBe('@fastify/jwt.register');
  });

  it('does not know calls of unrelated modules', () => {
    expect(apiAtExport('firebase-admin', ['auth', 'verifyIdToken'])).toBeUndefined();
    expect(apiAtExport('lodash', ['verify'])).toBeUndefined();
  });
});

describe('mentionsKnownModule', async () => {
  const { mentionsKnownModule } = await import('../../src/knowledge/libraries.js');
  it('finds quoted module names only', () => {
    expect(mentionsKnownModule(`import jwt from 'jsonwebtoken';`)).toBe(true);
    expect(mentionsKnownModule(`const f = require("@fastify/jwt")`)).toBe(true);
    expect(mentionsKnownModule('await import(`jose`)')).toBe(true);
    expect(mentionsKnownModule(`import { x } from 'node:crypto'`)).toBe(true);
    expect(mentionsKnownModule(`// we use jose and crypto here`)).toBe(false);
    expect(mentionsKnownModule(`import x from 'jose-utils'`)).toBe(false);
  });
});

describe('hapi auth strategies', () => {
  it('takes the plugin the file imports', () => {
    expect(apiForAuthStrategy('jwt', new Set(['hapi-auth-jwt2']), [])?.id).toBe('hapi-auth-jwt2.strategy');
    expect(apiForAuthStrategy('jwt', new Set(['@hapi/jwt']), ['key'])?.id).toBe('@hapi/jwt.strategy');
  });

  it('tells the plugins apart by option names when another module registered it, and guesses nothing else', () => {
    expect(apiForAuthStrategy('jwt', new Set(['@hapi/hapi']), ['key', 'verifyOptions', 'validate'])?.id).toBe('hapi-auth-jwt2.strategy');
    expect(apiForAuthStrategy('jwt', new Set(), ['keys', 'verify', 'validate'])?.id).toBe('@hapi/jwt.strategy');
    expect(apiForAuthStrategy('jwt', new Set(), ['validate'])).toBeUndefined();
    expect(apiForAuthStrategy('basic', new Set(['hapi-auth-jwt2']), ['key'])).toBeUndefined();
  });

  it('knows the verifier libraries of issue 17', () => {
    for (const [module, path] of [
      ['aws-jwt-verify', ['JwtRsaVerifier', 'create']],
      ['express-oauth2-jwt-bearer', ['auth']],
      ['jwks-rsa', ['hapiJwt2Key']],
      ['jwks-rsa', ['hapiJwt2KeyAsync']],
      ['@hapi/jwt', ['token', 'verify']],
    ] as const) {
      expect(apiAtExport(module, path), `${module} ${path.join('.')}`).toBeDefined();
    }
    expect(apiOnMade('aws-jwt-verify.JwtRsaVerifier.create', ['cacheJwks'])?.role).toBe('local-key-set');
    expect(apiAtExport('node:crypto', ['publicEncrypt'])?.role).toBe('encrypt');
    expect(apiAtExport('jsonwebtoken', ['sign'])?.role).toBe('sign');
  });
});
