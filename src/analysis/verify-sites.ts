/**
 * Verification sites: each place a token is verified (or a verifier is configured), with the token
 * expression, where the key comes from, and the issuer, audience and algorithms, as facts that rules and
 * codemods read.
 */
import {
  classifyJwkValue,
  classifyKeyText,
  FILE_READERS,
  isPrivateJwk,
  KEY_GENERATORS,
  matchesModuleExport,
  PATH_BUILDERS,
  PROJECT_ANCHORS,
  type KeyMaterial,
} from '../knowledge/keys.js';
import { apiAtExport, type LibraryApi, type LibraryId, type TokenKind, type ValueSlot } from '../knowledge/libraries.js';

import { tokenKindOption } from '../knowledge/providers/index.js';

type FactName = 'key' | 'issuer' | 'audience' | 'algorithms' | 'clockTolerance' | 'clientId' | 'jwksUri' | 'tokenKindFrom';
import { resolverFor, type ApiCall, type EntityResolver } from './imports.js';
import { indexFile } from './file-index.js';
import {
  isCallExpression,
  isFunction,
  isIdentifier,
  isMemberExpression,
  memberName,
  returnedExpressions,
  unwrap,
  walkNodes,
  type AstNode,
} from './syntax.js';
import { evaluatorFor, toPlain, type StaticValue, type TypeOracle, type ValueEvaluator } from './values.js';

/** A value found at an argument or option of a call: the node that wrote it and what it holds. */
export interface SlotFact {
  readonly node: AstNode;
  readonly value: StaticValue;
  /** The value was written in another module; `node` is where this file passes it on. */
  readonly external?: boolean;
}

export type KeySource =
  /** Key material written in the source; `node` is where it is written, `via` the import call. */
  | { readonly kind: 'material'; readonly material: KeyMaterial; readonly node: AstNode; readonly via?: ApiCall }
  /** A key read from a file; `fixed` when the path is a constant inside the project. */
  | { readonly kind: 'file'; readonly fixed: boolean; readonly path?: StaticValue; readonly node: AstNode }
  /** Keys from a JWKS URL at run time (`createRemoteJWKSet`, `jwks-rsa`). */
  | { readonly kind: 'remote-jwks'; readonly url?: SlotFact; readonly node: AstNode; readonly api: LibraryApi }
  /** A function that resolves the key per token; `remote` when it does so from a JWKS URL. */
  | { readonly kind: 'resolver'; readonly node: AstNode; readonly remote?: KeySource & { kind: 'remote-jwks' } }
  /** `jose.EmbeddedJWK`: trusts the key the token carries. */
  | { readonly kind: 'embedded-jwk'; readonly node: AstNode }
  | { readonly kind: 'generated'; readonly node: AstNode }
  | { readonly kind: 'assembled-at-run-time'; readonly node: AstNode }
  /** A known string that is no key material: an HMAC secret, not this plugin's business. */
  | { readonly kind: 'secret'; readonly node: AstNode }
  | { readonly kind: 'private-key'; readonly node: AstNode }
  | { readonly kind: 'placeholder'; readonly node: AstNode }
  | { readonly kind: 'unknown'; readonly node: AstNode };

export interface VerificationSite {
  readonly call: ApiCall;
  readonly api: LibraryApi;
  readonly library: LibraryId;
  /** `verify` verifies now; `verifier` configures verification of later requests. */
  readonly role: 'verify' | 'verifier';
  readonly token?: AstNode;
  readonly tokenKind: TokenKind;
  /** The option that chose `tokenKind` (`tokenUse: 'id'`), when an option did. */
  readonly tokenKindOption?: SlotFact;
  /** Middleware and strategies that read the request's bearer token unless told otherwise. */
  readonly readsBearerHeader: boolean;
  readonly tokenFrom?: SlotFact;
  /** The argument or option that passes the key at this call (or at the call that made the verifier). */
  readonly keySlot?: SlotFact;
  readonly key?: KeySource;
  readonly issuer?: SlotFact;
  readonly audience?: SlotFact;
  readonly algorithms?: SlotFact;
  readonly clockTolerance?: SlotFact;
  readonly clientId?: SlotFact;
  readonly jwksUri?: SlotFact;
}

const MAX_DEPTH = 12;

export class VerificationAnalysis {
  constructor(
    readonly resolver: EntityResolver,
    readonly values: ValueEvaluator,
  ) {}

  /**
   * The value at a slot of a call: `{ arg: 2, path: ['issuer'] }` is the `issuer` option of the third
   * argument. An options object followed into another module keeps the last node of this file as the
   * slot's node (reports and edits stay here) and the other module's value, with `external` set.
   */
  slot(call: ApiCall, slots: readonly ValueSlot[] | undefined): SlotFact | undefined {
    for (const candidate of slots ?? []) {
      const found = this.slotAt(call, candidate);
      if (found) return found;
    }
    return undefined;
  }

  private slotAt(call: ApiCall, candidate: ValueSlot): SlotFact | undefined {
    let node = call.args[candidate.arg];
    if (!node) return undefined;
    let value = this.values.evaluate(node);
    let external = false;
    for (const step of candidate.path ?? []) {
      if (step === '()') {
        const fn = value.kind === 'function' && !external && this.isLocal(value.node) ? value.node : undefined;
        const returned = fn ? returnedExpressions(fn)[0] : undefined;
        if (!returned) return undefined;
        node = returned;
        value = this.values.evaluate(node);
        continue;
      }
      const property = value.kind === 'object' ? value.properties.get(step) : undefined;
      if (!property) return undefined;
      value = property.value;
      if (!external && this.isLocal(property.valueNode)) node = property.valueNode;
      else external = true;
    }
    return external ? { node, value, external } : { node, value };
  }

  /** Whether a node belongs to this file's tree (values followed into other modules carry theirs). */
  isLocal(node: AstNode | undefined): boolean {
    const index = this.resolver.index;
    return !!node && (node === index.program || index.parentOf(node) !== undefined);
  }

  site(call: ApiCall): VerificationSite | undefined {
    const { api } = call;
    if (api.role !== 'verify' && api.role !== 'verifier') return undefined;
    // Methods of a made value (`verifier.verifyAccessToken`) take what the call lacks from the maker.
    const fact = (name: FactName) => this.slot(call, api[name]) ?? (call.maker ? this.slot(call.maker, call.maker.api[name]) : undefined);
    const keyFact = fact('key');
    const token = api.token ? this.slot(call, api.token)?.node : undefined;
    const tokenFrom = this.slot(call, api.tokenFrom);
    const kindOption = fact('tokenKindFrom');
    const chosenKind = kindOption?.value.kind === 'string' ? tokenKindOption(api.library)?.values.get(kindOption.value.value) : undefined;
    const site: VerificationSite = {
      call,
      api,
      library: api.library,
      role: api.role,
      tokenKind: chosenKind ?? api.tokenKind ?? 'any',
      ...(chosenKind && kindOption ? { tokenKindOption: kindOption } : {}),
      readsBearerHeader: !!api.readsBearerHeader,
      ...(token ? { token } : {}),
      ...(tokenFrom ? { tokenFrom } : {}),
      ...optional('keySlot', keyFact),
      ...optional('key', keyFact ? this.keySourceOfSlot(keyFact) : undefined),
      ...optional('issuer', fact('issuer')),
      ...optional('audience', fact('audience')),
      ...optional('algorithms', fact('algorithms')),
      ...optional('clockTolerance', fact('clockTolerance')),
      ...optional('clientId', fact('clientId')),
      ...optional('jwksUri', fact('jwksUri')),
    };
    return site;
  }

  /** Every verification and verifier configuration in the file, in source order. */
  sites(): VerificationSite[] {
    const sites: VerificationSite[] = [];
    for (const call of this.resolver.apiCalls()) {
      const site = this.site(call);
      if (site) sites.push(site);
    }
    return sites;
  }

  /** Where the key at a slot comes from: followed from its node here, or read from another module's value. */
  keySourceOfSlot(slot: SlotFact): KeySource {
    return slot.external ? this.keyFromValue(slot.value, slot.node, 0) : this.keySource(slot.node);
  }

  /** Where a key comes from, following bindings, key imports and key sets back to their source. */
  keySource(node: AstNode, depth = 0): KeySource {
    const expression = unwrap(node);
    if (depth > MAX_DEPTH) return { kind: 'unknown', node: expression };

    const entity = this.resolver.entityOf(expression);
    // A module export used as a key: `jose.EmbeddedJWK`.
    if (entity.kind === 'module' && apiAtExport(entity.module, entity.path)?.role === 'embedded-key') {
      return { kind: 'embedded-jwk', node: expression };
    }
    if (entity.kind === 'made' && entity.path.length === 0 && entity.site) {
      const call = this.resolver.apiCall(entity.site);
      if (call) {
        const made = this.madeKeySource(call, expression, depth);
        if (made) return made;
      }
    }

    const origin = this.originCall(expression);
    if (origin) {
      const callee = this.resolver.entityOf(origin.callee as AstNode);
      if (callee.kind === 'module') {
        if (matchesModuleExport(KEY_GENERATORS, callee.module, callee.path)) return { kind: 'generated', node: expression };
        if (matchesModuleExport(FILE_READERS, callee.module, callee.path)) return this.fileSource(origin);
      }
    }

    const value = this.values.evaluate(expression);
    const fromValue = this.keyFromValue(value, expression, depth);
    if (fromValue.kind !== 'unknown') return fromValue;
    return this.keyFromCollection(expression, depth) ?? fromValue;
  }

  /**
   * Keys picked at run time from a collection built of written-out material: `PEMS[kid]`,
   * `keys.get(kid)`, `Object.fromEntries(JWKS.keys.map((k) => [k.kid, jwkToPem(k)]))`, and either branch
   * of `cond ? PEM : other`. The pick is dynamic; the material is still pinned.
   */
  private keyFromCollection(expression: AstNode, depth: number): KeySource | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const pinned = (node: AstNode | undefined): KeySource | undefined => {
      if (!node) return undefined;
      const source = this.keySource(node, depth + 1);
      return source.kind === 'material' || (source.kind === 'file' && source.fixed) ? source : undefined;
    };
    switch (expression.type) {
      case 'Identifier': {
        const binding = this.resolver.index.resolve(expression);
        if (!binding?.init || binding.path.length > 0 || (binding.kind !== 'const' && binding.writes > 0)) return undefined;
        return this.keyFromCollection(unwrap(binding.init), depth + 1);
      }
      case 'ConditionalExpression':
        return pinned(expression.consequent as AstNode) ?? pinned(expression.alternate as AstNode);
      case 'LogicalExpression':
        return pinned(expression.right as AstNode);
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return expression.computed ? pinned(expression.object as AstNode) : undefined;
      case 'ArrayExpression':
        return (expression.elements as (AstNode | null)[]).map((element) => (element ? pinned(element) : undefined)).find(Boolean);
      case 'NewExpression':
        return isIdentifier(expression.callee as AstNode, 'Map') ? pinned((expression.arguments as AstNode[])[0]) : undefined;
      case 'CallExpression':
      case 'OptionalCallExpression': {
        const callee = unwrap(expression.callee as AstNode);
        const args = expression.arguments as AstNode[];
        if (!isMemberExpression(callee)) return undefined;
        const method = memberName(callee);
        const receiver = unwrap(callee.object as AstNode);
        if (isIdentifier(receiver, 'Object') && (method === 'fromEntries' || method === 'values')) return pinned(args[0]);
        if (method === 'get' || method === 'find') return pinned(receiver);
        if ((method === 'map' || method === 'flatMap') && args[0]) {
          const callback = unwrap(args[0]);
          const fn = isFunction(callback) ? callback : undefined;
          return fn ? returnedExpressions(fn).map((returned) => pinned(returned)).find(Boolean) : undefined;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private madeKeySource(call: ApiCall, expression: AstNode, depth: number): KeySource | undefined {
    switch (call.api.role) {
      case 'key-import':
      case 'local-key-set': {
        const material = this.slot(call, call.api.material);
        if (!material) return { kind: 'unknown', node: expression };
        const inner = material.external ? this.keyFromValue(material.value, material.node, depth + 1) : this.keySource(material.node, depth + 1);
        return inner.kind === 'material' ? { ...inner, via: call } : inner;
      }
      case 'remote-key-set': {
        const url = this.slot(call, call.api.jwksUri);
        return { kind: 'remote-jwks', node: call.node, api: call.api, ...(url ? { url } : {}) };
      }
      default:
        return undefined;
    }
  }

  private keyFromValue(value: StaticValue, expression: AstNode, depth: number): KeySource {
    switch (value.kind) {
      case 'function':
        return this.resolverSource(value.node);
      case 'string':
      case 'partial-string': {
        const text = classifyKeyText(value.kind === 'string' ? value.value : value.parts);
        switch (text.kind) {
          case 'material':
            return { kind: 'material', material: text.material, node: value.node };
          case 'assembled-at-run-time': {
            const template = unwrap(value.node);
            return (template.type === 'TemplateLiteral' ? this.pemAroundPinnedCollection(template) : undefined) ?? { kind: text.kind, node: value.node };
          }
          case 'none':
            if (value.kind === 'partial-string') return { kind: 'unknown', node: expression };
            return value.value.trim() === '' ? { kind: 'placeholder', node: value.node } : { kind: 'secret', node: value.node };
          default:
            return { kind: text.kind, node: value.node };
        }
      }
      case 'object': {
        const plain = toPlain(value);
        const material = classifyJwkValue(plain);
        if (material) return isPrivateJwk(plain) ? { kind: 'private-key', node: value.node } : { kind: 'material', material, node: value.node };
        // `{ key: PEM, format: 'pem' }` (node:crypto) and `{ public: PEM }` (@fastify/jwt).
        for (const name of ['key', 'public']) {
          const property = value.properties.get(name);
          if (property) return this.isLocal(property.valueNode) ? this.keySource(property.valueNode, depth + 1) : this.keyFromValue(property.value, expression, depth + 1);
        }
        return { kind: 'unknown', node: expression };
      }
      case 'either': {
        // `process.env.KEY ?? PEM`: the fallback is pinned material all the same.
        for (const option of value.options) {
          const source = this.keyFromValue(option, option.kind === 'unknown' ? expression : (option.node ?? expression), depth + 1);
          if (source.kind === 'material' || source.kind === 'file') return source;
        }
        return { kind: 'unknown', node: expression };
      }
      default:
        return { kind: 'unknown', node: expression };
    }
  }

  /** A key resolver function; `remote` when its body fetches keys from a JWKS URL. */
  private resolverSource(fn: AstNode): KeySource {
    let remote: (KeySource & { kind: 'remote-jwks' }) | undefined;
    const body = fn.body as AstNode | undefined;
    if (body) {
      walkNodes(body, (node) => {
        if (remote) return false;
        if (node.type !== 'CallExpression' && node.type !== 'NewExpression' && node.type !== 'OptionalCallExpression') return true;
        const call = this.resolver.apiCall(node);
        if (call?.api.role === 'remote-key-set') {
          const url = this.slot(call, call.api.jwksUri);
          remote = { kind: 'remote-jwks', node, api: call.api, ...(url ? { url } : {}) };
          return false;
        }
        const callee = this.resolver.entityOf(node.callee as AstNode);
        if (callee.kind === 'made' && callee.api.role === 'remote-key-set' && callee.site) {
          const maker = this.resolver.apiCall(callee.site);
          const url = maker ? this.slot(maker, maker.api.jwksUri) : undefined;
          remote = { kind: 'remote-jwks', node: callee.site, api: callee.api, ...(url ? { url } : {}) };
          return false;
        }
        return true;
      });
    }
    if (remote) return { kind: 'resolver', node: fn, remote };
    // `(header, cb) => cb(null, \`-----BEGIN CERTIFICATE-----\n${X5C[header.kid]}…\`)`: certificates by kid, written out.
    let pinned: KeySource | undefined;
    if (body) {
      walkNodes(body, (node) => {
        if (pinned) return false;
        if (node.type === 'TemplateLiteral') pinned = this.pemAroundPinnedCollection(node);
        return !pinned;
      });
    }
    return pinned ?? { kind: 'resolver', node: fn };
  }

  /**
   * A PEM frame around a pick from a collection of written-out key bodies (`X5C_BY_KID[kid]`): Entra and
   * others publish `x5c` certificates that code copies into an object keyed by `kid`. The pick happens at
   * run time; every body it can pick is pinned.
   */
  private pemAroundPinnedCollection(template: AstNode): KeySource | undefined {
    const quasis = template.quasis as AstNode[];
    const expressions = template.expressions as AstNode[];
    const cooked = (quasi: AstNode | undefined) => ((quasi?.value.cooked ?? quasi?.value.raw ?? '') as string);
    if (expressions.length !== 1 || !cooked(quasis[0]).includes('-----BEGIN')) return undefined;
    const pick = unwrap(expressions[0]!);
    if (!isMemberExpression(pick) || !pick.computed) return undefined;
    const collection = this.values.evaluate(pick.object as AstNode);
    const bodies = collection.kind === 'object' ? [...collection.properties.values()].map((property) => property.value) : collection.kind === 'array' ? collection.elements : [];
    if (bodies.length === 0 || !('complete' in collection) || !collection.complete) return undefined;
    let material: KeyMaterial | undefined;
    for (const body of bodies) {
      if (body.kind !== 'string') return undefined;
      const text = classifyKeyText(`${cooked(quasis[0])}${body.value}${cooked(quasis[1])}`);
      if (text.kind !== 'material') return undefined;
      material = text.material;
    }
    return material && 'node' in collection ? { kind: 'material', material, node: collection.node } : undefined;
  }

  /** The call a value comes from, through `const` bindings, members, `await` and string conversions. */
  originCall(node: AstNode, depth = 0): AstNode | undefined {
    const expression = unwrap(node);
    if (depth > MAX_DEPTH) return undefined;
    if (expression.type === 'AwaitExpression') return this.originCall(expression.argument as AstNode, depth + 1);
    if (isMemberExpression(expression)) return this.originCall(expression.object as AstNode, depth + 1);
    if (isIdentifier(expression)) {
      const binding = this.resolver.index.resolve(expression);
      if (!binding?.init || (binding.kind !== 'const' && binding.writes > 0)) return undefined;
      return this.originCall(binding.init, depth + 1);
    }
    if (isCallExpression(expression)) {
      const callee = unwrap(expression.callee as AstNode);
      // `readFileSync(p).toString()`, `.trim()`: the value still comes from the inner call.
      if (isMemberExpression(callee) && ['toString', 'trim', 'replace'].includes(memberName(callee) ?? '')) {
        const inner = this.originCall(callee.object as AstNode, depth + 1);
        if (inner) return inner;
      }
      return expression;
    }
    return undefined;
  }

  private fileSource(call: AstNode): KeySource {
    const pathArgument = (call.arguments as AstNode[])[0];
    if (!pathArgument) return { kind: 'file', fixed: false, node: call };
    const path = this.values.evaluate(pathArgument);
    return { kind: 'file', fixed: this.isFixedPath(pathArgument), path, node: call };
  }

  /** A path that is a literal, or built only from literals and the module's own location. */
  isFixedPath(node: AstNode, depth = 0): boolean {
    const expression = unwrap(node);
    if (depth > MAX_DEPTH) return false;
    const value = this.values.evaluate(expression);
    if (value.kind === 'string') return true;
    if (isIdentifier(expression)) {
      if (PROJECT_ANCHORS.includes(expression.name as string) && !this.resolver.index.resolve(expression)) return true;
      const binding = this.resolver.index.resolve(expression);
      return !!binding?.init && (binding.kind === 'const' || binding.writes === 0) && binding.path.length === 0 && this.isFixedPath(binding.init, depth + 1);
    }
    if (expression.type === 'MemberExpression' && expression.object?.type === 'MetaProperty') {
      return ['dirname', 'filename', 'url'].includes(memberName(expression) ?? '');
    }
    if (expression.type === 'NewExpression' && isIdentifier(expression.callee as AstNode, 'URL')) {
      return (expression.arguments as AstNode[]).every((argument) => this.isFixedPath(argument, depth + 1));
    }
    if (isCallExpression(expression)) {
      const callee = this.resolver.entityOf(expression.callee as AstNode);
      if (callee.kind === 'module' && matchesModuleExport(PATH_BUILDERS, callee.module, callee.path)) {
        return (expression.arguments as AstNode[]).every((argument) => this.isFixedPath(argument, depth + 1));
      }
      const inner = unwrap(expression.callee as AstNode);
      if (isMemberExpression(inner) && isIdentifier(unwrap(inner.object as AstNode), 'process') && memberName(inner) === 'cwd') return true;
      return false;
    }
    if (expression.type === 'TemplateLiteral') {
      return (expression.expressions as AstNode[]).every((part) => this.isFixedPath(part, depth + 1));
    }
    if (expression.type === 'BinaryExpression' && expression.operator === '+') {
      return this.isFixedPath(expression.left as AstNode, depth + 1) && this.isFixedPath(expression.right as AstNode, depth + 1);
    }
    return false;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const analyses = new WeakMap<object, VerificationAnalysis>();

export function verificationAnalysisFor(root: AstNode, types?: TypeOracle): VerificationAnalysis {
  const index = indexFile(root);
  let analysis = analyses.get(index);
  if (!analysis || (types && !analysis.values.types)) {
    analysis = new VerificationAnalysis(resolverFor(root), evaluatorFor(root, types));
    analyses.set(index, analysis);
  }
  return analysis;
}
