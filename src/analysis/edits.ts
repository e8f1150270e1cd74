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

/** Comments that must outlive any rewrite: lint and compiler directives, licences, the codemod's own notes. */
const DIRECTIVE_COMMENT = /eslint|@ts-|prettier|istanbul|c8 |@license|@preserve|copyright|oidc-codemod/i;

/**
 * The start of the comment lines that end right above `lineStart` (no blank line between), or `lineStart`.
 * Directives and a comment at the very top of the file (the file's header) stay.
 */
export function commentLinesAbove(source: string, lineStart: number): number {
  let start = lineStart;
  for (;;) {
    if (start === 0) return start;
    const previousStart = source.lastIndexOf('\n', start - 2) + 1;
    const line = source.slice(previousStart, start);
    const trimmed = line.trim();
    let commentStart: number | undefined;
    if (trimmed.startsWith('//')) commentStart = previousStart;
    else if (trimmed.endsWith('*/')) {
      // A block comment that ends on this line: it must start at the beginning of its own line.
      const open = source.lastIndexOf('/*', start);
      const openLine = source.lastIndexOf('\n', open - 1) + 1;
      // One comment from its opening to the end of this line, and nothing but blanks before it.
      const closesHere = open !== -1 && source.indexOf('*/', open + 2) + 2 === previousStart + line.trimEnd().length;
      if (closesHere && /^[ \t]*$/.test(source.slice(openLine, open))) commentStart = openLine;
    }
    if (commentStart === undefined) return start;
    const comment = source.slice(commentStart, start);
    if (DIRECTIVE_COMMENT.test(comment) || /^(#![^\n]*\n)?\s*$/.test(source.slice(0, commentStart))) return start;
    start = commentStart;
  }
}

/**
 * Removals of the comments that describe a value being replaced: the comment lines directly above the line it
 * is written on (when nothing but its property name precedes it there) and a comment after it on the same line,
 * each only when `describes` says it speaks of the old value (`// The SPA's client id` above `audience: '0oa…'`).
 * Directives stay.
 */
export function commentsDescribing(source: string, value: AstNode, describes: (comment: string) => boolean): TextEdit[] {
  const [start, end] = rangeOf(value);
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const edits: TextEdit[] = [];
  if (/^[ \t]*(?:(?:[\w$]+|'[^'\n]*'|"[^"\n]*")[ \t]*:[ \t]*)?$/.test(source.slice(lineStart, start))) {
    const above = commentLinesAbove(source, lineStart);
    if (above < lineStart && describes(source.slice(above, lineStart))) edits.push({ range: [above, lineStart], text: '' });
  }
  const trailing = /^([ \t]*,?)([ \t]*\/\/[^\r\n]*)/.exec(source.slice(end));
  if (trailing && !DIRECTIVE_COMMENT.test(trailing[2]!) && describes(trailing[2]!)) {
    const from = end + trailing[1]!.length;
    edits.push({ range: [from, from + trailing[2]!.length], text: '' });
  }
  return edits;
}

/** Whether two ranges overlap (touching ends do not). */
export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
