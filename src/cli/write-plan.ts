/**
 * The write plan: every file a stage asks to write (sources, the runtime helper, manifests), checked
 * before anything is written. Each path must lie, resolved with realpath, inside the work tree; a
 * manifest that is a symbolic link is left for review instead of being replaced; a source that needs a
 * prerequisite (the runtime helper, the dependency in its manifest) that cannot be written is not
 * written either.
 */
import { checkWritePath, type WorkTree } from './work-tree.js';

export type WriteKind = 'source' | 'runtime' | 'manifest';

export interface PlannedWrite {
  readonly path: string;
  readonly kind: WriteKind;
  /** The text before, for diffs; undefined for a new file. */
  readonly before: string | undefined;
  readonly text: string;
  /** Throws when the text must not be written (it does not parse). */
  readonly validate?: (text: string) => void;
  /** A one-line stand-in for the diff of a long new file. */
  readonly summary?: string;
  /** Sources: whether the new text needs the runtime (helper module or package dependency) written first. */
  readonly needsRuntime?: boolean;
}

export interface WritePlan {
  /** Prerequisites (runtime, manifests) first, then sources. */
  readonly writes: readonly PlannedWrite[];
  readonly refused: readonly { path: string; reason: string }[];
  readonly review: readonly { path: string; line: number; reason: string }[];
}

/**
 * Plans writes batch by batch (files are written as their rewrite is final): what was refused of the
 * runtime in one batch keeps its dependants out of every later one.
 */
export function createWritePlanner(trees: readonly WorkTree[]): { plan(requested: readonly PlannedWrite[]): WritePlan } {
  let runtimeRefused: string | undefined;
  return {
    plan(requested) {
      const writes: PlannedWrite[] = [];
      const refused: { path: string; reason: string }[] = [];
      const review: { path: string; line: number; reason: string }[] = [];
      const prerequisites = requested.filter((write) => write.kind !== 'source');
      const sources = requested.filter((write) => write.kind === 'source');
      // The runtime is written whole or not at all: a helper without its dependency (or the reverse) is no use.
      const runtime: PlannedWrite[] = [];
      let refusedNow: string | undefined;
      for (const write of prerequisites) {
        const check = checkWritePath(write.path, trees);
        if (check.ok) {
          runtime.push(write);
          continue;
        }
        if (write.kind === 'manifest' && check.symbolicLink) {
          review.push({ path: write.path, line: 1, reason: 'this package.json is a symbolic link, so it was not replaced: add the dependency the rewritten code imports to it by hand' });
          continue;
        }
        refused.push({ path: write.path, reason: `not written: ${check.reason}` });
        refusedNow ??= write.path;
      }
      if (refusedNow) for (const write of runtime) refused.push({ path: write.path, reason: `not written: it belongs to the runtime, and ${refusedNow} could not be written` });
      else writes.push(...runtime);
      runtimeRefused ??= refusedNow;
      for (const write of sources) {
        const check = checkWritePath(write.path, trees);
        if (!check.ok) refused.push({ path: write.path, reason: `not written: ${check.reason}` });
        else if (write.needsRuntime && runtimeRefused) refused.push({ path: write.path, reason: `not written: it would import the runtime, and ${runtimeRefused} could not be written` });
        else writes.push(write);
      }
      return { writes, refused, review };
    },
  };
}

/** One batch: every write at once. */
export function planWrites(requested: readonly PlannedWrite[], trees: readonly WorkTree[]): WritePlan {
  return createWritePlanner(trees).plan(requested);
}
