// createAccessTokenVerifier against a real oidc-provider: the checks a verify() call makes, one by one.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { createHmac } from 'node:crypto';
import {
  ConfigurationError,
  createAccessTokenVerifier,
  TokenValidationError,
  type AccessTokenVerifier,
  type AccessTokenVerifierOptions,
} from '../../src/runtime/index.js';
import { accessTokenClaims, API_AUDIENCE, CLIENT_ID, publicPart, startProvider, type ProviderHarness } from './support/provider.js';

let harness: ProviderHarness;
let verifier: AccessTokenVerifier;

function verifierFor(overrides: Partial<AccessTokenVerifierOptions> = {}): AccessTokenVerifier {
  return createAccessTokenVerifier({ issuer: harness.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true, ...overrides });
}

/** Rejects with a TokenValidationError of this code, whose message does not repeat the token. */
async function expectRejected(token: string, code: string, target: AccessTokenVerifier = verifier): Promise<TokenValidationError> {
  const error = await target.verify(token).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TokenValidationError);
  const rejection = error as TokenValidationError;
  expect(rejection.code).toBe(code);
  expect(rejection.message).not.toContain(token);
  for (const part of token.split('.')) if (part.length > 8) expect(rejection.message).not.toContain(part);
  return rejection;
}

function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

beforeAll(async () => {
  harness = await startProvider();
  verifier = verifierFor({ clientId: CLIENT_ID });
});

afterAll(async () => {
  await harness.close();
});

describe('createAccessTokenVerifier: tokens from the provider', () => {
  it('accepts a valid access token the provider issued for the API', async () => {
    const token = await harness.clientCredentialsToken(API_AUDIENCE, 'read write');
    const claims = await verifier.verify(token);
    expect(claims.iss).toBe(harness.issuer);
    expect(claims.aud).toBe(API_AUDIENCE);
    expect(claims.cid).toBe(CLIENT_ID);
    expect(claims.scope).toBe('read write');
    expect(Object.isFrozen(claims)).toBe(true);
  });

  it('calls a node-style callback with (null, claims) or (error), as code migrated from jsonwebtoken expects', async () => {
    const token = await harness.clientCredentialsToken(API_AUDIENCE, 'read');
    const outcome = (value: string) =>
      new Promise<[Error | null, unknown]>((resolve) => {
        const returned = verifier.verify(value, (error, claims) => resolve([error, claims]));
        expect(returned).toBeUndefined();
      });
    const [error, claims] = await outcome(token);
    expect(error).toBeNull();
    expect((claims as { aud: string }).aud).toBe(API_AUDIENCE);
    const [failure, none] = await outcome(`${token.slice(0, -4)}AAAA`);
    expect(failure).toBeInstanceOf(TokenValidationError);
    expect(none).toBeUndefined();
  });

  it('verifyWithHeader resolves with { payload, protectedHeader } as jose jwtVerify does, and refuses what verify refuses', async () => {
    const token = await harness.clientCredentialsToken(API_AUDIENCE, 'read');
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string; alg: string };
    const { payload, protectedHeader } = await verifier.verifyWithHeader(token);
    expect(payload.aud).toBe(API_AUDIENCE);
    expect(payload.scope).toBe('read');
    expect(protectedHeader.kid).toBe(header.kid);
    expect(protectedHeader.alg).toBe('RS256');
    expect(Object.isFrozen(payload) && Object.isFrozen(protectedHeader)).toBe(true);
    const refused = await verifier.verifyWithHeader(await harness.idToken()).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(TokenValidationError);
    expect((refused as TokenValidationError).code).toBe('id_token');
  });

  it('rejects an ID token the provider issued, by its audience (the client id)', async () => {
    const idToken = await harness.idToken();
    const error = await expectRejected(idToken, 'id_token');
    expect(error.message).toMatch(/ID token/);
  });

  it('rejects an ID token by its ID-token-only claims when no clientId is configured', async () => {
    const idToken = await harness.idToken();
    const error = await expectRejected(idToken, 'id_token', verifierFor());
    expect(error.message).toMatch(/nonce, at_hash/);
  });

  it('rejects an opaque token with a hint to use introspection', async () => {
    const opaque = await harness.clientCredentialsToken('urn:example:opaque');
    const error = await expectRejected(opaque, 'malformed');
    expect(error.message).toMatch(/introspection/);
  });
});

describe('createAccessTokenVerifier: claim checks', () => {
  it('rejects a token whose iss is another issuer', async () => {
    const token = await harness.sign(accessTokenClaims(harness, { iss: `${harness.origin}/oauth2/other` }));
    const error = await expectRejected(token, 'issuer_mismatch');
    expect(error.claim).toBe('iss');
  });

  it('rejects a token for another audience', async () => {
    const token = await harness.sign(accessTokenClaims(harness, { aud: 'api://payments' }));
    const error = await expectRejected(token, 'audience_mismatch');
    expect(error.message).toContain('api://payments');
  });

  it('accepts a token whose aud list includes the audience', async () => {
    const token = await harness.sign(accessTokenClaims(harness, { aud: ['api://payments', API_AUDIENCE] }));
    await expect(verifier.verify(token)).resolves.toMatchObject({ aud: ['api://payments', API_AUDIENCE] });
  });

  it('rejects an expired token, beyond the clock tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await harness.sign(accessTokenClaims(harness, { iat: now - 600, exp: now - 60 }));
    await expectRejected(token, 'expired');
  });

  it('accepts a token expired by less than the clock tolerance, and rejects it with tolerance 0', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await harness.sign(accessTokenClaims(harness, { iat: now - 600, exp: now - 2 }));
    await expect(verifier.verify(token)).resolves.toBeDefined();
    await expectRejected(token, 'expired', verifierFor({ clockTolerance: 0 }));
  });

  it('rejects a token that is not yet valid (nbf)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await harness.sign(accessTokenClaims(harness, { nbf: now + 120 }));
    const error = await expectRejected(token, 'not_yet_valid');
    expect(error.claim).toBe('nbf');
  });

  it('rejects a token issued in the future (iat)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await harness.sign(accessTokenClaims(harness, { iat: now + 120, exp: now + 600 }));
    await expectRejected(token, 'issued_in_future');
  });

  it('rejects a token without exp', async () => {
    const { exp: _exp, ...claims } = accessTokenClaims(harness);
    const token = await harness.sign(claims);
    const error = await expectRejected(token, 'missing_claim');
    expect(error.claim).toBe('exp');
  });

  it('rejects a token issued to another client (cid), and accepts it without clientId', async () => {
    const token = await harness.sign(accessTokenClaims(harness, { cid: 'someone-else', client_id: 'someone-else' }));
    const error = await expectRejected(token, 'client_id_mismatch');
    expect(error.claim).toBe('cid');
    await expect(verifierFor().verify(token)).resolves.toBeDefined();
  });

  it('reads RFC 9068 client_id when there is no cid', async () => {
    const { cid: _cid, ...claims } = accessTokenClaims(harness, { client_id: 'someone-else' });
    const error = await expectRejected(await harness.sign(claims), 'client_id_mismatch');
    expect(error.claim).toBe('client_id');
  });

  it('rejects a token whose typ names another kind of JWT', async () => {
    const token = await harness.sign(accessTokenClaims(harness), { typ: 'logout+jwt' });
    await expectRejected(token, 'type_not_allowed');
  });
});

describe('createAccessTokenVerifier: algorithms and signatures', () => {
  it('rejects alg none', async () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(accessTokenClaims(harness))}.`;
    await expectRejected(token, 'alg_not_allowed');
  });

  it('rejects an HMAC token keyed with the public key (algorithm confusion), before any key lookup', async () => {
    const publicJwk = publicPart(harness.signingKeys[0]!);
    const header = base64url({ alg: 'HS256', typ: 'JWT', kid: publicJwk.kid });
    const payload = base64url(accessTokenClaims(harness));
    // The classic attack keys the HMAC with the public key as the verifier would load it; try both encodings.
    for (const secret of [JSON.stringify(publicJwk), publicJwk.n!]) {
      const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      await expectRejected(`${header}.${payload}.${signature}`, 'alg_not_allowed');
    }
  });

  it('rejects RS384 when only RS256 is pinned, and honours the published key\'s own alg when RS384 is allowed', async () => {
    const token = await harness.sign(accessTokenClaims(harness), { alg: 'RS384' });
    await expectRejected(token, 'alg_not_allowed');
    // The provider publishes its key with alg RS256, so the same key must not verify an RS384 signature.
    await expectRejected(token, 'unknown_kid', verifierFor({ algorithms: ['RS256', 'RS384'] }));
  });

  it('rejects a token signed by a key that is not the issuer\'s, under the issuer\'s kid', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const foreign = { ...(await exportJWK(privateKey)), kid: harness.signingKeys[0]!.kid!, alg: 'RS256' };
    const token = await harness.sign(accessTokenClaims(harness), {}, foreign);
    await expectRejected(token, 'signature_invalid');
  });

  it('rejects a token whose payload was changed after signing', async () => {
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${base64url(accessTokenClaims(harness, { scope: 'read write admin' }))}.${signature}`;
    await expectRejected(forged, 'signature_invalid');
  });

  it('rejects garbage and a Bearer-prefixed token as malformed', async () => {
    await expectRejected('not-a-jwt', 'malformed');
    await expectRejected('a.b.c', 'malformed');
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    await expectRejected(`Bearer ${token}`, 'malformed');
  });
});

describe('createAccessTokenVerifier: construction', () => {
  it('refuses an Okta org authorization server issuer, pointing to introspection or a custom authorization server', () => {
    let error: unknown;
    try {
      createAccessTokenVerifier({ issuer: 'https://acme.okta.com', audience: API_AUDIENCE });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe('org_authorization_server');
    expect((error as Error).message).toMatch(/introspection/);
    expect((error as Error).message).toMatch(/custom authorization server/);
    expect((error as Error).message).toContain('https://acme.okta.com/oauth2/default');
    expect((error as Error).message).toContain('https://acme.okta.com/oauth2/v1/introspect');
  });

  it('accepts a custom authorization server issuer on the same org', () => {
    expect(() => createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: API_AUDIENCE })).not.toThrow();
  });

  it('refuses endpoints and malformed Okta URLs given as the issuer', () => {
    for (const issuer of [
      'https://acme.okta.com/oauth2/default/v1/keys',
      'https://acme.okta.com/oauth2/v1/keys',
      'https://acme.okta.com/oauth2',
      'https://acme-admin.okta.com/oauth2/default',
    ]) {
      expect(() => createAccessTokenVerifier({ issuer, audience: API_AUDIENCE }), issuer).toThrow(ConfigurationError);
    }
  });

  it('requires https unless http is explicitly allowed, and then only for loopback', () => {
    const attempt = (issuer: string, allowHttpForLoopback?: boolean) => () =>
      createAccessTokenVerifier({ issuer, audience: API_AUDIENCE, ...(allowHttpForLoopback ? { allowHttpForLoopback } : {}) });
    expect(attempt(harness.issuer)).toThrow(/https is required/);
    expect(attempt('http://auth.example.com/oauth2/default', true)).toThrow(/not loopback/);
    expect(attempt(harness.issuer, true)).not.toThrow();
  });

  it('never accepts none or HMAC algorithms, even when asked', () => {
    for (const alg of ['none', 'HS256']) {
      expect(() => verifierFor({ algorithms: [alg as 'RS256'] })).toThrow(/never accepted/);
    }
  });

  it('refuses an audience equal to the client id (the ID token mistake)', () => {
    expect(() => verifierFor({ audience: CLIENT_ID, clientId: CLIENT_ID })).toThrow(/ID tokens/);
  });
});
