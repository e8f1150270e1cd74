/** Unified diffs of a file's old and new text (Myers' algorithm over lines), for `--dry-run`. */

type Operation = { kind: 'same' | 'removed' | 'added'; line: string };

function diffLines(a: readonly string[], b: readonly string[]): Operation[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset, d);
    }
  }
  return [];
}

function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[], offset: number, last: number): Operation[] {
  const operations: Operation[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d > 0; d--) {
    const frontier = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = frontier[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      operations.push({ kind: 'same', line: a[--x]! });
      y--;
    }
    if (x === previousX) operations.push({ kind: 'added', line: b[--y]! });
    else operations.push({ kind: 'removed', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    operations.push({ kind: 'same', line: a[--x]! });
    y--;
  }
  return operations.reverse();
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `--- a/path` / `+++ b/path` and hunks with three lines of context; empty when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const operations = diffLines(splitLines(before), splitLines(after));
  const hunks: string[] = [];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < operations.length) {
    while (index < operations.length && operations[index]!.kind === 'same') {
      index++;
      oldLine++;
      newLine++;
    }
    if (index >= operations.length) break;
    // A hunk: context before, the changes (merging changes closer than 2 * context), context after.
    const start = Math.max(0, index - context);
    let end = index;
    let sameRun = 0;
    while (end < operations.length) {
      if (operations[end]!.kind === 'same') {
        sameRun++;
        if (sameRun > context * 2) break;
      } else {
        sameRun = 0;
      }
      end++;
    }
    end = Math.min(operations.length, end - Math.max(0, sameRun - context));
    const leading = index - start;
    const slice = operations.slice(start, end);
    const oldCount = slice.filter((operation) => operation.kind !== 'added').length;
    const newCount = slice.filter((operation) => operation.kind !== 'removed').length;
    const oldStart = oldLine - leading;
    const newStart = newLine - leading;
    hunks.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const operation of slice) hunks.push(`${operation.kind === 'same' ? ' ' : operation.kind === 'removed' ? '-' : '+'}${operation.line}`);
    for (const operation of operations.slice(index, end)) {
      if (operation.kind !== 'added') oldLine++;
      if (operation.kind !== 'removed') newLine++;
    }
    index = end;
  }
  return [`--- a/${path}`, `+++ b/${path}`, ...hunks].join('\n') + '\n';
}

/**
 * Where each line of the old text stands in the new one: kept lines map to their new place, changed or
 * removed lines to where their replacement begins. Reports then name lines of the file as written.
 */
export function lineMapping(before: string, after: string): (oldLine: number) => number {
  if (before === after) return (line) => line;
  const operations = diffLines(splitLines(before), splitLines(after));
  const newLineOf: number[] = [0];
  let oldLine = 0;
  let newLine = 0;
  for (const operation of operations) {
    if (operation.kind === 'same') {
      oldLine++;
      newLine++;
      newLineOf[oldLine] = newLine;
    } else if (operation.kind === 'removed') {
      oldLine++;
      newLineOf[oldLine] = newLine + 1;
    } else {
      newLine++;
    }
  }
  const total = Math.max(1, splitLines(after).length);
  return (line) => Math.min(total, Math.max(1, newLineOf[line] ?? line));
}
