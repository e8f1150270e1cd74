/**
 * The per-file stage: the chosen transforms run over one file's text until none of them changes it any
 * more (a fixed point, within a bound), so that one run leaves what a second run would not touch. A file
 * that does not settle, or does not parse, is reported and left as it was. This module loads the parsers
 * and the analyses: the CLI imports it only once a file needs them.
 */
import { idTokenToAccessToken } from '../../codemods/id-token-to-access-token.js';
import { jwksDiscovery } from '../../codemods/jwks-discovery.js';
import { parseFile, UnparsableFileError, type CodemodOptions, type ReviewNote, type TransformEnvironment, type TransformName, type TransformOutcome } from '../../codemods/lib/transformer.js';
import { targetNodeOf, type TargetNode } from '../../codemods/lib/target-node.js';
import { orgAsIntrospection } from '../../codemods/org-as-introspection.js';
import { ProjectModules } from '../../codemods/project/module-values.js';
import { ProjectTokenSigning } from '../../codemods/project/token-signing.js';
import { ProjectExportUses } from '../../codemods/project/export-uses.js';
import type { FileState } from '../../codemods/project/project-pass.js';
import { dirname } from 'node:path';
import { lineMapping } from './unified-diff.js';

type Run = (source: string, path: string, options?: CodemodOptions, environment?: TransformEnvironment) => TransformOutcome;

const TRANSFORMS: Record<TransformName, Run> = {
  'jwks-discovery': jwksDiscovery,
  'org-as-introspection': orgAsIntrospection,
  'id-token-to-access-token': idTokenToAccessToken,
};

/** How many times each transform may change one file before the file counts as not settling. */
export const MAX_ROUNDS = 4;

export type FileOutcome =
  | { readonly kind: 'done'; readonly state: FileState }
  | { readonly kind: 'skipped'; readonly line?: number; readonly reason: string };

export interface FileTransformer {
  /** The project's modules, as the transforms follow values across files (and the cross-file pass resolves imports). */
  readonly modules: ProjectModules;
  transform(path: string, text: string, options: CodemodOptions): FileOutcome;
  /** Throws when a text does not parse (the check before a rewritten file is written). */
  parses(text: string, path: string): void;
}

/** `(3:14)` at the end of a Babel parser message: the line of the syntax error. */
function lineOfParseError(message: string): number | undefined {
  const match = /\((\d+):\d+\)\s*$/.exec(message);
  return match ? Number(match[1]) : undefined;
}

export function createFileTransformer(files: ReadonlySet<string>, transforms: readonly TransformName[], runs: Partial<Record<TransformName, Run>> = TRANSFORMS): FileTransformer {
  const modules = new ProjectModules(files);
  // The Node.js versions each folder's project declares (engines, .nvmrc, serverless runtime): a site
  // whose project may run on a Node older than the runtime needs is left, with the reason.
  const targetNodes = new Map<string, TargetNode>();
  const targetNodeFor = (path: string): TargetNode => {
    const folder = dirname(path);
    let target = targetNodes.get(folder);
    if (!target) targetNodes.set(folder, (target = targetNodeOf(path)));
    return target;
  };
  // Tokens the package signs itself, in another module: scanned only when a pinned-key site asks.
  const signing = new ProjectTokenSigning(files);
  // How other modules use an export (an org verifier replaced in place): the import graph is built on first ask.
  const exportUses = new ProjectExportUses(files, modules);
  // The text each file settled on: every transform parsed it in the last round, so the check before it is
  // written need not parse it again (a text the cross-file pass changed after is checked).
  const settled = new Map<string, string>();
  return {
    modules,
    transform(path, text, options) {
      const environment: TransformEnvironment = {
        values: modules.oracleFor(path),
        targetNode: targetNodeFor(path),
        get tokenSigning() {
          return signing.of(path);
        },
        exportUses: (exportName) => exportUses.of(path, exportName),
      };
      const outcome = transformToFixedPoint(path, text, transforms, options, environment, runs);
      if (outcome.kind === 'done' && outcome.state.text !== text) settled.set(path, outcome.state.text);
      return outcome;
    },
    parses(text, path) {
      const parsed = settled.get(path);
      settled.delete(path);
      if (parsed !== text) parseFile(text, path);
    },
  };
}

/**
 * The transforms in their order, round after round, until each has seen the current text and left it as
 * it is. Notes of the runs that changed the text are carried to the lines of the final text; the review
 * notes of the last run of each transform (which saw the final text) are added, each note once.
 */
export function transformToFixedPoint(
  path: string,
  original: string,
  transforms: readonly TransformName[],
  options: CodemodOptions,
  environment: TransformEnvironment,
  runs: Partial<Record<TransformName, Run>> = TRANSFORMS,
): FileOutcome {
  const state: FileState = { path, original, text: original, rewrites: [], review: [], madeAsync: [] };
  const changes = new Map<TransformName, number>();
  const lastLook = new Map<TransformName, readonly ReviewNote[]>();
  // Transforms in a row that saw the current text and left it alone; all of them: a fixed point.
  let unchangedInARow = 0;
  for (let step = 0; unchangedInARow < transforms.length; step++) {
    const name = transforms[step % transforms.length]!;
    let outcome: TransformOutcome;
    try {
      outcome = runs[name]!(state.text, path, options, environment);
    } catch (error) {
      if (error instanceof UnparsableFileError) {
        const message = error.message.replace(`${path} does not parse: `, '');
        const line = lineOfParseError(message);
        return { kind: 'skipped', ...(line ? { line } : {}), reason: `does not parse; left unchanged (${message})` };
      }
      return { kind: 'skipped', reason: `${name} failed; left unchanged (${error instanceof Error ? error.message : String(error)})` };
    }
    for (const edit of outcome.configEdits ?? []) {
      // Each round asks again for what the file still reads: once per config file and property list.
      state.configEdits ??= [];
      if (!state.configEdits.some((known) => known.path === edit.path && known.remove.join() === edit.remove.join())) state.configEdits.push(edit);
    }
    if (outcome.source === undefined || outcome.source === state.text) {
      lastLook.set(name, outcome.review);
      unchangedInARow++;
      continue;
    }
    const count = (changes.get(name) ?? 0) + 1;
    if (count > MAX_ROUNDS) {
      return { kind: 'skipped', reason: `the transforms did not settle (${name} changed it ${MAX_ROUNDS} times in one run); left unchanged` };
    }
    changes.set(name, count);
    // The transform that changed the text has not seen the new text yet.
    unchangedInARow = 0;
    state.rewrites.push(...outcome.rewrites);
    state.review.push(...outcome.review);
    state.madeAsync.push(...outcome.madeAsync.map((change) => ({ ...change, transform: name })));
    // Notes name lines of the text the transform read; they are reported as they stand in the file written.
    const map = lineMapping(state.text, outcome.source);
    for (const notes of [state.rewrites, state.review, state.madeAsync, state.configEdits ?? []] as { line: number }[][]) {
      for (const [position, note] of notes.entries()) notes[position] = { ...note, line: map(note.line) };
    }
    state.text = outcome.source;
  }
  const seen = new Set<string>();
  const review = [...state.review, ...transforms.flatMap((name) => lastLook.get(name) ?? [])].filter((note) => {
    // Every transform of the run saw the final text: what one of them finishes is no longer for a person
    // (and if it could not, its own last look says why).
    if (note.settledBy && transforms.includes(note.settledBy)) return false;
    const key = `${note.transform}\0${note.line}\0${note.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  state.review.splice(0, state.review.length, ...review.map(({ settledBy: _settled, ...note }) => note));
  return { kind: 'done', state };
}
