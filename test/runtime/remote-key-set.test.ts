// The verifier's JWKS cache against a real oidc-provider: unknown-kid cooldown, rotation, Cache-Control, outages.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import {
  createAccessTokenVerifier,
  KeySetError,
  TokenValidationError,
  type AccessTokenVerifier,
  type AccessTokenVerifierOptions,
} from '../../src/runtime/index.js';
import { accessTokenClaims, API_AUDIENCE, newSigningKey, sleep, startProvider, type ProviderHarness } from './support/provider.js';

let harness: ProviderHarness;

function verifierFor(overrides: Partial<AccessTokenVerifierOptions> = {}): AccessTokenVerifier {
  return createAccessTokenVerifier({ issuer: harness.issuer, audience: API_AUDIENCE, allowHttpForLoopback: true, ...overrides });
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error & { code?: string },
  );
}

/** A token signed by the provider's real key but naming a kid the provider never published. */
function forgedKidToken(index: number): Promise<string> {
  return harness.sign(accessTokenClaims(harness), { kid: `forged-${index}-${Math.random().toString(36).slice(2)}` });
}

beforeAll(async () => {
  harness = await startProvider();
});

afterEach(() => {
  harness.setDown(false);
  harness.setJwksCacheControl(undefined);
});

afterAll(async () => {
  await harness.close();
});

describe('unknown kid', () => {
  it('refetches the JWKS once per cooldown window, however many forged kids arrive', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 400 });
    const valid = await harness.clientCredentialsToken(API_AUDIENCE);
    // Signed up front so that only verification happens inside the timed windows.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, index) => forgedKidToken(index)));
    const sequence = await Promise.all(Array.from({ length: 20 }, (_, index) => forgedKidToken(100 + index)));
    const late = await forgedKidToken(999);

    const before = harness.jwksRequests();
    await verifier.verify(valid);
    expect(harness.jwksRequests()).toBe(before + 1);

    await sleep(450);
    const errors = await Promise.all(burst.map((token) => rejection(verifier.verify(token))));
    for (const error of errors) {
      expect(error).toBeInstanceOf(TokenValidationError);
      expect(error.code).toBe('unknown_kid');
    }
    expect(harness.jwksRequests()).toBe(before + 2);

    for (const token of sequence) {
      await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'unknown_kid' });
    }
    expect(harness.jwksRequests()).toBe(before + 2);
    expect(verifier.stats.jwksCooldownRefusals).toBeGreaterThanOrEqual(39);
    expect(verifier.stats.jwksFetches).toBe(2);
    // Known keys keep working throughout.
    await expect(verifier.verify(valid)).resolves.toBeDefined();

    await sleep(450);
    await expect(verifier.verify(late)).rejects.toMatchObject({ code: 'unknown_kid' });
    expect(harness.jwksRequests()).toBe(before + 3);
  });

  it('with the default 30 s cooldown, a flood right after the first fetch causes no refetch at all', async () => {
    const verifier = verifierFor();
    const before = harness.jwksRequests();
    await verifier.verify(await harness.clientCredentialsToken(API_AUDIENCE));
    const flood = await Promise.all(Array.from({ length: 25 }, (_, index) => forgedKidToken(index)));
    await Promise.all(flood.map((token) => expect(verifier.verify(token)).rejects.toMatchObject({ code: 'unknown_kid' })));
    expect(harness.jwksRequests()).toBe(before + 1);
  });
});

describe('Cache-Control on the JWKS', () => {
  it('refetches once the provider\'s max-age has passed', async () => {
    harness.setJwksCacheControl('public, max-age=1');
    const verifier = verifierFor({ jwksCooldownMs: 200 });
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    const before = harness.jwksRequests();
    await verifier.verify(token);
    await sleep(400);
    await verifier.verify(token);
    expect(harness.jwksRequests()).toBe(before + 1);
    await sleep(800);
    await verifier.verify(token);
    expect(harness.jwksRequests()).toBe(before + 2);
  });

  it('keeps keys for the provider\'s max-age even past the default lifetime, which applies without the header', async () => {
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    const options = { jwksCooldownMs: 100, jwksDefaultMaxAgeMs: 200 };

    harness.setJwksCacheControl('max-age=3600');
    const honouring = verifierFor(options);
    const before = harness.jwksRequests();
    await honouring.verify(token);
    expect(harness.jwksRequests()).toBe(before + 1);

    harness.setJwksCacheControl(undefined);
    const defaulted = verifierFor(options);
    await defaulted.verify(token);
    expect(harness.jwksRequests()).toBe(before + 2);

    await sleep(350);
    await honouring.verify(token);
    expect(harness.jwksRequests()).toBe(before + 2);
    await defaulted.verify(token);
    expect(harness.jwksRequests()).toBe(before + 3);
  });

  it('treats no-store as "as short as the cooldown allows", not as "fetch on every request"', async () => {
    harness.setJwksCacheControl('no-store');
    const verifier = verifierFor({ jwksCooldownMs: 300 });
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    const before = harness.jwksRequests();
    for (let index = 0; index < 10; index += 1) await verifier.verify(token);
    expect(harness.jwksRequests()).toBe(before + 1);
    await sleep(350);
    await verifier.verify(token);
    expect(harness.jwksRequests()).toBe(before + 2);
  });
});

describe('provider outage', () => {
  it('keeps verifying with cached keys until they expire, then fails closed; recovers when the provider is back', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 100, jwksDefaultMaxAgeMs: 600, failureBackoffMs: 50 });
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    await verifier.verify(token);

    harness.setDown(true);
    await expect(verifier.verify(token)).resolves.toBeDefined();
    await sleep(150);
    // An unknown kid needs the provider, which is down: refused as unavailable, not let through.
    const unknown = await rejection(verifier.verify(await forgedKidToken(1)));
    expect(unknown).toBeInstanceOf(KeySetError);
    expect(unknown.code).toBe('jwks_unavailable');
    await expect(verifier.verify(token)).resolves.toBeDefined();

    await sleep(600);
    const expired = await rejection(verifier.verify(token));
    expect(expired).toBeInstanceOf(KeySetError);
    expect(expired.code).toBe('jwks_unavailable');
    expect(expired.message).toContain(`${harness.issuer}/jwks`);
    expect(expired.message).not.toContain(token);

    harness.setDown(false);
    await sleep(60);
    await expect(verifier.verify(token)).resolves.toBeDefined();
  });

  it('does not send a request per call while failing: failures are remembered for failureBackoffMs', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 50, jwksDefaultMaxAgeMs: 50, failureBackoffMs: 10_000 });
    const token = await harness.clientCredentialsToken(API_AUDIENCE);
    await verifier.verify(token);
    harness.setDown(true);
    await sleep(80);
    const before = harness.jwksRequests();
    for (let index = 0; index < 10; index += 1) {
      await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'jwks_unavailable' });
    }
    expect(harness.jwksRequests()).toBe(before + 1);
  });
});

describe('key rotation', () => {
  let rotating: ProviderHarness;

  beforeAll(async () => {
    rotating = await startProvider();
  });

  afterAll(async () => {
    await rotating.close();
  });

  it('picks up the provider\'s new key without a restart, once the cooldown allows a refetch', async () => {
    const verifier = createAccessTokenVerifier({
      issuer: rotating.issuer,
      audience: API_AUDIENCE,
      allowHttpForLoopback: true,
      jwksCooldownMs: 500,
    });
    // RSA key generation can take longer than the cooldown, so the new key is made before the clock starts.
    const prepared = await newSigningKey('key-2');
    const oldToken = await rotating.clientCredentialsToken(API_AUDIENCE);
    await verifier.verify(oldToken);
    expect(rotating.jwksRequests()).toBe(1);

    const newKey = await rotating.rotateKeys(prepared);
    const newToken = await rotating.clientCredentialsToken(API_AUDIENCE);
    expect(JSON.parse(Buffer.from(newToken.split('.')[0]!, 'base64url').toString()).kid).toBe(newKey.kid);

    // Within the cooldown the new kid is refused rather than fetched for.
    await expect(verifier.verify(newToken)).rejects.toMatchObject({ code: 'unknown_kid' });
    expect(rotating.jwksRequests()).toBe(1);

    await sleep(550);
    await expect(verifier.verify(newToken)).resolves.toMatchObject({ iss: rotating.issuer });
    expect(rotating.jwksRequests()).toBe(2);
    // The old key is still published, so tokens signed before the rotation stay valid.
    await expect(verifier.verify(oldToken)).resolves.toBeDefined();
    expect(rotating.jwksRequests()).toBe(2);
  });
});
