/**
 * Key material as it appears in source: PEM blocks, bare base64 DER, JWKs and JWK Sets. Public keys and
 * certificates used to verify tokens are this plugin's business; private keys, HMAC secrets and PEM text
 * assembled around a value fetched at run time are not.
 */
import { isHole, normalizePartialString, type PartialString } from './partial-string.js';

export type PemLabel = 'PUBLIC KEY' | 'RSA PUBLIC KEY' | 'EC PUBLIC KEY' | 'CERTIFICATE';
export type JwkKeyType = 'RSA' | 'EC' | 'OKP';

export type KeyMaterial =
  | { kind: 'pem'; label: PemLabel }
  | { kind: 'base64-der' }
  | { kind: 'jwk'; keyType: JwkKeyType; kid?: string }
  | { kind: 'jwks'; keyTypes: JwkKeyType[]; kids: string[] };

export type KeyTextClass =
  /** Public key material written out in full. */
  | { kind: 'material'; material: KeyMaterial }
  /** A PEM frame around something only known at run time (a fetched `x5c`, an environment variable). */
  | { kind: 'assembled-at-run-time' }
  /** Private keys sign; they are not verification keys (other tools cover leaked secrets). */
  | { kind: 'private-key' }
  /** A frame with no key in it, or an obvious placeholder. */
  | { kind: 'placeholder' }
  | { kind: 'none' };

const PEM_BEGIN = /-----BEGIN ((?:RSA |EC )?PUBLIC KEY|CERTIFICATE|(?:RSA |EC |ENCRYPTED |OPENSSH )?PRIVATE KEY)-----/;
const PEM_END = /-----END [A-Z ]+-----/;
/** The shortest body of a real key: an Ed25519 SPKI is 60 base64 characters. */
const MIN_KEY_BODY = 56;
/** DER of SPKI and X.509 starts with a SEQUENCE of two-byte length: base64 `MII`. */
const BASE64_DER = /^MII[A-Za-z0-9+/]{200,}={0,2}$/;

/** Classifies a string (or a partly known string) that may hold key material. */
export function classifyKeyText(input: string | PartialString): KeyTextClass {
  const parts = normalizePartialString(typeof input === 'string' ? [input] : input);
  const first = parts.find((part): part is string => typeof part === 'string' && PEM_BEGIN.test(part));
  if (first === undefined) {
    if (parts.length === 1 && typeof parts[0] === 'string') {
      const compact = parts[0].replace(/\s+/g, '');
      if (BASE64_DER.test(compact)) return { kind: 'material', material: { kind: 'base64-der' } };
    }
    return { kind: 'none' };
  }
  const label = PEM_BEGIN.exec(first)![1]!;
  if (label.endsWith('PRIVATE KEY')) return { kind: 'private-key' };

  // The body is what stands between the BEGIN and END markers.
  const startIndex = parts.indexOf(first);
  const body: PartialString[number][] = [];
  const afterBegin = first.slice(first.search(PEM_BEGIN)).replace(PEM_BEGIN, '');
  let ended = false;
  const collect = (text: string) => {
    const end = text.search(PEM_END);
    if (end === -1) body.push(text);
    else {
      body.push(text.slice(0, end));
      ended = true;
    }
  };
  collect(afterBegin);
  for (const part of parts.slice(startIndex + 1)) {
    if (ended) break;
    if (isHole(part)) body.push(part);
    else collect(part);
  }
  if (body.some(isHole)) return { kind: 'assembled-at-run-time' };
  // A real body is base64 only; `...`, `<your key>` or `YOUR_PUBLIC_KEY` mark a placeholder.
  const compact = (body as string[]).join('').replace(/\\[nr]|\s+/g, '');
  if (compact.length < MIN_KEY_BODY || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return { kind: 'placeholder' };
  return { kind: 'material', material: { kind: 'pem', label: label as PemLabel } };
}

/** Stands for a value the analysis could not know, inside objects handed to `classifyJwkValue`. */
export const UNKNOWN_VALUE: unique symbol = Symbol('unknown value');

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PUBLIC_PARAMETERS: Record<JwkKeyType, readonly string[]> = {
  RSA: ['n', 'e'],
  EC: ['crv', 'x', 'y'],
  OKP: ['crv', 'x'],
};

function jwkKeyType(value: Plain): JwkKeyType | undefined {
  const kty = value.kty;
  if (kty !== 'RSA' && kty !== 'EC' && kty !== 'OKP') return undefined;
  // Written in source means the parameters are literal text, not read at run time.
  const literal = PUBLIC_PARAMETERS[kty].every((name) => typeof value[name] === 'string' && (value[name] as string).length > 0);
  return literal ? kty : undefined;
}

/**
 * Classifies an object value as a JWK or JWK Set of public verification keys. Values the analysis could
 * not resolve are `UNKNOWN_VALUE`: a JWK whose `n` comes from a fetch is not material in the source.
 * Symmetric (`oct`) keys are HMAC secrets and not classified.
 */
export function classifyJwkValue(value: unknown): KeyMaterial | undefined {
  if (!isPlainObject(value)) return undefined;
  if (Array.isArray(value.keys)) {
    const keys = value.keys.filter(isPlainObject);
    const keyTypes = keys.map(jwkKeyType).filter((type): type is JwkKeyType => type !== undefined);
    if (keyTypes.length === 0) return undefined;
    const kids = keys.map((key) => key.kid).filter((kid): kid is string => typeof kid === 'string');
    return { kind: 'jwks', keyTypes: [...new Set(keyTypes)], kids };
  }
  const keyType = jwkKeyType(value);
  if (!keyType) return undefined;
  return typeof value.kid === 'string' ? { kind: 'jwk', keyType, kid: value.kid } : { kind: 'jwk', keyType };
}

/** Does the JWK carry a private part (`d`)? Private JWKs sign and are not verification keys. */
export function isPrivateJwk(value: unknown): boolean {
  return isPlainObject(value) && value.d !== undefined;
}

/** Words for messages: "a PEM public key", "an inline JWK Set". */
export function describeKeyMaterial(material: KeyMaterial): string {
  switch (material.kind) {
    case 'pem':
      return material.label === 'CERTIFICATE' ? 'a PEM certificate' : `a PEM ${material.label.toLowerCase().replace(/^(rsa|ec) /, (kind) => kind.toUpperCase())}`;
    case 'base64-der':
      return 'a base64-encoded public key';
    case 'jwk':
      return `an inline ${material.keyType} JWK`;
    case 'jwks':
      return 'an inline JWK Set';
  }
}

/** Key files by extension: a fixed path to one of these that reaches verification pins the key. */
export const KEY_FILE_EXTENSIONS: readonly string[] = ['.pem', '.crt', '.cer', '.pub', '.key', '.jwk', '.jwks', '.json', '.der'];

export function looksLikeKeyFilePath(path: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return /(jwk|key|cert|pub)/.test(lower.slice(lower.lastIndexOf('/') + 1));
  return KEY_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * JWE key management algorithms: a public key imported for one of these encrypts (`EncryptJWT`,
 * `CompactEncrypt`); it verifies nothing, so a pinned one is no verification key.
 */
const ENCRYPTION_ALGORITHM = /^(RSA-OAEP(-\d+)?|RSA1_5|ECDH-ES(\+A\d+KW)?|A\d+(GCM)?KW|dir|PBES2-.*)$/;

export function isEncryptionAlgorithm(algorithm: string): boolean {
  return ENCRYPTION_ALGORITHM.test(algorithm);
}

/** Functions that generate keys at run time: data flow from these is never pinned material. */
export const KEY_GENERATORS: readonly { module: string; export: readonly string[] }[] = [
  { module: 'crypto', export: ['generateKeyPairSync'] },
  { module: 'crypto', export: ['generateKeyPair'] },
  { module: 'crypto', export: ['generateKeySync'] },
  { module: 'jose', export: ['generateKeyPair'] },
  { module: 'jose', export: ['generateSecret'] },
];

/** Calls that read a file; a key read through one of these from a fixed path is a pinned key file. */
export const FILE_READERS: readonly { module: string; export: readonly string[]; pathArg: number }[] = [
  { module: 'fs', export: ['readFileSync'], pathArg: 0 },
  { module: 'fs', export: ['readFile'], pathArg: 0 },
  { module: 'fs', export: ['promises', 'readFile'], pathArg: 0 },
  { module: 'fs/promises', export: ['readFile'], pathArg: 0 },
];

/** Calls that build a path from parts; with only fixed parts, the path is fixed. */
export const PATH_BUILDERS: readonly { module: string; export: readonly string[] }[] = [
  { module: 'path', export: ['join'] },
  { module: 'path', export: ['resolve'] },
  { module: 'path', export: ['normalize'] },
  { module: 'path', export: ['posix', 'join'] },
];

/** Globals that name a place in the project: a path built only from these and literals is fixed. */
export const PROJECT_ANCHORS: readonly string[] = ['__dirname', '__filename'];

/** `node:fs` and `fs` are one module. */
export function builtinModuleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

export function matchesModuleExport(
  table: readonly { module: string; export: readonly string[] }[],
  module: string,
  path: readonly string[],
): boolean {
  const name = builtinModuleName(module);
  const normalized = path[0] === 'default' ? path.slice(1) : path;
  return table.some((entry) => entry.module === name && entry.export.join('.') === normalized.join('.'));
}

/**
 * Bare base64 DER as `classifyKeyText` knows it: a value that starts with `MII` (after white space). In
 * source text the `MII` follows a quote, white space or an escape such as `\n`, never another base64
 * character: an `MII` inside a longer base64 run (an inlined image, a font) is not the start of a key.
 */
const BASE64_DER_MENTION = /(?<!(?<!\\)[A-Za-z0-9+/])MII[A-Za-z0-9+/]{60}/;

/** A quick look at source text: could it hold key material (a PEM block, a JWK, base64 DER)? */
export function mentionsKeyMaterial(text: string): boolean {
  // Plain substring searches first: they reject almost every file at native speed.
  if (text.includes('-----BEGIN')) return true;
  if (text.includes('kty') && /\bkty\b/.test(text)) return true;
  return text.includes('MII') && BASE64_DER_MENTION.test(text);
}
