/**
 * Edits that make a module export available in a file: reuse an existing import or require of the module,
 * extend its named list, or add a statement in the file's own module system. Shared by rule suggestions
 * and codemods.
 */
import type { FileIndex } from './file-index.js';
import { insertAt, lineEndingOf, quoted, type TextEdit } from './edits.js';
import { importSpecifierImportedName, rangeOf, stringLiteralValue, unwrap, type AstNode } from './syntax.js';

export interface ImportEdit {
  /** How the code refers to the export after the edits: `createRemoteJWKSet` or `jose.createRemoteJWKSet`. */
  readonly reference: string;
  readonly edits: readonly TextEdit[];
}

export function requireSource(init: AstNode | null | undefined): string | undefined {
  const call = init ? unwrap(init) : undefined;
  if (!call || call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') return undefined;
  return stringLiteralValue((call.arguments as AstNode[])[0]);
}

/** Top-level statements that load modules (imports, requires, re-exports `export ... from`), in order. */
export function moduleStatements(program: AstNode): AstNode[] {
  return (program.body as AstNode[]).filter(
    (statement) =>
      statement.type === 'ImportDeclaration' ||
      statement.type === 'TSImportEqualsDeclaration' ||
      ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && !!statement.source) ||
      (statement.type === 'VariableDeclaration' && (statement.declarations as AstNode[]).some((declarator) => requireSource(declarator.init) !== undefined)),
  );
}

/** Whether the file is an ES module (imports or exports), as opposed to CommonJS. */
export function isEsModule(program: AstNode): boolean {
  return (program.body as AstNode[]).some((statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export'));
}

/**
 * Whether a new import is written `import { x } from`: in ES modules, and in TypeScript's CommonJS form
 * (`import x = require()`, `export =`), where TypeScript compiles it to a typed `require`.
 */
function writesImportSyntax(program: AstNode): boolean {
  return isEsModule(program) || (program.body as AstNode[]).some((statement) => statement.type === 'TSImportEqualsDeclaration' || statement.type === 'TSExportAssignment');
}

/** The offset after the file's imports and requires, where module-level declarations for a rewrite go. */
export function offsetAfterImports(program: AstNode, source: string): number {
  const statements = moduleStatements(program);
  const last = statements[statements.length - 1];
  if (last) return rangeOf(last)[1];
  return offsetOfFirstStatement(program, source);
}

function offsetOfFirstStatement(program: AstNode, source: string): number {
  const body = program.body as AstNode[];
  const directives = body.filter((statement) => statement.type === 'ExpressionStatement' && statement.directive);
  const babelDirectives = (program.directives as AstNode[] | undefined) ?? [];
  const lastDirective = [...directives, ...babelDirectives].sort((a, b) => rangeOf(a)[1] - rangeOf(b)[1]).pop();
  if (lastDirective) return rangeOf(lastDirective)[1];
  // After a hashbang and a leading comment block, so that licence headers stay first.
  const hashbang = /^#![^\n]*\n/.exec(source)?.[0].length ?? 0;
  const header = /^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*\n))*/.exec(source.slice(hashbang))?.[0].length ?? 0;
  const first = body[0];
  const offset = hashbang + header;
  return first ? Math.min(offset, rangeOf(first)[0]) : offset;
}

/** Inserts whole lines after an offset that ends a statement (or at the top), in the file's line endings. */
export function insertLinesAfter(source: string, offset: number, lines: readonly string[]): TextEdit {
  const eol = lineEndingOf(source);
  if (offset === 0 || source[offset - 1] === '\n') return insertAt(offset, lines.map((line) => line + eol).join(''));
  return insertAt(offset, lines.map((line) => eol + line).join(''));
}

/**
 * Edits that make `name` of `module` available, or undefined when the name would clash with a binding the
 * file already has.
 */
export function ensureNamedImport(source: string, index: FileIndex, module: string, name: string): ImportEdit | undefined {
  const program = index.program;
  for (const statement of moduleStatements(program)) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.source.value !== module || statement.importKind === 'type') continue;
      const specifiers = statement.specifiers as AstNode[];
      const namespace = specifiers.find((specifier) => specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier');
      const named = specifiers.filter((specifier) => specifier.type === 'ImportSpecifier');
      const existing = named.find((specifier) => importSpecifierImportedName(specifier) === name);
      if (existing) return { reference: existing.local.name as string, edits: [] };
      if (named.length > 0) {
        if (index.moduleBindings().has(name)) return undefined;
        const last = named[named.length - 1]!;
        return { reference: name, edits: [insertAt(rangeOf(last)[1], `, ${name}`)] };
      }
      if (namespace) return { reference: `${namespace.local.name as string}.${name}`, edits: [] };
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations as AstNode[]) {
        if (requireSource(declarator.init) !== module) continue;
        const id = declarator.id as AstNode;
        if (id.type === 'Identifier') return { reference: `${id.name as string}.${name}`, edits: [] };
        if (id.type === 'ObjectPattern') {
          const properties = id.properties as AstNode[];
          const existing = properties.find((property) => property.type !== 'RestElement' && property.key?.name === name);
          if (existing) return { reference: (existing.value as AstNode).name as string, edits: [] };
          const last = properties[properties.length - 1];
          if (!last || last.type === 'RestElement' || index.moduleBindings().has(name)) return undefined;
          return { reference: name, edits: [insertAt(rangeOf(last)[1], `, ${name}`)] };
        }
      }
    }
  }
  if (index.moduleBindings().has(name)) return undefined;
  const specifier = quoted(source, module);
  const line = writesImportSyntax(program) ? `import { ${name} } from ${specifier};` : `const { ${name} } = require(${specifier});`;
  return { reference: name, edits: [insertLinesAfter(source, offsetAfterImports(program, source), [line])] };
}

/** A module-level name that shadows nothing at `at` and is free in the module. */
export function freeName(index: FileIndex, at: AstNode, candidates: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    if (!index.lookup(candidate, at) && !index.moduleBindings().has(candidate)) return candidate;
  }
  for (let counter = 2; counter < 100; counter++) {
    const candidate = `${candidates[0]}${counter}`;
    if (!index.lookup(candidate, at) && !index.moduleBindings().has(candidate)) return candidate;
  }
  return undefined;
}
