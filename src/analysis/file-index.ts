/**
 * One walk over a file that every analysis starts from: parent links, scopes and bindings (Babel nodes
 * carry no parent and jscodeshift's scopes differ from ESLint's, so the analysis keeps its own), and the
 * nodes the other analyses begin with (calls, classes, templates).
 */
import {
  annotatedTypeName,
  childNodes,
  classMethodFunction,
  isClass,
  isClassField,
  isClassMethod,
  isFunction,
  isIdentifier,
  keyName,
  programOf,
  unwrap,
  walkNodes,
  type AstNode,
} from './syntax.js';

export type BindingKind =
  | 'var'
  | 'let'
  | 'const'
  | 'using'
  | 'param'
  | 'function'
  | 'class'
  | 'import'
  | 'import-equals'
  | 'catch'
  | 'enum';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** The identifier that declares it. */
  readonly id: AstNode;
  /** VariableDeclarator, import specifier, function, class, catch clause or `import x = require()`. */
  readonly declaration: AstNode;
  /** The value the declaring pattern destructures (a declarator's `init`, a parameter's default). */
  readonly init?: AstNode;
  /** Where in `init` the name sits: `const { a: { b } } = x` gives `['a', 'b']`; arrays give indexes. */
  readonly path: readonly (string | number)[];
  /** Set when the name is gathered by a rest element (`...others`): the path is then approximate. */
  readonly rest: boolean;
  /** The node whose scope holds the binding. */
  readonly scope: AstNode;
  /** Assignments after the declaration; a `let` never reassigned is as good as a `const`. */
  writes: number;
}

const SCOPE_TYPES = new Set([
  'Program',
  'BlockStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'CatchClause',
  'ClassDeclaration',
  'ClassExpression',
  'SwitchStatement',
  'StaticBlock',
  'TSModuleBlock',
]);

function isScopeNode(node: AstNode): boolean {
  return SCOPE_TYPES.has(node.type) || isFunction(node);
}

function isFunctionScope(node: AstNode): boolean {
  return node.type === 'Program' || node.type === 'TSModuleBlock' || isFunction(node);
}

interface PatternName {
  id: AstNode;
  path: (string | number)[];
  rest: boolean;
  defaultValue?: AstNode;
}

/** The names a binding pattern declares, with their destructuring paths. */
export function patternNames(pattern: AstNode, path: (string | number)[] = [], rest = false): PatternName[] {
  switch (pattern.type) {
    case 'Identifier':
      return [{ id: pattern, path, rest }];
    case 'AssignmentPattern': {
      const names = patternNames(pattern.left as AstNode, path, rest);
      return names.map((name) => (name.path.length === path.length ? { ...name, defaultValue: pattern.right as AstNode } : name));
    }
    case 'RestElement':
      return patternNames(pattern.argument as AstNode, path, true);
    case 'TSParameterProperty':
      return patternNames(pattern.parameter as AstNode, path, rest);
    case 'ObjectPattern':
      return (pattern.properties as AstNode[]).flatMap((property) => {
        if (property.type === 'RestElement') return patternNames(property, path, true);
        const key = property.key as AstNode;
        const name = property.computed
          ? key.type === 'Literal' || key.type === 'StringLiteral'
            ? String(key.value)
            : '?'
          : key.type === 'Identifier'
            ? (key.name as string)
            : String(key.value);
        return patternNames(property.value as AstNode, [...path, name], rest);
      });
    case 'ArrayPattern':
      return (pattern.elements as (AstNode | null)[]).flatMap((element, index) =>
        element ? patternNames(element, [...path, index], rest) : [],
      );
    default:
      return [];
  }
}

export class FileIndex {
  readonly program: AstNode;
  /** Every call and `new` expression, in source order. */
  readonly calls: AstNode[] = [];
  readonly classes: AstNode[] = [];
  readonly templates: AstNode[] = [];
  /** `'…' + x` concatenations whose left side is a string literal (`'Bearer ' + token`). */
  readonly concatenations: AstNode[] = [];
  /** `x.y = value` assignments, for class fields set in methods and module objects filled later. */
  readonly memberAssignments: AstNode[] = [];
  /** Identifiers that name a module in `import`/`require`, by specifier. */
  readonly moduleSpecifiers = new Set<string>();

  private readonly parents = new WeakMap<AstNode, AstNode>();
  private readonly scopes = new Map<AstNode, Map<string, Binding>>();
  private readonly writtenIdentifiers: AstNode[] = [];
  private referenceIndex: Map<Binding, AstNode[]> | undefined;
  private readonly classMembers = new Map<AstNode, ReadonlyMap<string, readonly AstNode[]>>();

  constructor(root: AstNode) {
    this.program = programOf(root);
    this.walk(this.program);
    for (const id of this.writtenIdentifiers) {
      const binding = this.resolve(id);
      if (binding) binding.writes++;
    }
  }

  parentOf(node: AstNode): AstNode | undefined {
    return this.parents.get(node);
  }

  /** The binding an identifier refers to, walking the scopes outwards; undefined for globals. */
  resolve(id: AstNode): Binding | undefined {
    const name = id.name as string;
    let node: AstNode | undefined = this.parents.get(id);
    while (node) {
      const bindings = this.scopes.get(node);
      const binding = bindings?.get(name);
      if (binding) return binding;
      node = this.parents.get(node);
    }
    return undefined;
  }

  /** The binding a name would refer to at a node (for choosing names that shadow nothing). */
  lookup(name: string, at: AstNode): Binding | undefined {
    let node: AstNode | undefined = at;
    while (node) {
      const binding = this.scopes.get(node)?.get(name);
      if (binding) return binding;
      node = this.parents.get(node);
    }
    return undefined;
  }

  /** Module-level bindings, by name. */
  moduleBindings(): ReadonlyMap<string, Binding> {
    return this.scopes.get(this.program) ?? new Map();
  }

  /** The closest enclosing node of one of the given types. */
  closest(node: AstNode, test: (candidate: AstNode) => boolean): AstNode | undefined {
    let current = this.parents.get(node);
    while (current && !test(current)) current = this.parents.get(current);
    return current;
  }

  /** Identifiers that read a binding (not its declaration), computed on first use. */
  referencesOf(binding: Binding): readonly AstNode[] {
    if (!this.referenceIndex) {
      const index = new Map<Binding, AstNode[]>();
      walkNodes(this.program, (node) => {
        if (node.type === 'Identifier' && this.isReference(node)) {
          const target = this.resolve(node);
          if (target && target.id !== node) {
            const list = index.get(target) ?? [];
            list.push(node);
            index.set(target, list);
          }
        }
      });
      this.referenceIndex = index;
    }
    return this.referenceIndex.get(binding) ?? [];
  }

  /** The class whose instance `this` is here, or undefined inside a plain function. */
  enclosingClassOfThis(thisNode: AstNode): AstNode | undefined {
    let node = this.parents.get(thisNode);
    while (node) {
      if (isFunction(node) && node.type !== 'ArrowFunctionExpression') {
        const parent = this.parents.get(node);
        const owner = parent && isClassMethod(parent) ? parent : isClassMethod(node) ? node : undefined;
        if (!owner) return undefined;
        return this.closest(owner, isClass);
      }
      if (node.type === 'FunctionExpression') return undefined;
      if (isClassField(node)) return this.closest(node, isClass);
      if (isClass(node)) return node;
      node = this.parents.get(node);
    }
    return undefined;
  }

  /**
   * What is written to each member of a class: field initializers (static or not), constructor parameter
   * properties and `this.x = …` in its methods. A typed field without an initializer stands for itself.
   */
  classMemberWrites(classNode: AstNode): ReadonlyMap<string, readonly AstNode[]> {
    let members = this.classMembers.get(classNode);
    if (members) return members;
    const found = new Map<string, AstNode[]>();
    const add = (name: string | undefined, value: AstNode) => {
      if (name === undefined) return;
      const list = found.get(name) ?? [];
      list.push(value);
      found.set(name, list);
    };
    for (const member of (classNode.body as AstNode).body as AstNode[]) {
      if (isClassField(member)) {
        const name = keyName(member.key as AstNode, !!member.computed);
        if (member.value) add(name, member.value as AstNode);
        else if (annotatedTypeName(member)) add(name, member);
      } else if (isClassMethod(member) && member.kind === 'constructor') {
        for (const param of (classMethodFunction(member).params ?? []) as AstNode[]) {
          if (param.type !== 'TSParameterProperty') continue;
          const parameter = param.parameter as AstNode;
          const id = parameter.type === 'AssignmentPattern' ? (parameter.left as AstNode) : parameter;
          add(id.name as string, param);
        }
      }
    }
    for (const assignment of this.memberAssignments) {
      const left = assignment.left as AstNode;
      const object = unwrap(left.object as AstNode);
      if (object.type !== 'ThisExpression' || assignment.operator !== '=') continue;
      if (this.enclosingClassOfThis(object) !== classNode) continue;
      add(keyName(left.property as AstNode, !!left.computed), assignment.right as AstNode);
    }
    members = found;
    this.classMembers.set(classNode, members);
    return members;
  }

  /** `export const X`, `export { X }`, `export default X`, `module.exports = X` / `{ X }`, `exports.X = X`. */
  isExported(binding: Binding): boolean {
    // A declarator's statement, or a function or class declaration, directly under `export`.
    const declarationParent = this.parents.get(binding.declaration);
    const statementParent = declarationParent && this.parents.get(declarationParent);
    if ([declarationParent?.type, statementParent?.type].some((type) => type === 'ExportNamedDeclaration' || type === 'ExportDefaultDeclaration')) return true;
    return this.referencesOf(binding).some((reference) => {
      let node: AstNode = reference;
      let parent = this.parents.get(node);
      if (parent?.type === 'ExportSpecifier' || parent?.type === 'ExportDefaultDeclaration') return true;
      // Inside `module.exports = { X }` the reference sits in an object literal first.
      if (parent && (parent.type === 'Property' || parent.type === 'ObjectProperty') && parent.value === node) {
        node = this.parents.get(parent)!;
        parent = this.parents.get(node);
      }
      if (parent?.type !== 'AssignmentExpression' || parent.right !== node) return false;
      const target = dottedName(parent.left as AstNode);
      return target === 'module.exports' || target.startsWith('module.exports.') || target.startsWith('exports.');
    });
  }

  /** Whether an identifier stands where a value is read rather than as a name (a key, a member). */
  isReference(id: AstNode): boolean {
    const parent = this.parents.get(id);
    if (!parent) return false;
    switch (parent.type) {
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return parent.object === id || !!parent.computed;
      case 'Property':
      case 'ObjectProperty':
        if (parent.key === id && !parent.computed) return !!parent.shorthand && this.parents.get(parent)?.type === 'ObjectExpression';
        return true;
      case 'MethodDefinition':
      case 'PropertyDefinition':
      case 'ClassProperty':
      case 'ClassMethod':
      case 'ObjectMethod':
      case 'TSPropertySignature':
      case 'TSMethodSignature':
      case 'AccessorProperty':
      case 'ClassAccessorProperty':
        return parent.key !== id || !!parent.computed;
      case 'LabeledStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
        return false;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        return false;
      case 'ExportSpecifier':
        return parent.local === id;
      default:
        return true;
    }
  }

  private declare(scope: AstNode, name: PatternName, kind: BindingKind, declaration: AstNode, init: AstNode | undefined): void {
    let bindings = this.scopes.get(scope);
    if (!bindings) {
      bindings = new Map();
      this.scopes.set(scope, bindings);
    }
    const value = name.path.length === 0 && name.defaultValue ? name.defaultValue : init;
    const binding: Binding = {
      name: name.id.name as string,
      kind,
      id: name.id,
      declaration,
      ...(value ? { init: value } : {}),
      path: name.path,
      rest: name.rest,
      scope,
      writes: 0,
    };
    // `var` redeclarations and function overloads keep the first binding; a second one counts as a write.
    const existing = bindings.get(binding.name);
    if (existing) existing.writes++;
    else bindings.set(binding.name, binding);
  }

  /** One pass over the tree, with an explicit stack: deeply nested code must not overflow the call stack. */
  private walk(program: AstNode): void {
    interface Frame {
      readonly node: AstNode;
      readonly parent: AstNode | undefined;
      readonly scope: AstNode | undefined;
      readonly functionScope: AstNode | undefined;
    }
    const frames: Frame[] = [{ node: program, parent: undefined, scope: undefined, functionScope: undefined }];
    while (frames.length > 0) {
      const { node, parent, scope, functionScope } = frames.pop()!;
      this.visit(node, parent, scope, functionScope);
      let innerScope = scope;
      let innerFunctionScope = functionScope;
      if (isScopeNode(node)) {
        this.enterScope(node);
        innerScope = node;
        if (isFunctionScope(node)) innerFunctionScope = node;
      }
      const children = childNodes(node);
      for (let index = children.length - 1; index >= 0; index--) {
        frames.push({ node: children[index]!, parent: node, scope: innerScope, functionScope: innerFunctionScope });
      }
    }
  }

  /** Declarations a scope node makes itself: parameters, a function expression's or class's own name, a catch parameter. */
  private enterScope(node: AstNode): void {
    if (isFunction(node)) {
      if (node.type === 'FunctionExpression' && node.id) {
        this.declare(node, { id: node.id as AstNode, path: [], rest: false }, 'function', node, undefined);
      }
      for (const param of (node.params ?? []) as AstNode[]) {
        for (const name of patternNames(param)) this.declare(node, name, 'param', param, undefined);
      }
    } else if (node.type === 'ClassExpression' && node.id) {
      this.declare(node, { id: node.id as AstNode, path: [], rest: false }, 'class', node, undefined);
    } else if (node.type === 'CatchClause' && node.param) {
      for (const name of patternNames(node.param as AstNode)) this.declare(node, name, 'catch', node, undefined);
    }
    if (!this.scopes.has(node)) this.scopes.set(node, new Map());
  }

  /** What one node declares or is, recorded in the scope that holds it. */
  private visit(node: AstNode, parent: AstNode | undefined, scope: AstNode | undefined, functionScope: AstNode | undefined): void {
    if (parent) this.parents.set(node, parent);
    switch (node.type) {
      case 'VariableDeclaration': {
        const kind = node.kind === 'var' ? 'var' : node.kind === 'let' ? 'let' : node.kind === 'const' ? 'const' : 'using';
        const target = kind === 'var' ? functionScope : scope;
        for (const declarator of node.declarations as AstNode[]) {
          for (const name of patternNames(declarator.id as AstNode)) {
            this.declare(target!, name, kind, declarator, (declarator.init as AstNode | null) ?? undefined);
          }
        }
        break;
      }
      case 'FunctionDeclaration':
      case 'TSDeclareFunction':
        if (node.id && scope) this.declare(scope, { id: node.id as AstNode, path: [], rest: false }, 'function', node, undefined);
        break;
      case 'ClassDeclaration':
        if (node.id && scope) this.declare(scope, { id: node.id as AstNode, path: [], rest: false }, 'class', node, undefined);
        this.classes.push(node);
        break;
      case 'ClassExpression':
        this.classes.push(node);
        break;
      case 'TSEnumDeclaration':
        if (scope) this.declare(scope, { id: node.id as AstNode, path: [], rest: false }, 'enum', node, undefined);
        break;
      case 'ImportDeclaration': {
        const source = node.source?.value;
        if (typeof source === 'string') this.moduleSpecifiers.add(source);
        for (const specifier of node.specifiers as AstNode[]) {
          this.declare(scope!, { id: specifier.local as AstNode, path: [], rest: false }, 'import', specifier, undefined);
        }
        break;
      }
      case 'TSImportEqualsDeclaration': {
        const reference = node.moduleReference as AstNode;
        const source = reference.type === 'TSExternalModuleReference' ? reference.expression?.value : undefined;
        if (typeof source === 'string') this.moduleSpecifiers.add(source);
        this.declare(scope!, { id: node.id as AstNode, path: [], rest: false }, 'import-equals', node, undefined);
        break;
      }
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression': {
        this.calls.push(node);
        const callee = node.callee as AstNode;
        if (isIdentifier(callee, 'require') || callee.type === 'Import') {
          const argument = (node.arguments as AstNode[])[0];
          if (argument && (argument.type === 'Literal' || argument.type === 'StringLiteral') && typeof argument.value === 'string') {
            this.moduleSpecifiers.add(argument.value);
          }
        }
        break;
      }
      case 'ImportExpression': {
        const source = node.source as AstNode;
        if ((source.type === 'Literal' || source.type === 'StringLiteral') && typeof source.value === 'string') {
          this.moduleSpecifiers.add(source.value);
        }
        break;
      }
      case 'TemplateLiteral':
        this.templates.push(node);
        break;
      case 'BinaryExpression': {
        const left = node.left as AstNode;
        if (node.operator === '+' && (left.type === 'StringLiteral' || (left.type === 'Literal' && typeof left.value === 'string'))) {
          this.concatenations.push(node);
        }
        break;
      }
      case 'AssignmentExpression': {
        const left = node.left as AstNode;
        if (left.type === 'MemberExpression') this.memberAssignments.push(node);
        else for (const name of patternNames(left)) this.writtenIdentifiers.push(name.id);
        break;
      }
      case 'UpdateExpression':
        if (isIdentifier(node.argument as AstNode)) this.writtenIdentifiers.push(node.argument as AstNode);
        break;
      case 'ForInStatement':
      case 'ForOfStatement': {
        const left = node.left as AstNode;
        if (left.type !== 'VariableDeclaration') for (const name of patternNames(left)) this.writtenIdentifiers.push(name.id);
        break;
      }
      default:
        break;
    }
  }
}

/** `module.exports.x` for a chain of plain member accesses, '' otherwise. */
function dottedName(node: AstNode): string {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const object = dottedName(node.object as AstNode);
    return object && `${object}.${node.property.name as string}`;
  }
  return '';
}

const indexes = new WeakMap<AstNode, FileIndex>();

/** The index of a file, built once per syntax tree and shared by every rule and analysis that asks. */
export function indexFile(root: AstNode): FileIndex {
  const program = programOf(root);
  let index = indexes.get(program);
  if (!index) {
    index = new FileIndex(program);
    indexes.set(program, index);
  }
  return index;
}
