/**
 * The one place that writes files. It honours `--dry-run`, refuses text that does not parse, and writes
 * atomically (a temporary file beside the target, then a rename), so that an interrupted run leaves each
 * file either as it was or as it should be, never half-written. The temporary file is made in the run
 * lock's folder inside the git directory when there is one (a run killed outright then leaves no stray
 * file in the work tree; the next run clears the stale lock with it), else beside the target.
 */
import { accessSync, chmodSync, constants, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class WriteRefusedError extends Error {
  override name = 'WriteRefusedError';
}

export interface Writer {
  readonly dryRun: boolean;
  /** Writes `text` to `path` unless this is a dry run; `validate` throws when the text must not be written. */
  write(path: string, text: string, validate?: (text: string) => void): void;
  readonly written: readonly string[];
}

/** Where the temporary file for a target goes: a folder on the same file system, or undefined for beside it. */
export type TemporaryFolderFor = (path: string) => string | undefined;

export function createWriter(dryRun: boolean, temporaryFolderFor: TemporaryFolderFor = () => undefined): Writer {
  const written: string[] = [];
  let counter = 0;
  return {
    dryRun,
    written,
    write(path, text, validate) {
      if (validate) {
        try {
          validate(text);
        } catch (error) {
          throw new WriteRefusedError(`${path}: the new text does not parse, so it was not written (${error instanceof Error ? error.message : String(error)})`);
        }
      }
      if (dryRun) return;
      let mode: number | undefined;
      try {
        mode = statSync(path).mode;
        accessSync(path, constants.W_OK);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteRefusedError(`${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      // A file nobody may write is left alone, even by a user (root) whom permissions do not stop.
      if (mode !== undefined && (mode & 0o222) === 0) throw new WriteRefusedError(`${path}: cannot be written (the file is read-only)`);
      const beside = join(dirname(path), `.${basename(path)}.oidc-codemod-${process.pid}.tmp`);
      const folder = temporaryFolderFor(path);
      let temporary = folder ? join(folder, `${counter++}.tmp`) : beside;
      try {
        // A new file (the helper module) may go into a folder that does not exist yet.
        if (mode === undefined) mkdirSync(dirname(path), { recursive: true });
        writeFileSync(temporary, text, { flag: 'wx' });
        if (mode !== undefined) chmodSync(temporary, mode & 0o7777);
        try {
          renameSync(temporary, path);
        } catch (error) {
          // The git directory may be on another file system (EXDEV): then beside the target after all.
          if ((error as NodeJS.ErrnoException).code !== 'EXDEV' || temporary === beside) throw error;
          rmSync(temporary, { force: true });
          temporary = beside;
          writeFileSync(temporary, text, { flag: 'wx' });
          if (mode !== undefined) chmodSync(temporary, mode & 0o7777);
          renameSync(temporary, path);
        }
      } catch (error) {
        rmSync(temporary, { force: true });
        throw new WriteRefusedError(`${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      written.push(path);
    },
  };
}
