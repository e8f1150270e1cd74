// jscodeshift's own parser modules (Babel with jscodeshift's options), which its types do not declare.
declare module 'jscodeshift/parser/ts.js' {
  const parser: () => { parse(code: string): unknown };
  export default parser;
}
declare module 'jscodeshift/parser/tsx.js' {
  const parser: () => { parse(code: string): unknown };
  export default parser;
}
declare module 'jscodeshift/parser/babylon.js' {
  const parser: (options: object) => { parse(code: string): unknown };
  export default parser;
}
declare module 'jscodeshift/parser/tsOptions.js' {
  const options: { readonly plugins: readonly unknown[] } & Record<string, unknown>;
  export default options;
}
