/**
 * Removing what a rewrite made unused: the PEM constant, the `importSPKI` result, the `jwk-to-pem` and
 * `fs` imports. A binding goes when every reference to it was inside replaced code, it is not exported,
 * and its initializer has no effect worth keeping; removals cascade to what those initializers read.
 */
import { commentLinesAbove, type TextEdit } from '../../src/analysis/edits.js';
import type { Binding, FileIndex } from '../../src/analysis/file-index.js';
import { isCallExpression, isClassField, isMemberExpression, memberName, rangeOf, unwrap, walkNodes, type AstNode } from '../../src/analysis/syntax.js';
import type { EntityResolver } from '../../src/analysis/imports.js';

type Range = readonly [number, number];

/** Calls that compute a value without effects worth keeping when the value is no longer used. */
const PURE_METHODS = new Set(['join', 'replace', 'replaceAll', 'trim', 'toString', 'concat', 'from', 'fromEntries', 'map', 'parse', 'freeze', 'decode']);
const PURE_ROLES = new Set(['key-import', 'local-key-set', 'remote-key-set', 'verifier']);

export function removeUnused(source: string, index: FileIndex, resolver: EntityResolver, replaced: readonly Range[], keep: ReadonlySet<unknown>): TextEdit[] {
  const removedRanges: Range[] = [...replaced];
  const removed: Removal[] = [];
  const removedBindings = new Set<Binding>();
  const inRemoved = (node: AstNode) => removedRanges.some((range) => rangeOf(node)[0] >= range[0] && rangeOf(node)[1] <= range[1]);

  let candidates = bindingsReadIn(index, replaced);
  // Private class fields only the replaced code read (`private verifier = new OktaJwtVerifier(...)`).
  for (const field of privateFieldsReadOnlyIn(index, resolver, replaced, keep)) {
    removed.push({ list: field, items: [field], item: field, statement: field, reads: rangeOf(field.value as AstNode) });
    removedRanges.push(rangeOf(field));
    for (const read of bindingsReadIn(index, [rangeOf(field.value as AstNode)])) candidates.add(read);
  }
  while (candidates.size > 0) {
    const next = new Set<Binding>();
    for (const binding of candidates) {
      if (removedBindings.has(binding) || keep.has(binding) || index.isExported(binding)) continue;
      if (!['const', 'let', 'var', 'import', 'import-equals', 'function'].includes(binding.kind)) continue;
      if ((binding.kind === 'let' || binding.kind === 'var') && binding.writes > 0) continue;
      if (!index.referencesOf(binding).every(inRemoved)) continue;
      const removal = removalOf(index, resolver, binding);
      if (!removal) continue;
      removedBindings.add(binding);
      removed.push(removal);
      removedRanges.push(rangeOf(removal.item));
      if (removal.reads) {
        removedRanges.push(removal.reads);
        for (const read of bindingsReadIn(index, [removal.reads])) next.add(read);
      }
    }
    candidates = next;
  }
  return editsFor(source, removed);
}

/** Whole statements where every item goes, list items otherwise. */
function editsFor(source: string, removals: readonly Removal[]): TextEdit[] {
  const byList = new Map<AstNode, Removal[]>();
  for (const removal of removals) {
    const group = byList.get(removal.list) ?? [];
    group.push(removal);
    byList.set(removal.list, group);
  }
  const edits: TextEdit[] = [];
  for (const [, group] of byList) {
    const { items, statement } = group[0]!;
    const gone = new Set(group.map((removal) => removal.item));
    if (items.every((item) => gone.has(item))) {
      // Without a statement of its own to remove (a declarator among others), the list is left as it is.
      if (statement) edits.push(wholeStatement(source, statement));
      continue;
    }
    if (statement?.type === 'ImportDeclaration') {
      edits.push(...importSpecifierEdits(source, items, gone));
      continue;
    }
    edits.push(...listItemEdits(items, gone));
  }
  return edits;
}

/**
 * `import jwt, { type JwtPayload } from 'jsonwebtoken'` is not a flat list: the default or namespace
 * specifier goes with its comma, the braces go with the last named specifier, and named specifiers are
 * a list of their own.
 */
function importSpecifierEdits(source: string, items: readonly AstNode[], gone: ReadonlySet<AstNode>): TextEdit[] {
  const first = items[0]!;
  const leading = first.type === 'ImportDefaultSpecifier' ? first : undefined;
  const rest = leading ? items.slice(1) : items;
  const named = rest.filter((item) => item.type === 'ImportSpecifier');
  const edits: TextEdit[] = [];
  if (leading && gone.has(leading)) {
    // `jwt, ` up to the brace or star that follows.
    const comma = /^\s*,\s*/.exec(source.slice(rangeOf(leading)[1]))?.[0].length ?? 0;
    edits.push({ range: [rangeOf(leading)[0], rangeOf(leading)[1] + comma], text: '' });
  }
  const namespace = rest.find((item) => item.type === 'ImportNamespaceSpecifier');
  if (namespace && gone.has(namespace) && leading) edits.push({ range: [rangeOf(leading)[1], rangeOf(namespace)[1]], text: '' });
  if (named.length > 0 && named.every((item) => gone.has(item))) {
    // Only the default stays: `, { ... }` goes, braces included.
    const close = source.indexOf('}', rangeOf(named[named.length - 1]!)[1]);
    if (leading && close !== -1) edits.push({ range: [rangeOf(leading)[1], close + 1], text: '' });
  } else if (named.some((item) => gone.has(item))) {
    edits.push(...listItemEdits(named, gone));
  }
  return edits;
}

/** Runs of removed items: each run takes the separator after it, or before it when it ends the list. */
function listItemEdits(items: readonly AstNode[], gone: ReadonlySet<AstNode>): TextEdit[] {
  const edits: TextEdit[] = [];
  let index = 0;
  while (index < items.length) {
    if (!gone.has(items[index]!)) {
      index++;
      continue;
    }
    const first = index;
    while (index < items.length && gone.has(items[index]!)) index++;
    const last = index - 1;
    const range: [number, number] =
      index < items.length ? [rangeOf(items[first]!)[0], rangeOf(items[index]!)[0]] : [rangeOf(items[first - 1]!)[1], rangeOf(items[last]!)[1]];
    edits.push({ range, text: '' });
  }
  return edits;
}

function bindingsReadIn(index: FileIndex, ranges: readonly Range[]): Set<Binding> {
  const found = new Set<Binding>();
  walkNodes(index.program, (node) => {
    const [start, end] = rangeOf(node);
    if (!ranges.some((range) => start < range[1] && range[0] < end)) return false;
    if (node.type === 'Identifier' && index.isReference(node) && ranges.some((range) => start >= range[0] && end <= range[1])) {
      const binding = index.resolve(node);
      if (binding) found.add(binding);
    }
    return true;
  });
  return found;
}

interface Removal {
  /** The list the removed item belongs to (specifiers, declarators or pattern properties), and its items. */
  readonly list: AstNode;
  readonly items: readonly AstNode[];
  readonly item: AstNode;
  /** The statement that goes when its whole list goes. */
  readonly statement: AstNode | undefined;
  /** What the removed initializer read, for cascading. */
  readonly reads: Range | undefined;
}

function removalOf(index: FileIndex, resolver: EntityResolver, binding: Binding): Removal | undefined {
  const declaration = binding.declaration;
  if (binding.kind === 'import') {
    const statement = index.parentOf(declaration)!;
    return { list: statement, items: statement.specifiers as AstNode[], item: declaration, statement, reads: undefined };
  }
  if (binding.kind === 'import-equals') return { list: declaration, items: [declaration], item: declaration, statement: declaration, reads: undefined };
  if (binding.kind === 'function') {
    // A function declaration (a key resolver such as `getKey`) goes as a whole statement.
    if (declaration.type !== 'FunctionDeclaration' || index.parentOf(declaration) !== index.program) return undefined;
    return { list: declaration, items: [declaration], item: declaration, statement: declaration, reads: rangeOf(declaration) };
  }

  // A variable: `name = <pure>`, or one name destructured from a pure value.
  const declarator = declaration;
  if (declarator.type !== 'VariableDeclarator' || !declarator.init || !isPure(resolver, declarator.init as AstNode)) return undefined;
  const statement = index.parentOf(declarator)!;
  const declarators = statement.declarations as AstNode[];
  const id = declarator.id as AstNode;
  // The type annotation too: a type imported only for the removed declaration goes with it.
  const reads = rangeOf(declarator);
  if (id.type === 'ObjectPattern' && binding.path.length === 1 && (id.properties as AstNode[]).length > 1) {
    const properties = id.properties as AstNode[];
    const property = properties.find((candidate) => rangeOf(candidate)[0] <= rangeOf(binding.id)[0] && rangeOf(binding.id)[1] <= rangeOf(candidate)[1]);
    if (!property) return undefined;
    // The declarator stays while other names are destructured from it; emptied, its statement goes.
    return { list: id, items: properties, item: property, statement: declarators.length === 1 ? statement : undefined, reads: undefined };
  }
  if (id.type !== 'Identifier' && !(id.type === 'ObjectPattern' && (id.properties as AstNode[]).length === 1)) return undefined;
  return { list: statement, items: declarators, item: declarator, statement, reads };
}

function isPure(resolver: EntityResolver, node: AstNode): boolean {
  const expression = unwrap(node);
  switch (expression.type) {
    case 'Identifier':
    case 'Literal':
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'RegExpLiteral':
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return true;
    case 'TemplateLiteral':
      return (expression.expressions as AstNode[]).every((part) => isPure(resolver, part));
    case 'BinaryExpression':
      return isPure(resolver, expression.left as AstNode) && isPure(resolver, expression.right as AstNode);
    case 'ArrayExpression':
      return (expression.elements as (AstNode | null)[]).every((element) => !element || isPure(resolver, element));
    case 'ObjectExpression':
      return (expression.properties as AstNode[]).every((property) => property.type !== 'SpreadElement' && isPure(resolver, (property.value ?? property) as AstNode));
    case 'ObjectMethod':
      return true;
    case 'ConditionalExpression':
      return [expression.test, expression.consequent, expression.alternate].every((part) => isPure(resolver, part as AstNode));
    case 'LogicalExpression':
      return isPure(resolver, expression.left as AstNode) && isPure(resolver, expression.right as AstNode);
    case 'ArrowFunctionExpression':
      // Called by a pure method (`keys.map((key) => [key.kid, jwkToPem(key)])`): pure when its body is.
      return expression.body.type !== 'BlockStatement' && isPure(resolver, expression.body as AstNode);
    case 'AwaitExpression':
      return isPure(resolver, expression.argument as AstNode);
    case 'NewExpression':
    case 'CallExpression':
    case 'OptionalCallExpression': {
      const callee = unwrap(expression.callee as AstNode);
      if (callee.type === 'Identifier' && callee.name === 'require') return true;
      const api = resolver.apiCall(expression)?.api;
      const entity = resolver.entityOf(callee);
      const isReader = entity.kind === 'module' && ['fs', 'node:fs', 'path', 'node:path', 'fs/promises', 'node:fs/promises'].includes(entity.module);
      const pureMethod = isMemberExpression(callee) && PURE_METHODS.has(memberName(callee) ?? '');
      const isUrl = callee.type === 'Identifier' && callee.name === 'URL';
      if (!((api && PURE_ROLES.has(api.role)) || isReader || pureMethod || isUrl)) return false;
      return (expression.arguments as AstNode[]).every((argument) => isPure(resolver, argument)) && (!isMemberExpression(callee) || isPure(resolver, callee.object as AstNode));
    }
    default:
      return isCallExpression(expression) ? false : expression.type === 'ParenthesizedExpression';
  }
}

/**
 * A statement and, when it stands alone on its lines, the line break after it, a comment after it on its
 * last line, and the comment lines directly above it (which describe it: "Okta's signing key, copied
 * from ..."). Comments above an import, at the top of the file or holding directives stay.
 */
export function wholeStatement(source: string, statement: AstNode): TextEdit {
  let [start, end] = rangeOf(statement);
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const before = source.slice(lineStart, start);
  const after = /^[ \t]*(?:\/\/[^\r\n]*|\/\*(?:(?!\*\/)[^\r\n])*\*\/)?[ \t]*(\r?\n|$)/.exec(source.slice(end));
  if (/^[ \t]*$/.test(before) && after) {
    start = statement.type === 'ImportDeclaration' ? lineStart : commentLinesAbove(source, lineStart);
    end += after[0].length;
    // The first member of a block or class: the blank line after it goes too, so the block opens as before.
    const blankAfter = /^[ \t]*\r?\n/.exec(source.slice(end));
    if (blankAfter && /\{[ \t]*\r?\n$/.test(source.slice(0, start))) end += blankAfter[0].length;
  }
  return { range: [start, end], text: '' };
}

/**
 * Private fields (`private x`, `#x`) of a class whose every `this.x` is in replaced code and which are
 * written only by their initializer, a pure one.
 */
function privateFieldsReadOnlyIn(index: FileIndex, resolver: EntityResolver, replaced: readonly Range[], keep: ReadonlySet<unknown>): AstNode[] {
  const inReplaced = (node: AstNode) => replaced.some((range) => rangeOf(node)[0] >= range[0] && rangeOf(node)[1] <= range[1]);
  const fieldName = (key: AstNode) => (key.type === 'PrivateName' ? `#${(key.id as AstNode).name as string}` : key.type === 'Identifier' ? (key.name as string) : undefined);
  const uses = new Map<AstNode, Map<string, AstNode[]>>();
  walkNodes(index.program, (node) => {
    if (!isMemberExpression(node) || node.computed || unwrap(node.object as AstNode).type !== 'ThisExpression') return;
    const classNode = index.enclosingClassOfThis(unwrap(node.object as AstNode));
    const name = fieldName(node.property as AstNode);
    if (!classNode || name === undefined) return;
    const byName = uses.get(classNode) ?? new Map<string, AstNode[]>();
    byName.set(name, [...(byName.get(name) ?? []), node]);
    uses.set(classNode, byName);
  });
  const fields: AstNode[] = [];
  for (const [classNode, byName] of uses) {
    for (const member of (classNode.body as AstNode).body as AstNode[]) {
      if (!isClassField(member) || member.computed || member.static || !member.value || (member.decorators as AstNode[] | undefined)?.length) continue;
      const name = fieldName(member.key as AstNode);
      const isPrivate = member.type === 'ClassPrivateProperty' || member.accessibility === 'private';
      if (!isPrivate || name === undefined || keep.has(member)) continue;
      const references = byName.get(name) ?? [];
      if (references.length === 0 || !references.every(inReplaced)) continue;
      if ((index.classMemberWrites(classNode).get(name.replace(/^#/, '')) ?? []).length > 1) continue;
      if (isPure(resolver, member.value as AstNode)) fields.push(member);
    }
  }
  return fields;
}

