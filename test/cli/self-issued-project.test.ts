// A project that issues its own RS256 tokens: one module signs them with the project's private key, another
// verifies them with the public key. There is no issuer to discover keys from, so the CLI leaves the verifying
// module as it is and says why, though the signing is in another module. Safe look-alikes are still migrated.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commitAll, json, project, read } from './support.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }) as string;
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

const SIGN = `const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

const privateKey = fs.readFileSync(path.join(__dirname, '..', '..', 'keys', 'private.key'));

function issueToken(user) {
  return jwt.sign({ sub: user.id, scope: user.scope }, privateKey, { algorithm: 'RS256', expiresIn: '1h', issuer: 'https://api.acme.test' });
}

module.exports = { issueToken };
`;

const verifyModule = (issuer: string) => `const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

const publicKey = fs.readFileSync(path.join(__dirname, '..', '..', 'keys', 'public.key'));

function verifyToken(token) {
  return jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer: '${issuer}' });
}

module.exports = { verifyToken };
`;

const SERVER = `const express = require('express');
const { issueToken } = require('./auth/sign');
const { verifyToken } = require('./auth/verify');

const app = express();
app.post('/login', (req, res) => res.json({ token: issueToken({ id: 'alice', scope: 'orders' }) }));
app.get('/orders', (req, res) => {
  try {
    res.json({ caller: verifyToken((req.headers.authorization || '').slice(7)).sub });
  } catch {
    res.status(401).end();
  }
});
app.listen(3000);
`;

const MANIFEST = { name: 'orders-api', version: '1.0.0', private: true, type: 'commonjs', dependencies: { express: '^5.3.0', jsonwebtoken: '^9.0.3' } };

function ordersApi(files: Record<string, string> = {}): string {
  return project(
    {
      'src/server.js': SERVER,
      'src/auth/sign.js': SIGN,
      'src/auth/verify.js': verifyModule('https://api.acme.test'),
      'keys/public.key': PUBLIC_PEM,
      'keys/private.key': PRIVATE_PEM,
      ...files,
    },
    { packageJson: MANIFEST },
  );
}

describe('oidc-codemod on a project that signs its own tokens in another module', () => {
  it('leaves the verifying module unchanged and reports why, naming the signing module; a second run agrees', async () => {
    const folder = ordersApi();
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ filesChanged: 0, sitesRewritten: 0 });
    expect(read(folder, 'src/auth/verify.js')).toBe(verifyModule('https://api.acme.test'));
    expect(JSON.parse(read(folder, 'package.json'))).toEqual(MANIFEST);
    const verify = report.files.find((file) => file.path === 'src/auth/verify.js');
    expect(verify?.changed).toBe(false);
    expect(verify?.review).toEqual([
      {
        line: 8,
        reason: expect.stringMatching(/^left unchanged: \.\/sign\.js signs its own tokens with the private key privateKey \(line 8\), so there is no issuer to discover keys from: keep verifying with the matching public key/),
      },
    ]);
    commitAll(folder);
    expect((await json(folder, '--check', '.')).summary).toMatchObject({ filesChanged: 0, sitesRewritten: 0 });
  });

  it('still migrates a verification that expects an identity provider\'s issuer', async () => {
    const folder = ordersApi({ 'src/auth/verify.js': verifyModule('https://acme.okta.com/oauth2/default') });
    const report = await json(folder, '.');
    expect(report.errors).toEqual([]);
    expect(read(folder, 'src/auth/verify.js')).toContain("createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default'");
  });

  it('does not take tokens signed in tests, with keys they generate, for the project\'s own', async () => {
    const signingTest = `const { generateKeyPairSync } = require('crypto');
const jwt = require('jsonwebtoken');
const { verifyToken } = require('../src/auth/verify');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
test('refuses a token of another key', () => {
  expect(() => verifyToken(jwt.sign({ sub: 'mallory' }, privateKey, { algorithm: 'RS256' }))).toThrow();
});
`;
    const folder = project({ 'src/auth/verify.js': verifyModule('https://api.acme.test'), 'keys/public.key': PUBLIC_PEM, 'test/verify.test.js': signingTest }, { packageJson: MANIFEST });
    const report = await json(folder, '.');
    expect(report.errors).toEqual([]);
    expect(read(folder, 'src/auth/verify.js')).toContain("createAccessTokenVerifier({ issuer: 'https://api.acme.test'");
  });
});
