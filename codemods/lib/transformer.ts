/**
 * What every transform shares: the parser per file, the analyses, one channel for rewrites and review
 * items, text edits applied at the end (untouched bytes stay as they were), a parse check of the result,
 * and "nothing changed" as `undefined`. Each transform is also a jscodeshift transform module.
 */
import type { API, FileInfo, Options as JscodeshiftOptions } from 'jscodeshift';
import babelParser from 'jscodeshift/parser/babylon.js';
import tsOptions from 'jscodeshift/parser/tsOptions.js';
import { applyEdits, type TextEdit } from '../../src/analysis/edits.js';
import type { FileIndex } from '../../src/analysis/file-index.js';
import { startOf, type AstNode } from '../../src/analysis/syntax.js';
import { tokenSourcesFor, type TokenSourceAnalysis } from '../../src/analysis/token-sources.js';
import type { TypeOracle } from '../../src/analysis/values.js';
import { runtimeNeedsNewerNode, targetNodeOf, type TargetNode } from './target-node.js';
import { verificationAnalysisFor, type VerificationAnalysis } from '../../src/analysis/verify-sites.js';
import packages from '../../src/packages.json';
import type { ExportUses } from '../project/export-uses.js';

export type TransformName = 'jwks-discovery' | 'org-as-introspection' | 'id-token-to-access-token';

export interface CodemodOptions {
  /** The issuer to use where the code does not show it (`--issuer`). */
  readonly issuer?: string;
  /** The API's audience where the code does not show it (`--audience`). */
  readonly audience?: string;
  /** org-as-introspection: switch to the org's default custom authorization server instead (`--to-custom-as`). */
  readonly toCustomAs?: boolean;
  /** Where rewritten code imports the runtime helpers from (`--helper-import`, or the project pass's path). */
  readonly helperImport?: string;
  /** Org authorization servers on custom domains. */
  readonly orgIssuers?: readonly string[];
}

/** The runtime package (oidc-token-guard) that rewritten code imports unless the CLI copies the runtime in. */
export const DEFAULT_HELPER_IMPORT = packages.runtime.name;

export interface RewriteNote {
  readonly transform: TransformName;
  readonly line: number;
}

export interface ReviewNote {
  readonly transform: TransformName;
  readonly line: number;
  readonly reason: string;
  /** The transform that finishes what the note asks for: a run that also applies it drops the note. */
  readonly settledBy?: TransformName;
}

/** A function the rewrite made async: its callers must now await it. */
export interface AsyncChange {
  readonly name: string | undefined;
  readonly line: number;
  /** Whether the function is exported, so that callers in other modules exist. */
  readonly exported: boolean;
}

/**
 * Properties of a JSON config file that the rewrite needs removed (`realm-public-key` in the keycloak.json an
 * adapter is given): the CLI edits that file, keeping its formatting; under jscodeshift, which writes only the
 * file it transforms, they are reported for a person.
 */
export interface ConfigFileEdit {
  readonly transform: TransformName;
  /** The config file, absolute. */
  readonly path: string;
  /** Top-level properties to remove, whichever of them the file has. */
  readonly remove: readonly string[];
  /** The line of the code that reads the file. */
  readonly line: number;
}

export interface TransformOutcome {
  /** The new text, or undefined when nothing changed. */
  readonly source: string | undefined;
  readonly rewrites: readonly RewriteNote[];
  readonly review: readonly ReviewNote[];
  readonly madeAsync: readonly AsyncChange[];
  /** Edits of config files the code reads; they stand whether or not this file's text changed. */
  readonly configEdits?: readonly ConfigFileEdit[];
}

export interface TransformContext {
  readonly transform: TransformName;
  readonly source: string;
  readonly path: string;
  readonly program: AstNode;
  readonly index: FileIndex;
  readonly analysis: VerificationAnalysis;
  readonly tokens: TokenSourceAnalysis;
  readonly options: CodemodOptions;
  readonly environment: TransformEnvironment;
  readonly helperImport: string;
  /** Why rewritten code cannot call the runtime in this project (its Node is too old), or undefined. */
  readonly runtimeUnavailable: string | undefined;
  edit(...edits: TextEdit[]): void;
  rewrote(node: AstNode): void;
  review(node: AstNode, reason: string, settledBy?: TransformName): void;
  madeAsync(change: AsyncChange): void;
  /** Asks for top-level properties of a JSON config file the code at `node` reads to be removed. */
  editConfigFile(path: string, remove: readonly string[], node: AstNode): void;
  /**
   * Asks another transform to finish what this one started, on this one's output, in the same run: an ID
   * token verified on an org verifier becomes an access token that must be introspected. `required`: when
   * the other transform rewrites nothing, the file is left as it was (a half-done rewrite would not work).
   */
  handOff(transform: TransformName, node: AstNode, required: boolean): void;
}

interface HandOff {
  readonly transform: TransformName;
  readonly line: number;
  readonly required: boolean;
}

export type Rewrite = (context: TransformContext) => void;

/** Whether a file is TypeScript (the rewrites then write what its type checker accepts). */
export function isTypeScriptFile(path: string): boolean {
  return /\.[mc]?tsx?$/.test(path);
}

/**
 * A setting read from the environment, for a person to provide: `process.env.NAME`, asserted present in
 * TypeScript, where the helpers' options are `string`, not `string | undefined`.
 */
export function environmentSetting(context: { readonly path: string }, name: string): string {
  return `process.env.${name}${isTypeScriptFile(context.path) ? '!' : ''}`;
}

/** jscodeshift's parser for a file: `ts` for .ts/.mts/.cts (`<T>x` casts fail under tsx), `tsx` otherwise. */
export function parserFor(path: string): 'ts' | 'tsx' {
  return /\.[mc]?ts$/.test(path) && !path.endsWith('.d.ts') ? 'ts' : 'tsx';
}

/**
 * jscodeshift's `ts` and `tsx` parsers (its Babel, its options and plugins) without the token list: the
 * rewrites are text edits and nothing reads the tokens, which cost a fifth of each parse.
 */
const parsers = {
  ts: babelParser({ ...tsOptions, tokens: false }),
  tsx: babelParser({ ...tsOptions, tokens: false, plugins: ['jsx', ...tsOptions.plugins] }),
};

/**
 * jscodeshift's parsers, called directly: the rewrites are text edits, so recast's reprinting tree (which
 * drops the locations of some nodes) is not needed.
 */
export function parseFile(source: string, path: string): AstNode {
  return parsers[parserFor(path)].parse(source) as AstNode;
}

/**
 * The syntax trees of the last texts the transforms parsed. On the way to a file's fixed point each
 * transform reads the text the one before it wrote (and parsed, to check it), and the analyses are kept
 * per tree (`indexFile`, `verificationAnalysisFor`): so each text is parsed and analysed once, not once
 * per transform and round. The trees are only read (rewrites are text edits); a tree is reused only for
 * the same path, text and cross-module values, which is all its analyses depend on.
 */
const RECENT_TREES = 4;
const recentTrees: { readonly path: string; readonly source: string; readonly values: TypeOracle | undefined; readonly root: AstNode }[] = [];

function transformTreeOf(source: string, path: string, values: TypeOracle | undefined): AstNode {
  const recent = recentTrees.find((tree) => tree.source === source && tree.path === path && tree.values === values);
  if (recent) return recent.root;
  const root = parseFile(source, path);
  // Other files' trees are of no more use: a run settles one file at a time.
  if (recentTrees.length > 0 && recentTrees[0]!.path !== path) recentTrees.length = 0;
  recentTrees.unshift({ path, source, values, root });
  if (recentTrees.length > RECENT_TREES) recentTrees.length = RECENT_TREES;
  return root;
}

export class UnparsableFileError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`${path} does not parse: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UnparsableFileError';
  }
}

/** What the CLI knows beyond one file. */
export interface TransformEnvironment {
  /** Values exported by the project's other modules. */
  readonly values?: TypeOracle;
  /**
   * The Node.js versions the file's project declares (`targetNodeOf(path)`): where one admits a Node older
   * than the runtime needs, sites that would call the runtime are left for review. Not checked when absent.
   */
  readonly targetNode?: TargetNode;
  /**
   * Token signing with the project's own private key that the CLI found in the other modules of this file's
   * package (codemods/project/token-signing.ts; may be a getter that scans on first read): the file's pinned-key
   * verification then checks self-issued tokens, unless it expects an identity provider's issuer.
   */
  readonly tokenSigning?: readonly { readonly path: string; readonly line: number; readonly evidence: string }[];
  /**
   * How the run's other modules use an export of this file (codemods/project/export-uses.ts): the methods they call
   * on it, or the first use that cannot be followed. Absent outside the CLI, where the other modules are unknown.
   */
  readonly exportUses?: (exportName: string) => ExportUses;
}

export function runRewrite(
  transform: TransformName,
  rewrite: Rewrite,
  source: string,
  path: string,
  options: CodemodOptions = {},
  environment: TransformEnvironment = {},
): TransformOutcome & { readonly handOffs?: readonly HandOff[] } {
  let root: AstNode;
  try {
    root = transformTreeOf(source, path, environment.values);
  } catch (error) {
    throw new UnparsableFileError(path, error);
  }
  const edits: TextEdit[] = [];
  const rewrites: RewriteNote[] = [];
  const review: ReviewNote[] = [];
  const madeAsync: AsyncChange[] = [];
  const handOffs: HandOff[] = [];
  const configEdits: ConfigFileEdit[] = [];
  const analysis = verificationAnalysisFor(root, environment.values);
  const context: TransformContext = {
    transform,
    source,
    path,
    program: analysis.resolver.index.program,
    index: analysis.resolver.index,
    analysis,
    tokens: tokenSourcesFor(root),
    options,
    environment,
    helperImport: options.helperImport ?? DEFAULT_HELPER_IMPORT,
    runtimeUnavailable: environment.targetNode?.tooOld ? runtimeNeedsNewerNode(environment.targetNode.tooOld) : undefined,
    edit: (...more) => edits.push(...more),
    rewrote: (node) => rewrites.push({ transform, line: startOf(node).line }),
    review: (node, reason, settledBy) => review.push({ transform, line: startOf(node).line, reason, ...(settledBy ? { settledBy } : {}) }),
    madeAsync: (change) => madeAsync.push(change),
    handOff: (to, node, required) => handOffs.push({ transform: to, line: startOf(node).line, required }),
    editConfigFile: (configPath, remove, node) => configEdits.push({ transform, path: configPath, remove, line: startOf(node).line }),
  };
  rewrite(context);
  const withConfigEdits = configEdits.length > 0 ? { configEdits } : {};
  if (edits.length === 0) return { source: undefined, rewrites: [], review, madeAsync: [], ...withConfigEdits };

  let output: string;
  try {
    output = tidyBlankLines(source, applyEdits(source, withoutRepeats(edits)));
    // The check that it parses gives the tree the next transform of the run reads.
    transformTreeOf(output, path, environment.values);
  } catch (error) {
    // Overlapping edits, or a rewrite that does not parse, are a bug of ours: leave the file as it was and say so.
    const line = rewrites[0]?.line ?? 1;
    return {
      source: undefined,
      rewrites: [],
      review: [...review, { transform, line, reason: `the rewrite could not be applied (${error instanceof Error ? error.message : String(error)}); the file was left unchanged: please report this as a bug of oidc-codemod` }],
      madeAsync: [],
    };
  }
  return { source: output === source ? undefined : output, rewrites, review, madeAsync, handOffs, ...withConfigEdits };
}

/** Sites that share a definition (one issuer constant for two verifications) edit it the same way once. */
function withoutRepeats(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    if (edit.range[0] === edit.range[1]) return true;
    const key = `${edit.range[0]}:${edit.range[1]}:${edit.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Removed statements leave their blank lines behind: two blank lines in a row, or one at the top of the
 * file, where the original had none are folded. A file that had such runs itself is left as it was.
 */
function tidyBlankLines(original: string, output: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const run = new RegExp(`(?:${eol}[ \\t]*){3,}`, 'g');
  let tidied = output;
  if (!run.test(original)) tidied = tidied.replace(run, eol + eol);
  if (!/^\s*\r?\n/.test(original)) tidied = tidied.replace(/^(?:[ \t]*\r?\n)+/, '');
  return tidied;
}

export type TransformRun = (source: string, path: string, options?: CodemodOptions, environment?: TransformEnvironment) => TransformOutcome;

/**
 * The module a transform exports: a function for the CLI, and jscodeshift's transform signature.
 * `handOffs` are the transforms this one may ask to finish its work (see `TransformContext.handOff`).
 */
export function defineTransform(transform: TransformName, rewrite: Rewrite, handOffs: () => Partial<Record<TransformName, TransformRun>> = () => ({})) {
  const run = (source: string, path: string, options: CodemodOptions = {}, environment: TransformEnvironment = {}): TransformOutcome => {
    const { handOffs: asked = [], ...outcome } = runRewrite(transform, rewrite, source, path, options, environment);
    if (outcome.source === undefined || asked.length === 0) return outcome;
    let result: TransformOutcome = outcome;
    for (const name of new Set(asked.map((handOff) => handOff.transform))) {
      const next = handOffs()[name]?.(result.source!, path, options, environment);
      const required = asked.filter((handOff) => handOff.transform === name && handOff.required);
      if (!next || (next.source === undefined && required.length > 0)) {
        const why = next?.review.map((note) => note.reason).join('; ') || `${name} could not finish it`;
        return {
          source: undefined,
          rewrites: [],
          review: [...outcome.review.filter((note) => !required.some((handOff) => handOff.line === note.line)), ...required.map((handOff) => ({ transform, line: handOff.line, reason: `left unchanged: the rewrite needs ${name} to finish it, which it cannot here (${why})` }))],
          madeAsync: [],
        };
      }
      const configEdits = [...(result.configEdits ?? []), ...(next.configEdits ?? [])];
      result = {
        source: next.source ?? result.source,
        rewrites: [...result.rewrites, ...next.rewrites],
        review: [...result.review, ...next.review],
        madeAsync: [...result.madeAsync, ...next.madeAsync],
        ...(configEdits.length > 0 ? { configEdits } : {}),
      };
    }
    return result;
  };
  /** jscodeshift entry: returns the new source, or undefined when nothing changed; review items go to `api.report`. */
  const jscodeshiftTransform = (file: FileInfo, api: API, options: JscodeshiftOptions): string | undefined => {
    const outcome = run(file.source, file.path, options as CodemodOptions, { targetNode: targetNodeOf(file.path) });
    for (const note of outcome.review) api.report(`${file.path}:${note.line}: ${note.reason}`);
    for (const edit of outcome.configEdits ?? []) {
      api.report(`${file.path}:${edit.line}: ${edit.path} pins the key (${edit.remove.join(' or ')}), and jscodeshift rewrites only this file: remove it by hand, or run oidc-codemod, which edits the config file too`);
    }
    return outcome.source;
  };
  return { name: transform, run, jscodeshiftTransform };
}
