// Projects that sign their own tokens: found in the file, or handed in by the CLI from the modules it imports.
import { describe, expect, it } from 'vitest';
import { jwksDiscovery } from '../../codemods/jwks-discovery.js';
import { tokenSigningInSource } from '../../codemods/lib/self-issued.js';

const VERIFY = `import jwt from 'jsonwebtoken';
import { PUBLIC_KEY } from './keys';
const KEY = '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\\n-----END PUBLIC KEY-----';
export const check = (token: string) => jwt.verify(token, KEY, { issuer: 'https://api.acme.com', audience: 'acme' }, (error, claims) => claims);
`;

describe('tokenSigningInSource', () => {
  it.each([
    ['jsonwebtoken with an RS256 algorithm', `import jwt from 'jsonwebtoken'; export const t = jwt.sign({}, process.env.KEY, { algorithm: 'RS256' });`, 'a private key (RS256)'],
    ['jsonwebtoken as require, with a PEM private key', `const { sign } = require('jsonwebtoken'); const k = '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----'; sign({}, k);`, 'a private key written in the source'],
    ['node:crypto createPrivateKey', `import jwt from 'jsonwebtoken'; import { createPrivateKey } from 'node:crypto'; const key = createPrivateKey(process.env.PEM!); jwt.sign({}, key);`, 'a private key from createPrivateKey()'],
    ['jose SignJWT with an ES256 header', `import * as jose from 'jose'; export const t = await new jose.SignJWT({}).setProtectedHeader({ alg: 'ES256' }).sign(key);`, 'a private key (ES256)'],
  ])('%s', (_, source, evidence) => {
    expect(tokenSigningInSource(source, 'issue.ts')).toEqual([expect.objectContaining({ line: 1, evidence })]);
  });

  it.each([
    ['HMAC session tokens', `import jwt from 'jsonwebtoken'; jwt.sign({}, process.env.SESSION_SECRET, { expiresIn: '1h' });`],
    ['a sign method of another library', `import crypto from 'node:crypto'; crypto.sign('sha256', data, privateKey);`],
    ['jose SignJWT with HS256', `import { SignJWT } from 'jose'; await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);`],
    ['a look-alike module', `import jwt from './jwt'; jwt.sign({}, privateKey, { algorithm: 'RS256' });`],
  ])('not %s', (_, source) => {
    expect(tokenSigningInSource(source, 'issue.ts')).toEqual([]);
  });
});

describe('jwks-discovery on a project that signs its tokens elsewhere', () => {
  it('leaves the verification when the CLI found signing in an imported module', () => {
    const outcome = jwksDiscovery(VERIFY, 'verify.ts', {}, { tokenSigning: [{ path: 'src/keys.ts', line: 7, evidence: 'the private key read from private.key' }] });
    expect(outcome.source).toBeUndefined();
    expect(outcome.review.map((note) => note.reason)).toEqual([expect.stringContaining('src/keys.ts signs its own tokens with the private key read from private.key (line 7)')]);
  });

  it('still rewrites a verification that expects an identity provider\'s issuer', () => {
    const okta = VERIFY.replace('https://api.acme.com', 'https://acme.okta.com/oauth2/default');
    const outcome = jwksDiscovery(okta, 'verify.ts', {}, { tokenSigning: [{ path: 'src/keys.ts', line: 7, evidence: 'the private key read from private.key' }] });
    expect(outcome.source).toContain('accessTokenVerifier.verify(token, (error, claims) => claims)');
  });

  it('rewrites it otherwise', () => {
    expect(jwksDiscovery(VERIFY, 'verify.ts').source).toContain('accessTokenVerifier.verify(token, (error, claims) => claims)');
  });
});
