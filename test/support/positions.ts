// Where a piece of code stands, in ESLint's terms (1-based line and column), for asserting report positions.
export function at(code: string, needle: string, occurrence = 1): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let found = 0; found < occurrence; found++) {
    index = code.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" does not occur ${occurrence} time(s) in the code`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
