/**
 * Module-level instances of the runtime helpers (`createAccessTokenVerifier`, `createTokenIntrospector`),
 * declared once per configuration, after the imports and the constants they read, with the import of the
 * helper added once.
 */
import type { TextEdit } from '../../src/analysis/edits.js';
import type { Binding } from '../../src/analysis/file-index.js';
import { ensureNamedImport, freeName, insertLinesAfter, offsetAfterImports } from '../../src/analysis/module-edits.js';
import { rangeOf, type AstNode } from '../../src/analysis/syntax.js';
import type { TransformContext } from './transformer.js';

export type HelperFactory = 'createAccessTokenVerifier' | 'createTokenIntrospector' | 'createIssuerKeySource';

const INSTANCE_NAMES: Record<HelperFactory, string> = { createAccessTokenVerifier: 'accessTokenVerifier', createTokenIntrospector: 'tokenIntrospector', createIssuerKeySource: 'issuerKeySource' };

/** Marker for code a person must look at: the same words in every file, easy to search for. */
export const REVIEW_MARKER = 'oidc-codemod: review';

export type InstanceResult = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly reason: string };

interface Declared {
  readonly name: string;
  readonly line: string;
  readonly offset: number;
}

export class HelperInstances {
  private readonly declared = new Map<string, Declared>();
  private readonly imports = new Map<string, string | undefined>();
  private importEdits: TextEdit[] = [];

  constructor(private readonly context: TransformContext) {}

  /**
   * The name of a module-level instance of `factory` with these properties (source text), declared before
   * the statement that holds `site`; or why it cannot be declared there.
   */
  instance(factory: HelperFactory, properties: readonly (readonly [string, string])[], site: AstNode, reads: ReadonlySet<unknown>, reviewNote?: string): InstanceResult {
    const reference = this.factoryReference(factory);
    if (!reference) {
      return { ok: false, reason: `the file already declares another '${factory}', so the helper cannot be imported under its name: rename that binding, then run again` };
    }
    const config = `{ ${properties.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
    const key = `${factory}(${config})`;
    const existing = this.declared.get(key);
    if (existing) return { ok: true, name: existing.name };

    const { index, source, program } = this.context;
    const siteStatement = topLevelStatementOf(program, site);
    let offset = offsetAfterImports(program, source);
    for (const binding of reads as ReadonlySet<Binding>) {
      if (binding.scope !== program) continue;
      const statement = topLevelStatementOf(program, binding.declaration);
      if (statement) offset = Math.max(offset, rangeOf(statement)[1]);
    }
    if (siteStatement && offset > rangeOf(siteStatement)[0]) {
      const kind = factory === 'createAccessTokenVerifier' ? 'verifier' : 'introspector';
      return { ok: false, reason: `the ${kind} would be declared at module level, but it reads constants declared after this code: move them above it, then run again` };
    }

    const base = INSTANCE_NAMES[factory];
    const taken = new Set([...this.declared.values()].map((declared) => declared.name));
    const name = freeName(index, site, [base, ...Array.from({ length: 8 }, (_, i) => `${base}${i + 2}`)].filter((candidate) => !taken.has(candidate)));
    if (!name) return { ok: false, reason: `no free name for the ${base} is left in this module: rename some of the ${base} bindings, then run again` };
    const comment = reviewNote ? `// ${REVIEW_MARKER}: ${reviewNote}\n` : '';
    this.declared.set(key, { name, line: `${comment}const ${name} = ${reference}(${config});`, offset });
    return { ok: true, name };
  }

  /** How the file refers to another export of the runtime package (a middleware key adapter), imported with the helpers. */
  runtimeExport(name: string): string | undefined {
    return this.factoryReference(name);
  }

  private factoryReference(factory: string): string | undefined {
    if (this.imports.has(factory)) return this.imports.get(factory);
    const imported = ensureNamedImport(this.context.source, this.context.index, this.context.helperImport, factory);
    this.imports.set(factory, imported?.reference);
    // Two helpers from one module: the second extends the first one's new import line.
    if (imported && this.importEdits.length > 0 && imported.edits.length > 0 && this.importEdits[0]!.range[0] === imported.edits[0]!.range[0]) {
      const first = this.importEdits[0]!;
      this.importEdits = [{ range: first.range, text: first.text.replace(/\{ ([^}]*) \}/, `{ $1, ${factory} }`) }];
    } else if (imported) {
      this.importEdits.push(...imported.edits);
    }
    return imported?.reference;
  }

  /** The import and the declarations, once every site has been rewritten. */
  edits(): TextEdit[] {
    const { source } = this.context;
    const byOffset = new Map<number, string[]>();
    for (const declared of this.declared.values()) {
      const lines = byOffset.get(declared.offset) ?? [];
      lines.push(...declared.line.split('\n'));
      byOffset.set(declared.offset, lines);
    }
    const eolLines = [...byOffset].map(([offset, lines]) => insertLinesAfter(source, offset, lines));
    return [...this.importEdits, ...eolLines];
  }
}

function topLevelStatementOf(program: AstNode, node: AstNode): AstNode | undefined {
  const [start, end] = rangeOf(node);
  return (program.body as AstNode[]).find((statement) => rangeOf(statement)[0] <= start && end <= rangeOf(statement)[1]);
}
