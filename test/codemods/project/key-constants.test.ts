// Exported key constants that no module of the run uses once the verifications are rewritten are removed by
// the project pass, each of them, from the text the pass left; a constant still read elsewhere stays.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../codemods/lib/transformer.js';
import keys from '../../fixtures/keys.json' with { type: 'json' };
import { commitAll, json, project, read } from '../../cli/support.js';

const KEYS = `export const OKTA_KEY = ${JSON.stringify(keys.rsaSpki)};

export const PARTNER_KEY = ${JSON.stringify(keys.rsaSpki)};

export const RETRIES = 3;
`;

const VERIFY = `import jwt from 'jsonwebtoken';
import { OKTA_KEY, PARTNER_KEY } from './keys';

export function check(token: string) {
  return jwt.verify(token, OKTA_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
}

export function checkPartner(token: string) {
  return jwt.verify(token, PARTNER_KEY, { issuer: 'https://acme.okta.com/oauth2/partners', audience: 'api://partners' });
}
`;

/** Reads a key without verifying anything with it: a use the rewrite leaves in place. */
const FINGERPRINT = `import { createHash } from 'node:crypto';
import { PARTNER_KEY } from './keys';

export const partnerKeyId = createHash('sha256').update(PARTNER_KEY).digest('hex').slice(0, 8);
`;

describe('key constants no module uses any more', () => {
  it('removes every one of them from a module that exports two, and keeps its other exports', async () => {
    const folder = project({ 'src/keys.ts': KEYS, 'src/verify.ts': VERIFY });
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    const keysAfter = read(folder, 'src/keys.ts');
    expect(keysAfter).not.toContain('OKTA_KEY');
    expect(keysAfter).not.toContain('PARTNER_KEY');
    expect(keysAfter).not.toContain('BEGIN PUBLIC KEY');
    expect(keysAfter).toContain('export const RETRIES = 3;');
    expect(read(folder, 'src/verify.ts')).not.toMatch(/from '\.\/keys'/);
    expect(report.files.find((file) => file.path === 'src/keys.ts')?.rewrites).toEqual([
      { transform: 'jwks-discovery', line: 1 },
      { transform: 'jwks-discovery', line: 1 },
    ]);
    expect(() => parseFile(keysAfter, 'keys.ts')).not.toThrow();
    commitAll(folder, 'migrated');
    const again = await json(folder, '.');
    expect(again.summary.filesChanged).toBe(0);
  });

  it('keeps a constant another module still reads', async () => {
    const folder = project({ 'src/keys.ts': KEYS, 'src/verify.ts': VERIFY, 'src/fingerprint.ts': FINGERPRINT });
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    const keysAfter = read(folder, 'src/keys.ts');
    expect(keysAfter).not.toContain('OKTA_KEY');
    expect(keysAfter).toContain(`export const PARTNER_KEY = ${JSON.stringify(keys.rsaSpki)};`);
    expect(read(folder, 'src/fingerprint.ts')).toBe(FINGERPRINT);
  });

  it('removes a key set exported as the module\'s default once its one importer no longer uses it', async () => {
    const jwks = `// Pasted from the issuer's jwks_uri.
const ISSUER_JWKS = { keys: [${JSON.stringify(keys.rsaJwk)}] };

export default ISSUER_JWKS;
`;
    const verify = `import { createLocalJWKSet, jwtVerify } from 'jose';
import ISSUER_JWKS from './issuer-jwks';

const localKeys = createLocalJWKSet(ISSUER_JWKS);

export async function check(token: string) {
  const { payload } = await jwtVerify(token, localKeys, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
  return payload;
}
`;
    const folder = project({ 'src/issuer-jwks.ts': jwks, 'src/verify.ts': verify });
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    const after = read(folder, 'src/issuer-jwks.ts');
    // Nothing is left but the comment that described the key set: it goes too, and a person deletes the file.
    expect(after).toBe('');
    expect(report.files.find((file) => file.path === 'src/issuer-jwks.ts')?.review).toEqual([
      expect.objectContaining({ line: 1, reason: expect.stringContaining('nothing in the run imports it: delete the file') }),
    ]);
    expect(read(folder, 'src/verify.ts')).not.toContain('./issuer-jwks');
    expect(() => parseFile(after, 'issuer-jwks.ts')).not.toThrow();
    commitAll(folder, 'migrated');
    expect((await json(folder, '.')).summary.filesChanged).toBe(0);
  });

  it('keeps the rest of a module that had more than the key, and a licence header of one that had not', async () => {
    const licensed = `/* Copyright 2026 Acme Corp. Licensed under the Apache License 2.0. */
export const OKTA_KEY = ${JSON.stringify(keys.rsaSpki)};
`;
    const verify = `import jwt from 'jsonwebtoken';
import { OKTA_KEY } from './okta-key';

export function check(token: string) {
  return jwt.verify(token, OKTA_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
}
`;
    const folder = project({ 'src/okta-key.ts': licensed, 'src/verify.ts': verify, 'src/keys.ts': KEYS, 'src/verify-keys.ts': VERIFY });
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    expect(read(folder, 'src/okta-key.ts')).toMatch(/^\/\* Copyright 2026 Acme Corp\.[^\n]*\*\/\n$/);
    expect(read(folder, 'src/keys.ts')).toContain('export const RETRIES = 3;');
    expect(report.files.flatMap((file) => file.review ?? []).map((note) => note.reason).join('\n')).not.toContain('delete the file');
  });

  it('keeps a key set exported as default while a module still imports it', async () => {
    const jwks = `const ISSUER_JWKS = { keys: [${JSON.stringify(keys.rsaJwk)}] };

export default ISSUER_JWKS;
`;
    const thumbprint = `import ISSUER_JWKS from './issuer-jwks';

export const keyIds = ISSUER_JWKS.keys.map((key) => key.kty);
`;
    const folder = project({ 'src/issuer-jwks.ts': jwks, 'src/thumbprint.ts': thumbprint });
    await json(folder, '.');
    expect(read(folder, 'src/issuer-jwks.ts')).toBe(jwks);
  });
});
