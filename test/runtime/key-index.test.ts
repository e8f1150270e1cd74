// Key selection from a large JWKS (issue 21): keys indexed by kid, with the alg/use/kty rules and the no-kid case intact.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { createAccessTokenVerifier, TokenValidationError, type AccessTokenVerifierOptions } from '../../src/runtime/index.js';
import { publicPart, sleep } from './support/provider.js';
import { startStaticIssuer, type StaticIssuer } from './support/static-issuer.js';

const AUDIENCE = 'api://large-jwks';
const FILLERS = 10_000;

let issuer: StaticIssuer;
let rsa: JWK;
let ec: JWK;
let ed: JWK;
let fillerKey: JWK;

async function privateJwk(alg: 'RS256' | 'ES256' | 'EdDSA', kid: string | undefined): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  return { ...(await exportJWK(privateKey)), ...(kid === undefined ? {} : { kid }) };
}

/** 10 000 Ed25519 keys, each under its own kid, none of which signs anything in these tests. */
function fillers(): JWK[] {
  const { x } = publicPart(fillerKey);
  return Array.from({ length: FILLERS }, (_, index) => ({ kty: 'OKP', crv: 'Ed25519', x, kid: `filler-${index}` }));
}

function claims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer.issuer, aud: AUDIENCE, sub: 'service', client_id: 'service', iat: now, exp: now + 300 };
}

function verifierFor(overrides: Partial<AccessTokenVerifierOptions> = {}) {
  return createAccessTokenVerifier({
    issuer: issuer.issuer,
    audience: AUDIENCE,
    algorithms: ['RS256', 'ES256', 'EdDSA'],
    allowHttpForLoopback: true,
    ...overrides,
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error instanceof TokenValidationError ? error.code : `not a TokenValidationError: ${String(error)}`),
  );
}

beforeAll(async () => {
  [rsa, ec, ed, fillerKey] = await Promise.all([
    privateJwk('RS256', 'shared-kid'),
    privateJwk('ES256', 'shared-kid'),
    privateJwk('EdDSA', 'ed-last'),
    privateJwk('EdDSA', undefined),
  ]);
  issuer = await startStaticIssuer({ path: '/oauth2/large' });
});

afterAll(async () => {
  await issuer.close();
});

describe('a JWKS of 10 000 keys', () => {
  it('finds the key by kid wherever it is listed, and never tries another key under a different kid', async () => {
    issuer.setKeys([{ ...publicPart(rsa), use: 'sig' }, ...fillers(), publicPart(ed)]);
    const verifier = verifierFor();
    await expect(verifier.verify(await issuer.sign(claims(), ed))).resolves.toMatchObject({ sub: 'service' });
    await expect(verifier.verify(await issuer.sign(claims(), rsa))).resolves.toMatchObject({ sub: 'service' });
    // Signed by the last key but naming a filler's kid: the filler is selected, and its signature check fails.
    expect(await codeOf(verifier.verify(await issuer.sign(claims(), ed, { kid: 'filler-5000' })))).toBe('signature_invalid');
    expect(issuer.jwksRequests()).toBeGreaterThanOrEqual(1);
  });

  it('keeps the type rules under one kid: an RSA and an EC key sharing a kid each verify their own algorithm', async () => {
    issuer.setKeys([...fillers(), publicPart(rsa), publicPart(ec)]);
    const verifier = verifierFor();
    await expect(verifier.verify(await issuer.sign(claims(), rsa, { alg: 'RS256' }))).resolves.toBeDefined();
    await expect(verifier.verify(await issuer.sign(claims(), ec, { alg: 'ES256' }))).resolves.toBeDefined();
  });

  it('skips a key under the token\'s kid whose use, key_ops or alg does not fit', async () => {
    const rsaPublic = publicPart(rsa);
    for (const unfit of [{ use: 'enc' }, { key_ops: ['encrypt'] }, { alg: 'RS384' }]) {
      issuer.setKeys([...fillers(), { ...rsaPublic, ...unfit }]);
      const verifier = verifierFor({ jwksCooldownMs: 60_000 });
      expect(await codeOf(verifier.verify(await issuer.sign(claims(), rsa)))).toBe('unknown_kid');
    }
  });

  it('does not match a key published without a kid to a token that names one', async () => {
    const { kid: _kid, ...withoutKid } = publicPart(rsa);
    issuer.setKeys([...fillers(), withoutKid]);
    expect(await codeOf(verifierFor().verify(await issuer.sign(claims(), rsa)))).toBe('unknown_kid');
  });
});

describe('tokens without a kid', () => {
  it('are verified when exactly one published key fits the algorithm, among 10 000 of another type', async () => {
    issuer.setKeys([...fillers(), publicPart(rsa)]);
    const verifier = verifierFor();
    const token = await issuer.sign(claims(), rsa, { kid: null });
    await expect(verifier.verify(token)).resolves.toBeDefined();
    // The memoised choice is the same on the next call.
    await expect(verifier.verify(token)).resolves.toBeDefined();
  });

  it('are refused when more than one key fits, since the choice would be a guess', async () => {
    const other = await privateJwk('RS256', 'another-rsa');
    issuer.setKeys([...fillers(), publicPart(rsa), publicPart(other)]);
    expect(await codeOf(verifierFor().verify(await issuer.sign(claims(), rsa, { kid: null })))).toBe('unknown_kid');
    // EdDSA: 10 000 Ed25519 fillers fit, so a kid-less EdDSA token is ambiguous too.
    expect(await codeOf(verifierFor().verify(await issuer.sign(claims(), ed, { kid: null })))).toBe('unknown_kid');
  });
});

describe('rotation with an index', () => {
  it('rebuilds the index from the refetched set: a new kid is found after the cooldown, a withdrawn one is gone', async () => {
    const next = await privateJwk('RS256', 'rotated-in');
    // Signed before the clock starts, so that a slow machine does not outlast the cooldown before the first check.
    const old = await issuer.sign(claims(), rsa);
    const rotated = await issuer.sign(claims(), next);
    issuer.setKeys([...fillers(), publicPart(rsa)]);
    const verifier = verifierFor({ jwksCooldownMs: 1_000, jwksDefaultMaxAgeMs: 1_000 });
    await expect(verifier.verify(old)).resolves.toBeDefined();
    const before = issuer.jwksRequests();

    issuer.setKeys([...fillers(), publicPart(next)]);
    expect(await codeOf(verifier.verify(rotated))).toBe('unknown_kid');
    expect(issuer.jwksRequests()).toBe(before);
    await sleep(1_100);
    await expect(verifier.verify(rotated)).resolves.toBeDefined();
    expect(issuer.jwksRequests()).toBe(before + 1);
    await sleep(1_100);
    expect(await codeOf(verifier.verify(old))).toBe('unknown_kid');
  });
});
