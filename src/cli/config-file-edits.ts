/**
 * The config-file stage: JSON config files that rewritten code reads (the keycloak.json a Keycloak adapter is
 * given) lose the properties the rewrite needs gone (`realm-public-key`), their formatting and line endings kept.
 * The rewrite counts on the line of the code that reads the file; a file that cannot be read, is ignored or is
 * not a JSON object is left, with the reason on that line.
 */
import { basename } from 'node:path';
import { withoutJsonProperties } from '../../codemods/lib/keycloak-connect.js';
import type { FileState } from '../../codemods/project/project-pass.js';

/** The config files' new states, to write as sources are written; notes go to the states of the code that reads them. */
export function planConfigFileEdits(states: Map<string, FileState>, readText: (path: string) => string | undefined, ignored: (path: string) => boolean): FileState[] {
  const edited = new Map<string, FileState>();
  for (const state of [...states.values()]) {
    for (const edit of state.configEdits ?? []) {
      const what = `${edit.remove.join(' or ')} in ${basename(edit.path)}`;
      const byHand = `remove ${what} by hand, so that the adapter fetches the issuer's keys`;
      if (ignored(edit.path)) {
        state.review.push({ transform: edit.transform, line: edit.line, reason: `${basename(edit.path)} pins the key, but matches an ignore pattern: ${byHand}` });
        continue;
      }
      const config = edited.get(edit.path) ?? states.get(edit.path);
      const text = config ? config.text : readText(edit.path);
      if (text === undefined) {
        state.review.push({ transform: edit.transform, line: edit.line, reason: `${edit.path} cannot be read as UTF-8 text: ${byHand}` });
        continue;
      }
      const without = withoutJsonProperties(text, edit.remove);
      if (without === undefined) {
        // Another file reading the same config had it edited already; otherwise it is no JSON object the stage can edit.
        if (!config || config.original === text) state.review.push({ transform: edit.transform, line: edit.line, reason: `${basename(edit.path)} is not a JSON object this codemod can edit: ${byHand}` });
        else state.rewrites.push({ transform: edit.transform, line: edit.line });
        continue;
      }
      const next: FileState = config ?? { path: edit.path, original: text, text, rewrites: [], review: [], madeAsync: [] };
      next.text = without;
      edited.set(edit.path, next);
      states.set(edit.path, next);
      state.rewrites.push({ transform: edit.transform, line: edit.line });
    }
  }
  return [...edited.values()];
}
