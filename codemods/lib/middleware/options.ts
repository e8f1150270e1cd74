/**
 * Edits of a middleware's options object literal: find a property, replace its value, add properties in the
 * object's own layout (one per line when the object is written one property per line, inline otherwise).
 */
import { indentationAt, insertAt, lineEndingOf, replaceNode, textOf, type TextEdit } from '../../../src/analysis/edits.js';
import { isObjectMember, objectMemberName, objectMemberValue, rangeOf, unwrap, type AstNode } from '../../../src/analysis/syntax.js';
import type { TransformContext } from '../transformer.js';

export function isObjectLiteral(node: AstNode | undefined): node is AstNode {
  return !!node && unwrap(node).type === 'ObjectExpression';
}

/** The member `name` of an object literal (the last one written, as JavaScript keeps it). */
export function propertyNamed(object: AstNode, name: string): AstNode | undefined {
  const members = (unwrap(object).properties as AstNode[]).filter((member) => isObjectMember(member) && objectMemberName(member) === name);
  return members[members.length - 1];
}

/** Whether an object literal spreads another object in, so that what it holds is not all written here. */
export function spreadsIn(object: AstNode): boolean {
  return (unwrap(object).properties as AstNode[]).some((member) => !isObjectMember(member));
}

/** The property whose value is `value`, and the object literal it belongs to. */
export function memberHolding(context: TransformContext, value: AstNode): { member: AstNode; object: AstNode } | undefined {
  const member = context.index.parentOf(value);
  if (!member || !isObjectMember(member) || member.type === 'ObjectMethod' || objectMemberValue(member) !== value) return undefined;
  const object = context.index.parentOf(member);
  return object?.type === 'ObjectExpression' ? { member, object } : undefined;
}

/** Replaces a whole member (`secretOrKey: PEM` becomes `secretOrKeyProvider: ...`). */
export function replaceMember(member: AstNode, name: string, value: string): TextEdit {
  return replaceNode(member, `${name}: ${value}`);
}

/** Replaces a member's value, keeping its key as written. */
export function replaceMemberValue(member: AstNode, value: string): TextEdit {
  return replaceNode(objectMemberValue(member), value);
}

/** `{ }` with `entries` added after what it holds, in its own layout. */
export function addMembers(context: TransformContext, object: AstNode, entries: readonly (readonly [string, string])[]): TextEdit[] {
  if (entries.length === 0) return [];
  const { source } = context;
  const literal = unwrap(object);
  const members = literal.properties as AstNode[];
  const [start, end] = rangeOf(literal);
  const eol = lineEndingOf(source);
  const written = entries.map(([key, value]) => `${key}: ${value}`);
  const last = members[members.length - 1];
  if (!last) return [replaceNode(literal, `{ ${written.join(', ')} }`)];

  const lastEnd = rangeOf(last)[1];
  const between = source.slice(lastEnd, end - 1);
  const trailingComma = /^\s*,/.test(between);
  const multiline = source.slice(start, rangeOf(members[0]!)[0]).includes('\n');
  if (multiline) {
    const indentation = indentationAt(source, rangeOf(last)[0]);
    const lines = written.map((entry) => `${eol}${indentation}${entry},`).join('');
    if (trailingComma) {
      const commaAt = lastEnd + between.indexOf(',') + 1;
      return [insertAt(commaAt, lines)];
    }
    return [insertAt(lastEnd, `,${lines.slice(0, -1)}`)];
  }
  if (trailingComma) {
    const commaAt = lastEnd + between.indexOf(',') + 1;
    return [insertAt(commaAt, ` ${written.join(', ')},`)];
  }
  return [insertAt(lastEnd, `, ${written.join(', ')}`)];
}

/** The text of a member's value. */
export function memberValueText(context: TransformContext, member: AstNode): string {
  return textOf(context.source, objectMemberValue(member));
}
