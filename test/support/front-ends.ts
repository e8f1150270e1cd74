// The syntax trees the analysis must read alike: ESLint's (typescript-eslint, espree) and jscodeshift's (Babel).
import { parseForESLint } from '@typescript-eslint/parser';
import * as espree from 'espree';
import tsParser from 'jscodeshift/parser/ts.js';
import tsxParser from 'jscodeshift/parser/tsx.js';
import type { AstNode } from '../../src/analysis/syntax.js';

export interface FrontEnd {
  readonly name: string;
  readonly parse: (code: string) => AstNode;
}

const typescriptEslint: FrontEnd = {
  name: 'typescript-eslint',
  parse: (code) => parseForESLint(code, { range: true, loc: true, sourceType: 'module', ecmaVersion: 'latest' }).ast as unknown as AstNode,
};
const babelTs: FrontEnd = {
  name: 'jscodeshift ts',
  parse: (code) => tsParser().parse(code) as AstNode,
};
const babelTsx: FrontEnd = {
  name: 'jscodeshift tsx',
  parse: (code) => tsxParser().parse(code) as AstNode,
};
const espreeJs: FrontEnd = {
  name: 'espree',
  parse: (code) =>
    espree.parse(code, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true }) as unknown as AstNode,
};

/** Front ends for TypeScript source. */
export const TS_FRONT_ENDS: readonly FrontEnd[] = [typescriptEslint, babelTs, babelTsx];
/** Front ends for plain JavaScript: ESLint's default parser too. */
export const JS_FRONT_ENDS: readonly FrontEnd[] = [typescriptEslint, babelTs, babelTsx, espreeJs];

/** The first node of a type whose source text matches, searching depth-first. */
export function findNode(root: AstNode, type: string, predicate: (node: AstNode) => boolean = () => true): AstNode {
  const stack: AstNode[] = [root];
  while (stack.length) {
    const node = stack.shift()!;
    if (node.type === type && predicate(node)) return node;
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'loc' || key === 'tokens' || key === 'comments') continue;
      const value = (node as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as AstNode).type === 'string') stack.push(child as AstNode);
      }
    }
  }
  throw new Error(`no ${type} node found`);
}

/** The initializer of `const <name> = …`. */
export function initOf(root: AstNode, name: string): AstNode {
  return findNode(root, 'VariableDeclarator', (node) => node.id?.type === 'Identifier' && node.id.name === name).init as AstNode;
}
