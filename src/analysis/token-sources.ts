/**
 * Token sources: where a token comes from (the request's `Authorization` header in Express, Koa,
 * Fastify, Next.js and Lambda, a query parameter, a token endpoint response, an SDK's ID or access
 * token) and where an `Authorization: Bearer …` header value is built from a token.
 */
import {
  AUTH_STATE_MEMBERS,
  AUTHORIZATION_HEADER,
  BROWSER_TOKEN_KEYS,
  COOKIE_READER,
  OKTA_TOKEN_STORAGE_KEYS,
  WEB_STORAGE_NAMES,
  BEARER_EXTRACTORS,
  LAMBDA_TOKEN_MEMBERS,
  isOktaSdkInstanceName,
  QUERY_EXTRACTORS,
  SDK_TOKEN_GETTERS,
  TOKEN_QUERY_PARAMETERS,
  TOKEN_RESPONSE_MEMBERS,
  TOKEN_STORAGE_KEYS,
  tokenTypeOfName,
  type TokenType,
} from '../knowledge/tokens.js';
import { RAW_TOKEN_MEMBERS, tokenOfGetterChain, type ProviderId } from '../knowledge/providers/index.js';
import { indexFile } from './file-index.js';
import { resolverFor, type EntityResolver } from './imports.js';
import {
  isCallExpression,
  isIdentifier,
  isMemberExpression,
  isObjectMember,
  memberName,
  objectMemberName,
  stringLiteralValue,
  unwrap,
  type AstNode,
} from './syntax.js';

export type TokenOrigin =
  | { readonly kind: 'authorization-header'; readonly node: AstNode }
  | { readonly kind: 'query-parameter'; readonly node: AstNode }
  /** A token endpoint response member: `tokens.id_token`, `tokenSet.access_token`. */
  | { readonly kind: 'token-response'; readonly tokenType: TokenType; readonly node: AstNode }
  /**
   * An SDK's token: `oktaAuth.getIdToken()`, `authState.idToken.idToken`, `tokenManager.get('idToken')`, and
   * the spellings of other providers' SDKs (`claims.__raw`, `session.getIdToken().getJwtToken()`), which
   * name their `provider`.
   */
  | { readonly kind: 'sdk'; readonly tokenType: TokenType; readonly node: AstNode; readonly provider?: ProviderId }
  /** Browser storage or a cookie under a token's key: `localStorage.getItem('id_token')`, `Cookies.get('id_token')`. */
  | { readonly kind: 'storage'; readonly tokenType: TokenType; readonly node: AstNode }
  /** Okta's token storage document (`okta-token-storage`), parsed: its `idToken.idToken` is the ID token. */
  | { readonly kind: 'okta-token-storage'; readonly node: AstNode }
  /** Nothing but a name says what it is (`idToken` as a parameter); weaker than data flow. */
  | { readonly kind: 'named'; readonly tokenType: TokenType; readonly node: AstNode }
  | { readonly kind: 'unknown'; readonly node: AstNode };

export interface BearerHeaderValue {
  /** The `Bearer …` template or concatenation. */
  readonly value: AstNode;
  /** The expression after `Bearer `. */
  readonly token: AstNode;
  readonly origin: TokenOrigin;
  /** Where the value is used as the Authorization header (a property, a `set` call, an assignment). */
  readonly header: AstNode;
}

/** String methods that take a token out of a header value without changing where it came from. */
const PASS_THROUGH_METHODS = new Set(['split', 'match', 'replace', 'replaceAll', 'slice', 'substring', 'substr', 'trim', 'pop', 'at', 'toString', 'shift']);
/** Methods that read one request header by name. */
const HEADER_READERS = new Set(['get', 'header', 'getHeader', 'headers']);
const MAX_DEPTH = 16;

function isAuthorizationName(name: string | undefined): boolean {
  return name !== undefined && name.toLowerCase() === AUTHORIZATION_HEADER;
}

export class TokenSourceAnalysis {
  constructor(readonly resolver: EntityResolver) {}

  private get index() {
    return this.resolver.index;
  }

  /** Where the token held by an expression comes from. */
  originOf(node: AstNode, depth = 0): TokenOrigin {
    const expression = unwrap(node);
    const unknown: TokenOrigin = { kind: 'unknown', node: expression };
    if (depth > MAX_DEPTH) return unknown;

    switch (expression.type) {
      case 'AwaitExpression':
        return this.originOf(expression.argument as AstNode, depth + 1);
      case 'Identifier':
        return this.identifierOrigin(expression, depth);
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return this.memberOrigin(expression, depth);
      case 'CallExpression':
      case 'OptionalCallExpression':
        return this.callOrigin(expression, depth);
      case 'LogicalExpression':
        return this.firstKnown([expression.left as AstNode, expression.right as AstNode], depth) ?? unknown;
      case 'ConditionalExpression':
        return this.firstKnown([expression.consequent as AstNode, expression.alternate as AstNode], depth) ?? unknown;
      default:
        return unknown;
    }
  }

  private firstKnown(nodes: AstNode[], depth: number): TokenOrigin | undefined {
    for (const node of nodes) {
      const origin = this.originOf(node, depth + 1);
      if (origin.kind !== 'unknown') return origin;
    }
    return undefined;
  }

  private identifierOrigin(id: AstNode, depth: number): TokenOrigin {
    const binding = this.index.resolve(id);
    const byName = (): TokenOrigin => {
      const type = tokenTypeOfName(id.name as string);
      return type ? { kind: 'named', tokenType: type, node: id } : { kind: 'unknown', node: id };
    };
    if (!binding) return byName();
    if ((binding.kind === 'const' || ((binding.kind === 'let' || binding.kind === 'var') && binding.writes === 0)) && binding.init) {
      // Where the data flow is visible, it decides: `const idToken = await user.getIdToken()` of another
      // library is not an Okta ID token by name alone.
      if (binding.path.length === 0) return this.originOf(binding.init, depth + 1);
      // `const { authorization } = req.headers`, `const [, token] = header.split(' ')`.
      const last = binding.path[binding.path.length - 1]!;
      if (typeof last === 'number') {
        const origin = this.originOf(binding.init, depth + 1);
        return origin.kind === 'unknown' ? byName() : origin;
      }
      const fromMember = this.namedMemberOrigin(binding.init, last, binding.path.length === 1, id);
      return fromMember ?? byName();
    }
    return byName();
  }

  /** `<object>.<name>`: the header, a query parameter, a token response member. */
  private namedMemberOrigin(object: AstNode, name: string, direct: boolean, node: AstNode): TokenOrigin | undefined {
    const inner = unwrap(object);
    const objectName = isMemberExpression(inner) ? memberName(inner) : isIdentifier(inner) ? (inner.name as string) : undefined;
    if (isAuthorizationName(name) && direct && (objectName === 'headers' || this.isHeadersValue(inner))) {
      return { kind: 'authorization-header', node };
    }
    if (LAMBDA_TOKEN_MEMBERS.includes(name)) return { kind: 'authorization-header', node };
    if (objectName === 'query' && TOKEN_QUERY_PARAMETERS.includes(name)) return { kind: 'query-parameter', node };
    const responseType = TOKEN_RESPONSE_MEMBERS[name];
    if (responseType) return { kind: 'token-response', tokenType: responseType, node };
    const stateType = AUTH_STATE_MEMBERS[name];
    if (stateType && objectName === name) return { kind: 'sdk', tokenType: stateType, node };
    return undefined;
  }

  /** A value that is a request's headers: `req.headers`, or a variable bound to it. */
  private isHeadersValue(node: AstNode): boolean {
    if (isMemberExpression(node)) return memberName(node) === 'headers';
    if (isIdentifier(node)) {
      const binding = this.index.resolve(node);
      if (binding?.init && binding.path.length === 0) return this.isHeadersValue(unwrap(binding.init));
      return binding?.path[binding.path.length - 1] === 'headers';
    }
    if (isCallExpression(node)) {
      const callee = unwrap(node.callee as AstNode);
      return isIdentifier(callee, 'headers') || (isMemberExpression(callee) && memberName(callee) === 'headers');
    }
    return false;
  }

  private memberOrigin(member: AstNode, depth: number): TokenOrigin {
    const name = memberName(member);
    const object = member.object as AstNode;
    if (name === undefined) return { kind: 'unknown', node: member };
    const named = this.namedMemberOrigin(object, name, true, member);
    if (named) return named;
    // `header.split(' ')[1]`, `parts.at(-1)`: an element of a split header is still the header's token.
    if (/^\d+$/.test(name) || name === 'length') {
      const origin = this.originOf(object, depth + 1);
      if (origin.kind !== 'unknown') return { ...origin, node: member } as TokenOrigin;
    }
    // `(await auth0.getIdTokenClaims()).__raw`, `claims?.__raw`: the raw token inside the SDK's claims.
    const raw = RAW_TOKEN_MEMBERS.get(name);
    if (raw && !member.computed) return { kind: 'sdk', tokenType: raw.tokenType, node: member, provider: raw.provider };
    const type = tokenTypeOfName(name);
    // `(await tokenManager.get('idToken')).idToken`: the string inside the SDK's token object.
    const stateType = AUTH_STATE_MEMBERS[name];
    if (stateType) {
      const origin = this.originOf(object, depth + 1);
      if (origin.kind === 'sdk' && origin.tokenType === stateType) return { ...origin, node: member };
      // `JSON.parse(localStorage.getItem('okta-token-storage')).idToken`: the SDK's token object.
      if (origin.kind === 'okta-token-storage') return { kind: 'sdk', tokenType: stateType, node: member };
    }
    return type ? { kind: 'named', tokenType: type, node: member } : { kind: 'unknown', node: member };
  }

  private callOrigin(call: AstNode, depth: number): TokenOrigin {
    const callee = unwrap(call.callee as AstNode);
    const args = call.arguments as AstNode[];
    const apiCall = this.resolver.apiCall(call);
    if (apiCall?.api.role === 'token-getter' && apiCall.api.tokenKind && apiCall.api.tokenKind !== 'any') {
      return { kind: 'sdk', tokenType: apiCall.api.tokenKind, node: call };
    }
    const firstKey = args[0] ? stringLiteralValue(unwrap(args[0])) : undefined;
    // `getCookie('id_token')`.
    if (isIdentifier(callee) && COOKIE_READER.test(callee.name as string) && firstKey !== undefined && BROWSER_TOKEN_KEYS[firstKey]) {
      return { kind: 'storage', tokenType: BROWSER_TOKEN_KEYS[firstKey]!, node: call };
    }
    if (!isMemberExpression(callee)) return { kind: 'unknown', node: call };
    const method = memberName(callee) ?? '';
    const receiver = unwrap(callee.object as AstNode);
    if (method === 'parse' && isIdentifier(receiver, 'JSON') && args[0]) {
      const parsed = this.originOf(args[0], depth + 1);
      return parsed.kind === 'okta-token-storage' ? { ...parsed, node: call } : { kind: 'unknown', node: call };
    }
    if (firstKey !== undefined && (method === 'getItem' || method === 'get')) {
      const store = this.storageKind(receiver);
      if (store === 'web' && method === 'getItem' && OKTA_TOKEN_STORAGE_KEYS.includes(firstKey)) return { kind: 'okta-token-storage', node: call };
      if (store && BROWSER_TOKEN_KEYS[firstKey] && (store === 'web') === (method === 'getItem')) {
        return { kind: 'storage', tokenType: BROWSER_TOKEN_KEYS[firstKey]!, node: call };
      }
    }
    // `session.getIdToken().getJwtToken()`: the token of the getter's result, as its string.
    if (isCallExpression(receiver) && args.length === 0) {
      const inner = unwrap(receiver.callee as AstNode);
      const chained = isMemberExpression(inner) ? tokenOfGetterChain(memberName(inner) ?? '', method) : undefined;
      if (chained) return { kind: 'sdk', tokenType: chained.tokenType, node: call, provider: chained.provider };
    }
    const getterType = SDK_TOKEN_GETTERS[method];
    if (getterType && this.isImportedOktaInstance(receiver)) return { kind: 'sdk', tokenType: getterType, node: call };
    const firstText = args[0] ? stringLiteralValue(unwrap(args[0])) : undefined;

    if (HEADER_READERS.has(method) && isAuthorizationName(firstText)) return { kind: 'authorization-header', node: call };
    if (method === 'get' && firstText !== undefined) {
      const receiverName = isMemberExpression(receiver) ? memberName(receiver) : isIdentifier(receiver) ? (receiver.name as string) : undefined;
      if (receiverName === 'searchParams' && TOKEN_QUERY_PARAMETERS.includes(firstText)) return { kind: 'query-parameter', node: call };
      if (receiverName === 'tokenManager' && TOKEN_STORAGE_KEYS[firstText]) {
        return { kind: 'sdk', tokenType: TOKEN_STORAGE_KEYS[firstText]!, node: call };
      }
    }
    const extractor = this.resolver.entityOf(callee);
    if (extractor.kind === 'module' && extractor.module === 'passport-jwt' && extractor.path[extractor.path.length - 2] === 'ExtractJwt') {
      const name = extractor.path[extractor.path.length - 1]!;
      if (BEARER_EXTRACTORS.includes(name)) return { kind: 'authorization-header', node: call };
      if (QUERY_EXTRACTORS.includes(name)) return { kind: 'query-parameter', node: call };
      if (name === 'fromExtractors' && args[0]?.type === 'ArrayExpression') {
        return this.firstKnown((args[0].elements as AstNode[]).filter(Boolean), depth) ?? { kind: 'unknown', node: call };
      }
    }
    if (PASS_THROUGH_METHODS.has(method)) {
      const origin = this.originOf(receiver, depth + 1);
      if (origin.kind !== 'unknown') return origin;
    }
    return { kind: 'unknown', node: call };
  }

  /** `localStorage`, `window.sessionStorage` (web storage); `Cookies`, `cookies()`, `cookieStore` (cookies). */
  private storageKind(receiver: AstNode): 'web' | 'cookie' | undefined {
    const inner = isCallExpression(receiver) ? unwrap(receiver.callee as AstNode) : receiver;
    const name = isIdentifier(inner) ? (inner.name as string) : isMemberExpression(inner) ? memberName(inner) : undefined;
    if (name === undefined) return undefined;
    if (WEB_STORAGE_NAMES.includes(name) && !isCallExpression(receiver)) return 'web';
    return COOKIE_READER.test(name) ? 'cookie' : undefined;
  }

  /** `oktaAuth` imported from another module of the project, or injected into `this.oktaAuth`. */
  private isImportedOktaInstance(receiver: AstNode): boolean {
    if (isIdentifier(receiver)) {
      const binding = this.index.resolve(receiver);
      const source = binding?.kind === 'import' ? this.index.parentOf(binding.declaration)?.source?.value : undefined;
      return typeof source === 'string' && source.startsWith('.') && isOktaSdkInstanceName(receiver.name as string);
    }
    return false;
  }

  /** Every `Authorization: Bearer <token>` value built in the file, with where the token comes from. */
  bearerHeaderValues(): BearerHeaderValue[] {
    const results: BearerHeaderValue[] = [];
    const candidates: { value: AstNode; token: AstNode }[] = [];
    for (const template of this.index.templates) {
      const quasis = template.quasis as AstNode[];
      const first = (quasis[0]?.value.cooked ?? quasis[0]?.value.raw ?? '') as string;
      const token = (template.expressions as AstNode[])[0];
      if (token && /^\s*bearer\s+$/i.test(first)) candidates.push({ value: template, token });
    }
    for (const concatenation of this.index.concatenations) {
      if (/^\s*bearer\s+$/i.test(stringLiteralValue(concatenation.left as AstNode) ?? '')) {
        candidates.push({ value: concatenation, token: concatenation.right as AstNode });
      }
    }
    for (const candidate of candidates) {
      for (const header of this.headerUses(candidate.value)) {
        results.push({ ...candidate, origin: this.originOf(candidate.token), header });
      }
    }
    return results;
  }

  /** Where a value ends up as the Authorization header, directly or through one `const`. */
  private headerUses(value: AstNode): AstNode[] {
    const direct = this.headerContext(value);
    if (direct) return [direct];
    let current = value;
    let parent = this.index.parentOf(current);
    while (parent && ['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TSSatisfiesExpression'].includes(parent.type)) {
      current = parent;
      parent = this.index.parentOf(current);
    }
    if (parent?.type === 'VariableDeclarator' && parent.init === current && isIdentifier(parent.id as AstNode)) {
      const binding = this.index.resolve(parent.id as AstNode);
      if (binding) {
        return this.index
          .referencesOf(binding)
          .map((reference) => this.headerContext(reference))
          .filter((context): context is AstNode => context !== undefined);
      }
    }
    return [];
  }

  private headerContext(value: AstNode): AstNode | undefined {
    let current = value;
    let parent = this.index.parentOf(current);
    while (parent && ['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TSSatisfiesExpression', 'ConditionalExpression', 'LogicalExpression'].includes(parent.type)) {
      current = parent;
      parent = this.index.parentOf(current);
    }
    if (!parent) return undefined;
    // `{ Authorization: value }` in fetch, axios, Headers, Angular `setHeaders`, a helper's returned object.
    if (isObjectMember(parent) && parent.value === current && isAuthorizationName(objectMemberName(parent))) return parent;
    // `headers.set('Authorization', value)`, `xhr.setRequestHeader('Authorization', value)`.
    if (isCallExpression(parent)) {
      const args = parent.arguments as AstNode[];
      if (args[1] === current && isAuthorizationName(stringLiteralValue(args[0] ? unwrap(args[0]) : undefined))) return parent;
    }
    // `axios.defaults.headers.common['Authorization'] = value`, `headers.Authorization = value`.
    if (parent.type === 'AssignmentExpression' && parent.right === current && isMemberExpression(parent.left as AstNode)) {
      if (isAuthorizationName(memberName(parent.left as AstNode))) return parent;
    }
    return undefined;
  }
}

const analyses = new WeakMap<object, TokenSourceAnalysis>();

export function tokenSourcesFor(root: AstNode): TokenSourceAnalysis {
  const index = indexFile(root);
  let analysis = analyses.get(index);
  if (!analysis) {
    analysis = new TokenSourceAnalysis(resolverFor(root));
    analyses.set(index, analysis);
  }
  return analysis;
}

/** Tokens a request carries (header or query), as opposed to tokens a client obtained itself. */
export function isRequestToken(origin: TokenOrigin): boolean {
  return origin.kind === 'authorization-header' || origin.kind === 'query-parameter';
}
