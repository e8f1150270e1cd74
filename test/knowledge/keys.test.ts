import { describe, expect, it } from 'vitest';
import {
  classifyJwkValue,
  classifyKeyText,
  describeKeyMaterial,
  isPrivateJwk,
  looksLikeKeyFilePath,
  mentionsKeyMaterial,
  UNKNOWN_VALUE,
} from '../../src/knowledge/keys.js';
import { hole } from '../../src/knowledge/partial-string.js';
import keys from '../fixtures/keys.json' with { type: 'json' };

const body = (pem: string) => pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');

describe('classifyKeyText', () => {
  it.each([
    ['SPKI public key', keys.rsaSpki, 'PUBLIC KEY'],
    ['PKCS#1 RSA public key', keys.rsaPkcs1, 'RSA PUBLIC KEY'],
    ['EC public key', keys.ecSpki, 'PUBLIC KEY'],
    ['Ed25519 public key', keys.edSpki, 'PUBLIC KEY'],
    ['certificate', keys.certificate, 'CERTIFICATE'],
  ])('finds a %s', (_name, pem, label) => {
    expect(classifyKeyText(pem)).toEqual({ kind: 'material', material: { kind: 'pem', label } });
  });

  it('reads PEM text with escaped newlines, on one line, or with CRLF', () => {
    expect(classifyKeyText(keys.rsaSpki.replace(/\n/g, '\\n')).kind).toBe('material');
    expect(classifyKeyText(keys.rsaSpki.replace(/\n/g, '')).kind).toBe('material');
    expect(classifyKeyText(keys.rsaSpki.replace(/\n/g, '\r\n')).kind).toBe('material');
    expect(classifyKeyText(`  ${keys.certificate}  `).kind).toBe('material');
  });

  it('finds a bare base64 public key (SPKI DER)', () => {
    expect(classifyKeyText(body(keys.rsaSpki))).toEqual({ kind: 'material', material: { kind: 'base64-der' } });
    expect(classifyKeyText('MIIBsecret').kind).toBe('none');
  });

  it('a PEM frame around a value known only at run time is no material', () => {
    expect(classifyKeyText(['-----BEGIN CERTIFICATE-----\n', hole('x5c'), '\n-----END CERTIFICATE-----'])).toEqual({ kind: 'assembled-at-run-time' });
    expect(classifyKeyText(['-----BEGIN PUBLIC KEY-----\n', hole('PUBLIC_KEY_BODY'), '\n-----END PUBLIC KEY-----\n'])).toEqual({ kind: 'assembled-at-run-time' });
  });

  it('private keys are not verification keys', () => {
    expect(classifyKeyText(keys.rsaPrivate)).toEqual({ kind: 'private-key' });
    expect(classifyKeyText('-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----').kind).toBe('private-key');
  });

  it('placeholders and empty frames', () => {
    expect(classifyKeyText('-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----').kind).toBe('placeholder');
    expect(classifyKeyText('-----BEGIN PUBLIC KEY-----\nYOUR_PUBLIC_KEY_HERE\n-----END PUBLIC KEY-----').kind).toBe('placeholder');
    expect(classifyKeyText('-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----').kind).toBe('placeholder');
    expect(classifyKeyText('-----BEGIN CERTIFICATE-----\n<paste the certificate here>\n-----END CERTIFICATE-----').kind).toBe('placeholder');
  });

  it('ordinary strings and HMAC secrets are none', () => {
    expect(classifyKeyText('my-hmac-secret').kind).toBe('none');
    expect(classifyKeyText('').kind).toBe('none');
    expect(classifyKeyText('Use a -----BEGIN PUBLIC KEY----- block').kind).toBe('placeholder');
  });
});

describe('classifyJwkValue', () => {
  it.each([
    ['RSA', keys.rsaJwk],
    ['EC', keys.ecJwk],
    ['OKP', keys.edJwk],
  ])('finds an inline %s JWK', (keyType, jwk) => {
    expect(classifyJwkValue(jwk)).toMatchObject({ kind: 'jwk', keyType, kid: jwk.kid });
  });

  it('finds a JWK Set with every key type', () => {
    expect(classifyJwkValue({ keys: [keys.rsaJwk, keys.ecJwk, keys.edJwk] })).toEqual({
      kind: 'jwks',
      keyTypes: ['RSA', 'EC', 'OKP'],
      kids: ['k1', 'k2', 'k3'],
    });
  });

  it('is not fooled by look-alikes', () => {
    expect(classifyJwkValue({ kty: 'oct', k: 'c2VjcmV0' })).toBeUndefined();
    expect(classifyJwkValue({ kty: 'RSA', n: UNKNOWN_VALUE, e: 'AQAB' })).toBeUndefined();
    expect(classifyJwkValue({ keys: [] })).toBeUndefined();
    expect(classifyJwkValue({ keys: UNKNOWN_VALUE })).toBeUndefined();
    expect(classifyJwkValue('{"kty":"RSA"}')).toBeUndefined();
    expect(classifyJwkValue({ kty: 'RSA', n: '', e: 'AQAB' })).toBeUndefined();
  });

  it('knows private JWKs', () => {
    expect(isPrivateJwk(keys.rsaPrivateJwk)).toBe(true);
    expect(isPrivateJwk(keys.rsaJwk)).toBe(false);
  });
});

describe('key words and files', () => {
  it('describes material for messages', () => {
    expect(describeKeyMaterial({ kind: 'pem', label: 'CERTIFICATE' })).toBe('a PEM certificate');
    expect(describeKeyMaterial({ kind: 'pem', label: 'PUBLIC KEY' })).toBe('a PEM public key');
    expect(describeKeyMaterial({ kind: 'jwks', keyTypes: ['RSA'], kids: [] })).toBe('an inline JWK Set');
  });

  it('recognises key file paths', () => {
    for (const path of ['./keys/okta.pem', 'public.crt', 'certs/signing.cer', 'jwks.json', 'okta-public-key.json', 'key.pub']) {
      expect(looksLikeKeyFilePath(path), path).toBe(true);
    }
    for (const path of ['package.json', './config.json', 'README.md', 'index.ts']) expect(looksLikeKeyFilePath(path), path).toBe(false);
  });
});

describe('mentionsKeyMaterial', () => {
  const der = body(keys.rsaSpki);

  it('finds bare base64 DER wherever a value can start with it', () => {
    expect(der.startsWith('MII')).toBe(true);
    expect(mentionsKeyMaterial(`const key = '${der}';`)).toBe(true);
    expect(mentionsKeyMaterial(`const key = "${der}";`)).toBe(true);
    expect(mentionsKeyMaterial(`const key = \`\n    ${der}\n\`;`)).toBe(true);
    expect(mentionsKeyMaterial(`const key = '\\n${der}';`)).toBe(true);
    expect(mentionsKeyMaterial(`{ "x5c": ["${der}"] }`)).toBe(true);
    expect(mentionsKeyMaterial(`const lines = [\n  '${der.slice(0, 64)}',\n  '${der.slice(64)}',\n].join('');`)).toBe(true);
  });

  it('finds PEM blocks and JWKs', () => {
    expect(mentionsKeyMaterial(`const pem = \`${keys.rsaSpki}\`;`)).toBe(true);
    expect(mentionsKeyMaterial(`const jwk = { kty: 'RSA', n: '...', e: 'AQAB' };`)).toBe(true);
  });

  it('passes over MII inside a longer base64 run, as in an inlined image or font', () => {
    const image = `iVBORw0KGgoAAAANSUhEUgAAAEAAAAAQCAYAAACm53kpAAAA${der}AAAAElFTkSuQmCC`;
    expect(mentionsKeyMaterial(`const AREA_TEXTURE = 'data:image/png;base64,${image}';`)).toBe(false);
    expect(mentionsKeyMaterial(`const FONT = '${image}';`)).toBe(false);
    expect(mentionsKeyMaterial(`const token = 'MIIBsecret';`)).toBe(false);
  });
});
