import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/no-org-as-local-verification.js';
import { at } from '../support/positions.js';

const ruleTester = new RuleTester();
const js = { languageOptions: { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } } };
const OKTA = `import OktaJwtVerifier from '@okta/jwt-verifier';`;

type MessageId = 'orgIssuer' | 'orgKeys' | 'orgAudience' | 'malformedIssuer';
interface Expected {
  data?: Record<string, string>;
  /** Each suggestion's output; the rule's only suggestion is the switch to a custom authorization server. */
  suggestions?: string[];
  options?: [{ orgIssuers: string[] }];
}

/** One report at the first occurrence of `needle`, with its position computed from the code. */
function invalid(code: string, needle: string, messageId: MessageId, expected: Expected = {}) {
  return {
    code,
    ...(expected.options ? { options: expected.options } : {}),
    errors: [
      {
        messageId,
        ...at(code, needle),
        ...(expected.data ? { data: expected.data } : {}),
        suggestions: (expected.suggestions ?? []).map((output) => ({ messageId: 'useCustomAuthorizationServer' as const, output })),
      },
    ],
  };
}

/** The code with each `[from, to]` replaced once: the expected output of a suggestion. */
function edited(code: string, ...edits: [string, string][]): string {
  return edits.reduce((text, [from, to]) => text.replace(from, to), code);
}

ruleTester.run('no-org-as-local-verification', rule, {
  valid: [
    // Custom authorization servers, however the URL is built.
    `${OKTA} const v = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' }); v.verifyAccessToken(t, 'api://default');`,
    `${OKTA} const v = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9' }); v.verifyAccessToken(t, 'api://orders');`,
    `${OKTA} const v = new OktaJwtVerifier({ issuer: \`https://\${process.env.OKTA_DOMAIN}/oauth2/\${process.env.AUTH_SERVER_ID}\` }); v.verifyAccessToken(t, aud);`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose'; const JWKS = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys')); jwtVerify(t, JWKS, { issuer: 'https://acme.okta.com/oauth2/default' });`,
    // Other providers whose issuers have no path.
    `import { jwtVerify, createRemoteJWKSet } from 'jose'; jwtVerify(t, createRemoteJWKSet(new URL('https://tenant.auth0.com/.well-known/jwks.json')), { issuer: 'https://tenant.auth0.com/' });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, getKey, { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123' });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, getKey, { issuer: 'https://login.microsoftonline.com/7f1c2d3e/v2.0' });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, getKey, { issuer: 'https://sso.acme.com/realms/acme' });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, getKey, { issuer: 'https://accounts.google.com' });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, getKey, { issuer: 'https://login.acme.com' });`,
    // Unknown issuers and hosts that do not say Okta.
    `${OKTA} const v = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER }); v.verifyAccessToken(t, aud);`,
    `${OKTA} const v = new OktaJwtVerifier({ issuer: \`https://\${domain}\` }); v.verifyAccessToken(t, aud);`,
    // The org server used for what it is for: sign-in clients.
    `import { OktaAuth } from '@okta/okta-auth-js'; export const oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com', clientId: '0oa1b2c3d4e5f6g7h8i9' });`,
    `import { Issuer } from 'openid-client'; const issuer = await Issuer.discover('https://acme.okta.com');`,
    `import * as client from 'openid-client'; const config = await client.discovery(new URL('https://acme.okta.com'), clientId);`,
    `import OktaProvider from 'next-auth/providers/okta'; export const providers = [OktaProvider({ clientId, clientSecret, issuer: 'https://acme.okta.com' })];`,
    // ID tokens verified at sign-in.
    `${OKTA} const v = new OktaJwtVerifier({ issuer: 'https://acme.okta.com', clientId }); await v.verifyIdToken(tokens.id_token, clientId, nonce);`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose'; const orgKeys = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));
     const tokens = await exchange(code); await jwtVerify(tokens.id_token, orgKeys, { issuer: 'https://acme.okta.com', audience: process.env.OKTA_CLIENT_ID });`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose'; const orgKeys = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));
     export const check = (token) => jwtVerify(token, orgKeys, { issuer: 'https://acme.okta.com', audience: '0oa1b2c3d4e5f6g7h8i9' });`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose'; const orgKeys = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));
     export const checkIdToken = (idToken) => jwtVerify(idToken, orgKeys, { issuer: 'https://acme.okta.com' });`,
    `${OKTA} const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' }); export default verifier; verifier.verifyIdToken(t, clientId, nonce);`,
    // Introspection and token exchange against the org server.
    `const res = await fetch('https://acme.okta.com/oauth2/v1/introspect', { method: 'POST', body: new URLSearchParams({ token, token_type_hint: 'access_token' }) });`,
    `await fetch('https://acme.okta.com/oauth2/v1/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: idToken }) });`,
    // Look-alike modules.
    `import OktaJwtVerifier from './okta-jwt-verifier'; const v = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' }); v.verifyAccessToken(t, 'x');`,
    { code: `const OktaJwtVerifier = require('@okta/jwt-verifier'); const v = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' }); v.verifyAccessToken(t, 'api://default');`, ...js },
  ],
  invalid: [
    (() => {
      const code = `${OKTA}\nconst verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });\nexport const check = (token) => verifier.verifyAccessToken(token, 'https://acme.okta.com');`;
      return invalid(code, `'https://acme.okta.com'`, 'orgIssuer', {
        data: { issuer: 'https://acme.okta.com', customIssuer: 'https://acme.okta.com/oauth2/default' },
        suggestions: [edited(code, [`'https://acme.okta.com'`, `'https://acme.okta.com/oauth2/default'`], [`'https://acme.okta.com');`, `'api://default');`])],
      });
    })(),
    (() => {
      // A const issuer: reported where it is used, edited where it is written.
      const code = `${OKTA}\nconst ISSUER = 'https://dev-123456.oktapreview.com/';\nconst v = new OktaJwtVerifier({ issuer: ISSUER });\nv.verifyAccessToken(t, aud);`;
      const result = invalid(code, 'ISSUER', 'orgIssuer', {
        suggestions: [edited(code, [`'https://dev-123456.oktapreview.com/'`, `'https://dev-123456.oktapreview.com/oauth2/default'`])],
      });
      return { ...result, errors: [{ ...result.errors[0]!, ...at(code, 'ISSUER', 2) }] };
    })(),
    (() => {
      // A template on the Okta domain variable.
      const code = `${OKTA}\nconst v = new OktaJwtVerifier({ issuer: \`https://\${process.env.OKTA_DOMAIN}\` });\nv.verifyAccessToken(t, aud);`;
      return invalid(code, '`https://${process.env.OKTA_DOMAIN}`', 'orgIssuer', {
        data: { issuer: 'https://${OKTA_DOMAIN}', customIssuer: 'https://${OKTA_DOMAIN}/oauth2/default' },
        suggestions: [edited(code, ['OKTA_DOMAIN}`', 'OKTA_DOMAIN}/oauth2/default`'])],
      });
    })(),
    (() => {
      // An environment variable whose fallback is an org URL.
      const code = `${OKTA}\nconst v = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER ?? 'https://acme.okta-emea.com' });\nv.verifyAccessToken(t, aud);`;
      return invalid(code, `process.env.OKTA_ISSUER ?? 'https://acme.okta-emea.com'`, 'orgIssuer', {
        suggestions: [edited(code, [`'https://acme.okta-emea.com'`, `'https://acme.okta-emea.com/oauth2/default'`])],
      });
    })(),
    (() => {
      // An org keys URL with an unknown issuer, on a verifier exported for others to use.
      const code = `${OKTA}\nexport const verifier = new OktaJwtVerifier({ issuer: process.env.ISSUER, jwksUri: 'https://acme.okta.com/oauth2/v1/keys' });`;
      return invalid(code, `'https://acme.okta.com/oauth2/v1/keys'`, 'orgKeys', {
        data: { url: 'https://acme.okta.com/oauth2/v1/keys', customIssuer: 'https://acme.okta.com/oauth2/default' },
        suggestions: [edited(code, ['/oauth2/v1/keys', '/oauth2/default/v1/keys'])],
      });
    })(),
    (() => {
      // A verifier exported directly, for other modules to call verifyAccessToken on.
      const code = `const OktaJwtVerifier = require('@okta/jwt-verifier');\nmodule.exports = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER || 'https://acme.okta.com' });`;
      return invalid(code, `process.env.OKTA_ISSUER || 'https://acme.okta.com'`, 'orgIssuer', {
        suggestions: [edited(code, [`'https://acme.okta.com'`, `'https://acme.okta.com/oauth2/default'`])],
      });
    })(),
    (() => {
      // jose with an org issuer: both the issuer and the keys move to the custom server.
      const code = `import { jwtVerify, createRemoteJWKSet } from 'jose';\nconst JWKS = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));\nexport const check = (token) => jwtVerify(token, JWKS, { issuer: 'https://acme.okta.com' });`;
      return invalid(code, `'https://acme.okta.com' }`.slice(0, -2), 'orgIssuer', {
        suggestions: [edited(code, ['/oauth2/v1/keys', '/oauth2/default/v1/keys'], [`issuer: 'https://acme.okta.com'`, `issuer: 'https://acme.okta.com/oauth2/default'`])],
      });
    })(),
    (() => {
      // An issuer constant that also builds the keys URL and is the audience: each value is edited once (issue 19).
      const code = `import { jwtVerify, createRemoteJWKSet } from 'jose';\nconst ISSUER = 'https://acme.okta.com';\nconst JWKS = createRemoteJWKSet(new URL(\`\${ISSUER}/oauth2/v1/keys\`));\nexport const check = (token) => jwtVerify(token, JWKS, { issuer: ISSUER, audience: ISSUER });`;
      const expected = invalid(code, 'ISSUER', 'orgIssuer', {
        suggestions: [edited(code, [`'https://acme.okta.com'`, `'https://acme.okta.com/oauth2/default'`], ['/oauth2/v1/keys', '/v1/keys'], ['audience: ISSUER', `audience: 'api://default'`])],
      });
      return { ...expected, errors: [{ ...expected.errors[0]!, ...at(code, 'ISSUER', 3) }] };
    })(),
    (() => {
      // Org keys built on an unknown origin.
      const code = `import * as jose from 'jose';\nconst JWKS = jose.createRemoteJWKSet(new URL(\`\${process.env.ORG}/oauth2/v1/keys\`));\nexport const check = (token) => jose.jwtVerify(token, JWKS);`;
      return invalid(code, '`${process.env.ORG}/oauth2/v1/keys`', 'orgKeys', {
        data: { url: '${ORG}/oauth2/v1/keys', customIssuer: '${ORG}/oauth2/default' },
        suggestions: [edited(code, ['/oauth2/v1/keys', '/oauth2/default/v1/keys'])],
      });
    })(),
    (() => {
      // jsonwebtoken with a jwks-rsa resolver on org keys, in plain JavaScript.
      const code = `const jwt = require('jsonwebtoken');\nconst jwksClient = require('jwks-rsa');\nconst client = jwksClient({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' });\nfunction getKey(header, cb) { client.getSigningKey(header.kid, (e, k) => cb(e, k.getPublicKey())); }\njwt.verify(req.headers.authorization.split(' ')[1], getKey, {}, done);`;
      return { ...invalid(code, `'https://acme.okta.com/oauth2/v1/keys'`, 'orgKeys', { suggestions: [edited(code, ['/oauth2/v1/keys', '/oauth2/default/v1/keys'])] }), ...js };
    })(),
    ...[
      // express-jwt, passport-jwt, koa-jwt, @fastify/jwt, fast-jwt, @nestjs/jwt.
      [`const { expressjwt } = require('express-jwt');\nconst jwksRsa = require('jwks-rsa');\napp.use(expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' }), algorithms: ['RS256'] }));`, `'https://acme.okta.com/oauth2/v1/keys'`, 'orgKeys'],
      [`import { Strategy, ExtractJwt } from 'passport-jwt';\npassport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKeyProvider, issuer: 'https://acme.okta.com' }, verify));`, `'https://acme.okta.com'`, 'orgIssuer'],
      [`import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret, issuer: 'https://acme.okta.com' }));`, `'https://acme.okta.com'`, 'orgIssuer'],
      [`import fastifyJwt from '@fastify/jwt';\nfastify.register(fastifyJwt, { secret, verify: { allowedIss: 'https://acme.okta.com' } });`, `'https://acme.okta.com'`, 'orgIssuer'],
      [`import { createVerifier } from 'fast-jwt';\nconst verify = createVerifier({ key, allowedIss: ['https://acme.okta.com'] });`, `['https://acme.okta.com']`, 'orgIssuer'],
      [`import { JwtModule } from '@nestjs/jwt';\nJwtModule.register({ secretOrKeyProvider, verifyOptions: { issuer: 'https://acme.okta.com' } });`, `'https://acme.okta.com'`, 'orgIssuer'],
    ].map(([code, needle, messageId]) => {
      const edit: [string, string] = messageId === 'orgKeys' ? ['/oauth2/v1/keys', '/oauth2/default/v1/keys'] : [`'https://acme.okta.com'`, `'https://acme.okta.com/oauth2/default'`];
      return invalid(code!, needle!, messageId as MessageId, { suggestions: [edited(code!, edit)] });
    }),
    (() => {
      // NestJS PassportStrategy classes calling super({...}).
      const code = [
        `import { PassportStrategy } from '@nestjs/passport';`,
        `import { ExtractJwt, Strategy } from 'passport-jwt';`,
        `import { passportJwtSecret } from 'jwks-rsa';`,
        `export class JwtStrategy extends PassportStrategy(Strategy) {`,
        `  constructor() {`,
        `    super({`,
        `      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),`,
        `      issuer: \`https://\${process.env.OKTA_DOMAIN}\`,`,
        `      secretOrKeyProvider: passportJwtSecret({ jwksUri: \`https://\${process.env.OKTA_DOMAIN}/oauth2/v1/keys\` }),`,
        `    });`,
        `  }`,
        `}`,
      ].join('\n');
      return invalid(code, '`https://${process.env.OKTA_DOMAIN}`', 'orgIssuer', {
        suggestions: [edited(code, ['OKTA_DOMAIN}`,', 'OKTA_DOMAIN}/oauth2/default`,'], ['/oauth2/v1/keys', '/oauth2/default/v1/keys'])],
      });
    })(),
    (() => {
      // An expected audience equal to the org URL, with the issuer unknown: no edit can fix the issuer.
      const code = `import jwt from 'jsonwebtoken';\njwt.verify(token, getKey, { issuer: process.env.ISSUER, audience: 'https://acme.okta.com' });`;
      return invalid(code, `'https://acme.okta.com'`, 'orgAudience', { data: { audience: 'https://acme.okta.com' } });
    })(),
    (() => {
      // Org servers on custom domains: by their keys path, or declared in the options.
      const code = `import { jwtVerify, createRemoteJWKSet } from 'jose';\nexport const check = (t) => jwtVerify(t, createRemoteJWKSet(new URL('https://login.acme.com/oauth2/v1/keys')));`;
      return invalid(code, `'https://login.acme.com/oauth2/v1/keys'`, 'orgKeys', {
        data: { url: 'https://login.acme.com/oauth2/v1/keys', customIssuer: 'https://login.acme.com/oauth2/default' },
        suggestions: [edited(code, ['/oauth2/v1/keys', '/oauth2/default/v1/keys'])],
      });
    })(),
    (() => {
      const code = `import jwt from 'jsonwebtoken';\njwt.verify(token, getKey, { issuer: 'https://login.acme.com' });`;
      return invalid(code, `'https://login.acme.com'`, 'orgIssuer', {
        options: [{ orgIssuers: ['https://login.acme.com'] }],
        suggestions: [edited(code, [`'https://login.acme.com'`, `'https://login.acme.com/oauth2/default'`])],
      });
    })(),
    // Malformed issuers, at verifiers and at sign-in clients.
    invalid(`${OKTA}\nconst v = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2' });\nv.verifyAccessToken(t, aud);`, `'https://acme.okta.com/oauth2'`, 'malformedIssuer', {
      data: { issuer: 'https://acme.okta.com/oauth2', problem: '/oauth2 needs an authorization server id, such as /oauth2/default' },
    }),
    invalid(`import jwt from 'jsonwebtoken';\njwt.verify(token, getKey, { issuer: 'https://acme-admin.okta.com/oauth2/default' });`, `'https://acme-admin.okta.com/oauth2/default'`, 'malformedIssuer', {
      data: { issuer: 'https://acme-admin.okta.com/oauth2/default', problem: 'the -admin host serves the Admin Console, not tokens; the org is the same host without -admin' },
    }),
    invalid(`import { OktaAuth } from '@okta/okta-auth-js';\nnew OktaAuth({ issuer: 'https://{yourOktaDomain}/oauth2/default', clientId });`, `'https://{yourOktaDomain}/oauth2/default'`, 'malformedIssuer', {
      data: { issuer: 'https://{yourOktaDomain}/oauth2/default', problem: 'a placeholder was never filled in with your Okta domain' },
    }),
  ],
});

// The verifier libraries beyond the first set: hapi plugins, jwks-rsa helpers, aws-jwt-verify, express-oauth2-jwt-bearer.
ruleTester.run('no-org-as-local-verification', rule, {
  valid: [
    `import HapiAuthJwt2 from 'hapi-auth-jwt2'; import jwksRsa from 'jwks-rsa';
     server.auth.strategy('jwt', 'jwt', { key: jwksRsa.hapiJwt2KeyAsync({ jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys' }), validate });`,
    `import Jwt from '@hapi/jwt';
     server.auth.strategy('okta', 'jwt', { keys: { uri: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9/v1/keys' }, verify: { aud: 'api://orders', iss: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9', sub: false } });`,
    `import { JwtRsaVerifier } from 'aws-jwt-verify'; export const v = JwtRsaVerifier.create({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys' });`,
    `import { CognitoJwtVerifier } from 'aws-jwt-verify'; export const v = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123', tokenUse: 'access', clientId: 'abc' });`,
    `import { auth } from 'express-oauth2-jwt-bearer'; export const check = auth({ issuerBaseURL: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });`,
    `import { auth } from 'express-oauth2-jwt-bearer'; export const check = auth({ issuerBaseURL: 'https://tenant.auth0.com/', audience: 'https://api.acme.com' });`,
  ],
  invalid: [
    (() => {
      const code = `import HapiAuthJwt2 from 'hapi-auth-jwt2';\nimport jwksRsa from 'jwks-rsa';\nserver.auth.strategy('jwt', 'jwt', { key: jwksRsa.hapiJwt2Key({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' }), validate });`;
      return invalid(code, `'https://acme.okta.com/oauth2/v1/keys'`, 'orgKeys', { suggestions: [edited(code, [`'https://acme.okta.com/oauth2/v1/keys'`, `'https://acme.okta.com/oauth2/default/v1/keys'`])] });
    })(),
    (() => {
      const code = `import Jwt from '@hapi/jwt';\nserver.auth.strategy('okta', 'jwt', { keys: { uri: 'https://acme.okta.com/oauth2/v1/keys' }, verify: { aud: 'api://default', iss: 'https://acme.okta.com', sub: false } });`;
      return invalid(code, `'https://acme.okta.com'`, 'orgIssuer', { suggestions: [edited(code, [`'https://acme.okta.com/oauth2/v1/keys'`, `'https://acme.okta.com/oauth2/default/v1/keys'`], [`iss: 'https://acme.okta.com'`, `iss: 'https://acme.okta.com/oauth2/default'`])] });
    })(),
    (() => {
      const code = `import Koa from 'koa';\nimport koaJwt from 'koa-jwt';\nimport { koaJwtSecret } from 'jwks-rsa';\napp.use(koaJwt({ secret: koaJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' }) }));`;
      return invalid(code, `'https://acme.okta.com/oauth2/v1/keys'`, 'orgKeys', { suggestions: [edited(code, [`'https://acme.okta.com/oauth2/v1/keys'`, `'https://acme.okta.com/oauth2/default/v1/keys'`])] });
    })(),
    (() => {
      const code = `import { JwtRsaVerifier } from 'aws-jwt-verify';\nexport const v = JwtRsaVerifier.create({ issuer: 'https://acme.okta.com', audience: 'api://default', jwksUri: 'https://acme.okta.com/oauth2/v1/keys' });`;
      return invalid(code, `'https://acme.okta.com'`, 'orgIssuer', { suggestions: [edited(code, [`issuer: 'https://acme.okta.com'`, `issuer: 'https://acme.okta.com/oauth2/default'`], [`'https://acme.okta.com/oauth2/v1/keys'`, `'https://acme.okta.com/oauth2/default/v1/keys'`])] });
    })(),
    (() => {
      const code = `import { auth } from 'express-oauth2-jwt-bearer';\nexport const check = auth({ issuerBaseURL: 'https://acme.okta.com', audience: 'api://default' });`;
      return invalid(code, `'https://acme.okta.com'`, 'orgIssuer', { suggestions: [edited(code, [`'https://acme.okta.com'`, `'https://acme.okta.com/oauth2/default'`])] });
    })(),
  ],
});
