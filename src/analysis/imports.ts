/**
 * What an expression refers to, by binding rather than by name: an export of a module (ESM default,
 * named, aliased and namespace imports, `require` anywhere, destructuring, `import x = require()`,
 * default interop), or a value a library API made (`new OktaJwtVerifier()` kept in a variable, a class
 * field or `this.x`, or injected by type). On top of that: which library API a call or `new` invokes.
 */
import {
  apiAtExport,
  apiForAuthStrategy,
  apiOnMade,
  apiRegisteredAs,
  REGISTRATION_METHODS,
  STRATEGY_MIXINS,
  type LibraryApi,
} from '../knowledge/libraries.js';
import { indexFile, type Binding, type FileIndex } from './file-index.js';
import {
  annotatedTypeName,
  dynamicImportSource,
  importSpecifierImportedName,
  isCallExpression,
  isClass,
  isClassField,
  isIdentifier,
  isMemberExpression,
  keyName,
  memberName,
  stringLiteralValue,
  unwrap,
  type AstNode,
} from './syntax.js';

export type Entity =
  /** An export of a module; `path` is the member chain below the module object (`['verify']`). */
  | { readonly kind: 'module'; readonly module: string; readonly path: readonly string[] }
  /** A value made by a library API (an instance, a factory's result), and a member chain below it. */
  | { readonly kind: 'made'; readonly api: LibraryApi; readonly site: AstNode | undefined; readonly path: readonly string[] }
  | { readonly kind: 'unknown' };

/** A call or `new` of a library API, with the call that made the object it was called on, if any. */
export interface ApiCall {
  readonly api: LibraryApi;
  /** The CallExpression or NewExpression (for `super(...)`, the super call). */
  readonly node: AstNode;
  readonly args: readonly AstNode[];
  /** For methods of made values (`verifier.verifyAccessToken`), the call that made the value. */
  readonly maker?: ApiCall;
}

const UNKNOWN: Entity = { kind: 'unknown' };
const MAX_DEPTH = 30;
const INTEROP_HELPERS = /^(_+)?(interopRequire(Default|Wildcard)|importDefault|importStar|toESM|toCommonJS)$/;

function extend(entity: Entity, step: string): Entity {
  if (entity.kind === 'unknown') return entity;
  return { ...entity, path: [...entity.path, step] };
}

export class EntityResolver {
  private readonly memo = new Map<AstNode, Entity>();
  private readonly active = new Set<AstNode>();
  private readonly callMemo = new Map<AstNode, ApiCall | null>();

  constructor(readonly index: FileIndex) {}

  entityOf(expression: AstNode): Entity {
    const memoized = this.memo.get(expression);
    if (memoized) return memoized;
    if (this.active.has(expression) || this.active.size > MAX_DEPTH) return UNKNOWN;
    this.active.add(expression);
    try {
      const entity = this.compute(unwrap(expression));
      this.memo.set(expression, entity);
      return entity;
    } finally {
      this.active.delete(expression);
    }
  }

  /** The entity a binding names. */
  entityOfBinding(binding: Binding): Entity {
    const declaration = binding.declaration;
    switch (binding.kind) {
      case 'import': {
        const module = (this.index.parentOf(declaration)?.source as AstNode | undefined)?.value;
        if (typeof module !== 'string') return UNKNOWN;
        if (declaration.type === 'ImportNamespaceSpecifier') return { kind: 'module', module, path: [] };
        if (declaration.type === 'ImportDefaultSpecifier') return { kind: 'module', module, path: ['default'] };
        const imported = importSpecifierImportedName(declaration);
        return imported === undefined ? UNKNOWN : { kind: 'module', module, path: [imported] };
      }
      case 'import-equals': {
        const reference = declaration.moduleReference as AstNode;
        const module = reference.type === 'TSExternalModuleReference' ? stringLiteralValue(reference.expression as AstNode) : undefined;
        return module === undefined ? UNKNOWN : { kind: 'module', module, path: [] };
      }
      case 'param':
        return this.injected(binding.id);
      case 'const':
      case 'let':
      case 'var':
      case 'using': {
        if (binding.kind !== 'const' && binding.writes > 0) return UNKNOWN;
        if (!binding.init || binding.rest) return this.injected(binding.id);
        let entity = this.entityOf(binding.init);
        for (const step of binding.path) entity = typeof step === 'string' ? extend(entity, step) : UNKNOWN;
        return entity;
      }
      default:
        return UNKNOWN;
    }
  }

  /** An instance known from its declared type: `constructor(private jwt: JwtService)`, `@Inject(OKTA_AUTH) auth: OktaAuth`. */
  private injected(id: AstNode): Entity {
    const typeName = annotatedTypeName(id);
    if (!typeName) return UNKNOWN;
    const type = this.typeEntity(typeName);
    if (type.kind !== 'module') return UNKNOWN;
    const api = apiAtExport(type.module, type.path);
    if (!api || (api.invoke !== 'new' && api.invoke !== 'call-or-new')) return UNKNOWN;
    return { kind: 'made', api, site: undefined, path: [] };
  }

  private typeEntity(typeName: AstNode): Entity {
    if (typeName.type === 'Identifier') {
      const binding = this.index.resolve(typeName);
      return binding ? this.entityOfBinding(binding) : UNKNOWN;
    }
    if (typeName.type === 'TSQualifiedName') {
      const right = (typeName.right as AstNode).name as string;
      return extend(this.typeEntity(typeName.left as AstNode), right);
    }
    return UNKNOWN;
  }

  private compute(node: AstNode): Entity {
    switch (node.type) {
      case 'Identifier': {
        const binding = this.index.resolve(node);
        return binding ? this.entityOfBinding(binding) : UNKNOWN;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = memberName(node);
        if (name === undefined) return UNKNOWN;
        const object = unwrap(node.object as AstNode);
        if (object.type === 'ThisExpression') return this.thisMember(object, name);
        return extend(this.entityOf(object), name);
      }
      case 'AwaitExpression':
        return this.entityOf(node.argument as AstNode);
      case 'SequenceExpression': {
        const expressions = node.expressions as AstNode[];
        return this.entityOf(expressions[expressions.length - 1]!);
      }
      case 'ImportExpression':
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression':
        return this.callResult(node);
      default:
        return UNKNOWN;
    }
  }

  private callResult(node: AstNode): Entity {
    const importSource = dynamicImportSource(node);
    if (importSource) {
      const module = stringLiteralValue(unwrap(importSource));
      return module === undefined ? UNKNOWN : { kind: 'module', module, path: [] };
    }
    const callee = unwrap(node.callee as AstNode);
    const args = node.arguments as AstNode[];
    if (isIdentifier(callee) && !this.index.resolve(callee)) {
      if (callee.name === 'require' && args[0]) {
        const module = stringLiteralValue(unwrap(args[0]));
        return module === undefined ? UNKNOWN : { kind: 'module', module, path: [] };
      }
    }
    // Interop wrappers that compilers emit around `require` keep the module's identity.
    if (isIdentifier(callee) && INTEROP_HELPERS.test(callee.name as string) && args[0]) {
      return this.entityOf(args[0]);
    }
    const call = this.apiCall(node);
    if (call) return { kind: 'made', api: call.api, site: node, path: [] };
    return UNKNOWN;
  }

  /** `this.name` inside a class: the field's initializer, a constructor parameter property, or `this.name = …`. */
  private thisMember(thisNode: AstNode, name: string): Entity {
    const classNode = this.index.enclosingClassOfThis(thisNode);
    if (!classNode) return UNKNOWN;
    const values = this.index.classMemberWrites(classNode).get(name) ?? [];
    const entities = values.map((value) => this.memberValueEntity(value));
    const known = entities.filter((entity) => entity.kind !== 'unknown');
    if (known.length === 0) return UNKNOWN;
    // Every write must agree; a field that holds different things at different times is not known.
    const first = known[0]!;
    return known.every((entity) => JSON.stringify(entityKey(entity)) === JSON.stringify(entityKey(first))) ? first : UNKNOWN;
  }

  private memberValueEntity(value: AstNode): Entity {
    // A parameter property or typed field stands for the parameter: its type says what it holds.
    if (value.type === 'TSParameterProperty') {
      const parameter = value.parameter as AstNode;
      const id = parameter.type === 'AssignmentPattern' ? (parameter.left as AstNode) : parameter;
      return this.injected(id);
    }
    if (isClassField(value)) return this.injected(value);
    return this.entityOf(value);
  }

  /** The library API a call or `new` invokes, if any. */
  apiCall(node: AstNode): ApiCall | undefined {
    const memoized = this.callMemo.get(node);
    if (memoized !== undefined) return memoized ?? undefined;
    this.callMemo.set(node, null);
    const call = this.computeApiCall(node);
    this.callMemo.set(node, call ?? null);
    return call;
  }

  private computeApiCall(node: AstNode): ApiCall | undefined {
    if (node.type !== 'NewExpression' && !isCallExpression(node)) return undefined;
    const callee = unwrap(node.callee as AstNode);
    const args = node.arguments as AstNode[];
    const isNew = node.type === 'NewExpression';

    if (callee.type === 'Super') {
      const classNode = this.index.closest(node, isClass);
      const api = classNode ? this.superclassApi(classNode) : undefined;
      return api ? { api, node, args } : undefined;
    }

    // `fastify.register(plugin, options)`: the plugin says what the options configure.
    if (!isNew && isMemberExpression(callee) && REGISTRATION_METHODS.has(memberName(callee) ?? '') && args[0]) {
      const plugin = this.entityOf(args[0]);
      if (plugin.kind === 'module') {
        const api = apiRegisteredAs(plugin.module, plugin.path);
        if (api) return { api, node, args };
      }
    }

    // hapi: `server.auth.strategy('name', 'jwt', { key, verifyOptions })`.
    if (!isNew && isMemberExpression(callee) && memberName(callee) === 'strategy' && args.length >= 3) {
      const auth = unwrap(callee.object as AstNode);
      const scheme = stringLiteralValue(unwrap(args[1]!));
      if (isMemberExpression(auth) && memberName(auth) === 'auth' && scheme !== undefined) {
        const options = unwrap(args[2]!);
        const optionNames = options.type === 'ObjectExpression' ? (options.properties as AstNode[]).map((property) => (property.key ? memberKeyName(property) : undefined)).filter((name): name is string => !!name) : [];
        const api = apiForAuthStrategy(scheme, this.index.moduleSpecifiers, optionNames);
        if (api) return { api, node, args };
      }
    }

    const entity = this.entityOf(callee);
    if (entity.kind === 'module') {
      const api = apiAtExport(entity.module, entity.path);
      if (!api || !invokable(api, isNew)) return undefined;
      return { api, node, args };
    }
    if (entity.kind === 'made') {
      const api = apiOnMade(entity.api.id, entity.path);
      if (!api || !invokable(api, isNew)) return undefined;
      const maker = entity.site ? this.apiCall(entity.site) : undefined;
      return maker ? { api, node, args, maker } : { api, node, args };
    }
    return undefined;
  }

  /** `class S extends Strategy` or `extends PassportStrategy(Strategy)`: `super()` constructs the strategy. */
  superclassApi(classNode: AstNode): LibraryApi | undefined {
    const superClass = classNode.superClass ? unwrap(classNode.superClass as AstNode) : undefined;
    if (!superClass) return undefined;
    let target = superClass;
    if (isCallExpression(superClass)) {
      const mixin = this.entityOf(superClass.callee as AstNode);
      const known =
        mixin.kind === 'module' &&
        STRATEGY_MIXINS.find(
          (candidate) =>
            candidate.module === mixin.module &&
            candidate.export.join('.') === (mixin.path[0] === 'default' ? mixin.path.slice(1) : mixin.path).join('.'),
        );
      const argument = known ? (superClass.arguments as AstNode[])[known.strategyArg] : undefined;
      if (!argument) return undefined;
      target = argument;
    }
    const entity = this.entityOf(target);
    if (entity.kind !== 'module') return undefined;
    const api = apiAtExport(entity.module, entity.path);
    return api && invokable(api, true) ? api : undefined;
  }

  /** Every library API call in the file, in source order. */
  apiCalls(): ApiCall[] {
    const calls: ApiCall[] = [];
    for (const node of this.index.calls) {
      const call = this.apiCall(node);
      if (call) calls.push(call);
    }
    return calls;
  }
}

function memberKeyName(property: AstNode): string | undefined {
  return keyName(property.key as AstNode, !!property.computed);
}

function invokable(api: LibraryApi, isNew: boolean): boolean {
  switch (api.invoke) {
    case 'call':
    case 'call-made':
      return !isNew;
    case 'new':
      return isNew;
    case 'call-or-new':
      return true;
    case 'value':
      return false;
  }
}

function entityKey(entity: Entity): unknown {
  if (entity.kind === 'module') return [entity.module, entity.path];
  if (entity.kind === 'made') return [entity.api.id, entity.path, entity.site?.range ?? entity.site?.start];
  return null;
}

const resolvers = new WeakMap<FileIndex, EntityResolver>();

export function resolverFor(root: AstNode): EntityResolver {
  const index = indexFile(root);
  let resolver = resolvers.get(index);
  if (!resolver) {
    resolver = new EntityResolver(index);
    resolvers.set(index, resolver);
  }
  return resolver;
}

/** Cheap first look for rules: does the file load any module the plugin knows? */
export function importsAnyOf(index: FileIndex, modules: ReadonlySet<string>): boolean {
  for (const specifier of index.moduleSpecifiers) if (modules.has(specifier)) return true;
  return false;
}
