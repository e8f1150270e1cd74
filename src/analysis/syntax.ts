/**
 * A small dialect-neutral view of the syntax trees the analysis reads. ESLint hands rules ESTree
 * (TSESTree); jscodeshift's `ts`/`tsx` parsers give Babel's tree. The node kinds that differ (string
 * literals, object properties, class members, optional chains, dynamic import) are read only here.
 */

/** Any node of either tree. The analysis reads fields by name, through the helpers below. */
export interface AstNode {
  readonly type: string;
  // Nodes of both trees are open records; the helpers below narrow what they read.
  readonly [field: string]: any;
}

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Fields that never hold child nodes, or hold ones the analysis must not walk into twice. */
const NON_CHILD_FIELDS = new Set([
  'parent',
  'loc',
  'range',
  'start',
  'end',
  'tokens',
  'comments',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'extra',
  'errors',
  'original',
]);

/** Child nodes in source order, for either tree. */
export function childNodes(node: AstNode): AstNode[] {
  const children: AstNode[] = [];
  for (const field in node) {
    if (NON_CHILD_FIELDS.has(field)) continue;
    const value = node[field];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

/**
 * Visits a tree depth-first in source order without recursion (deeply nested code, which editors send
 * while someone types, must not overflow the stack). `enter` returns false to skip a node's children.
 */
export function walkNodes(root: AstNode, enter: (node: AstNode) => boolean | void): void {
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    const children = childNodes(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

/** The program node: ESLint gives `Program`, jscodeshift a Babel `File` around it. */
export function programOf(root: AstNode): AstNode {
  return root.type === 'File' ? (root.program as AstNode) : root;
}

const TRANSPARENT_WRAPPERS = new Set([
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
  'TypeCastExpression',
  'ChainExpression',
]);

/** Strips parentheses, type assertions and optional-chain wrappers, which do not change the value. */
export function unwrap(node: AstNode): AstNode {
  let current = node;
  while (TRANSPARENT_WRAPPERS.has(current.type)) current = current.expression as AstNode;
  return current;
}

/** A node narrowed by its `type`, so that type guards leave the other kinds in their false branch. */
export type NodeOf<T extends string> = AstNode & { readonly type: T };

export function isIdentifier(node: AstNode | null | undefined, name?: string): node is NodeOf<'Identifier'> {
  return !!node && node.type === 'Identifier' && (name === undefined || node.name === name);
}

export function isStringLiteral(node: AstNode | null | undefined): node is NodeOf<'Literal' | 'StringLiteral'> {
  return !!node && ((node.type === 'Literal' && typeof node.value === 'string') || node.type === 'StringLiteral');
}

export function stringLiteralValue(node: AstNode | null | undefined): string | undefined {
  return isStringLiteral(node) ? (node.value as string) : undefined;
}

/** The value of any literal: string, number, boolean, null, bigint; regexes are not values here. */
export function literalValue(node: AstNode): { value: unknown } | undefined {
  switch (node.type) {
    case 'Literal':
      return node.regex ? undefined : { value: node.value };
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return { value: node.value };
    case 'NullLiteral':
      return { value: null };
    default:
      return undefined;
  }
}

export function regexLiteral(node: AstNode): { pattern: string; flags: string } | undefined {
  if (node.type === 'RegExpLiteral') return { pattern: node.pattern, flags: node.flags };
  if (node.type === 'Literal' && node.regex) return { pattern: node.regex.pattern, flags: node.regex.flags };
  return undefined;
}

export function isMemberExpression(
  node: AstNode | null | undefined,
): node is NodeOf<'MemberExpression' | 'OptionalMemberExpression'> {
  return !!node && (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression');
}

export function isCallExpression(node: AstNode | null | undefined): node is NodeOf<'CallExpression' | 'OptionalCallExpression'> {
  return !!node && (node.type === 'CallExpression' || node.type === 'OptionalCallExpression');
}

/** `import('m')`: ESTree `ImportExpression`, Babel a call whose callee is `Import`. */
export function dynamicImportSource(node: AstNode): AstNode | undefined {
  if (node.type === 'ImportExpression') return node.source as AstNode;
  if (isCallExpression(node) && node.callee.type === 'Import') return node.arguments[0] as AstNode | undefined;
  return undefined;
}

/** The name of a non-computed member or property key, or of a computed one that is a string literal. */
export function keyName(key: AstNode, computed: boolean): string | undefined {
  if (!computed) {
    if (key.type === 'Identifier') return key.name as string;
    if (key.type === 'PrivateIdentifier') return `#${key.name as string}`;
    if (key.type === 'PrivateName') return `#${key.id.name as string}`;
  }
  const text = stringLiteralValue(key);
  if (text !== undefined) return text;
  const literal = literalValue(key);
  return literal && typeof literal.value === 'number' ? String(literal.value) : undefined;
}

export function memberName(node: AstNode): string | undefined {
  return keyName(node.property as AstNode, !!node.computed);
}

/** Object literal members: ESTree `Property`, Babel `ObjectProperty` / `ObjectMethod`. */
export function isObjectMember(node: AstNode): boolean {
  return node.type === 'Property' || node.type === 'ObjectProperty' || node.type === 'ObjectMethod';
}

export function isSpread(node: AstNode): boolean {
  return node.type === 'SpreadElement' || node.type === 'SpreadProperty' || node.type === 'RestElement';
}

/** The value node of an object member: the expression, or the function for methods and accessors. */
export function objectMemberValue(node: AstNode): AstNode {
  if (node.type === 'ObjectMethod') return node;
  return node.value as AstNode;
}

export function objectMemberName(node: AstNode): string | undefined {
  return keyName(node.key as AstNode, !!node.computed);
}

export function isAccessor(node: AstNode): boolean {
  return node.kind === 'get' || node.kind === 'set';
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);
type FunctionType =
  | 'FunctionDeclaration'
  | 'FunctionExpression'
  | 'ArrowFunctionExpression'
  | 'ObjectMethod'
  | 'ClassMethod'
  | 'ClassPrivateMethod';

export function isFunction(node: AstNode | null | undefined): node is NodeOf<FunctionType> {
  return !!node && FUNCTION_TYPES.has(node.type);
}

/** The expressions a function returns: the body of a concise arrow, or each `return` argument. */
export function returnedExpressions(fn: AstNode): AstNode[] {
  const body = fn.body as AstNode | undefined;
  if (!body) return [];
  if (body.type !== 'BlockStatement') return [body];
  const results: AstNode[] = [];
  walkNodes(body, (node) => {
    if (node !== body && isFunction(node)) return false;
    if (node.type === 'ReturnStatement' && node.argument) results.push(node.argument as AstNode);
    return true;
  });
  return results;
}

/** Class fields: ESTree `PropertyDefinition`/`AccessorProperty`, Babel `ClassProperty` and friends. */
export function isClassField(node: AstNode): boolean {
  return (
    node.type === 'PropertyDefinition' ||
    node.type === 'ClassProperty' ||
    node.type === 'ClassPrivateProperty' ||
    node.type === 'AccessorProperty' ||
    node.type === 'ClassAccessorProperty'
  );
}

/** Class methods: ESTree `MethodDefinition` (its function in `value`), Babel `ClassMethod`. */
export function isClassMethod(node: AstNode): boolean {
  return node.type === 'MethodDefinition' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod';
}

export function classMethodFunction(node: AstNode): AstNode {
  return node.type === 'MethodDefinition' ? (node.value as AstNode) : node;
}

export function isClass(node: AstNode | null | undefined): node is NodeOf<'ClassDeclaration' | 'ClassExpression'> {
  return !!node && (node.type === 'ClassDeclaration' || node.type === 'ClassExpression');
}

export function importSpecifierImportedName(specifier: AstNode): string | undefined {
  const imported = specifier.imported as AstNode | undefined;
  if (!imported) return undefined;
  return imported.type === 'Identifier' ? (imported.name as string) : stringLiteralValue(imported);
}

export interface Position {
  readonly line: number;
  /** Zero-based, as ESLint and Babel both count. */
  readonly column: number;
}

export function startOf(node: AstNode): Position {
  return { line: node.loc.start.line as number, column: node.loc.start.column as number };
}

/** Offsets into the source text: ESTree `range`, Babel `start`/`end`. */
export function rangeOf(node: AstNode): readonly [number, number] {
  if (Array.isArray(node.range)) return node.range as [number, number];
  return [node.start as number, node.end as number];
}

/** The type name of a `: Foo` annotation (`TSTypeReference`), if it is a plain or qualified name. */
export function annotatedTypeName(node: AstNode): AstNode | undefined {
  const annotation = (node.typeAnnotation as AstNode | undefined)?.typeAnnotation as AstNode | undefined;
  if (!annotation || annotation.type !== 'TSTypeReference') return undefined;
  return annotation.typeName as AstNode;
}
