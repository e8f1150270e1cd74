/**
 * Pinned verification keys: key material written into the source or read from a fixed file, reaching a
 * verification; `EmbeddedJWK`; key imports of written-out material; exported constants that hold keys.
 * What `oidc/no-hardcoded-jwt-key` reports and the `jwks-discovery` codemod rewrites.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { jwksUriOf } from '../knowledge/issuers.js';
import { adapterKeyOptions } from '../knowledge/providers/index.js';
import { classifyJwkValue, classifyKeyText, isEncryptionAlgorithm, isPrivateJwk, type KeyMaterial } from '../knowledge/keys.js';
import { knownText } from '../knowledge/partial-string.js';
import { issuerFactsOf } from './issuer-facts.js';
import type { LibraryId } from '../knowledge/libraries.js';
import { quoted, replaceNode, textOf, type TextEdit } from './edits.js';
import type { FileIndex } from './file-index.js';
import { ensureNamedImport, freeName, insertLinesAfter, offsetAfterImports } from './module-edits.js';
import { isCallExpression, isIdentifier, rangeOf, stringLiteralValue, unwrap, type AstNode } from './syntax.js';
import { knownString, possibleStrings, toPlain, type StaticValue } from './values.js';
import type { ApiCall } from './imports.js';
import type { VerificationAnalysis, VerificationSite } from './verify-sites.js';

/**
 * `selfIssued`: the key checks tokens the project issues itself (the module signs tokens, and the
 * verification expects no identity provider's issuer): no provider rotates that key behind the project's
 * back. Such findings are only made under `reportSelfIssued`.
 */
export type PinnedKeyFinding = (
  /** Material written in the source reaches this verification; `node` is the key argument at the site. */
  | { readonly kind: 'material'; readonly node: AstNode; readonly site: VerificationSite; readonly material: KeyMaterial; readonly materialNode: AstNode }
  /** A key read from a fixed path reaches this verification. */
  | { readonly kind: 'file'; readonly node: AstNode; readonly site: VerificationSite; readonly path: string }
  | { readonly kind: 'embedded-jwk'; readonly node: AstNode; readonly site: VerificationSite }
  /** Material turned into a key (`importSPKI`, `createPublicKey`) that no visible verification uses. */
  | { readonly kind: 'key-import'; readonly node: AstNode; readonly call: ApiCall; readonly material: KeyMaterial; readonly materialNode: AstNode }
  /** An exported module-level constant that holds a key, for a verifier in another module. */
  | { readonly kind: 'constant'; readonly node: AstNode; readonly name: string; readonly material: KeyMaterial; readonly materialNode: AstNode }
  /**
   * An adapter's config file pins the key (`realm-public-key` in the keycloak.json keycloak-connect reads);
   * `node` is the config argument, or the constructor when the adapter reads its default file.
   */
  | { readonly kind: 'config-file'; readonly node: AstNode; readonly site: VerificationSite; readonly path: string; readonly option: string; readonly material: KeyMaterial }
) & { readonly selfIssued?: boolean };

export interface PinnedKeyOptions {
  /** Keys mounted at a fixed path from a secret store that rotates them are allowed. */
  readonly allowKeyFiles?: boolean;
  /** Also report keys that verify the project's own tokens (it signs them with the matching private key). */
  readonly reportSelfIssued?: boolean;
  /**
   * Where the linted file is and where the process runs, to read adapter config files (keycloak.json); without
   * them no file is read.
   */
  readonly files?: { readonly filename: string; readonly cwd: string };
}

export function pinnedKeyFindings(analysis: VerificationAnalysis, source: string, options: PinnedKeyOptions = {}, includeCalls = true): PinnedKeyFinding[] {
  const findings: PinnedKeyFinding[] = [];
  const atNode = new Set<AstNode>();
  const covered = new Set<AstNode>();
  const add = (finding: PinnedKeyFinding) => {
    if ('materialNode' in finding) covered.add(finding.materialNode);
    if (finding.selfIssued && !options.reportSelfIssued) return;
    if (atNode.has(finding.node)) return;
    atNode.add(finding.node);
    findings.push(finding);
  };

  const signs = signsTokens(analysis);
  if (includeCalls) {
    for (const site of analysis.sites()) {
      const key = site.key;
      const slot = site.keySlot;
      if (!key || !slot) continue;
      const selfIssued = signs && expectsNoProviderIssuer(site);
      if (key.kind === 'material') {
        add({ kind: 'material', node: slot.node, site, material: key.material, materialNode: key.node, selfIssued });
      } else if (key.kind === 'file' && key.fixed && !options.allowKeyFiles) {
        const pathNode = (key.node.arguments as AstNode[])[0];
        const path = knownString(key.path) ?? (pathNode ? textOf(source, pathNode) : '');
        add({ kind: 'file', node: slot.node, site, path, selfIssued });
      } else if (key.kind === 'embedded-jwk') {
        add({ kind: 'embedded-jwk', node: slot.node, site });
      }
    }
    if (options.files) {
      for (const site of analysis.sites()) {
        const pinned = site.keySlot ? undefined : adapterConfigFileKey(analysis, site, options.files);
        if (pinned) add(pinned);
      }
    }
    for (const call of analysis.resolver.apiCalls()) {
      if (call.api.role !== 'key-import' && call.api.role !== 'local-key-set') continue;
      if (importsForEncryption(analysis, call)) continue;
      const materialSlot = analysis.slot(call, call.api.material);
      if (!materialSlot) continue;
      const keySource = analysis.keySourceOfSlot(materialSlot);
      if (keySource.kind !== 'material' || covered.has(keySource.node)) continue;
      add({ kind: 'key-import', node: materialSlot.node, call, material: keySource.material, materialNode: keySource.node, selfIssued: signs });
    }
  }

  const constants = exportedKeyConstants(analysis);
  const pairedWithPrivateKey = signs || holdsPrivateKeyConstant(analysis);
  for (const constant of constants) {
    if (covered.has(constant.materialNode)) continue;
    add({ ...constant, selfIssued: pairedWithPrivateKey });
  }
  return findings;
}

/** The module issues tokens itself: `jwt.sign`, `new SignJWT()`, a NestJS `sign`, ... */
function signsTokens(analysis: VerificationAnalysis): boolean {
  return analysis.resolver.apiCalls().some((call) => call.api.role === 'sign');
}

/** No issuer, or one no identity provider is known by: the project's own. */
function expectsNoProviderIssuer(site: VerificationSite): boolean {
  return issuerFactsOf(site.issuer?.value).every((fact) => fact.shape.kind === 'unknown');
}

/** `importSPKI(pem, 'RSA-OAEP-256')`: a key imported for a JWE key management algorithm encrypts. */
function importsForEncryption(analysis: VerificationAnalysis, call: ApiCall): boolean {
  const algorithm = analysis.slot(call, call.api.algorithms);
  return possibleStrings(algorithm?.value ?? { kind: 'unknown', origin: 'expression' }).some((parts) => {
    const text = knownText(parts);
    return text !== undefined && isEncryptionAlgorithm(text);
  });
}

/** A module-level constant holding a private key: its public half belongs to the project's own tokens. */
function holdsPrivateKeyConstant(analysis: VerificationAnalysis): boolean {
  const isPrivate = (value: StaticValue): boolean => {
    if (value.kind === 'string' || value.kind === 'partial-string') return classifyKeyText(value.kind === 'string' ? value.value : value.parts).kind === 'private-key';
    if (value.kind === 'object') return isPrivateJwk(toPlain(value));
    return value.kind === 'either' && value.options.some(isPrivate);
  };
  for (const binding of analysis.resolver.index.moduleBindings().values()) {
    if (binding.kind !== 'const' || !binding.init || binding.path.length > 0) continue;
    const init = unwrap(binding.init);
    if (!mayHoldKeyMaterial(init) && init.type !== 'LogicalExpression' && init.type !== 'ConditionalExpression') continue;
    if (isPrivate(analysis.values.evaluate(binding.init))) return true;
  }
  return false;
}

/** Every use of a constant in its module encrypts: the material of `publicEncrypt`, an encrypting key import. */
function usedOnlyForEncryption(analysis: VerificationAnalysis, id: AstNode): boolean {
  const index = analysis.resolver.index;
  const binding = index.resolve(id);
  const references = binding ? index.referencesOf(binding) : [];
  const uses = references.filter((reference) => index.parentOf(reference)?.type !== 'ExportSpecifier');
  if (uses.length === 0) return false;
  return uses.every((reference) => {
    // `publicEncrypt({ key: PEM, padding })`: the option object is the argument.
    let argument: AstNode = reference;
    const member = index.parentOf(reference);
    if (member && (member.type === 'Property' || member.type === 'ObjectProperty') && member.value === reference) argument = index.parentOf(member) ?? reference;
    const call = index.parentOf(argument);
    const apiCall = call ? analysis.resolver.apiCall(call) : undefined;
    if (!apiCall || !(apiCall.args as AstNode[]).includes(argument)) return false;
    return apiCall.api.role === 'encrypt' || ((apiCall.api.role === 'key-import') && importsForEncryption(analysis, apiCall));
  });
}

/** Module-level constants that hold a PEM public key or certificate, a JWK or a JWK Set, and are exported. */
function exportedKeyConstants(analysis: VerificationAnalysis): (PinnedKeyFinding & { kind: 'constant' })[] {
  const index = analysis.resolver.index;
  const constants: (PinnedKeyFinding & { kind: 'constant' })[] = [];
  for (const statement of index.program.body as AstNode[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as AstNode | null) : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations as AstNode[]) {
      const id = declarator.id as AstNode;
      if (id.type !== 'Identifier' || !declarator.init || !mayHoldKeyMaterial(unwrap(declarator.init as AstNode))) continue;
      const value = analysis.values.evaluate(declarator.init as AstNode);
      const material = constantMaterial(value);
      if (!material) continue;
      const binding = index.resolve(id);
      if (statement.type !== 'ExportNamedDeclaration' && !(binding && index.isExported(binding))) continue;
      if (usedOnlyForEncryption(analysis, id)) continue;
      constants.push({ kind: 'constant', node: id, name: id.name as string, material, materialNode: 'node' in value && value.node ? value.node : (declarator.init as AstNode) });
    }
  }
  return constants;
}

function constantMaterial(value: StaticValue): KeyMaterial | undefined {
  if (value.kind === 'string' || value.kind === 'partial-string') {
    const text = classifyKeyText(value.kind === 'string' ? value.value : value.parts);
    return text.kind === 'material' && text.material.kind === 'pem' ? text.material : undefined;
  }
  if (value.kind === 'object' || value.kind === 'array') return classifyJwkValue(toPlain(value));
  return undefined;
}

/** A cheap syntactic test before evaluating a constant. */
function mayHoldKeyMaterial(init: AstNode): boolean {
  return ['Literal', 'StringLiteral', 'TemplateLiteral', 'BinaryExpression', 'ObjectExpression', 'CallExpression'].includes(init.type);
}

/** How each library takes a remote key set instead of a key: the module and export to call, and where. */
const REMOTE_KEY_SETS: Partial<Record<LibraryId, { module: string; name: string; replaces: 'argument' | 'option'; option?: string }>> = {
  jose: { module: 'jose', name: 'createRemoteJWKSet', replaces: 'argument' },
  'express-jwt': { module: 'jwks-rsa', name: 'expressJwtSecret', replaces: 'option' },
  'koa-jwt': { module: 'jwks-rsa', name: 'koaJwtSecret', replaces: 'option' },
  'passport-jwt': { module: 'jwks-rsa', name: 'passportJwtSecret', replaces: 'option', option: 'secretOrKeyProvider' },
};

export interface RemoteJwksEdit {
  readonly jwksUri: string;
  readonly edits: readonly TextEdit[];
}

/**
 * Replace the key with a remote JWKS resolved from the site's issuer, keeping the rest of the call: where
 * the issuer is a known string whose JWKS URL follows from its shape, and the library takes a key set.
 */
export function remoteJwksEdit(site: VerificationSite, source: string, index: FileIndex): RemoteJwksEdit | undefined {
  const issuer = knownString(site.issuer?.value);
  const jwksUri = issuer === undefined ? undefined : jwksUriOf(issuer);
  const target = REMOTE_KEY_SETS[site.library];
  const slot = site.keySlot;
  if (!jwksUri || !target || !slot) return undefined;
  const imported = ensureNamedImport(source, index, target.module, target.name);
  if (!imported) return undefined;
  const url = quoted(source, jwksUri);

  if (target.replaces === 'argument') {
    // A module-level key set, so that keys are cached across calls rather than fetched per request.
    const name = freeName(index, slot.node, ['jwks', 'issuerJwks', 'remoteJwks']);
    if (!name) return undefined;
    const declaration = insertLinesAfter(source, offsetAfterImports(index.program, source), [`const ${name} = ${imported.reference}(new URL(${url}));`]);
    return { jwksUri, edits: [...imported.edits, declaration, replaceNode(slot.node, name)] };
  }

  // Options objects: replace the property that carries the key.
  const member = index.parentOf(slot.node);
  if (!member || (member.type !== 'Property' && member.type !== 'ObjectProperty') || member.value !== slot.node) return undefined;
  const keyText = target.option ?? textOf(source, member.key as AstNode);
  return {
    jwksUri,
    edits: [...imported.edits, { range: rangeOf(member), text: `${keyText}: ${imported.reference}({ jwksUri: ${url}, cache: true, rateLimit: true })` }],
  };
}

/** Parsed config files by path, kept while their modification time stands: one read per file and run. */
const configFiles = new Map<string, { readonly mtimeMs: number; readonly json: unknown }>();

function readJsonFile(path: string): unknown {
  try {
    const { mtimeMs } = statSync(path);
    const cached = configFiles.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.json;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      json = undefined;
    }
    configFiles.set(path, { mtimeMs, json });
    return json;
  } catch {
    return undefined;
  }
}

/**
 * keycloak-connect reads its config from a path (`new Keycloak(options, './keycloak.json')`, relative to the
 * working directory), from `require('./keycloak.json')`, or from `<cwd>/keycloak.json` when given none: a
 * `realm-public-key` there pins the realm key.
 */
function adapterConfigFileKey(analysis: VerificationAnalysis, site: VerificationSite, files: { filename: string; cwd: string }): PinnedKeyFinding | undefined {
  const adapter = adapterKeyOptions(site.library);
  if (!adapter?.configFile || site.call.node.type !== 'NewExpression') return undefined;
  const config = site.call.args[1];
  let path: string | undefined;
  let node: AstNode = config ?? (site.call.node.callee as AstNode);
  if (!config) path = resolve(files.cwd, adapter.configFile);
  else {
    const inner = unwrap(config);
    const required = jsonModuleOf(analysis, inner);
    if (required) path = resolve(dirname(files.filename), required);
    else {
      const written = knownString(analysis.values.evaluate(inner));
      if (written !== undefined && written.endsWith('.json')) path = resolve(files.cwd, written);
    }
    node = config;
  }
  if (!path) return undefined;
  const json = readJsonFile(path);
  if (!json || typeof json !== 'object') return undefined;
  for (const option of adapter.options) {
    const value = (json as Record<string, unknown>)[option];
    if (typeof value !== 'string') continue;
    const text = classifyKeyText(value);
    if (text.kind === 'material') return { kind: 'config-file', node, site, path, option, material: text.material };
  }
  return undefined;
}

/** `require('./keycloak.json')`, or a binding imported from a `.json` module: the specifier. */
export function jsonModuleOf(analysis: VerificationAnalysis, node: AstNode): string | undefined {
  const index = analysis.resolver.index;
  if (isCallExpression(node) && isIdentifier(unwrap(node.callee as AstNode), 'require')) {
    const argument = (node.arguments as AstNode[])[0];
    const specifier = argument ? stringLiteralValue(unwrap(argument)) : undefined;
    return specifier?.endsWith('.json') ? specifier : undefined;
  }
  if (isIdentifier(node)) {
    const binding = index.resolve(node);
    if (binding?.kind === 'import') {
      const specifier = index.parentOf(binding.declaration)?.source?.value;
      return typeof specifier === 'string' && specifier.endsWith('.json') ? specifier : undefined;
    }
    if (binding?.init && binding.path.length === 0) return jsonModuleOf(analysis, unwrap(binding.init));
  }
  return undefined;
}
