// AWS Cognito access tokens (issue 19): no aud, client_id and token_use instead; checked as aws-jwt-verify checks them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload } from 'jose';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import {
  ConfigurationError,
  createAccessTokenVerifier,
  TokenValidationError,
  type AccessTokenVerifier,
  type AccessTokenVerifierOptions,
} from '../../src/runtime/index.js';
import { startStaticIssuer, type StaticIssuer } from './support/static-issuer.js';

const USER_POOL = 'us-east-1_AbCdEf123';
const APP_CLIENT = '3n4b5urk1ft4fl3mg5e62d9ado';
const OTHER_APP_CLIENT = '6kq8cg4bdsu5bt0tc3l1ibnh3k';

let pool: StaticIssuer;
let otherPool: StaticIssuer;
let key: JWK;
let verifier: AccessTokenVerifier;

function verifierFor(overrides: Partial<AccessTokenVerifierOptions> = {}): AccessTokenVerifier {
  return createAccessTokenVerifier({ issuer: pool.issuer, tokenUse: 'access', clientId: APP_CLIENT, allowHttpForLoopback: true, ...overrides });
}

/** The claims of a Cognito user-pool access token: no aud, client_id, token_use, username, scope. */
function accessClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    iss: pool.issuer,
    client_id: APP_CLIENT,
    origin_jti: 'f1d6e3c8-4a7b-4e1e-9a31-0d2b7c7f1a10',
    event_id: '4b4a3c1e-8f7d-4a8c-9b1e-2f6d3e5c7a90',
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    exp: now + 3600,
    iat: now,
    jti: `jti-${Math.random().toString(36).slice(2)}`,
    username: 'alice',
    version: 2,
    ...overrides,
  };
}

/** The claims of a Cognito ID token of the same sign-in: aud is the app client, token_use is id. */
function idClaims(overrides: JWTPayload = {}): JWTPayload {
  const { client_id: _client, scope: _scope, username: _username, version: _version, ...common } = accessClaims();
  return { ...common, aud: APP_CLIENT, token_use: 'id', email: 'alice@example.com', email_verified: true, 'cognito:username': 'alice', ...overrides };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error instanceof TokenValidationError ? error.code : `not a TokenValidationError: ${String(error)}`),
  );
}

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  key = { ...(await exportJWK(privateKey)), kid: 'cognito-key-1', alg: 'RS256', use: 'sig' };
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicKey } = key;
  // Laid out like Cognito: https://cognito-idp.<region>.amazonaws.com/<pool id>, keys at /.well-known/jwks.json.
  pool = await startStaticIssuer({ path: `/${USER_POOL}`, keys: [publicKey] });
  otherPool = await startStaticIssuer({ path: '/us-east-1_Other0000', keys: [publicKey] });
  verifier = verifierFor();
});

afterAll(async () => {
  await pool.close();
  await otherPool.close();
});

describe('createAccessTokenVerifier({ tokenUse: \'access\', clientId }) for AWS Cognito', () => {
  it('accepts an access token of the app client, without aud', async () => {
    const claims = await verifier.verify(await pool.sign(accessClaims(), key));
    expect(claims).toMatchObject({ iss: pool.issuer, client_id: APP_CLIENT, token_use: 'access', username: 'alice' });
    expect(claims.aud).toBeUndefined();
  });

  it('refuses an ID token of the same pool and client, whatever the configuration', async () => {
    const idToken = await pool.sign(idClaims(), key);
    expect(await codeOf(verifier.verify(idToken))).toBe('id_token');
    // Even a verifier configured with the app client as audience (what an ID-token check would use) refuses it.
    const withAudience = verifierFor({ clientId: undefined, audience: APP_CLIENT, tokenUse: undefined });
    expect(await codeOf(withAudience.verify(idToken))).toBe('id_token');
  });

  it('refuses an access token issued to another app client', async () => {
    expect(await codeOf(verifier.verify(await pool.sign(accessClaims({ client_id: OTHER_APP_CLIENT }), key)))).toBe('client_id_mismatch');
    expect(await codeOf(verifier.verify(await pool.sign(accessClaims({ client_id: undefined }), key)))).toBe('missing_claim');
  });

  it('refuses a token whose token_use is missing or is neither access nor id', async () => {
    expect(await codeOf(verifier.verify(await pool.sign(accessClaims({ token_use: undefined }), key)))).toBe('missing_claim');
    expect(await codeOf(verifier.verify(await pool.sign(accessClaims({ token_use: 'refresh' }), key)))).toBe('not_an_access_token');
  });

  it('refuses an expired token and a token from another user pool', async () => {
    const past = Math.floor(Date.now() / 1000) - 600;
    expect(await codeOf(verifier.verify(await pool.sign(accessClaims({ iat: past - 3600, exp: past }), key)))).toBe('expired');
    const foreign = await otherPool.sign(accessClaims({ iss: otherPool.issuer }), key);
    expect(await codeOf(verifier.verify(foreign))).toBe('issuer_mismatch');
  });

  it('checks aud as well when an audience is configured', async () => {
    const both = verifierFor({ audience: 'https://api.example.com' });
    expect(await codeOf(both.verify(await pool.sign(accessClaims(), key)))).toBe('missing_claim');
    await expect(both.verify(await pool.sign(accessClaims({ aud: 'https://api.example.com' }), key))).resolves.toBeDefined();
  });

  it('decides as aws-jwt-verify\'s validateCognitoJwtFields does, on the claims it checks', async () => {
    const cases: Record<string, JWTPayload> = {
      access: accessClaims(),
      'access, other client': accessClaims({ client_id: OTHER_APP_CLIENT }),
      'access, no client_id': accessClaims({ client_id: undefined }),
      'access, no token_use': accessClaims({ token_use: undefined }),
      'access, token_use refresh': accessClaims({ token_use: 'refresh' }),
      id: idClaims(),
      'id, other client': idClaims({ aud: OTHER_APP_CLIENT }),
    };
    for (const [name, claims] of Object.entries(cases)) {
      const theirs = (() => {
        try {
          validateCognitoJwtFields(claims as Parameters<typeof validateCognitoJwtFields>[0], { tokenUse: 'access', clientId: APP_CLIENT });
          return 'accepted';
        } catch {
          return 'refused';
        }
      })();
      const ours = (await codeOf(verifier.verify(await pool.sign(claims, key)))) === undefined ? 'accepted' : 'refused';
      expect(ours, name).toBe(theirs);
    }
  });

  it('refuses, at construction, tokenUse \'id\', tokenUse without clientId or audience, and no audience without tokenUse', () => {
    const attempts: Partial<AccessTokenVerifierOptions>[] = [
      { tokenUse: 'id' as 'access' },
      { tokenUse: 'refresh' as 'access' },
      { clientId: undefined },
      { tokenUse: undefined },
    ];
    for (const attempt of attempts) {
      expect(() => verifierFor(attempt), JSON.stringify(attempt)).toThrow(ConfigurationError);
    }
  });
});
