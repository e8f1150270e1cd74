/**
 * The access token in place of an ID token a client sends as bearer: the ID token is followed back to where it
 * comes from (an SDK call, a member of an SDK object or token response, a storage key), through `const`s,
 * destructuring and callback parameters (`.then`, rxjs `switchMap` after `from(...)` or an observable), and that
 * source is switched to its access-token twin (knowledge: provider profiles' `accessTokenTwins`). Bindings on the
 * way are renamed when their names say "ID token", with every reference, and only when every reference stays
 * correct with an access token. What the rule suggests and the codemod writes; where it cannot, the reason names
 * the shape and what to do.
 */
import { accessTokenTwins, type TwinNames } from '../knowledge/providers/index.js';
import { accessTokenNameFor, BROWSER_TOKEN_KEYS, ID_TOKEN_PARAMETERS_NOT_CREDENTIALS, TOKEN_RESPONSE_MEMBERS } from '../knowledge/tokens.js';
import { quoted, textOf, type TextEdit } from './edits.js';
import type { Binding, FileIndex } from './file-index.js';
import {
  isCallExpression,
  isFunction,
  isIdentifier,
  isMemberExpression,
  isObjectMember,
  memberName,
  objectMemberName,
  rangeOf,
  stringLiteralValue,
  unwrap,
  walkNodes,
  type AstNode,
} from './syntax.js';
import type { TokenOrigin, TokenSourceAnalysis } from './token-sources.js';

export interface SendAccessTokenOptions {
  /** The API's audience as given (`--audience`); never a default, since Auth0 and MSAL requests need the real one. */
  readonly audience?: string;
  /** `IDToken` type names that other switches of the same run rewrite (the codemod applies every switch at once). */
  readonly typeNamesSwitchedElsewhere?: readonly AstNode[];
}

export type SendAccessTokenSwitch =
  | {
      readonly edits: readonly TextEdit[];
      /** A readable form of the switched source, for messages. */
      readonly replacement: string;
      /** `IDToken` type names the edits switch, and the import they come from (see `typeImportEdit`). */
      readonly typeNames: readonly AstNode[];
      /** What a person should still check (an audience taken from evidence). */
      readonly notes: readonly string[];
    }
  | { readonly reason: string };

/** Wrappers between a value and its use that leave the value as it is. */
const TRANSPARENT = new Set(['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression', 'AwaitExpression']);
/** rxjs operators whose callback receives the emitted value, and operators that pass values on unchanged. */
const VALUE_CALLBACK_OPERATORS = new Set(['switchMap', 'mergeMap', 'concatMap', 'exhaustMap', 'flatMap']);
const VALUE_KEEPING_OPERATORS = new Set(['take', 'first', 'takeUntil', 'shareReplay', 'share', 'distinctUntilChanged', 'timeout', 'delay', 'observeOn', 'subscribeOn']);
/** Calls whose array argument lists a hook's dependencies (React `useCallback(fn, [deps])`). */
const HOOK_NAME = /^use[A-Z]/;
const MAX_DEPTH = 8;

class Unswitchable extends Error {}

/** What an expression holds, on the way back from the bearer value to the ID token's source. */
type Holder =
  /** The ID token itself (a string). */
  | { readonly kind: 'token' }
  /**
   * An object whose `member` holds the ID token; `access` is its twin, or undefined when the switched holder is the
   * access token itself. `changes`: the switch makes it another object (an access token object for an ID token
   * object), so every other use of it must stay correct; not so when only the member read changes (`tokens.id_token`).
   */
  | { readonly kind: 'object'; readonly member: string; readonly access: string | undefined; readonly changes: boolean };

interface Plan {
  readonly edits: TextEdit[];
  readonly typeNames: AstNode[];
  readonly notes: string[];
  /** Bindings already planned, with what they hold after the switch. */
  readonly bindings: Map<Binding, Holder>;
}

/**
 * The switch of one bearer value (`token`, the expression after `Bearer `) built from an ID token, or why it cannot
 * be switched. `bearerTokens` are every bearer value of the file: references inside them are uses that stay correct.
 */
export function sendAccessTokenSwitch(
  token: AstNode,
  origin: TokenOrigin,
  source: string,
  tokens: TokenSourceAnalysis,
  bearerTokens: readonly AstNode[],
  options: SendAccessTokenOptions = {},
): SendAccessTokenSwitch {
  const switcher = new ClientSwitch(source, tokens, bearerTokens, options);
  const plan: Plan = { edits: [], typeNames: [], notes: [], bindings: new Map() };
  try {
    switcher.switchToken(token, plan, 0);
  } catch (error) {
    if (error instanceof Unswitchable) return { reason: error.message };
    throw error;
  }
  if (plan.edits.length === 0) return { reason: reasonFor(origin) };
  if (plan.typeNames.length > 0) {
    const types = typeSwitch(tokens.resolver.index, source, plan.typeNames, [...plan.typeNames, ...(options.typeNamesSwitchedElsewhere ?? [])]);
    if ('reason' in types) return types;
    plan.edits.push(...types.edits);
  }
  const edits = dedupe(plan.edits);
  if (overlapping(edits)) return { reason: 'the ID token is switched in several places that overlap here: send the access token by hand' };
  return { edits, replacement: replacementOf(source, token, edits), typeNames: plan.typeNames, notes: plan.notes };
}

function overlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  return sorted.some((edit, index) => index > 0 && edit.range[0] < sorted[index - 1]!.range[1]);
}

/**
 * `(token as IDToken).idToken` switched: Okta's `IDToken` type names become `AccessToken`, and the import of IDToken
 * gains AccessToken, or becomes it when no other code names IDToken (`switched`: every name the run rewrites).
 * A type declared elsewhere, or an AccessToken of another module, is left for a person.
 */
export function typeSwitch(index: FileIndex, source: string, names: readonly AstNode[], switched: readonly AstNode[]): { edits: TextEdit[] } | { reason: string } {
  const cannot = { reason: "the ID token is cast to a type this transform cannot switch (only Okta's own IDToken): send the access token by hand" };
  const edits: TextEdit[] = [];
  let specifier: AstNode | undefined;
  for (const twin of accessTokenTwins('token-object')) {
    for (const name of names) {
      if (name.name !== twin.type.id) continue;
      const binding = index.resolve(name);
      const declaration = binding?.kind === 'import' ? binding.declaration : undefined;
      if (!declaration || !fromModule(index, declaration, twin.typeModules) || importedName(declaration) !== twin.type.id) return cannot;
      specifier = declaration;
      edits.push(replace(name, twin.type.access));
    }
    if (!specifier) continue;
    const existing = index.moduleBindings().get(twin.type.access);
    if (existing) {
      if (existing.kind === 'import' && fromModule(index, existing.declaration, twin.typeModules) && importedName(existing.declaration) === twin.type.access) return { edits };
      return cannot;
    }
    const rewritten = new Set(switched);
    let namedElsewhere = false;
    walkNodes(index.program, (node) => {
      if (node.type === 'ImportDeclaration' || namedElsewhere) return false;
      if (isIdentifier(node, twin.type.id) && !rewritten.has(node)) namedElsewhere = true;
      return true;
    });
    const text = textOf(source, specifier);
    const accessSpecifier = text.replace(new RegExp(`${twin.type.id}$`), twin.type.access);
    edits.push(replace(specifier, namedElsewhere ? `${text}, ${accessSpecifier}` : accessSpecifier));
    return { edits };
  }
  return { edits };
}

function fromModule(index: FileIndex, specifier: AstNode, modules: RegExp): boolean {
  const declaration = index.parentOf(specifier);
  return declaration?.type === 'ImportDeclaration' && specifier.type === 'ImportSpecifier' && modules.test(stringLiteralValue(declaration.source as AstNode) ?? '');
}

/** The exported name an import specifier takes, when it takes it under the same local name. */
function importedName(specifier: AstNode): string | undefined {
  const imported = (specifier.imported?.name ?? specifier.imported?.value) as string | undefined;
  return imported !== undefined && imported === specifier.local?.name ? imported : undefined;
}

function reasonFor(origin: TokenOrigin): string {
  return origin.kind === 'named'
    ? 'nothing but its name says where this ID token comes from: send the access token where the value is obtained'
    : 'the ID token does not come from a source this transform can switch: send the access token by hand';
}

function dedupe(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.range[0]}:${edit.range[1]}:${edit.text}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** The bearer value as it reads after the edits inside it. */
function replacementOf(source: string, token: AstNode, edits: readonly TextEdit[]): string {
  const [start, end] = rangeOf(token);
  const inside = edits.filter((edit) => edit.range[0] >= start && edit.range[1] <= end).sort((a, b) => b.range[0] - a.range[0]);
  let text = source.slice(start, end);
  for (const edit of inside) text = text.slice(0, edit.range[0] - start) + edit.text + text.slice(edit.range[1] - start);
  return text.replace(/\s+/g, ' ');
}

const replace = (node: AstNode, text: string): TextEdit => ({ range: rangeOf(node), text });
/** An identifier's name alone (Babel and ESTree ranges of a declared name include its type annotation). */
const renameIdentifier = (id: AstNode, name: string): TextEdit => ({ range: [rangeOf(id)[0], rangeOf(id)[0] + (id.name as string).length], text: name });

class ClientSwitch {
  constructor(
    private readonly source: string,
    private readonly tokens: TokenSourceAnalysis,
    private readonly bearerTokens: readonly AstNode[],
    private readonly options: SendAccessTokenOptions,
  ) {}

  private get index(): FileIndex {
    return this.tokens.resolver.index;
  }

  /** Switches the expression that holds the ID token itself. */
  switchToken(expression: AstNode, plan: Plan, depth: number): void {
    if (depth > MAX_DEPTH) throw new Unswitchable('the ID token passes through too many steps to follow: send the access token by hand');
    const node = valueNode(expression);
    if (isIdentifier(node)) return this.switchBinding(node, { kind: 'token' }, plan, depth);
    if (isMemberExpression(node)) {
      const name = memberName(node);
      if (name === undefined) throw new Unswitchable('the ID token is read from a computed member: send the access token by hand');
      const holder = this.switchHolder(node.object as AstNode, name, plan, depth + 1);
      const object = valueNode(node.object as AstNode);
      const handled = isIdentifier(object) && [...plan.bindings.keys()].some((binding) => binding === this.index.resolve(object));
      if (!handled) this.switchMemberRead(node, holder, plan);
      return;
    }
    if (isCallExpression(node)) return this.switchTokenCall(node, plan, depth);
    // `idToken ?? ''`, `idToken || ''`: the token is the left side.
    if (node.type === 'LogicalExpression' && node.operator !== '&&') return this.switchToken(node.left as AstNode, plan, depth + 1);
  }

  /** A call that returns the ID token: `getIdToken()`, `session.getIdToken().getJwtToken()`, a storage read. */
  private switchTokenCall(call: AstNode, plan: Plan, depth: number): void {
    const callee = unwrap(call.callee as AstNode);
    if (!isMemberExpression(callee) || callee.computed) {
      return this.switchStorageRead(call, plan);
    }
    const method = memberName(callee)!;
    const receiver = unwrap(callee.object as AstNode);
    // `tokens?.idToken?.toString()` (Amplify): the token object's string is still its token.
    if (method === 'toString' && (call.arguments as AstNode[]).length === 0 && isMemberExpression(receiver)) return this.switchToken(receiver, plan, depth + 1);
    const getter = isCallExpression(receiver) ? unwrap(receiver.callee as AstNode) : undefined;
    for (const twin of accessTokenTwins('method')) {
      if (method === twin.method.id) {
        plan.edits.push(replace(callee.property as AstNode, twin.method.access));
        return;
      }
      // `session.getIdToken().getJwtToken()`: the getter's twin, its string method kept.
      if (getter && isMemberExpression(getter) && !getter.computed && memberName(getter) === twin.method.id && (call.arguments as AstNode[]).length === 0) {
        plan.edits.push(replace(getter.property as AstNode, twin.method.access));
        return;
      }
    }
    this.switchStorageRead(call, plan);
  }

  /**
   * `localStorage.getItem('id_token')`, `Cookies.get('id_token')`: switched to the access token's key only where the
   * file shows the access token kept under that key in the same store (read or written there).
   */
  private switchStorageRead(call: AstNode, plan: Plan): void {
    const origin = this.tokens.originOf(call);
    if (origin.kind !== 'storage' || origin.tokenType !== 'id') return;
    const args = call.arguments as AstNode[];
    const keyNode = args[0] ? unwrap(args[0]) : undefined;
    const key = stringLiteralValue(keyNode);
    const accessKey = key === undefined ? undefined : accessTokenNameFor(key);
    const store = storeOf(call, this.source);
    if (!keyNode || !accessKey || BROWSER_TOKEN_KEYS[accessKey] !== 'access' || !store) {
      throw new Unswitchable('the ID token is read from browser storage under a key this transform cannot switch: store the access token at sign-in and send it');
    }
    if (!this.storesUnder(store, accessKey)) {
      throw new Unswitchable(
        `the ID token is read from ${store.text} under '${key}', and nothing in this file keeps the access token there: store the access token at sign-in under '${accessKey}' in ${store.text} and send it`,
      );
    }
    plan.edits.push(replace(keyNode, quoted(textOf(this.source, keyNode), accessKey)));
  }

  /** Whether the file reads or writes `key` in the same store (same receiver, or the same cookie reader). */
  private storesUnder(store: Store, key: string): boolean {
    return this.index.calls.some((call) => {
      const other = storeOf(call, this.source);
      const first = (call.arguments as AstNode[])[0];
      return !!other && other.text === store.text && stringLiteralValue(first ? unwrap(first) : undefined) === key;
    });
  }

  /**
   * Switches what `object` holds so that its `member` read gives the access token; returns what the object holds
   * after the switch. `member` is the ID-token member read from it (`idToken`, `__raw`, `id_token`).
   */
  private switchHolder(object: AstNode, member: string, plan: Plan, depth: number): Holder {
    if (depth > MAX_DEPTH) throw new Unswitchable('the ID token passes through too many steps to follow: send the access token by hand');
    this.collectTypeNames(object, plan);
    const node = valueNode(object);
    // Okta's token object: `tokenManager.get('idToken')`, `authState.idToken`, the parsed okta-token-storage entry.
    for (const twin of accessTokenTwins('token-object')) {
      if (member !== twin.member.id) continue;
      if (isCallExpression(node)) {
        const callee = unwrap(node.callee as AstNode);
        const keyNode = (node.arguments as AstNode[])[0];
        const receiver = isMemberExpression(callee) ? unwrap(callee.object as AstNode) : undefined;
        const receiverName = receiver && isMemberExpression(receiver) ? memberName(receiver) : receiver && isIdentifier(receiver) ? (receiver.name as string) : undefined;
        if (isMemberExpression(callee) && memberName(callee) === twin.getter.method && receiverName === twin.getter.receiver && keyNode && stringLiteralValue(unwrap(keyNode)) === twin.getter.key.id) {
          plan.edits.push(replace(unwrap(keyNode), quoted(textOf(this.source, unwrap(keyNode)), twin.getter.key.access)));
          return { kind: 'object', member, access: twin.member.access, changes: true };
        }
      }
      // `authState.idToken.idToken`, `storage.idToken.idToken`: the token object's own shape says what it is.
      if (isMemberExpression(node) && !node.computed && memberName(node) === twin.stateMember.id) {
        plan.edits.push(replace(node.property as AstNode, twin.stateMember.access));
        return { kind: 'object', member, access: twin.member.access, changes: true };
      }
    }
    // Auth0's ID token claims: `getIdTokenClaims()`, `idTokenClaims$`.
    for (const twin of accessTokenTwins('claims')) {
      if (member !== twin.rawMember) continue;
      const switched = this.switchClaims(node, twin, plan);
      if (switched) return { kind: 'object', member, access: undefined, changes: true };
    }
    // MSAL's result: `(await msal.acquireTokenSilent(request)).idToken`.
    for (const twin of accessTokenTwins('request-result')) {
      if (member !== twin.member.id || !isCallExpression(node)) continue;
      const callee = unwrap(node.callee as AstNode);
      if (!isMemberExpression(callee) || !twin.methods.includes(memberName(callee) ?? '')) continue;
      this.switchRequestScopes(node, twin, plan);
      return { kind: 'object', member, access: twin.member.access, changes: false };
    }
    // Amplify: `(await fetchAuthSession()).tokens.idToken`, `const { tokens } = await fetchAuthSession()`.
    for (const twin of accessTokenTwins('session-tokens')) {
      if (member === twin.member.id && this.isSessionTokens(node, twin)) return { kind: 'object', member, access: twin.member.access, changes: false };
    }
    // keycloak-js: `keycloak.idToken`.
    for (const twin of accessTokenTwins('instance-member')) {
      if (member === twin.member.id && this.isInstanceOf(node, twin.module, twin.instanceName)) return { kind: 'object', member, access: twin.member.access, changes: false };
    }
    // A token endpoint response: `tokens.id_token`, whatever holds it.
    const responseTwin = accessTokenNameFor(member);
    if (TOKEN_RESPONSE_MEMBERS[member] === 'id' && responseTwin) return { kind: 'object', member, access: responseTwin, changes: false };
    if (isIdentifier(node)) return this.followHolderBinding(node, member, plan, depth);
    throw new Unswitchable(this.unknownHolderReason(node, member));
  }

  private unknownHolderReason(node: AstNode, member: string): string {
    const text = textOf(this.source, node).replace(/\s+/g, ' ');
    const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
    return `the ID token is read as ${member} of ${shown}, an object this transform does not know the access-token twin of: send the access token by hand`;
  }

  /** An identifier holding the object the ID token is read from: followed to its source; its uses switched when the object changes. */
  private followHolderBinding(id: AstNode, member: string, plan: Plan, depth: number): Holder {
    const binding = this.index.resolve(id);
    const planned = binding ? plan.bindings.get(binding) : undefined;
    if (planned) return planned;
    const value = binding ? this.valueOf(binding) : undefined;
    if (!binding || !value) {
      const what = !binding ? 'not declared in this file' : binding.kind === 'param' ? 'a parameter' : binding.kind === 'import' ? 'imported' : 'assigned more than once';
      throw new Unswitchable(`the ID token is read as ${member} of ${id.name as string}, which is ${what}, so this transform cannot see what it holds: send the access token where the value is obtained`);
    }
    if (value.path.length > 0) throw new Unswitchable(`${binding.name} is destructured from the object that holds the ID token: send the access token by hand`);
    const holder = this.switchHolder(value.expression, member, plan, depth + 1);
    if (holder.kind === 'object' && holder.changes) this.switchReferences(binding, holder, plan);
    return holder;
  }

  /** `getIdTokenClaims()` -> `getTokenSilently({ authorizationParams: { audience } })`; `idTokenClaims$` -> `getAccessTokenSilently(...)`. */
  private switchClaims(node: AstNode, twin: ReturnType<typeof accessTokenTwins<'claims'>>[number], plan: Plan): boolean {
    let target: AstNode | undefined;
    let access: string | undefined;
    let receiverNode: AstNode | undefined;
    let spelling = '';
    if (isCallExpression(node) && (node.arguments as AstNode[]).length === 0) {
      const callee = unwrap(node.callee as AstNode);
      if (isMemberExpression(callee) && !callee.computed && memberName(callee) === twin.method.id) {
        target = node;
        access = twin.method.access;
        receiverNode = callee.object as AstNode;
        spelling = `${twin.method.id}()`;
      }
    } else if (isMemberExpression(node) && !node.computed && memberName(node) === twin.observable.id) {
      target = node;
      access = twin.observable.access;
      receiverNode = node.object as AstNode;
      spelling = twin.observable.id;
    }
    if (!target || !access || !receiverNode) return false;
    const audience = this.options.audience ?? this.auth0AudienceOf(receiverNode, twin, plan) ?? this.audienceRequestedElsewhere(receiverNode, twin, plan);
    if (!audience) {
      throw new Unswitchable(
        `the raw ID token of Auth0's ${spelling} is sent: request a token for your API's audience (${access}({ ${twin.audienceParameter}: { audience: '<API identifier>' } })) and send it; run again with --audience to have it written`,
      );
    }
    const argument = audience === SDK_DEFAULT_AUDIENCE ? '' : `{ ${twin.audienceParameter}: { audience: ${quoted(this.source, audience)} } }`;
    plan.edits.push(replace(target, `${textOf(this.source, receiverNode)}.${access}(${argument})`));
    return true;
  }

  /**
   * The audience Auth0's client requests by default (`createAuth0Client({ authorizationParams: { audience } })` in this
   * file): the twin call then needs no argument.
   */
  private auth0AudienceOf(receiver: AstNode, twin: { readonly audienceParameter: string }, plan: Plan): string | undefined {
    const node = unwrap(receiver);
    if (!isIdentifier(node)) return undefined;
    const binding = this.index.resolve(node);
    const init = binding?.init ? unwrap(binding.init) : undefined;
    const options = init && (isCallExpression(init) || init.type === 'NewExpression') ? (init.arguments as AstNode[])[0] : undefined;
    const parameters = options ? propertyOf(unwrap(options), twin.audienceParameter) : undefined;
    const audience = parameters ? propertyOf(unwrap(parameters), 'audience') : undefined;
    if (!audience) return undefined;
    plan.notes.push(`the access token is for the audience ${textOf(this.source, audience)} that ${binding!.name} is created with: check that it is this API's`);
    return SDK_DEFAULT_AUDIENCE;
  }

  /**
   * The one audience the same client requests access tokens for elsewhere in this file
   * (`auth0.getTokenSilently({ authorizationParams: { audience: 'https://orders.acme.com' } })`): the app's API, as far
   * as the file shows. Several audiences, or none, decide nothing.
   */
  private audienceRequestedElsewhere(receiver: AstNode, twin: { readonly method: TwinNames; readonly observable: TwinNames; readonly audienceParameter: string }, plan: Plan): string | undefined {
    const client = textOf(this.source, unwrap(receiver)).replace(/\s+/g, '');
    const audiences = new Set<string>();
    let where: AstNode | undefined;
    for (const call of this.index.calls) {
      const callee = unwrap(call.callee as AstNode);
      if (!isMemberExpression(callee) || callee.computed || ![twin.method.access, twin.observable.access].includes(memberName(callee) ?? '')) continue;
      if (textOf(this.source, unwrap(callee.object as AstNode)).replace(/\s+/g, '') !== client) continue;
      const options = (call.arguments as AstNode[])[0];
      const parameters = options ? propertyOf(unwrap(options), twin.audienceParameter) : undefined;
      const audience = parameters ? propertyOf(unwrap(parameters), 'audience') : undefined;
      const value = audience ? stringLiteralValue(unwrap(audience)) : undefined;
      if (value === undefined) return undefined;
      audiences.add(value);
      where = call;
    }
    if (audiences.size !== 1 || !where) return undefined;
    const [audience] = audiences;
    plan.notes.push(
      `the access token is requested for '${audience!}', the one audience this file's ${client} asks for on line ${where.loc.start.line as number}: check that it is the audience of the API this call reaches, or run again with --audience`,
    );
    return audience;
  }

  /** MSAL: the request's scopes must be the API's, or the access token is for Microsoft Graph. */
  private switchRequestScopes(call: AstNode, twin: ReturnType<typeof accessTokenTwins<'request-result'>>[number], plan: Plan): void {
    const argument = (call.arguments as AstNode[])[0];
    let request = argument ? unwrap(argument) : undefined;
    if (request && isIdentifier(request)) {
      const binding = this.index.resolve(request);
      request = binding && binding.kind === 'const' && binding.path.length === 0 && binding.init && this.index.referencesOf(binding).length === 1 ? unwrap(binding.init) : undefined;
    }
    const scopes = request?.type === 'ObjectExpression' ? propertyOf(request, twin.scopesOption) : undefined;
    const list = scopes ? unwrap(scopes) : undefined;
    const values = list?.type === 'ArrayExpression' ? (list.elements as (AstNode | null)[]).map((element) => (element ? stringLiteralValue(unwrap(element)) : undefined)) : undefined;
    if (!list || !values || values.some((value) => value === undefined)) {
      throw new Unswitchable(`the ID token of an MSAL result is sent, and the request's ${twin.scopesOption} cannot be read here: request your API's scope (api://<app id>/.default) and send result.${twin.member.access}`);
    }
    const own = values.filter((value) => !twin.openIdScopes.includes(value!.toLowerCase()));
    if (own.length > 0 && own.every((value) => this.isApiScope(value!))) return;
    if (own.length > 0) {
      throw new Unswitchable(
        `the MSAL request asks for ${own.join(', ')}, so result.${twin.member.access} would be a ${twin.defaultApi} token, not one for this API: request your API's scope (api://<app id>/.default) and send result.${twin.member.access}`,
      );
    }
    if (!this.options.audience) {
      const elsewhere = this.apiScopesRequestedElsewhere(call, twin);
      if (elsewhere) {
        plan.notes.push(
          `the MSAL request now asks for ${elsewhere.scopes.join(', ')}, the API scopes this file's ${elsewhere.client} requests on line ${elsewhere.line}: check that they are the scopes of the API this call reaches, or run again with --audience`,
        );
        plan.edits.push(replace(list, `[${elsewhere.scopes.map((scope) => quoted(this.source, scope)).join(', ')}]`));
        return;
      }
      throw new Unswitchable(
        `the MSAL request asks only for OpenID scopes (${values.join(', ')}), so its access token is for ${twin.defaultApi}: request your API's scope (api://<app id>/.default) and send result.${twin.member.access}; run again with --audience to have it written`,
      );
    }
    const scope = /\/\.default$/.test(this.options.audience) ? this.options.audience : twin.apiScope.replace('{audience}', this.options.audience.replace(/\/+$/, ''));
    plan.edits.push(replace(list, `[${quoted(this.source, scope)}]`));
  }

  /**
   * The API scopes (`api://…`) the same MSAL client requests elsewhere in this file, when every other request of it
   * that names API scopes names the same ones: the app's API, as far as the file shows.
   */
  private apiScopesRequestedElsewhere(request: AstNode, twin: { readonly methods: readonly string[]; readonly scopesOption: string; readonly openIdScopes: readonly string[] }): { scopes: string[]; client: string; line: number } | undefined {
    const callee = unwrap(request.callee as AstNode);
    if (!isMemberExpression(callee)) return undefined;
    const client = textOf(this.source, unwrap(callee.object as AstNode)).replace(/\s+/g, '');
    const found = new Map<string, { scopes: string[]; line: number }>();
    for (const call of this.index.calls) {
      const other = unwrap(call.callee as AstNode);
      if (call === request || !isMemberExpression(other) || !twin.methods.includes(memberName(other) ?? '')) continue;
      if (textOf(this.source, unwrap(other.object as AstNode)).replace(/\s+/g, '') !== client) continue;
      const argument = (call.arguments as AstNode[])[0];
      const scopes = argument ? propertyOf(unwrap(argument), twin.scopesOption) : undefined;
      const list = scopes ? unwrap(scopes) : undefined;
      if (list?.type !== 'ArrayExpression') continue;
      const values = (list.elements as (AstNode | null)[]).map((element) => (element ? stringLiteralValue(unwrap(element)) : undefined));
      const api = values.filter((value): value is string => value !== undefined && /^api:\/\//i.test(value));
      if (api.length === 0) continue;
      if (api.length !== values.filter((value) => value === undefined || !twin.openIdScopes.includes(value.toLowerCase())).length) return undefined;
      found.set(api.join(' '), { scopes: api, line: call.loc.start.line as number });
    }
    if (found.size !== 1) return undefined;
    const [only] = found.values();
    return { ...only!, client };
  }

  /** A scope of the API the codemod was given, or of an API named by App ID URI (`api://…`). */
  private isApiScope(scope: string): boolean {
    if (this.options.audience && scope.startsWith(this.options.audience.replace(/\/\.default$/, ''))) return true;
    return /^api:\/\//i.test(scope);
  }

  /** The session's tokens: `<session>.tokens`, or a binding destructured as `tokens` from it, the session being `await getter()`. */
  private isSessionTokens(node: AstNode, twin: { readonly getter: string; readonly modules: RegExp; readonly holderMember: string }): boolean {
    const isSession = (expression: AstNode | undefined): boolean => {
      let value = expression ? valueNode(expression) : undefined;
      if (value && isIdentifier(value)) {
        const binding = this.index.resolve(value);
        value = binding && binding.path.length === 0 && binding.init && this.valueOf(binding) ? valueNode(binding.init) : undefined;
      }
      if (!value || !isCallExpression(value)) return false;
      const getter = this.tokens.resolver.entityOf(value.callee as AstNode);
      return getter.kind === 'module' && twin.modules.test(getter.module) && getter.path[getter.path.length - 1] === twin.getter;
    };
    if (isMemberExpression(node)) return !node.computed && memberName(node) === twin.holderMember && isSession(node.object as AstNode);
    if (!isIdentifier(node)) return false;
    const binding = this.index.resolve(node);
    return !!binding && binding.path.length === 1 && binding.path[0] === twin.holderMember && !!this.valueOf(binding) && isSession(binding.init);
  }

  /** `keycloak` made by `new Keycloak(...)` of keycloak-js here, or an instance imported from the app's own module by that name. */
  private isInstanceOf(node: AstNode, module: string, instanceName: RegExp): boolean {
    if (!isIdentifier(node)) return false;
    const binding = this.index.resolve(node);
    if (!binding) return false;
    if (binding.kind === 'import') {
      const from = this.index.parentOf(binding.declaration)?.source?.value;
      return typeof from === 'string' && from.startsWith('.') && instanceName.test(binding.name);
    }
    const init = binding.init ? unwrap(binding.init) : undefined;
    if (!init || init.type !== 'NewExpression' || binding.path.length > 0) return false;
    const maker = this.tokens.resolver.entityOf(init.callee as AstNode);
    return maker.kind === 'module' && maker.module === module;
  }

  /** The read of the ID-token member, switched to its twin (`.idToken` -> `.accessToken`), or to the holder itself. */
  private switchMemberRead(member: AstNode, holder: Holder, plan: Plan): void {
    if (holder.kind !== 'object') throw new Unswitchable('the ID token is read from a value that is itself a token: send the access token by hand');
    if (holder.access !== undefined) {
      plan.edits.push(replace(member.property as AstNode, holder.access));
      return;
    }
    // `claims?.__raw` -> `accessToken`: the switched holder is the access token; its object (already renamed) stands alone.
    // Edits inside the object (the claims call switched) are folded into the one replacement.
    const object = member.object as AstNode;
    const [start, end] = rangeOf(object);
    const inside = plan.edits.filter((edit) => edit.range[0] >= start && edit.range[1] <= end);
    for (const edit of inside) plan.edits.splice(plan.edits.indexOf(edit), 1);
    const text = replacementOf(this.source, object, inside);
    const outermost = outermostOf(member, this.index);
    // `${(await auth0.getIdTokenClaims())?.__raw}` -> `${await auth0.getTokenSilently(…)}`: a template needs no parentheses.
    const bare = this.index.parentOf(outermost)?.type === 'TemplateLiteral' || (object.type !== 'AwaitExpression' && valueNode(object) === unwrap(object));
    plan.edits.push(replace(outermost, bare ? text : `(${text})`));
  }

  /** An identifier holding the ID token: its binding followed to its source, switched, and renamed with its references. */
  private switchBinding(id: AstNode, holder: Holder, plan: Plan, depth: number): void {
    const binding = this.index.resolve(id);
    if (!binding) throw new Unswitchable(`${id.name as string} is not declared in this file: send the access token where it is obtained`);
    if (plan.bindings.has(binding)) return;
    const value = this.valueOf(binding);
    if (!value) {
      const what = binding.kind === 'param' ? 'a parameter' : binding.kind === 'import' ? 'imported' : 'assigned more than once';
      throw new Unswitchable(`${binding.name} is ${what}, so this transform cannot see where its ID token comes from: send the access token where the value is obtained`);
    }
    plan.bindings.set(binding, holder);
    if (value.path.length === 0) {
      this.switchToken(value.expression, plan, depth + 1);
    } else {
      // `const { id_token } = tokens`: the pattern's key switches with what it reads.
      const key = value.path[value.path.length - 1];
      if (typeof key !== 'string' || value.path.length > 1) throw new Unswitchable(`${binding.name} is destructured from an array or nested object: send the access token by hand`);
      const objectHolder = this.switchHolder(value.expression, key, plan, depth + 1);
      if (objectHolder.kind !== 'object' || objectHolder.access === undefined) throw new Unswitchable(`${binding.name} is destructured from an object whose access-token twin is not a member: send the access token by hand`);
      const property = this.index.parentOf(binding.id);
      if (!property || !isObjectMember(property)) throw new Unswitchable(`${binding.name} is destructured with a default value: send the access token by hand`);
      const newName = this.newNameOf(binding);
      if (property.shorthand && newName === objectHolder.access) {
        plan.edits.push(replace(property, objectHolder.access));
        this.switchReferences(binding, holder, plan, newName, true);
        return;
      }
      plan.edits.push(replace(property.key as AstNode, objectHolder.access));
      if (property.shorthand) throw new Unswitchable(`${binding.name} would need a new name: rename it to ${objectHolder.access} by hand`);
    }
    this.switchReferences(binding, holder, plan);
  }

  /** What a binding's value is built from: a `const`'s initializer, or the value a callback parameter receives. */
  private valueOf(binding: Binding): { expression: AstNode; path: readonly (string | number)[] } | undefined {
    if ((binding.kind === 'const' || ((binding.kind === 'let' || binding.kind === 'var') && binding.writes === 0)) && binding.init) {
      return { expression: binding.init, path: binding.path };
    }
    if (binding.kind === 'param' && binding.path.length === 0) {
      const emitted = this.callbackSource(binding);
      return emitted ? { expression: emitted, path: [] } : undefined;
    }
    return undefined;
  }

  /**
   * What a callback's first parameter receives: `promise.then((x) => …)` the promise's value; rxjs
   * `source.pipe(take(1), switchMap((x) => …))` the source's values (`from(promise)`: the promise's).
   */
  private callbackSource(binding: Binding): AstNode | undefined {
    const fn = binding.declaration.type === 'Identifier' ? this.index.parentOf(binding.declaration) : undefined;
    const callback = fn && isFunction(fn) ? fn : binding.scope;
    if (!isFunction(callback) || (callback.params as AstNode[])[0] !== binding.id) return undefined;
    const call = this.index.parentOf(callback);
    if (!call || !isCallExpression(call) || !(call.arguments as AstNode[]).includes(callback)) return undefined;
    const callee = unwrap(call.callee as AstNode);
    if (isMemberExpression(callee) && memberName(callee) === 'then' && (call.arguments as AstNode[])[0] === callback) return callee.object as AstNode;
    if (!isIdentifier(callee) || !VALUE_CALLBACK_OPERATORS.has(callee.name as string) || !this.isRxjs(callee)) return undefined;
    const pipe = this.index.parentOf(call);
    if (!pipe || !isCallExpression(pipe)) return undefined;
    const pipeCallee = unwrap(pipe.callee as AstNode);
    if (!isMemberExpression(pipeCallee) || memberName(pipeCallee) !== 'pipe') return undefined;
    const operators = pipe.arguments as AstNode[];
    const before = operators.slice(0, operators.indexOf(call));
    const keepsValues = before.every((operator) => {
      const inner = unwrap(operator);
      const name = isCallExpression(inner) && isIdentifier(unwrap(inner.callee as AstNode)) ? (unwrap(inner.callee as AstNode).name as string) : undefined;
      return name !== undefined && (VALUE_KEEPING_OPERATORS.has(name) || (name === 'filter' && isIdentifier(unwrap((inner.arguments as AstNode[])[0] ?? inner), 'Boolean')));
    });
    if (!keepsValues) return undefined;
    const observable = unwrap(pipeCallee.object as AstNode);
    if (isCallExpression(observable) && isIdentifier(unwrap(observable.callee as AstNode), 'from') && (observable.arguments as AstNode[]).length === 1) {
      return (observable.arguments as AstNode[])[0];
    }
    return observable;
  }

  private isRxjs(callee: AstNode): boolean {
    const entity = this.tokens.resolver.entityOf(callee);
    return entity.kind === 'module' && /^rxjs(\/operators)?$/.test(entity.module);
  }

  /** The name a binding takes once it holds the access token: its twin when its name says "ID token" or "claims". */
  private newNameOf(binding: Binding): string | undefined {
    const twin = accessTokenNameFor(binding.name);
    if (twin) return twin;
    return /^(id_?token_?)?claims$/i.test(binding.name) ? 'accessToken' : undefined;
  }

  /**
   * Every reference of a switched binding rewritten for what it now holds: renamed where its name says "ID token",
   * its ID-token member reads switched. Only where each reference is a use that stays correct with an access
   * token: a bearer value, a truthiness check, a hook's dependency list.
   */
  private switchReferences(binding: Binding, holder: Holder, plan: Plan, newName = this.newNameOf(binding), declarationDone = false): void {
    plan.bindings.set(binding, holder);
    const references = this.index.referencesOf(binding).filter((reference) => reference !== binding.id);
    for (const reference of references) {
      const problem = this.otherUse(reference, holder);
      if (problem) throw new Unswitchable(`${binding.name} is also ${problem}: keep it for that, and send the access token, obtained separately, in the Authorization header`);
    }
    const rename = newName !== undefined && newName !== binding.name;
    // A claims object that becomes the access token must not keep a name that says otherwise.
    if (!rename && holder.kind === 'object' && holder.access === undefined && newName === undefined && /claims/i.test(binding.name)) {
      throw new Unswitchable(`${binding.name} would hold the access token: rename it by hand`);
    }
    if (rename) {
      if (this.index.isExported(binding)) throw new Unswitchable(`${binding.name} is exported: send the access token by hand, and rename it where it is imported`);
      const taken = [binding.id, ...references].some((node) => {
        const found = this.index.lookup(newName, node);
        return found !== undefined && found !== binding;
      });
      if (taken || this.namedInside(binding.scope, newName)) throw new Unswitchable(`${newName} is already a name where ${binding.name} is used: rename one of them, then run again`);
      if (!declarationDone) plan.edits.push(renameIdentifier(binding.id, newName));
    }
    for (const reference of references) {
      const member = memberReadOf(reference, this.index);
      if (member && holder.kind === 'object' && memberName(member) === holder.member) {
        this.collectTypeNamesBetween(reference, member, plan);
        if (holder.access === undefined) {
          // `claims?.__raw` -> `accessToken`: the object is the access token now.
          plan.edits.push(replace(outermostOf(member, this.index), rename ? newName : binding.name));
          continue;
        }
        plan.edits.push(replace(member.property as AstNode, holder.access));
      }
      if (rename) plan.edits.push(renameIdentifier(reference, newName));
    }
  }

  /** Whether any identifier in a scope is named `name` (a global, or a binding of an inner scope, would be shadowed). */
  private namedInside(scope: AstNode, name: string): boolean {
    let found = false;
    walkNodes(scope, (node) => {
      if (found) return false;
      if (isIdentifier(node, name)) found = true;
      return !found;
    });
    return found;
  }

  /** Why a reference is a use that an access token would not serve, or undefined when it is one that stays correct. */
  private otherUse(reference: AstNode, holder: Holder): string | undefined {
    let node = reference;
    if (holder.kind === 'object') {
      const member = memberReadOf(reference, this.index);
      if (member) {
        if (memberName(member) !== holder.member) return `read for its ${memberName(member) ?? 'members'}`;
        node = member;
      }
    }
    let current = node;
    let parent = this.index.parentOf(current);
    // The bearer value itself, or its left side (`idToken ?? ''`); not any use inside one (`jwtDecode(idToken).sub`).
    while (parent && (TRANSPARENT.has(parent.type) || (parent.type === 'LogicalExpression' && parent.left === current && parent.operator !== '&&'))) {
      if (this.bearerTokens.includes(current)) return undefined;
      current = parent;
      parent = this.index.parentOf(current);
    }
    if (this.bearerTokens.includes(current)) return undefined;
    if (!parent) return 'used elsewhere';
    // Truthiness: `if (idToken)`, `!idToken`, `idToken ? a : b`, `idToken && …`.
    if (parent.type === 'UnaryExpression' && parent.operator === '!') return undefined;
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression' || parent.type === 'WhileStatement') && parent.test === current) return undefined;
    if (parent.type === 'LogicalExpression' && parent.left === current && parent.operator !== '??') return undefined;
    // A hook's dependency list: `useCallback(fn, [idToken])`.
    if (parent.type === 'ArrayExpression') {
      const call = this.index.parentOf(parent);
      const callee = call && isCallExpression(call) ? unwrap(call.callee as AstNode) : undefined;
      const name = callee && isIdentifier(callee) ? (callee.name as string) : callee && isMemberExpression(callee) ? memberName(callee) : undefined;
      if (name && HOOK_NAME.test(name)) return undefined;
    }
    const hint = this.hintParameter(current, parent);
    if (hint) return `used as ${hint}`;
    if (isCallExpression(parent) && (parent.arguments as AstNode[]).includes(current)) {
      const callee = unwrap(parent.callee as AstNode);
      return `passed to ${textOf(this.source, callee).replace(/\s+/g, ' ')}()`;
    }
    return `used on line ${reference.loc.start.line as number}`;
  }

  /** `id_token_hint` in a logout URL or a parameter object: an ID token on purpose. */
  private hintParameter(value: AstNode, parent: AstNode): string | undefined {
    if (isObjectMember(parent) && ID_TOKEN_PARAMETERS_NOT_CREDENTIALS.includes(objectMemberName(parent) ?? '')) return objectMemberName(parent);
    let around: AstNode | undefined = parent;
    for (let steps = 0; around && steps < 4; steps++, around = this.index.parentOf(around)) {
      if (around.type === 'TemplateLiteral' || (around.type === 'BinaryExpression' && around.operator === '+')) {
        const text = textOf(this.source, around);
        const hint = ID_TOKEN_PARAMETERS_NOT_CREDENTIALS.find((name) => text.includes(`${name}=`));
        if (hint) return hint;
      }
    }
    return undefined;
  }

  /** `IDToken` names in casts and annotations of an expression that is switched. */
  private collectTypeNames(node: AstNode, plan: Plan): void {
    const idTypes = new Set(accessTokenTwins('token-object').map((twin) => twin.type.id));
    walkNodes(node, (inner) => {
      if (isIdentifier(inner) && idTypes.has(inner.name as string) && isTypeName(inner, this.index) && !plan.typeNames.includes(inner)) plan.typeNames.push(inner);
      return true;
    });
    // `const idToken: IDToken | undefined = …`: the declarator's annotation.
    const declarator = this.index.closest(node, (candidate) => candidate.type === 'VariableDeclarator');
    if (declarator && within(node, declarator.init as AstNode)) {
      const annotation = (declarator.id as AstNode).typeAnnotation as AstNode | undefined;
      if (annotation) this.collectTypeNames(annotation, plan);
    }
  }

  private collectTypeNamesBetween(reference: AstNode, member: AstNode, plan: Plan): void {
    let current = this.index.parentOf(reference);
    while (current && current !== member) {
      if (current.type === 'TSAsExpression' || current.type === 'TSTypeAssertion' || current.type === 'TSSatisfiesExpression') this.collectTypeNames(current.typeAnnotation as AstNode, plan);
      current = this.index.parentOf(current);
    }
  }
}

/** Stands for the audience the SDK's client was created with: the twin call then takes no argument. */
const SDK_DEFAULT_AUDIENCE = '\u0000sdk-default';

/** The store a storage read or write goes to: `localStorage`, `window.sessionStorage`, `Cookies`, `cookies()`. */
interface Store {
  readonly text: string;
}

const STORE_METHODS = new Set(['getItem', 'setItem', 'get', 'set']);

function storeOf(call: AstNode, source: string): Store | undefined {
  const callee = unwrap(call.callee as AstNode);
  if (isIdentifier(callee)) return /^(get|set)cookie$/i.test(callee.name as string) ? { text: 'cookies' } : undefined;
  if (!isMemberExpression(callee) || !STORE_METHODS.has(memberName(callee) ?? '')) return undefined;
  const receiver = textOf(source, unwrap(callee.object as AstNode)).replace(/^(window|globalThis|self)\./, '').replace(/\s+/g, '');
  if (/^(localStorage|sessionStorage)$/.test(receiver)) return /Item$/.test(memberName(callee)!) ? { text: receiver } : undefined;
  if (/cookie/i.test(receiver)) return /Item$/.test(memberName(callee)!) ? undefined : { text: receiver };
  return undefined;
}

/** The value an expression gives, past parentheses, casts and `await`. */
function valueNode(node: AstNode): AstNode {
  let current = unwrap(node);
  while (current.type === 'AwaitExpression') current = unwrap(current.argument as AstNode);
  return current;
}

/** The member read of a reference (`ref.idToken`, `(ref as IDToken).idToken`, `ref?.__raw`), through casts. */
function memberReadOf(reference: AstNode, index: FileIndex): AstNode | undefined {
  let current = reference;
  let parent = index.parentOf(current);
  while (parent && TRANSPARENT.has(parent.type) && parent.type !== 'AwaitExpression') {
    current = parent;
    parent = index.parentOf(current);
  }
  return parent && isMemberExpression(parent) && parent.object === current ? parent : undefined;
}

/** A member read with its optional-chain wrapper (ESTree `ChainExpression`), which goes when the read goes. */
function outermostOf(member: AstNode, index: FileIndex): AstNode {
  const parent = index.parentOf(member);
  return parent?.type === 'ChainExpression' ? parent : member;
}

function within(node: AstNode, container: AstNode | undefined): boolean {
  if (!container) return false;
  const [start, end] = rangeOf(node);
  const [outerStart, outerEnd] = rangeOf(container);
  return outerStart <= start && end <= outerEnd;
}

/** An identifier in type position (a cast's or annotation's type reference). */
function isTypeName(id: AstNode, index: FileIndex): boolean {
  const parent = index.parentOf(id);
  return parent?.type === 'TSTypeReference' && parent.typeName === id;
}

/** The value of a property of an object literal, by name. */
function propertyOf(object: AstNode, name: string): AstNode | undefined {
  if (object.type !== 'ObjectExpression') return undefined;
  const property = (object.properties as AstNode[]).find((candidate) => isObjectMember(candidate) && objectMemberName(candidate) === name);
  return property ? (property.value as AstNode) : undefined;
}

