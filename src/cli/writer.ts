/**
 * The one place that writes files. It honours `--dry-run`, refuses text that does not parse, and writes
 * atomically (a temporary file beside the target, then a rename), so that an interrupted run leaves each
 * file either as it was or as it should be, never half-written.
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

export function createWriter(dryRun: boolean): Writer {
  const written: string[] = [];
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
      const temporary = join(dirname(path), `.${basename(path)}.oidc-codemod-${process.pid}.tmp`);
      try {
        // A new file (the helper module) may go into a folder that does not exist yet.
        if (mode === undefined) mkdirSync(dirname(path), { recursive: true });
        writeFileSync(temporary, text, { flag: 'wx' });
        if (mode !== undefined) chmodSync(temporary, mode & 0o7777);
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw new WriteRefusedError(`${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      written.push(path);
    },
  };
}
