import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/no-hardcoded-jwt-key.js';
import keys from '../fixtures/keys.json' with { type: 'json' };
import { at } from '../support/positions.js';

const ruleTester = new RuleTester();
const js = { languageOptions: { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } } };

const PEM = JSON.stringify(keys.rsaSpki);
const CERT = JSON.stringify(keys.certificate);
const JWK = JSON.stringify(keys.rsaJwk);
const EC_JWK = JSON.stringify(keys.ecJwk);
const OKP_JWK = JSON.stringify(keys.edJwk);
const PEM_TEMPLATE = '`' + keys.rsaSpki + '`';
const PEM_ESCAPED = `'${keys.rsaSpki.replace(/\n/g, '\\n')}'`;
const PEM_CONTINUED = `'${keys.rsaSpki.replace(/\n/g, '\\n\\\n')}'`;
const PEM_CONCAT = keys.rsaSpki.trim().split('\n').map((line) => `'${line}\\n'`).join(' +\n  ');
const AUTH0_ADVICE = 'Auth0 rotates signing keys (and you may rotate them from the dashboard): resolve them from https://{tenant}/.well-known/jwks.json at run time.';
const PEM_JOIN = `[${keys.rsaSpki.trim().split('\n').map((line) => `'${line}'`).join(', ')}].join('\\n')`;

ruleTester.run('no-hardcoded-jwt-key', rule, {
  valid: [
    // Keys resolved at run time from the issuer's JWKS.
    `import { jwtVerify, createRemoteJWKSet } from 'jose';
     const JWKS = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys'));
     export const check = (token) => jwtVerify(token, JWKS, { issuer: 'https://acme.okta.com/oauth2/default' });`,
    `const jwt = require('jsonwebtoken'); const jwksClient = require('jwks-rsa');
     const client = jwksClient({ jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys' });
     const getKey = (header, cb) => client.getSigningKey(header.kid, (err, key) => cb(err, key && key.getPublicKey()));
     jwt.verify(token, getKey, {}, done);`,
    // A PEM assembled at run time around a fetched x5c.
    `import jwt from 'jsonwebtoken';
     export async function check(token, kid) {
       const { keys } = await (await fetch('https://acme.okta.com/oauth2/default/v1/keys')).json();
       const x5c = keys.find((key) => key.kid === kid).x5c[0];
       const pem = \`-----BEGIN CERTIFICATE-----\\n\${x5c}\\n-----END CERTIFICATE-----\`;
       return jwt.verify(token, pem, { algorithms: ['RS256'] });
     }`,
    `const jwt = require('jsonwebtoken');
     function toPem(body) { return '-----BEGIN PUBLIC KEY-----\\n' + body + '\\n-----END PUBLIC KEY-----'; }
     jwt.verify(token, toPem(process.env.KEY_BODY));`,
    // jwk-to-pem of a key fetched at run time.
    `import jwkToPem from 'jwk-to-pem'; import jwt from 'jsonwebtoken';
     const { keys } = await fetchJwks(); jwt.verify(token, jwkToPem(keys[0]));`,
    // Keys from the environment, a secrets manager or configuration.
    `import jwt from 'jsonwebtoken'; jwt.verify(token, process.env.OKTA_PUBLIC_KEY);`,
    `import jwt from 'jsonwebtoken'; const key = await secrets.getSecretValue({ SecretId: 'okta-key' }); jwt.verify(token, key.SecretString);`,
    `import jwt from 'jsonwebtoken'; import config from './config'; jwt.verify(token, config.publicKey);`,
    // Keys generated at run time, as tests that sign their own tokens do.
    `import { generateKeyPairSync } from 'crypto'; import jwt from 'jsonwebtoken';
     const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
     const token = jwt.sign({ sub: 'u' }, privateKey, { algorithm: 'RS256' });
     jwt.verify(token, publicKey);`,
    `import { generateKeyPair, jwtVerify } from 'jose'; const { publicKey } = await generateKeyPair('RS256'); await jwtVerify(token, publicKey);`,
    // HMAC secrets and private keys: not this rule's business.
    `import jwt from 'jsonwebtoken'; jwt.verify(token, 'session-secret', { algorithms: ['HS256'] });`,
    `import jwt from 'jsonwebtoken'; const SECRET = 'x'.repeat(32); jwt.verify(token, SECRET);`,
    { code: `import jwt from 'jsonwebtoken'; const PRIVATE_KEY = ${JSON.stringify(keys.rsaPrivate)}; export const t = jwt.sign({}, PRIVATE_KEY, { algorithm: 'RS256' });` },
    `import { importJWK } from 'jose'; export const signingKey = await importJWK(${JSON.stringify(keys.rsaPrivateJwk)}, 'RS256');`,
    // A SAML certificate passed to a SAML library.
    `import { Strategy } from 'passport-saml'; const IDP_CERT = ${CERT}; passport.use(new Strategy({ cert: IDP_CERT, entryPoint }, verify));`,
    // Empty placeholders.
    `import jwt from 'jsonwebtoken'; jwt.verify(token, '');`,
    `import jwt from 'jsonwebtoken'; const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\\n...\\n-----END PUBLIC KEY-----'; jwt.verify(token, PUBLIC_KEY);`,
    // A module-level PEM that no verifier can import and nothing here verifies with.
    `const EXAMPLE = ${PEM}; console.log(EXAMPLE.length);`,
    // Look-alike libraries and local modules named like the real ones.
    `import jwt from './jwt'; jwt.verify(token, ${PEM});`,
    `const jsonwebtoken = { verify() {} }; jsonwebtoken.verify(token, ${PEM});`,
    // Key files mounted from a secret store, when the team allows them.
    {
      code: `import fs from 'fs'; import jwt from 'jsonwebtoken'; jwt.verify(token, fs.readFileSync('/etc/secrets/okta.pem'));`,
      options: [{ allowKeyFiles: true }],
    },
    // A key file path from the environment is not pinned by this code.
    `import fs from 'fs'; import jwt from 'jsonwebtoken'; jwt.verify(token, fs.readFileSync(process.env.KEY_FILE));`,
    // Plain JavaScript through ESLint's default parser.
    { code: `const jwt = require('jsonwebtoken'); jwt.verify(token, process.env.KEY);`, ...js },
  ],
  invalid: [
    {
      // jsonwebtoken with a PEM constant; no suggestion, since jsonwebtoken takes no remote key set.
      code: `import jwt from 'jsonwebtoken';\nconst PUBLIC_KEY = ${PEM};\njwt.verify(token, PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default' });`,
      errors: [{ messageId: 'pinnedKey', data: { material: 'A PEM public key' }, line: 3, column: 19, endColumn: 29, suggestions: [] }],
    },
    // Every spelling of PEM text: template, escaped newlines, line continuations, concatenation, join.
    ...[PEM_TEMPLATE, PEM_ESCAPED, PEM_CONTINUED, PEM_CONCAT, PEM_JOIN].map((spelling) => {
      const code = `const jwt = require('jsonwebtoken');\nconst KEY = ${spelling};\njwt.verify(token, KEY);`;
      return { code, errors: [{ messageId: 'pinnedKey' as const, line: code.split('\n').length, column: 19, endColumn: 22 }] };
    }),
    {
      // The PEM in a const object, and a certificate.
      code: `import jwt from 'jsonwebtoken';\nconst config = { okta: { cert: ${CERT} } };\njwt.verify(token, config.okta.cert);`,
      errors: [{ messageId: 'pinnedKey', data: { material: 'A PEM certificate' }, line: 3, column: 19, endColumn: 35 }],
    },
    {
      // jose importSPKI -> jwtVerify, with a suggestion to resolve the issuer's JWKS.
      code: [
        `import { jwtVerify, importSPKI } from 'jose';`,
        `const key = await importSPKI(${PEM}, 'RS256');`,
        `export const check = (token) => jwtVerify(token, key, { issuer: 'https://acme.okta.com/oauth2/default' });`,
      ].join('\n'),
      errors: [
        {
          messageId: 'pinnedKey',
          line: 3,
          column: 50,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useRemoteJwks',
              data: { jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys' },
              output: [
                `import { jwtVerify, importSPKI, createRemoteJWKSet } from 'jose';`,
                `const jwks = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys'));`,
                `const key = await importSPKI(${PEM}, 'RS256');`,
                `export const check = (token) => jwtVerify(token, jwks, { issuer: 'https://acme.okta.com/oauth2/default' });`,
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Namespace import of jose, importX509 of a certificate, issuer from a const.
      code: [
        `import * as jose from 'jose';`,
        `const ISSUER = 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9';`,
        `const key = await jose.importX509(${CERT}, 'RS256');`,
        `await jose.jwtVerify(token, key, { issuer: ISSUER });`,
      ].join('\n'),
      errors: [
        {
          messageId: 'pinnedKey',
          data: { material: 'A PEM certificate' },
          line: 4,
          column: 29,
          suggestions: [
            {
              messageId: 'useRemoteJwks',
              output: [
                `import * as jose from 'jose';`,
                `const jwks = jose.createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9/v1/keys'));`,
                `const ISSUER = 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9';`,
                `const key = await jose.importX509(${CERT}, 'RS256');`,
                `await jose.jwtVerify(token, jwks, { issuer: ISSUER });`,
              ].join('\n'),
            },
          ],
        },
      ],
    },
    ...[JWK, EC_JWK, OKP_JWK].map((jwk) => ({
      // Inline JWKs of every key type, through importJWK (CommonJS) and createLocalJWKSet.
      code: `const { importJWK, jwtVerify } = require('jose');\nasync function check(token) {\n  return jwtVerify(token, await importJWK(${jwk}), {});\n}`,
      errors: [{ messageId: 'pinnedKey' as const, line: 3, column: 27 }],
    })),
    {
      code: `import { createLocalJWKSet, jwtVerify } from 'jose';\nconst JWKS = createLocalJWKSet({ keys: [${JWK}, ${EC_JWK}] });\nawait jwtVerify(token, JWKS);`,
      errors: [{ messageId: 'pinnedKey', data: { material: 'An inline JWK Set' }, line: 3, column: 24, endColumn: 28 }],
    },
    {
      // node:crypto createPublicKey of a JWK and of a PEM, and jwk-to-pem.
      code: `import jwt from 'jsonwebtoken';\nimport { createPublicKey } from 'node:crypto';\njwt.verify(token, createPublicKey({ key: ${JWK}, format: 'jwk' }));`,
      errors: [{ messageId: 'pinnedKey', line: 3, column: 19 }],
    },
    {
      code: `const crypto = require('crypto');\nconst key = crypto.createPublicKey(${PEM});\nmodule.exports = key;`,
      errors: [{ messageId: 'pinnedKeyImport', line: 2, column: 36 }],
    },
    {
      code: `import jwkToPem from 'jwk-to-pem';\nimport jwt from 'jsonwebtoken';\njwt.verify(token, jwkToPem(${JWK}));`,
      errors: [{ messageId: 'pinnedKey', line: 3, column: 19 }],
    },
    {
      // passport-jwt secretOrKey, with a suggestion to use jwks-rsa's passportJwtSecret.
      code: [
        `const { Strategy, ExtractJwt } = require('passport-jwt');`,
        `passport.use(new Strategy({`,
        `  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),`,
        `  secretOrKey: ${PEM},`,
        `  issuer: 'https://acme.okta.com/oauth2/default',`,
        `}, verify));`,
      ].join('\n'),
      errors: [
        {
          messageId: 'pinnedKey',
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'useRemoteJwks',
              output: [
                `const { Strategy, ExtractJwt } = require('passport-jwt');`,
                `const { passportJwtSecret } = require('jwks-rsa');`,
                `passport.use(new Strategy({`,
                `  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),`,
                `  secretOrKeyProvider: passportJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys', cache: true, rateLimit: true }),`,
                `  issuer: 'https://acme.okta.com/oauth2/default',`,
                `}, verify));`,
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // express-jwt v7 with an existing jwks-rsa import.
      code: [
        `import { expressjwt } from 'express-jwt';`,
        `import jwksRsa from 'jwks-rsa';`,
        `const PUBLIC_KEY = ${PEM};`,
        `app.use(expressjwt({ secret: PUBLIC_KEY, issuer: 'https://tenant.auth0.com/', algorithms: ['RS256'] }));`,
      ].join('\n'),
      errors: [
        {
          // The issuer is Auth0's: the message names it and says what to do there.
          messageId: 'providerPinnedKey',
          data: { material: 'A PEM public key', provider: 'Auth0', advice: AUTH0_ADVICE },
          line: 4,
          column: 30,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useRemoteJwks',
              output: [
                `import { expressjwt } from 'express-jwt';`,
                `import jwksRsa from 'jwks-rsa';`,
                `const PUBLIC_KEY = ${PEM};`,
                `app.use(expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri: 'https://tenant.auth0.com/.well-known/jwks.json', cache: true, rateLimit: true }), issuer: 'https://tenant.auth0.com/', algorithms: ['RS256'] }));`,
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // express-jwt v6 default export and koa-jwt.
      code: `const jwt = require('express-jwt');\napp.use(jwt({ secret: ${PEM}, algorithms: ['RS256'] }));`,
      errors: [{ messageId: 'pinnedKey', line: 2, column: 23 }],
    },
    {
      code: `import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: ${CERT} }));`,
      errors: [{ messageId: 'pinnedKey', line: 2, column: 26 }],
    },
    {
      // @nestjs/jwt: JwtModule.register publicKey and JwtService.verify.
      code: `import { JwtModule } from '@nestjs/jwt';\nconst PUBLIC_KEY = ${PEM};\n@Module({ imports: [JwtModule.register({ publicKey: PUBLIC_KEY })] })\nexport class AuthModule {}`,
      errors: [{ messageId: 'pinnedKey', line: 3, column: 53, endColumn: 63 }],
    },
    {
      code: `import { JwtService } from '@nestjs/jwt';\nexport class Guard {\n  constructor(private readonly jwt: JwtService) {}\n  check(token: string) { return this.jwt.verify(token, { publicKey: ${PEM} }); }\n}`,
      errors: [{ messageId: 'pinnedKey', line: 4, column: 69 }],
    },
    {
      // @fastify/jwt secret.public, fast-jwt key, njwt, jsrsasign, node-jose.
      code: `import fastifyJwt from '@fastify/jwt';\nconst KEY = ${PEM};\nfastify.register(fastifyJwt, { secret: { public: KEY } });`,
      errors: [{ messageId: 'pinnedKey', line: 3, column: 50, endColumn: 53 }],
    },
    {
      code: `import { createVerifier } from 'fast-jwt';\nconst verify = createVerifier({ key: ${PEM} });\nverify(token);`,
      errors: [{ messageId: 'pinnedKey', line: 2, column: 38 }],
    },
    {
      code: `const nJwt = require('njwt');\nnJwt.verify(token, ${PEM}, 'RS256');`,
      errors: [{ messageId: 'pinnedKey', line: 2, column: 20 }],
    },
    {
      code: `import { KJUR, KEYUTIL } from 'jsrsasign';\nconst pub = KEYUTIL.getKey(${CERT});\nKJUR.jws.JWS.verifyJWT(token, pub, { alg: ['RS256'] });`,
      errors: [{ messageId: 'pinnedKey', line: 3, column: 31, endColumn: 34 }],
    },
    {
      code: `const jose = require('node-jose');\nconst store = await jose.JWK.asKeyStore({ keys: [${JWK}] });\nawait jose.JWS.createVerify(store).verify(token);`,
      errors: [{ messageId: 'pinnedKey', line: 3, column: 29, endColumn: 34 }],
    },
    {
      // EmbeddedJWK trusts the token's own key.
      code: `import { jwtVerify, EmbeddedJWK } from 'jose';\nawait jwtVerify(token, EmbeddedJWK);`,
      errors: [{ messageId: 'embeddedKey', line: 2, column: 24, endColumn: 35 }],
    },
    {
      // A key read from a fixed path inside the project.
      code: `import { readFileSync } from 'fs';\nimport jwt from 'jsonwebtoken';\njwt.verify(token, readFileSync('./keys/okta.pem'));`,
      errors: [{ messageId: 'pinnedKeyFile', data: { path: './keys/okta.pem' }, line: 3, column: 19 }],
    },
    {
      code: `const fs = require('fs');\nconst path = require('path');\nconst jwt = require('jsonwebtoken');\nconst KEY = fs.readFileSync(path.join(__dirname, 'public.pem'), 'utf8');\njwt.verify(token, KEY);`,
      errors: [{ messageId: 'pinnedKeyFile', data: { path: "path.join(__dirname, 'public.pem')" }, line: 5, column: 19 }],
    },
    {
      // A fallback PEM behind an environment variable is pinned all the same.
      code: `import jwt from 'jsonwebtoken';\njwt.verify(token, process.env.PUBLIC_KEY ?? ${PEM});`,
      errors: [{ messageId: 'pinnedKey', line: 2, column: 19 }],
    },
    {
      // Module-level constants for a verifier in another module to import.
      code: `export const OKTA_PUBLIC_KEY = ${PEM};`,
      errors: [{ messageId: 'pinnedKeyConstant', data: { name: 'OKTA_PUBLIC_KEY', material: 'a PEM public key' }, line: 1, column: 14, endColumn: 29 }],
    },
    {
      code: `const JWKS = { keys: [${JWK}, ${OKP_JWK}] };\nmodule.exports = { JWKS };`,
      errors: [{ messageId: 'pinnedKeyConstant', data: { name: 'JWKS', material: 'an inline JWK Set' }, line: 1, column: 7 }],
    },
    {
      code: `const signingKey = ${JWK};\nexport default signingKey;`,
      errors: [{ messageId: 'pinnedKeyConstant', line: 1, column: 7 }],
    },
    {
      code: `const CERT = ${CERT};\nexports.CERT = CERT;`,
      ...js,
      errors: [{ messageId: 'pinnedKeyConstant', line: 1, column: 7 }],
    },
    {
      // Plain JavaScript through ESLint's default parser.
      code: `const jwt = require('jsonwebtoken');\nconst KEY = ${PEM};\njwt.verify(token, KEY);`,
      ...js,
      errors: [{ messageId: 'pinnedKey', line: 3, column: 19 }],
    },
  ],
});

// The verifier libraries beyond the first set, and what is a public key without being a verification key.
const JWKS_INLINE = JSON.stringify({ keys: [keys.rsaJwk] });
ruleTester.run('no-hardcoded-jwt-key', rule, {
  valid: [
    // A public key that encrypts: JWE key management algorithms, publicEncrypt.
    `import { importSPKI, EncryptJWT } from 'jose';
     export const PARTNER_KEY = ${PEM};
     export const seal = async (claims) => new EncryptJWT(claims).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(await importSPKI(PARTNER_KEY, 'RSA-OAEP-256'));`,
    `import { publicEncrypt } from 'node:crypto';
     export const PARTNER_KEY = ${PEM};
     export const seal = (data) => publicEncrypt({ key: PARTNER_KEY }, data);`,
    // Tokens the project signs itself and verifies with the matching public key: only under reportSelfIssued.
    `import jwt from 'jsonwebtoken';
     const PUBLIC_KEY = ${PEM};
     export const issue = (sub) => jwt.sign({ sub }, process.env.SIGNING_KEY, { algorithm: 'RS256' });
     export const check = (token) => jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'session-service' });`,
    // Keys from the issuer at run time, for each library.
    `import Jwt from '@hapi/jwt';
     server.auth.strategy('okta', 'jwt', { keys: { uri: 'https://acme.okta.com/oauth2/default/v1/keys' }, verify: { aud: 'api://default', iss: 'https://acme.okta.com/oauth2/default', sub: false } });`,
    `import jwksRsa from 'jwks-rsa';
     server.auth.strategy('jwt', 'jwt', { key: jwksRsa.hapiJwt2KeyAsync({ jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys' }), validate });`,
    `import { JwtRsaVerifier } from 'aws-jwt-verify';
     export const verifier = JwtRsaVerifier.create({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys' });`,
    // express-oauth2-jwt-bearer's `secret` is an HMAC secret.
    `import { auth } from 'express-oauth2-jwt-bearer'; export const check = auth({ secret: 'a-long-hmac-secret', tokenSigningAlg: 'HS256', issuer: 'jobs', audience: 'jobs' });`,
  ],
  invalid: [
    (() => {
      const code = `import HapiAuthJwt2 from 'hapi-auth-jwt2';\nconst OKTA_KEY = ${PEM};\nserver.auth.strategy('jwt', 'jwt', { key: OKTA_KEY, verifyOptions: { algorithms: ['RS256'] }, validate });`;
      return { code, errors: [{ messageId: 'pinnedKey' as const, ...at(code, 'OKTA_KEY', 2) }] };
    })(),
    (() => {
      // The plugin is registered elsewhere: the option names tell @hapi/jwt.
      const code = `import Hapi from '@hapi/hapi';\nconst OKTA_KEY = ${PEM};\nconst server = Hapi.server();\nserver.auth.strategy('okta', 'jwt', { keys: { key: OKTA_KEY, algorithms: ['RS256'] }, verify: { aud: 'api://default', iss: 'https://acme.okta.com/oauth2/default', sub: false }, validate });`;
      return { code, errors: [{ messageId: 'pinnedKey' as const, ...at(code, "{ key: OKTA_KEY, algorithms: ['RS256'] }") }] };
    })(),
    (() => {
      const code = `import { JwtRsaVerifier } from 'aws-jwt-verify';\nconst verifier = JwtRsaVerifier.create({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys' });\nverifier.cacheJwks(${JWKS_INLINE});`;
      return { code, errors: [{ messageId: 'pinnedKeyImport' as const, ...at(code, JWKS_INLINE) }] };
    })(),
    (() => {
      const code = `import jwt from 'jsonwebtoken';\nconst PUBLIC_KEY = ${PEM};\nexport const issue = (sub) => jwt.sign({ sub }, process.env.SIGNING_KEY, { algorithm: 'RS256' });\nexport const check = (token) => jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });`;
      return { code, options: [{ reportSelfIssued: true }] as [{ reportSelfIssued: boolean }], errors: [{ messageId: 'selfIssuedKey' as const, ...at(code, 'PUBLIC_KEY', 2) }] };
    })(),
    (() => {
      // A public key imported for signature verification is still reported beside encryption code.
      const code = `import { importSPKI } from 'jose';\nexport const verificationKey = await importSPKI(${PEM}, 'RS256');`;
      return { code, errors: [{ messageId: 'pinnedKeyImport' as const, ...at(code, PEM) }] };
    })(),
  ],
});

/** Bodies of the fixture keys without their PEM frame, as x5c and realm-public-key carry them. */
const SPKI_BODY = keys.rsaSpki.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
const CERT_BODY = keys.certificate.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
const PROVIDER_ADVICE = {
  entra: "Entra ID rotates its signing keys without notice: resolve them from the tenant's keys URL (https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys) at run time.",
  cognito: 'Cognito rotates user pool signing keys: let the verifier fetch {issuer}/.well-known/jwks.json (aws-jwt-verify does, without cacheJwks).',
  keycloak: "Keycloak rotates realm keys: leave realm-public-key out (keycloak-connect then fetches the realm's certs) or resolve keys from {issuer}/protocol/openid-connect/certs at run time.",
};
const ENTRA_ISSUER = 'https://login.microsoftonline.com/7f1c2d3e-0000-4000-8000-000000000001/v2.0';

ruleTester.run('no-hardcoded-jwt-key: providers', rule, {
  valid: [
    // Entra: certificates built from the x5c of a JWKS fetched at run time.
    `import jwt from 'jsonwebtoken'; import jwksClient from 'jwks-rsa';
     const client = jwksClient({ jwksUri: 'https://login.microsoftonline.com/tid/discovery/v2.0/keys' });
     export const check = (token, cb) => jwt.verify(token, (header, done) => client.getSigningKey(header.kid, (err, key) => done(err, key?.getPublicKey())), { issuer: '${ENTRA_ISSUER}' }, cb);`,
    `import jwt from 'jsonwebtoken';
     export async function check(token, kid) {
       const { keys } = await (await fetch('https://login.microsoftonline.com/tid/discovery/v2.0/keys')).json();
       const cert = \`-----BEGIN CERTIFICATE-----\\n\${keys.find((key) => key.kid === kid).x5c[0]}\\n-----END CERTIFICATE-----\`;
       return jwt.verify(token, cert, { issuer: '${ENTRA_ISSUER}' });
     }`,
    // A collection that holds anything but written-out key bodies.
    `import jwt from 'jsonwebtoken'; const BODIES = { a: process.env.KEY_A };
     export const check = (token, kid) => jwt.verify(token, \`-----BEGIN CERTIFICATE-----\\n\${BODIES[kid]}\\n-----END CERTIFICATE-----\`);`,
    // Keycloak (keycloak.json files: test/analysis/adapter-config-files.test.ts): keycloak-connect without realm-public-key fetches the realm's certs; a key from the environment.
    `import Keycloak from 'keycloak-connect'; export const keycloak = new Keycloak({ store }, { realm: 'acme', 'auth-server-url': 'https://sso.acme.com/', resource: 'orders-api', 'bearer-only': true });`,
    `import Keycloak from 'keycloak-connect'; export const keycloak = new Keycloak({ store }, { realm: 'acme', 'auth-server-url': url, 'realm-public-key': process.env.REALM_PUBLIC_KEY });`,
    // Cognito: the verifier fetches the user pool's JWKS.
    `import { CognitoJwtVerifier } from 'aws-jwt-verify'; const verifier = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123', tokenUse: 'access', clientId: 'abc' }); export const check = (token) => verifier.verify(token);`,
    // Cognito: a key set read from a JWKS the deployment fetched (aws-jwt-verify's documented offline use).
    `import { CognitoJwtVerifier } from 'aws-jwt-verify'; const verifier = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123', tokenUse: 'access', clientId: 'abc' }); verifier.cacheJwks(await (await fetch(process.env.JWKS_URL)).json());`,
  ],
  invalid: [
    (() => {
      // Entra: one x5c copied into a certificate constant.
      const code = `import jwt from 'jsonwebtoken';\nconst X5C = '${CERT_BODY}';\nconst CERT = \`-----BEGIN CERTIFICATE-----\\n\${X5C}\\n-----END CERTIFICATE-----\`;\nexport const check = (token) => jwt.verify(token, CERT, { issuer: '${ENTRA_ISSUER}' });`;
      return { code, errors: [{ messageId: 'providerPinnedKey' as const, ...at(code, 'CERT,'), endColumn: at(code, 'CERT,').endColumn - 1, data: { material: 'A PEM certificate', provider: 'Microsoft Entra ID', advice: PROVIDER_ADVICE.entra } }] };
    })(),
    (() => {
      // Entra: x5c certificates by kid, picked in a key resolver.
      const code = `import jwt from 'jsonwebtoken';\nconst X5C_BY_KID = { 'kid-1': '${CERT_BODY}' };\nexport const check = (token, cb) => jwt.verify(token, (header, done) => done(null, \`-----BEGIN CERTIFICATE-----\\n\${X5C_BY_KID[header.kid]}\\n-----END CERTIFICATE-----\`), { issuer: '${ENTRA_ISSUER}' }, cb);`;
      const resolver = '(header, done) => done(null, `-----BEGIN CERTIFICATE-----\\n${X5C_BY_KID[header.kid]}\\n-----END CERTIFICATE-----`)';
      return { code, errors: [{ messageId: 'providerPinnedKey' as const, ...at(code, resolver), data: { material: 'A PEM certificate', provider: 'Microsoft Entra ID', advice: PROVIDER_ADVICE.entra } }] };
    })(),
    (() => {
      // Keycloak: realm-public-key in the adapter config written in code.
      const code = `import Keycloak from 'keycloak-connect';\nexport const keycloak = new Keycloak({ store }, {\n  realm: 'acme',\n  'realm-public-key': '${SPKI_BODY}',\n});`;
      return { code, errors: [{ messageId: 'providerPinnedKey' as const, ...at(code, `'${SPKI_BODY}'`), data: { material: 'A base64-encoded public key', provider: 'Keycloak', advice: PROVIDER_ADVICE.keycloak } }] };
    })(),
    (() => {
      // Cognito: a JWKS pasted into cacheJwks.
      const code = `import { CognitoJwtVerifier } from 'aws-jwt-verify';\nconst verifier = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123', tokenUse: 'access', clientId: 'abc' });\nverifier.cacheJwks({ keys: [${JWK}] });`;
      return { code, errors: [{ messageId: 'providerPinnedKeyImport' as const, ...at(code, `{ keys: [${JWK}] }`), data: { material: 'An inline JWK Set', provider: 'Amazon Cognito', advice: PROVIDER_ADVICE.cognito } }] };
    })(),
    (() => {
      // Cognito: a pasted JWKS behind jose, with the user pool as issuer.
      const code = `import { jwtVerify, createLocalJWKSet } from 'jose';\nconst JWKS = createLocalJWKSet({ keys: [${JWK}] });\nexport const check = (token) => jwtVerify(token, JWKS, { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123' });`;
      return {
        code,
        errors: [
          {
            messageId: 'providerPinnedKey' as const,
            ...at(code, 'JWKS,'),
            endColumn: at(code, 'JWKS,').endColumn - 1,
            data: { material: 'An inline JWK Set', provider: 'Amazon Cognito', advice: PROVIDER_ADVICE.cognito },
            suggestions: [
              {
                messageId: 'useRemoteJwks' as const,
                output: code
                  .replace(`import { jwtVerify, createLocalJWKSet } from 'jose';`, `import { jwtVerify, createLocalJWKSet, createRemoteJWKSet } from 'jose';\nconst jwks = createRemoteJWKSet(new URL('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/.well-known/jwks.json'));`)
                  .replace('jwtVerify(token, JWKS,', 'jwtVerify(token, jwks,'),
              },
            ],
          },
        ],
      };
    })(),
  ],
});
