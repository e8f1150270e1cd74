/**
 * The cross-file stage: callers of functions that became async, key constants no module uses any more
 * (the ts-morph project pass of codemods/project). A file's rewrite is final after the per-file stage, and
 * written at once, unless the pass may still change it; ts-morph loads only when some file waits for it.
 */
import type { ProjectModules } from '../../codemods/project/module-values.js';
import type { FileState } from '../../codemods/project/project-pass.js';
import type { SkippedFile } from './report.js';

/** Relative module specifiers a file imports, requires or re-exports (the pass follows the same ones). */
const SPECIFIER = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"](\.[^'"]*)['"]/g;
/** Callers made async in turn, up to the pass's depth, and one more level for their importers. */
const IMPORT_DEPTH = 6;
const KEY_MATERIAL = /-----BEGIN|\bkty\b/;

export interface CrossFileNeeds {
  /** Whether the cross-file pass may still change this file: then it waits for the pass. */
  waits(state: FileState, modules: ProjectModules): boolean;
}

/**
 * Which settled files the cross-file pass may still change: a file whose functions became async (its own
 * calls get awaited), a file that still holds key material (a key constant nobody imports any more is
 * removed), and a file that imports, directly or through other modules of the run, a module that may
 * concern tokens (its functions may become async, its imports of a key may be the last). Every other
 * file is final once it settles.
 */
export function createCrossFileNeeds(readText: (path: string) => string | undefined, concerns: (text: string) => boolean): CrossFileNeeds {
  const reachesConcerned = new Map<string, boolean>();
  const importsOf = (path: string, text: string | undefined, modules: ProjectModules): string[] =>
    [...(text ?? '').matchAll(SPECIFIER)].flatMap((match) => modules.resolve(path, match[1]!) ?? []);
  const reaches = (path: string, modules: ProjectModules, text: string | undefined): boolean => {
    const known = reachesConcerned.get(path);
    if (known !== undefined) return known;
    // Breadth first over relative imports, bounded; any concerned module on the way decides.
    const seen = new Set([path]);
    let frontier = importsOf(path, text, modules);
    let found = false;
    for (let depth = 0; depth < IMPORT_DEPTH && frontier.length > 0 && !found; depth++) {
      const next: string[] = [];
      for (const module of frontier) {
        if (seen.has(module)) continue;
        seen.add(module);
        const moduleText = readText(module);
        if (moduleText === undefined || concerns(moduleText) || reachesConcerned.get(module)) {
          found = true;
          break;
        }
        next.push(...importsOf(module, moduleText, modules));
      }
      frontier = next;
    }
    reachesConcerned.set(path, found);
    return found;
  };
  return {
    waits(state, modules) {
      if (state.madeAsync.length > 0 || KEY_MATERIAL.test(state.text)) return true;
      return reaches(state.path, modules, `${state.original}\n${state.text}`);
    },
  };
}

export async function runCrossFilePass(
  states: Map<string, FileState>,
  files: readonly string[],
  modules: ProjectModules | undefined,
  readText: (path: string) => string | undefined,
): Promise<SkippedFile | undefined> {
  if (!modules) return undefined;
  try {
    const { runProjectPass } = await import('../../codemods/project/project-pass.js');
    runProjectPass(states, files, modules, readText);
    return undefined;
  } catch (error) {
    return { path: files[0] ?? '.', reason: `the project pass failed; per-file rewrites are kept (${error instanceof Error ? error.message : String(error)})` };
  }
}
