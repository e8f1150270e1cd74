/**
 * What rules need from ESLint beyond the syntax tree: type information where the parser has it (read
 * through the parser's own checker, so the plugin never loads TypeScript), and a quick look at the source
 * text that lets a rule skip files that cannot concern it before any analysis runs.
 */
import { isAbsolute } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { mentionsKeyMaterial } from '../knowledge/keys.js';
import { mentionsKnownModule } from '../knowledge/libraries.js';
import { ModuleValues } from './module-facts.js';
import type { AstNode } from './syntax.js';
import type { TypeOracle } from './values.js';

interface TypeLike {
  isStringLiteral?(): boolean;
  value?: unknown;
}

interface ParserServicesLike {
  program?: { getTypeChecker(): { getTypeAtLocation(node: unknown): TypeLike } } | null;
  esTreeNodeToTSNodeMap?: { get(node: unknown): unknown };
}

/** A type oracle from typescript-eslint's parser services, or undefined without type information. */
export function typeOracleOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypeOracle | undefined {
  const services = context.sourceCode.parserServices as ParserServicesLike | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  const checker = program.getTypeChecker();
  return {
    literalValueOf(node: AstNode) {
      try {
        const tsNode = map.get(node);
        if (!tsNode) return undefined;
        const type = checker.getTypeAtLocation(tsNode);
        return type.isStringLiteral?.() && typeof type.value === 'string' ? type.value : undefined;
      } catch {
        // A checker failure on odd code must never take the rule down with it.
        return undefined;
      }
    },
  };
}

const valueOracles = new WeakMap<object, TypeOracle>();

/**
 * What the rules ask about values beyond the file: type information where the parser has it, and always
 * the values other modules of the project export, read untyped through the shared module-facts cache.
 * One per linted file, shared by the three rules. Files without a path on disk (`<input>`, editors'
 * unsaved buffers with no name) follow no imports.
 */
export function valueOracleOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypeOracle | undefined {
  const { sourceCode } = context;
  let oracle = valueOracles.get(sourceCode.ast);
  if (!oracle) {
    const types = typeOracleOf(context);
    const filename = context.physicalFilename ?? context.filename;
    const onDisk = !!filename && isAbsolute(filename) && !filename.startsWith('<');
    oracle = onDisk ? new ModuleValues().oracleFor(filename, types) : types;
    if (!oracle) return undefined;
    valueOracles.set(sourceCode.ast, oracle);
  }
  return oracle;
}

/** What a quick look at a file's text tells every rule: computed once per file, shared by the three rules. */
export interface TextFacts {
  readonly mentionsKnownModule: boolean;
  readonly mentionsKeyMaterial: boolean;
  readonly mentionsBearer: boolean;
}

const textFacts = new WeakMap<object, TextFacts>();

export function textFactsOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TextFacts {
  const { sourceCode } = context;
  let facts = textFacts.get(sourceCode.ast);
  if (!facts) {
    const text = sourceCode.text;
    facts = { mentionsKnownModule: mentionsKnownModule(text), mentionsKeyMaterial: mentionsKeyMaterial(text), mentionsBearer: /bearer/i.test(text) };
    textFacts.set(sourceCode.ast, facts);
  }
  return facts;
}
