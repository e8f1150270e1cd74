import express from 'express';
import { generateKeyPair, SignJWT, exportSPKI } from 'jose';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createAuthenticate } from '../src/authenticate';
import * as jwt from './helpers/jwt';
import { AUDIENCE, ISSUER, publicKey, signAccessToken } from './helpers/keys';

// Known-answer fixture for the helper itself (a key made for this test, signing nothing real).
const FIXTURE_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1ajiijtfZKP97lCoLyVs
KVSqIWorOGjuviazdqp5DTc0m0OsxDNLOXrjj5EruiT6NiWQxIrPyZtbx6O8aSN/
FNcbBKWPRi4WeEIG+8uRVGtUeLYiqvDdOOXTz4uRsTsas9TD93Yns8dMhopus0Q8
8mg1HEs9b/A7vulrPU9wg4/xnMK5S/YtuPQoUJUgPfDffrsv1gL6BkfpTBjnX63J
/DyqCd4z6z256z79+e/Ed8jMZVb4Jqijtz0Cdh5ZI6JpvUXwxJ+0undcboqnLbwL
ocXAacZKo4xlUgxZJccA0z6BS3YW4z+V+tDbhrctSG4FcZmyJHM+3+mtNqpuNiEq
0QIDAQAB
-----END PUBLIC KEY-----`;
const FIXTURE_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmaXh0dXJlIn0.c2lnbmF0dXJl';

function appWith(key: Parameters<typeof createAuthenticate>[0]['key']) {
  const app = express();
  app.get('/orders', createAuthenticate({ key, issuer: ISSUER, audience: AUDIENCE }), (_req, res) => res.json(res.locals.claims));
  return app;
}

describe('authenticate', () => {
  it('accepts a token signed with the generated key', async () => {
    const response = await request(appWith(publicKey)).get('/orders').set('Authorization', `Bearer ${signAccessToken()}`);
    expect(response.status).toBe(200);
  });

  it('accepts ES256 tokens from a jose key pair', async () => {
    const { publicKey: ecPublic, privateKey: ecPrivate } = await generateKeyPair('ES256');
    const token = await new SignJWT({ scp: ['orders:read'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(ecPrivate);
    const response = await request(appWith(await exportSPKI(ecPublic))).get('/orders').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
  });

  it('rejects an expired token', async () => {
    const token = signAccessToken({}, { expiresIn: -10 });
    const response = await request(appWith(publicKey)).get('/orders').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
  });

  it('keeps the known-answer helper honest', () => {
    expect(jwt.decode(FIXTURE_TOKEN).payload.sub).toBe('fixture');
    expect(jwt.verify(FIXTURE_TOKEN, FIXTURE_PUBLIC_KEY)).toBe(false);
  });
});
