/**
 * The write stage: the planned writes in order (prerequisites first), each atomic through the one writer;
 * a source whose prerequisite failed to be written is not written. Batches come as files become final.
 * Stops between files on an interrupt.
 */
import { yieldToEventLoop } from './file-stage.js';
import type { SkippedFile } from './report.js';
import type { PlannedWrite } from './write-plan.js';
import { WriteRefusedError, type Writer } from './writer.js';

export interface WriteStage {
  /** Writes one batch; what failed of the runtime in one batch keeps its dependants out of later ones. */
  apply(writes: readonly PlannedWrite[]): Promise<void>;
  readonly changed: Set<string>;
  readonly failed: SkippedFile[];
}

export function createWriteStage(writer: Writer, options: { readonly interrupted?: () => boolean; readonly onWritten?: (write: PlannedWrite) => void } = {}): WriteStage {
  const changed = new Set<string>();
  const failed: SkippedFile[] = [];
  let runtimeFailed: string | undefined;
  let count = 0;
  return {
    changed,
    failed,
    async apply(writes) {
      for (const write of writes) {
        if (count++ % 20 === 0) await yieldToEventLoop();
        if (options.interrupted?.()) return;
        if (write.kind === 'source' && write.needsRuntime && runtimeFailed) {
          failed.push({ path: write.path, reason: `not written: it would import the runtime, and ${runtimeFailed} could not be written` });
          continue;
        }
        try {
          writer.write(write.path, write.text, write.validate);
          changed.add(write.path);
          options.onWritten?.(write);
        } catch (error) {
          failed.push({ path: write.path, reason: error instanceof WriteRefusedError ? error.message.replace(`${write.path}: `, '') : String(error) });
          if (write.kind !== 'source') runtimeFailed ??= write.path;
        }
      }
    },
  };
}
