/**
 * Text edits over a file's source: what rule suggestions and codemods both produce. Working on text keeps
 * every untouched byte (quotes, comments, line endings) as it was, in either syntax tree.
 */
import { rangeOf, type AstNode } from './syntax.js';

export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export function replaceNode(node: AstNode, text: string): TextEdit {
  return { range: rangeOf(node), text };
}

export function insertAt(offset: number, text: string): TextEdit {
  return { range: [offset, offset], text };
}

export function textOf(source: string, node: AstNode): string {
  const [start, end] = rangeOf(node);
  return source.slice(start, end);
}

/** The line ending the file uses, so that inserted lines match it. */
export function lineEndingOf(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** The indentation of the line an offset stands on. */
export function indentationAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

/** A string literal in the file's own quote style (the first quote it uses). */
export function quoted(source: string, value: string): string {
  const single = /(^|[^\\])'/.test(source.slice(0, 4000)) || !source.includes('"');
  const quote = single ? "'" : '"';
  return quote + value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`) + quote;
}

/**
 * Applies edits that do not overlap. An insertion strictly inside a removed range moves to where that range
 * starts: "after the last import" stays meaningful when that import is removed. An insertion at either end
 * of a removed range stays where it is: it belongs to the text beside the range (`async ` before a function
 * that follows a removed `require`). Insertions that end up at one offset keep the order of their original
 * offsets, then the order they were given in; they go before a replacement or removal starting there.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const removals = edits.filter((edit) => edit.text === '' && edit.range[0] < edit.range[1]);
  const relocated = edits.map((edit, order) => {
    const original = edit.range[0];
    if (edit.range[0] !== edit.range[1]) return { edit, original, order };
    const removal = removals.find((candidate) => candidate.range[0] < original && original < candidate.range[1]);
    if (!removal) return { edit, original, order };
    const at = removal.range[0];
    // Lines written as "line break, then line" go in as "line, then line break" at the start of a line.
    const leadingBreak = /^\r?\n/.exec(edit.text)?.[0];
    const text = leadingBreak && (at === 0 || source[at - 1] === '\n') ? edit.text.slice(leadingBreak.length) + leadingBreak : edit.text;
    return { edit: { range: [at, at] as const, text }, original, order };
  });
  const ordered = relocated.sort(
    (a, b) => a.edit.range[0] - b.edit.range[0] || a.edit.range[1] - b.edit.range[1] || a.original - b.original || a.order - b.order,
  );
  let result = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    const [start, end] = edit.range;
    if (start < cursor || end < start || end > source.length) throw new Error(`overlapping edits at offset ${start}`);
    result += source.slice(cursor, start) + edit.text;
    cursor = end;
  }
  return result + source.slice(cursor);
}

/** Whether two ranges overlap (touching ends do not). */
export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
