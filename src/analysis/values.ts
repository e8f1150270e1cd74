/**
 * Static values: what an expression is known to hold without running the code. Literals, `const`
 * bindings, templates and concatenations, `[...].join()`, members of `const` objects, and
 * `process.env.X ?? 'fallback'` (the fallback is one possible value). The result says known, partly
 * known or unknown, and never guesses: an unknown part keeps the name it came from as a hint.
 */
import { UNKNOWN_VALUE } from '../knowledge/keys.js';
import { hole, normalizePartialString, type PartialString, type PartialStringPart } from '../knowledge/partial-string.js';
import { indexFile, type Binding, type FileIndex } from './file-index.js';
import {
  classMethodFunction,
  importSpecifierImportedName,
  isClass,
  isClassField,
  isClassMethod,
  isFunction,
  isIdentifier,
  isMemberExpression,
  isObjectMember,
  isSpread,
  literalValue,
  memberName,
  objectMemberName,
  objectMemberValue,
  regexLiteral,
  returnedExpressions,
  stringLiteralValue,
  unwrap,
  keyName,
  type AstNode,
} from './syntax.js';

export type UnknownOrigin =
  | 'env'
  | 'parameter'
  | 'import'
  | 'call'
  | 'member'
  | 'global'
  | 'reassigned'
  | 'computed'
  | 'cycle'
  | 'expression';

export interface StaticProperty {
  readonly value: StaticValue;
  /** The node that wrote the value (`issuer: '…'` gives the string literal). */
  readonly valueNode: AstNode;
  /** The object member itself, for edits that replace or remove it. */
  readonly memberNode: AstNode;
}

export type StaticValue =
  | { readonly kind: 'string'; readonly value: string; readonly node: AstNode }
  | { readonly kind: 'primitive'; readonly value: number | boolean | null | undefined | bigint; readonly node: AstNode }
  | { readonly kind: 'partial-string'; readonly parts: PartialString; readonly node: AstNode }
  | {
      readonly kind: 'object';
      readonly properties: ReadonlyMap<string, StaticProperty>;
      /** False when a spread or computed key may add members the analysis cannot see. */
      readonly complete: boolean;
      readonly node: AstNode;
    }
  | { readonly kind: 'array'; readonly elements: readonly StaticValue[]; readonly complete: boolean; readonly node: AstNode }
  /** One of several values (`a ?? b`, `c ? a : b`). */
  | { readonly kind: 'either'; readonly options: readonly StaticValue[]; readonly node: AstNode }
  | { readonly kind: 'function'; readonly node: AstNode }
  | {
      readonly kind: 'unknown';
      readonly origin: UnknownOrigin;
      /** The name the value came from: `OKTA_ISSUER` for `process.env.OKTA_ISSUER`, `clientId` for `config.clientId`. */
      readonly hint?: string;
      /** Dotted path of a member read from something unknown: `config.okta.clientId`. */
      readonly path?: string;
      readonly node?: AstNode;
    };

export type Certainty = 'known' | 'partial' | 'unknown';

/**
 * Answers from type information where the rule has it: the string literal type of an expression, such as
 * a constant imported from another module. Supplied by rules from `parserServices`; the analysis itself
 * never loads the TypeScript compiler.
 */
export interface TypeOracle {
  literalValueOf(node: AstNode): string | undefined;
  /**
   * The value a module exports, for an import binding: how the codemod CLI follows constants across the
   * files of a project (a key exported by one module and used by another).
   */
  importedValue?(module: string, exportName: string): StaticValue | undefined;
}

const MAX_DEPTH = 40;

/** The export name that stands for the whole module: a namespace import, `require()` of the module. */
export const MODULE_OBJECT = '*';

/** Array methods whose callback receives each element, and at which parameter. */
const ITERATION_METHODS: Readonly<Record<string, number>> = { map: 0, flatMap: 0, forEach: 0, filter: 0, find: 0, findLast: 0, some: 0, every: 0, reduce: 1, reduceRight: 1 };

export class ValueEvaluator {
  private readonly memo = new Map<AstNode, StaticValue>();
  private readonly active = new Set<AstNode>();
  private depth = 0;

  constructor(
    readonly index: FileIndex,
    readonly types?: TypeOracle,
  ) {}

  evaluate(expression: AstNode): StaticValue {
    const memoized = this.memo.get(expression);
    if (memoized) return memoized;
    if (this.active.has(expression) || this.depth > MAX_DEPTH) return { kind: 'unknown', origin: 'cycle', node: expression };
    this.active.add(expression);
    this.depth++;
    try {
      const value = this.compute(unwrap(expression));
      this.memo.set(expression, value);
      return value;
    } finally {
      this.depth--;
      this.active.delete(expression);
    }
  }

  /** The value a binding holds, following its destructuring path. */
  evaluateBinding(binding: Binding): StaticValue {
    const node = binding.id;
    const reassignable = binding.kind === 'let' || binding.kind === 'var';
    if (binding.kind === 'function') return { kind: 'function', node: binding.declaration };
    if (binding.kind === 'class' && isClass(binding.declaration)) return this.classObject(binding.declaration, true, binding.declaration);
    if (binding.kind === 'param') {
      return this.iteratedElement(binding) ?? { kind: 'unknown', origin: 'parameter', hint: binding.name, node };
    }
    if (binding.kind === 'catch') return { kind: 'unknown', origin: 'parameter', hint: binding.name, node };
    if (binding.kind === 'import' || binding.kind === 'import-equals') {
      return this.fromTypes(node) ?? this.fromOtherModule(binding) ?? { kind: 'unknown', origin: 'import', hint: binding.name, node };
    }
    if ((reassignable && binding.writes > 0) || !binding.init) {
      return { kind: 'unknown', origin: binding.init ? 'reassigned' : 'expression', hint: binding.name, node };
    }
    if (binding.rest) return { kind: 'unknown', origin: 'expression', hint: binding.name, node };
    let value = this.evaluate(binding.init);
    let path = binding.path;
    // `const { KEY } = require('./keys')`: the other module's export, where the caller can follow it.
    const required = requiredModule(binding.init, this.index);
    if (required && typeof path[0] === 'string' && this.types?.importedValue) {
      const exported = this.types.importedValue(required, path[0]);
      if (exported) {
        value = exported;
        path = path.slice(1);
      }
    }
    if (value.kind === 'unknown' && value.origin === 'import') value = { ...value, hint: binding.name };
    for (const step of path) {
      value = this.member(value, String(step), binding.name, node);
    }
    return value;
  }

  /**
   * The element parameter of a callback that iterates a known array (`keys.map((key) => ...)`): one of the
   * array's elements. Other parameters, and callbacks of anything else, stay unknown.
   */
  private iteratedElement(binding: Binding): StaticValue | undefined {
    const fn = binding.scope;
    const call = this.index.parentOf(fn);
    if (!call || !isFunction(fn) || call.type !== 'CallExpression' || (call.arguments as AstNode[])[0] !== fn) return undefined;
    const callee = unwrap(call.callee as AstNode);
    const method = isMemberExpression(callee) ? memberName(callee) : undefined;
    const position = method === undefined ? -1 : ITERATION_METHODS[method] ?? -1;
    const params = fn.params as AstNode[];
    if (position < 0 || params[position] !== binding.declaration || binding.path.length > 0) return undefined;
    const receiver = this.evaluate((callee as AstNode).object as AstNode);
    if (receiver.kind !== 'array' || !receiver.complete || receiver.elements.length === 0) return undefined;
    return receiver.elements.length === 1 ? receiver.elements[0]! : either(fn, [...receiver.elements]);
  }

  /** A member of a value: a property of a known object, an element of a known array. */
  member(value: StaticValue, name: string, hint: string, node: AstNode): StaticValue {
    if (value.kind === 'object') {
      const property = value.properties.get(name);
      if (property) return property.value;
      return { kind: 'unknown', origin: 'member', hint: name, node };
    }
    if (value.kind === 'array') {
      const index = Number(name);
      if (Number.isInteger(index) && value.complete) return value.elements[index] ?? { kind: 'primitive', value: undefined, node };
      if (name === 'length' && value.complete) return { kind: 'primitive', value: value.elements.length, node };
    }
    const basePath = value.kind === 'unknown' ? value.path : undefined;
    return {
      kind: 'unknown',
      origin: value.kind === 'unknown' && value.origin === 'env' ? 'env' : 'member',
      hint: name || hint,
      ...(basePath ? { path: `${basePath}.${name}` } : {}),
      node,
    };
  }

  private fromOtherModule(binding: Binding): StaticValue | undefined {
    if (!this.types?.importedValue) return undefined;
    const declaration = binding.declaration;
    if (binding.kind === 'import-equals') {
      const reference = declaration.moduleReference as AstNode;
      const module = reference.type === 'TSExternalModuleReference' ? stringLiteralValue(reference.expression as AstNode) : undefined;
      return module === undefined ? undefined : this.types.importedValue(module, MODULE_OBJECT);
    }
    const module = this.index.parentOf(declaration)?.source?.value;
    if (typeof module !== 'string') return undefined;
    const exportName =
      declaration.type === 'ImportDefaultSpecifier'
        ? 'default'
        : declaration.type === 'ImportNamespaceSpecifier'
          ? MODULE_OBJECT
          : declaration.type === 'ImportSpecifier'
            ? importSpecifierImportedName(declaration)
            : undefined;
    return typeof exportName === 'string' ? this.types.importedValue(module, exportName) : undefined;
  }

  private fromTypes(node: AstNode): StaticValue | undefined {
    const literal = this.types?.literalValueOf(node);
    return literal === undefined ? undefined : { kind: 'string', value: literal, node };
  }

  private compute(node: AstNode): StaticValue {
    const literal = literalValue(node);
    if (literal) {
      return typeof literal.value === 'string'
        ? { kind: 'string', value: literal.value, node }
        : { kind: 'primitive', value: literal.value as number | boolean | null | bigint, node };
    }
    switch (node.type) {
      case 'TemplateLiteral':
        return this.template(node);
      case 'TaggedTemplateExpression': {
        const tag = node.tag as AstNode;
        if (isMemberExpression(tag) && isIdentifier(tag.object as AstNode, 'String') && memberName(tag) === 'raw') {
          return this.template(node.quasi as AstNode, true);
        }
        return { kind: 'unknown', origin: 'call', node };
      }
      case 'Identifier':
        return this.identifier(node);
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return this.memberExpression(node);
      case 'BinaryExpression':
        return node.operator === '+' ? this.concatenation(node) : { kind: 'unknown', origin: 'expression', node };
      case 'LogicalExpression':
        return this.logical(node);
      case 'ConditionalExpression': {
        const test = truthiness(this.evaluate(node.test as AstNode));
        if (test === true) return this.evaluate(node.consequent as AstNode);
        if (test === false) return this.evaluate(node.alternate as AstNode);
        return either(node, [this.evaluate(node.consequent as AstNode), this.evaluate(node.alternate as AstNode)]);
      }
      case 'ObjectExpression':
        return this.object(node);
      case 'ClassExpression':
      case 'ClassDeclaration':
        return this.classObject(node, true, node);
      case 'ArrayExpression':
        return this.array(node);
      case 'AwaitExpression':
        return this.evaluate(node.argument as AstNode);
      case 'SequenceExpression': {
        const expressions = node.expressions as AstNode[];
        return this.evaluate(expressions[expressions.length - 1]!);
      }
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression':
        return this.call(node);
      default:
        if (isFunction(node)) return { kind: 'function', node };
        return { kind: 'unknown', origin: 'expression', node };
    }
  }

  private template(node: AstNode, raw = false): StaticValue {
    const quasis = node.quasis as AstNode[];
    const expressions = node.expressions as AstNode[];
    const parts: PartialStringPart[] = [];
    quasis.forEach((quasi, index) => {
      const text = raw ? quasi.value.raw : (quasi.value.cooked ?? quasi.value.raw);
      parts.push(text as string);
      const expression = expressions[index];
      if (expression) parts.push(...stringParts(this.evaluate(expression), expression));
    });
    return stringFromParts(parts, node);
  }

  private identifier(node: AstNode): StaticValue {
    const binding = this.index.resolve(node);
    if (!binding) {
      if (node.name === 'undefined') return { kind: 'primitive', value: undefined, node };
      return { kind: 'unknown', origin: 'global', hint: node.name as string, node };
    }
    const value = this.evaluateBinding(binding);
    if (value.kind === 'unknown') return this.fromTypes(node) ?? value;
    return value;
  }

  private memberExpression(node: AstNode): StaticValue {
    const object = unwrap(node.object as AstNode);
    const name = node.computed ? this.computedKey(node.property as AstNode) : memberName(node);
    if (name === undefined) return { kind: 'unknown', origin: 'computed', node };
    const member = this.classMember(object, name);
    if (member) return member;
    if (isEnvironment(object, this.index)) return { kind: 'unknown', origin: 'env', hint: name, path: `process.env.${name}`, node };
    const base = this.evaluate(object);
    const value = this.member(base, name, name, node);
    if (value.kind === 'unknown' && base.kind === 'unknown' && value.path === undefined) {
      const basePath = isIdentifier(object) ? (object.name as string) : undefined;
      const withPath = basePath ? { ...value, path: `${basePath}.${name}` } : value;
      return this.fromTypes(node) ?? withPath;
    }
    return value.kind === 'unknown' ? (this.fromTypes(node) ?? value) : value;
  }

  /**
   * `this.key` (or `Verifier.KEY` for a static field), when the class writes that member exactly once:
   * a field initializer, or one `this.key = …`.
   */
  private classMember(object: AstNode, name: string): StaticValue | undefined {
    let classNode: AstNode | undefined;
    if (object.type === 'ThisExpression') classNode = this.index.enclosingClassOfThis(object);
    else if (isIdentifier(object)) {
      const binding = this.index.resolve(object);
      if (binding?.kind === 'class') classNode = binding.declaration;
    }
    if (!classNode) return undefined;
    const only = this.onlyWrite(classNode, name);
    if (only) return this.evaluate(only);
    const getter = this.getterResult(classNode, name);
    return getter ? this.evaluate(getter) : undefined;
  }

  /**
   * The one value a class member is given: a field initializer or one `this.x = …` (in the constructor or
   * an init method). A field declared with only a type annotation is no second value; a constructor
   * parameter property is a run-time value.
   */
  private onlyWrite(classNode: AstNode, name: string): AstNode | undefined {
    const writes = (this.index.classMemberWrites(classNode).get(name) ?? []).filter((write) => !isClassField(write));
    if (writes.length !== 1 || writes[0]!.type === 'TSParameterProperty') return undefined;
    return writes[0];
  }

  /** `get issuer() { return '…' }`: the one expression a getter returns. */
  private getterResult(classNode: AstNode, name: string, wantStatic?: boolean): AstNode | undefined {
    for (const member of (classNode.body as AstNode).body as AstNode[]) {
      if (!isClassMethod(member) || member.kind !== 'get') continue;
      if (wantStatic !== undefined && !!member.static !== wantStatic) continue;
      if (keyName(member.key as AstNode, !!member.computed) !== name) continue;
      const returned = returnedExpressions(classMethodFunction(member));
      return returned.length === 1 ? returned[0] : undefined;
    }
    return undefined;
  }

  /**
   * A class as a value: its static members (`Settings.ISSUER`); with `wantStatic` false, what an instance
   * holds (`new Settings().issuer`): fields, members written once in its methods, getters.
   */
  private classObject(classNode: AstNode, wantStatic: boolean, node: AstNode): StaticValue {
    const properties = new Map<string, StaticProperty>();
    for (const member of (classNode.body as AstNode).body as AstNode[]) {
      if (!!member.static !== wantStatic) continue;
      const name = keyName(member.key as AstNode, !!member.computed);
      if (name === undefined) continue;
      if (isClassMethod(member) && member.kind === 'get') {
        const returned = this.getterResult(classNode, name, wantStatic);
        if (returned) properties.set(name, { value: this.evaluate(returned), valueNode: returned, memberNode: member });
      } else if (isClassMethod(member) && member.kind !== 'constructor') {
        properties.set(name, { value: { kind: 'function', node: member }, valueNode: member, memberNode: member });
      }
    }
    for (const name of this.index.classMemberWrites(classNode).keys()) {
      const only = this.onlyWrite(classNode, name);
      if (!only) continue;
      const owner = this.index.parentOf(only);
      const isStatic = !!owner && isClassField(owner) && !!owner.static;
      if (isStatic !== wantStatic) continue;
      properties.set(name, { value: this.evaluate(only), valueNode: only, memberNode: owner && isClassField(owner) ? owner : only });
    }
    return { kind: 'object', properties, complete: false, node };
  }

  private computedKey(key: AstNode): string | undefined {
    const value = this.evaluate(key);
    if (value.kind === 'string') return value.value;
    if (value.kind === 'primitive' && typeof value.value === 'number') return String(value.value);
    return undefined;
  }

  private concatenation(node: AstNode): StaticValue {
    // `'line\n' + 'line\n' + …` nests to the left as deep as it is long: read the chain as a list.
    const operands: AstNode[] = [];
    let left: AstNode = node;
    while (left.type === 'BinaryExpression' && left.operator === '+') {
      operands.unshift(left.right as AstNode);
      left = unwrap(left.left as AstNode);
    }
    operands.unshift(left);
    if (operands.length > 2) {
      const values = operands.map((operand) => this.evaluate(operand));
      if (!values.some((value) => value.kind === 'string' || value.kind === 'partial-string')) return this.pairwise(node);
      const parts: PartialStringPart[] = [];
      let stringSeen = false;
      let numericPrefix: number | undefined;
      values.forEach((value, position) => {
        // Numbers add up until the first string, as `1 + 2 + 'x'` does.
        if (!stringSeen && value.kind === 'primitive' && typeof value.value === 'number') {
          numericPrefix = (numericPrefix ?? 0) + value.value;
          return;
        }
        if (numericPrefix !== undefined) {
          parts.push(String(numericPrefix));
          numericPrefix = undefined;
        }
        if (value.kind === 'string' || value.kind === 'partial-string') stringSeen = true;
        parts.push(...stringParts(value, operands[position]!));
      });
      return stringFromParts(parts, node);
    }
    return this.pairwise(node);
  }

  private pairwise(node: AstNode): StaticValue {
    const left = this.evaluate(node.left as AstNode);
    const right = this.evaluate(node.right as AstNode);
    if (left.kind === 'primitive' && right.kind === 'primitive' && typeof left.value === 'number' && typeof right.value === 'number') {
      return { kind: 'primitive', value: left.value + right.value, node };
    }
    const stringy = (value: StaticValue) => value.kind === 'string' || value.kind === 'partial-string';
    if (!stringy(left) && !stringy(right)) return { kind: 'unknown', origin: 'expression', node };
    return stringFromParts([...stringParts(left, node.left as AstNode), ...stringParts(right, node.right as AstNode)], node);
  }

  private logical(node: AstNode): StaticValue {
    const left = this.evaluate(node.left as AstNode);
    const leftTruth = truthiness(left);
    switch (node.operator) {
      case '??':
        if (left.kind === 'primitive' && (left.value === null || left.value === undefined)) return this.evaluate(node.right as AstNode);
        if (leftTruth !== undefined || left.kind === 'object' || left.kind === 'array') return left;
        return either(node, [left, this.evaluate(node.right as AstNode)]);
      case '||':
        if (leftTruth === true) return left;
        if (leftTruth === false) return this.evaluate(node.right as AstNode);
        return either(node, [left, this.evaluate(node.right as AstNode)]);
      default:
        if (leftTruth === false) return left;
        if (leftTruth === true) return this.evaluate(node.right as AstNode);
        return { kind: 'unknown', origin: 'expression', node };
    }
  }

  private object(node: AstNode): StaticValue {
    const properties = new Map<string, StaticProperty>();
    let complete = true;
    for (const member of node.properties as AstNode[]) {
      if (isSpread(member)) {
        const spread = this.evaluate(member.argument as AstNode);
        if (spread.kind === 'object') {
          for (const [name, property] of spread.properties) properties.set(name, property);
          complete &&= spread.complete;
        } else {
          complete = false;
        }
        continue;
      }
      if (!isObjectMember(member)) continue;
      const name = member.computed ? this.computedKey(member.key as AstNode) : objectMemberName(member);
      if (name === undefined) {
        complete = false;
        continue;
      }
      let valueNode = objectMemberValue(member);
      let value: StaticValue;
      // `get issuer() { return ISSUER }`: what the getter returns, when it returns one thing.
      const returned = member.kind === 'get' ? returnedExpressions(valueNode) : [];
      if (returned.length === 1) {
        valueNode = returned[0]!;
        value = this.evaluate(valueNode);
      } else {
        value =
          member.type === 'ObjectMethod' || member.method || member.kind === 'get' || member.kind === 'set'
            ? { kind: 'function', node: valueNode }
            : this.evaluate(valueNode);
      }
      properties.set(name, { value, valueNode, memberNode: member });
    }
    return { kind: 'object', properties, complete, node };
  }

  private array(node: AstNode): StaticValue {
    const elements: StaticValue[] = [];
    let complete = true;
    for (const element of node.elements as (AstNode | null)[]) {
      if (!element) {
        elements.push({ kind: 'primitive', value: undefined, node });
      } else if (isSpread(element)) {
        const spread = this.evaluate(element.argument as AstNode);
        if (spread.kind === 'array') {
          elements.push(...spread.elements);
          complete &&= spread.complete;
        } else {
          complete = false;
        }
      } else {
        elements.push(this.evaluate(element));
      }
    }
    return { kind: 'array', elements, complete, node };
  }

  private call(node: AstNode): StaticValue {
    const callee = unwrap(node.callee as AstNode);
    const args = node.arguments as AstNode[];
    const unknown: StaticValue = { kind: 'unknown', origin: 'call', node, ...calleeHint(callee) };

    if (node.type === 'NewExpression' && isIdentifier(callee)) {
      const binding = this.index.resolve(callee);
      if (binding?.kind === 'class' && isClass(binding.declaration)) return this.classObject(binding.declaration, false, node);
    }
    if (node.type === 'NewExpression' && callee.type === 'ClassExpression') return this.classObject(callee, false, node);

    if (isMemberExpression(callee)) {
      const method = memberName(callee);
      const receiverNode = callee.object as AstNode;
      // Global helpers that pass a value through: JSON.parse, Object.freeze, Buffer.from, String().
      if (isIdentifier(unwrap(receiverNode)) && !this.index.resolve(unwrap(receiverNode))) {
        const global = unwrap(receiverNode).name as string;
        if (global === 'JSON' && method === 'parse' && args[0]) return this.parseJson(args[0], node) ?? unknown;
        if (global === 'Object' && method === 'freeze' && args[0]) return this.evaluate(args[0]);
        if (global === 'Buffer' && method === 'from' && args[0]) return this.evaluate(args[0]);
      }
      const receiver = this.evaluate(receiverNode);
      if (method === 'join' && receiver.kind === 'array' && receiver.complete) {
        const separator = args[0] ? this.evaluate(args[0]) : undefined;
        const glue = separator === undefined ? ',' : separator.kind === 'string' ? separator.value : undefined;
        if (glue === undefined) return unknown;
        const parts: PartialStringPart[] = [];
        receiver.elements.forEach((element, index) => {
          if (index > 0) parts.push(glue);
          parts.push(...stringParts(element, element.node ?? node));
        });
        return stringFromParts(parts, node);
      }
      if ((method === 'trim' || method === 'toString') && (receiver.kind === 'string' || receiver.kind === 'partial-string')) {
        return receiver.kind === 'string' && method === 'trim' ? { kind: 'string', value: receiver.value.trim(), node } : receiver;
      }
      if ((method === 'replace' || method === 'replaceAll') && receiver.kind === 'string' && args.length === 2) {
        const replacement = this.evaluate(args[1]!);
        const pattern = regexLiteral(unwrap(args[0]!)) ?? undefined;
        const search = pattern ? undefined : this.evaluate(args[0]!);
        if (replacement.kind !== 'string') return unknown;
        try {
          if (pattern) return { kind: 'string', value: receiver.value.replace(new RegExp(pattern.pattern, pattern.flags), replacement.value), node };
          if (search?.kind === 'string') {
            const value = method === 'replace' ? receiver.value.replace(search.value, () => replacement.value) : receiver.value.split(search.value).join(replacement.value);
            return { kind: 'string', value, node };
          }
        } catch {
          return unknown;
        }
      }
      return unknown;
    }

    if (isIdentifier(callee) && !this.index.resolve(callee)) {
      if (callee.name === 'require' && node.type === 'CallExpression' && args[0] && this.types?.importedValue) {
        const module = stringLiteralValue(unwrap(args[0]));
        const value = module === undefined ? undefined : this.types.importedValue(module, MODULE_OBJECT);
        if (value) return value;
      }
      if (callee.name === 'String' && args[0]) return this.evaluate(args[0]);
      if (callee.name === 'URL' && node.type === 'NewExpression' && args[0]) {
        const href = this.evaluate(args[0]);
        if (args.length === 1) return href;
        const base = this.evaluate(args[1]!);
        if (href.kind === 'string' && base.kind === 'string') {
          try {
            return { kind: 'string', value: new URL(href.value, base.value).href, node };
          } catch {
            return unknown;
          }
        }
        if (href.kind === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(href.value)) return href;
        return unknown;
      }
    }
    return unknown;
  }

  private parseJson(argument: AstNode, node: AstNode): StaticValue | undefined {
    const text = this.evaluate(argument);
    if (text.kind !== 'string') return undefined;
    try {
      return fromPlain(JSON.parse(text.value), node);
    } catch {
      return undefined;
    }
  }
}

function requiredModule(init: AstNode, index: FileIndex): string | undefined {
  const call = unwrap(init);
  if (call.type !== 'CallExpression' || !isIdentifier(call.callee as AstNode, 'require') || index.resolve(call.callee as AstNode)) return undefined;
  const argument = (call.arguments as AstNode[])[0];
  return argument && (argument.type === 'Literal' || argument.type === 'StringLiteral') && typeof argument.value === 'string' ? argument.value : undefined;
}

function calleeHint(callee: AstNode): { hint?: string } {
  if (isIdentifier(callee)) return { hint: callee.name as string };
  if (isMemberExpression(callee)) {
    const name = memberName(callee);
    return name ? { hint: name } : {};
  }
  return {};
}

/** `process.env` and `import.meta.env`. */
function isEnvironment(node: AstNode, index: FileIndex): boolean {
  if (!isMemberExpression(node) || memberName(node) !== 'env') return false;
  const object = unwrap(node.object as AstNode);
  if (isIdentifier(object, 'process')) return !index.resolve(object);
  return object.type === 'MetaProperty';
}

function either(node: AstNode, options: StaticValue[]): StaticValue {
  const flat = options.flatMap((option) => (option.kind === 'either' ? option.options : [option]));
  return { kind: 'either', options: flat, node };
}

function truthiness(value: StaticValue): boolean | undefined {
  switch (value.kind) {
    case 'string':
      return value.value !== '';
    case 'primitive':
      return !!value.value;
    case 'object':
    case 'array':
    case 'function':
      return true;
    default:
      return undefined;
  }
}

function stringParts(value: StaticValue, node: AstNode): PartialStringPart[] {
  switch (value.kind) {
    case 'string':
      return [value.value];
    case 'primitive':
      return [String(value.value)];
    case 'partial-string':
      return [...value.parts];
    case 'unknown':
      return [hole(value.hint ?? nameOf(node))];
    default:
      return [hole(nameOf(node))];
  }
}

function nameOf(node: AstNode): string | undefined {
  const inner = unwrap(node);
  if (isIdentifier(inner)) return inner.name as string;
  if (isMemberExpression(inner)) return memberName(inner);
  return undefined;
}

function stringFromParts(parts: PartialStringPart[], node: AstNode): StaticValue {
  const normalized = normalizePartialString(parts);
  if (normalized.every((part) => typeof part === 'string')) {
    return { kind: 'string', value: (normalized as string[]).join(''), node };
  }
  return { kind: 'partial-string', parts: normalized, node };
}

/** A static value for data parsed from JSON text in the source. */
export function fromPlain(value: unknown, node: AstNode): StaticValue {
  if (typeof value === 'string') return { kind: 'string', value, node };
  if (Array.isArray(value)) return { kind: 'array', elements: value.map((item) => fromPlain(item, node)), complete: true, node };
  if (value !== null && typeof value === 'object') {
    const properties = new Map<string, StaticProperty>();
    for (const [name, item] of Object.entries(value)) properties.set(name, { value: fromPlain(item, node), valueNode: node, memberNode: node });
    return { kind: 'object', properties, complete: true, node };
  }
  return { kind: 'primitive', value: value as number | boolean | null, node };
}

export function certaintyOf(value: StaticValue): Certainty {
  switch (value.kind) {
    case 'string':
    case 'primitive':
    case 'function':
      return 'known';
    case 'partial-string':
      return 'partial';
    case 'object': {
      const members = [...value.properties.values()].map((property) => certaintyOf(property.value));
      if (value.complete && members.every((certainty) => certainty === 'known')) return 'known';
      return 'partial';
    }
    case 'array': {
      const members = value.elements.map(certaintyOf);
      if (value.complete && members.every((certainty) => certainty === 'known')) return 'known';
      return 'partial';
    }
    case 'either':
      return value.options.some((option) => certaintyOf(option) !== 'unknown') ? 'partial' : 'unknown';
    case 'unknown':
      return 'unknown';
  }
}

/** The value as a string, when it is one fully known string. */
export function knownString(value: StaticValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/**
 * Every string the value may be, as partial strings: a known string, a template with holes, each option
 * of an `either`, and an unknown value with a name as a single hole. Arrays give their elements.
 */
export function possibleStrings(value: StaticValue): PartialString[] {
  switch (value.kind) {
    case 'string':
      return [[value.value]];
    case 'partial-string':
      return [value.parts];
    case 'either':
      return value.options.flatMap(possibleStrings);
    case 'array':
      return value.elements.flatMap(possibleStrings);
    case 'unknown':
      return [[hole(value.hint)]];
    default:
      return [];
  }
}

/** The value as plain data, with `UNKNOWN_VALUE` where the analysis could not know it. */
export function toPlain(value: StaticValue, depth = 0): unknown {
  if (depth > 8) return UNKNOWN_VALUE;
  switch (value.kind) {
    case 'string':
    case 'primitive':
      return value.value;
    case 'object': {
      const plain: Record<string, unknown> = {};
      for (const [name, property] of value.properties) plain[name] = toPlain(property.value, depth + 1);
      return plain;
    }
    case 'array':
      return value.elements.map((element) => toPlain(element, depth + 1));
    default:
      return UNKNOWN_VALUE;
  }
}

/** The property of an object value, when the object is known to have it. */
export function propertyOf(value: StaticValue | undefined, name: string): StaticProperty | undefined {
  return value?.kind === 'object' ? value.properties.get(name) : undefined;
}

const evaluators = new WeakMap<FileIndex, ValueEvaluator>();

/** The evaluator of a file: memoized values shared by every rule that asks about the same tree. */
export function evaluatorFor(root: AstNode, types?: TypeOracle): ValueEvaluator {
  const index = indexFile(root);
  let evaluator = evaluators.get(index);
  if (!evaluator || (types && !evaluator.types)) {
    evaluator = new ValueEvaluator(index, types);
    evaluators.set(index, evaluator);
  }
  return evaluator;
}

