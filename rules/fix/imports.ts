/**
 * Suggestion edits that make a module export available in the file: reuse an existing import or require
 * of the module, extend its named list, or add a statement in the file's own module system.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileIndex } from '../../src/analysis/file-index.js';
import type { AstNode } from '../../src/analysis/syntax.js';
import { importSpecifierImportedName, stringLiteralValue, unwrap } from '../../src/analysis/syntax.js';

export interface ImportEdit {
  /** How the code refers to the export after the edit: `createRemoteJWKSet` or `jose.createRemoteJWKSet`. */
  readonly reference: string;
  readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

function requireSource(init: AstNode | null | undefined): string | undefined {
  const call = init ? unwrap(init) : undefined;
  if (!call || call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') return undefined;
  return stringLiteralValue((call.arguments as AstNode[])[0]);
}

/** Top-level statements that load modules, in order: where a new import or require goes after. */
function moduleStatements(program: AstNode): AstNode[] {
  return (program.body as AstNode[]).filter(
    (statement) =>
      statement.type === 'ImportDeclaration' ||
      (statement.type === 'VariableDeclaration' && (statement.declarations as AstNode[]).some((declarator) => requireSource(declarator.init) !== undefined)),
  );
}

/** After the file's imports and requires: where a module-level declaration for the fix goes. */
export function insertionPointAfterImports(program: AstNode): AstNode | undefined {
  const statements = moduleStatements(program);
  return statements[statements.length - 1];
}

/**
 * An edit that makes `name` of `module` available, or undefined when the name would clash with a binding
 * the file already has.
 */
export function ensureNamedImport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  index: FileIndex,
  module: string,
  name: string,
): ImportEdit | undefined {
  const program = index.program;
  for (const statement of moduleStatements(program)) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.source.value !== module || statement.importKind === 'type') continue;
      const specifiers = statement.specifiers as AstNode[];
      const namespace = specifiers.find((specifier) => specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier');
      const named = specifiers.filter((specifier) => specifier.type === 'ImportSpecifier');
      const existing = named.find((specifier) => importSpecifierImportedName(specifier) === name);
      if (existing) return { reference: existing.local.name as string, fix: () => [] };
      if (named.length > 0) {
        if (index.moduleBindings().has(name)) return undefined;
        const last = named[named.length - 1]!;
        return { reference: name, fix: (fixer) => [fixer.insertTextAfter(last as unknown as TSESTree.Node, `, ${name}`)] };
      }
      if (namespace) return { reference: `${namespace.local.name as string}.${name}`, fix: () => [] };
    } else {
      for (const declarator of statement.declarations as AstNode[]) {
        if (requireSource(declarator.init) !== module) continue;
        const id = declarator.id as AstNode;
        if (id.type === 'Identifier') return { reference: `${id.name as string}.${name}`, fix: () => [] };
        if (id.type === 'ObjectPattern') {
          const properties = id.properties as AstNode[];
          const existing = properties.find((property) => property.type !== 'RestElement' && property.key?.name === name);
          if (existing) return { reference: (existing.value as AstNode).name as string, fix: () => [] };
          const last = properties[properties.length - 1];
          if (!last || last.type === 'RestElement' || index.moduleBindings().has(name)) return undefined;
          return { reference: name, fix: (fixer) => [fixer.insertTextAfter(last as unknown as TSESTree.Node, `, ${name}`)] };
        }
      }
    }
  }
  if (index.moduleBindings().has(name)) return undefined;
  const isModule = (program.body as AstNode[]).some((statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export'));
  const line = isModule ? `import { ${name} } from '${module}';` : `const { ${name} } = require('${module}');`;
  const after = insertionPointAfterImports(program);
  return {
    reference: name,
    fix: (fixer) => [
      after
        ? fixer.insertTextAfter(after as unknown as TSESTree.Node, `\n${line}`)
        : fixer.insertTextBeforeRange([firstStatementStart(sourceCode, program), firstStatementStart(sourceCode, program)], `${line}\n`),
    ],
  };
}

function firstStatementStart(sourceCode: Readonly<TSESLint.SourceCode>, program: AstNode): number {
  const first = (program.body as AstNode[]).find((statement) => !(statement.type === 'ExpressionStatement' && statement.directive));
  if (!first) return sourceCode.text.length;
  const comments = sourceCode.getCommentsBefore(first as unknown as TSESTree.Node);
  return (comments[0]?.range ?? (first.range as [number, number]))[0];
}
