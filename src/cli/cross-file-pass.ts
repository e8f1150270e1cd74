/**
 * The cross-file stage: callers of functions that became async, key constants no module uses any more
 * (the ts-morph project pass of codemods/project). ts-morph loads only when some file changed; only the
 * files the pass needs are given to it.
 */
import type { ProjectModules } from '../../codemods/project/module-values.js';
import type { FileState } from '../../codemods/project/project-pass.js';
import type { SkippedFile } from './report.js';

export async function runCrossFilePass(
  states: Map<string, FileState>,
  files: readonly string[],
  modules: ProjectModules | undefined,
  readText: (path: string) => string | undefined,
): Promise<SkippedFile | undefined> {
  if (!modules || ![...states.values()].some((state) => state.text !== state.original)) return undefined;
  try {
    const { runProjectPass } = await import('../../codemods/project/project-pass.js');
    runProjectPass(states, files, modules, readText);
    return undefined;
  } catch (error) {
    return { path: files[0] ?? '.', reason: `the project pass failed; per-file rewrites are kept (${error instanceof Error ? error.message : String(error)})` };
  }
}
