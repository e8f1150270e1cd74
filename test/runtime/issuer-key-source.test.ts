// createIssuerKeySource against a real oidc-provider: checks before any key lookup, key forms, errors that name the library.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createPublicKey, KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  ConfigurationError,
  createIssuerKeySource,
  DiscoveryError,
  expressJwtSecret,
  fastJwtKey,
  KeySetError,
  koaJwtSecret,
  TokenValidationError,
  type IssuerKeySource,
} from '../../src/runtime/index.js';
import { accessTokenClaims, API_AUDIENCE, closedPort, OTHER_API_AUDIENCE, startProvider, type ProviderHarness } from './support/provider.js';

let harness: ProviderHarness;
let source: IssuerKeySource;

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; statusCode?: number; cause?: unknown }> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error & { code?: string; statusCode?: number },
  );
}

beforeAll(async () => {
  harness = await startProvider();
  source = createIssuerKeySource({ issuer: harness.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true });
});

afterAll(async () => {
  await harness.close();
});

describe('createIssuerKeySource', () => {
  it('hands out the key of a valid token in every form, the algorithm pinned, the same objects on the next call', async () => {
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    const key = await source.getKeyForToken(token);
    expect(key.alg).toBe('RS256');
    expect(key.kid).toBe(harness.signingKeys[0]!.kid);
    expect(key.pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(key.pem).asymmetricKeyType).toBe('rsa');
    expect(key.keyObject).toBeInstanceOf(KeyObject);
    expect(key.keyObject.type).toBe('public');
    const again = await source.getKey(decodeProtectedHeader(token), decodeJwt(token));
    expect(again.pem).toBe(key.pem);
    expect(again.keyObject).toBe(key.keyObject);
  });

  it('refuses, from the claims alone and without a JWKS fetch, an ID token and a token for another API', async () => {
    const fresh = createIssuerKeySource({ issuer: harness.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true });
    const idToken = await harness.idToken();
    const other = await harness.clientCredentialsToken(OTHER_API_AUDIENCE);
    expect((await rejection(fresh.getKeyForToken(idToken))).code).toBe('id_token');
    expect((await rejection(fresh.getKeyForToken(other))).code).toBe('audience_mismatch');
    const expired = await harness.sign(accessTokenClaims(harness, { exp: Math.floor(Date.now() / 1000) - 600 }));
    expect((await rejection(fresh.getKeyForToken(expired))).code).toBe('expired');
    expect(fresh.stats.jwksFetches).toBe(0);
  });

  it('refuses a header alg outside algorithms (HMAC, none) before any lookup', async () => {
    for (const alg of ['HS256', 'none', 'RS512', undefined]) {
      const error = await rejection(source.getKey({ alg, kid: harness.signingKeys[0]!.kid }));
      expect(error).toBeInstanceOf(TokenValidationError);
      expect(error.code).toBe('alg_not_allowed');
      expect(error.statusCode).toBe(401);
    }
  });

  it('checkClaims applies the claim checks to claims verified elsewhere', () => {
    expect(source.checkClaims(accessTokenClaims(harness))).toMatchObject({ aud: API_AUDIENCE });
    expect(() => source.checkClaims(accessTokenClaims(harness, { iss: 'https://elsewhere.example' }))).toThrow(TokenValidationError);
  });

  it('refuses what the verifier refuses at construction: org issuers, HMAC algorithms, no audience', () => {
    const attempts = [
      { issuer: 'https://acme.okta.com', audience: API_AUDIENCE },
      { issuer: harness.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true, algorithms: ['HS256'] },
      { issuer: harness.issuer, allowHttpForLoopback: true },
    ];
    for (const options of attempts) expect(() => createIssuerKeySource(options as never), JSON.stringify(options)).toThrow(ConfigurationError);
    expect(() => expressJwtSecret({ issuer: 'https://acme.okta.com', audience: API_AUDIENCE })).toThrow(/org authorization server/);
  });

  it('names the library in an adapter\'s errors, keeping class, code and cause; provider errors carry statusCode 503', async () => {
    const secret = expressJwtSecret(source);
    const idToken = await harness.idToken();
    const error = await rejection(secret({}, { header: decodeProtectedHeader(idToken), payload: decodeJwt(idToken) }));
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error.code).toBe('id_token');
    expect(error.message).toMatch(/^express-jwt: /);
    expect(error.cause).toBeInstanceOf(TokenValidationError);

    const down = createIssuerKeySource({ issuer: `http://127.0.0.1:${await closedPort()}/oauth2/default`, audience: API_AUDIENCE, allowHttpForLoopback: true });
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    const unavailable = await rejection(expressJwtSecret(down)({}, { header: decodeProtectedHeader(token), payload: { ...decodeJwt(token), iss: down.issuer } }));
    expect(unavailable).toBeInstanceOf(DiscoveryError);
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.message).toMatch(/^express-jwt: /);
    expect(new KeySetError('jwks_unavailable', 'x').statusCode).toBe(503);
    expect(new ConfigurationError('invalid_option', 'x').statusCode).toBe(500);
  });

  it('refuses a hook call without the claims its library always hands over, rather than skip the claim checks', async () => {
    const header = { alg: 'RS256', kid: harness.signingKeys[0]!.kid };
    for (const call of [() => koaJwtSecret(source)(header, undefined), () => fastJwtKey(source)({ header, payload: 'not claims' })]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(TokenValidationError);
      expect(error.code).toBe('malformed');
    }
  });
});
