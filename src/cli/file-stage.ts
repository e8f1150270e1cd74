/**
 * The per-file stage over a whole listing: each file is read (UTF-8 only; a byte order mark is kept
 * aside), skipped before any parsing when it mentions none of the known libraries, key material or a
 * bearer header, and otherwise brought to its fixed point. A file that cannot be read, parsed or settled
 * is reported and the run goes on. The parsers load only when the first file needs them.
 */
import { readFileSync } from 'node:fs';
import type { CodemodOptions, TransformName } from '../../codemods/lib/transformer.js';
import type { ProjectModules } from '../../codemods/project/module-values.js';
import type { FileState } from '../../codemods/project/project-pass.js';
import { mentionsKeyMaterial } from '../knowledge/keys.js';
import { mentionsKnownModule } from '../knowledge/libraries.js';
import type { SkippedFile } from './report.js';
import type { FileTransformer } from './transform-file.js';

// `ignoreBOM` keeps a byte order mark in the text, so that it can be written back.
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file's text without its byte order mark, or undefined when it cannot be read as UTF-8. */
export function readSourceText(path: string): string | undefined {
  try {
    const text = fatalDecoder.decode(readFileSync(path));
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** Whether a file may concern this codemod at all: the cheap test before any parsing. */
export function mayConcernTokens(text: string): boolean {
  return mentionsKnownModule(text) || mentionsKeyMaterial(text) || /bearer/i.test(text);
}

export interface FileStageOptions {
  readonly transforms: readonly TransformName[];
  readonly optionsFor: (path: string) => CodemodOptions;
  /** Called after each file, with how many were looked at so far. */
  readonly onProgress?: (scanned: number) => void;
  readonly interrupted?: () => boolean;
  /** Called with each file that has a rewrite, a review note or a config file edit, once it is at its fixed point. */
  readonly onSettled?: (state: FileState, modules: ProjectModules, parses: (text: string, path: string) => void) => Promise<void> | void;
  /** Collects the files that started with a byte order mark: it is written back. */
  readonly boms: Set<string>;
  /** Collects the files with a rewrite or a review note, at their fixed point. */
  readonly states: Map<string, FileState>;
}

export interface FileStageResult {
  /** Files with a rewrite or a review note, at their fixed point. */
  readonly states: Map<string, FileState>;
  readonly skipped: SkippedFile[];
  readonly scanned: number;
  /** The project's modules, once a file needed the transforms. */
  readonly modules: ProjectModules | undefined;
}

export async function runFileStage(files: readonly string[], options: FileStageOptions): Promise<FileStageResult> {
  const { boms, states } = options;
  const skipped: SkippedFile[] = [];
  let transformer: FileTransformer | undefined;
  let scanned = 0;
  for (const file of files) {
    // Let a signal handler run between files: the work is synchronous otherwise.
    if (scanned % 20 === 0) await yieldToEventLoop();
    if (options.interrupted?.()) break;
    scanned++;
    options.onProgress?.(scanned);
    let text: string;
    try {
      text = fatalDecoder.decode(readFileSync(file));
    } catch (error) {
      skipped.push({ path: file, reason: error instanceof TypeError ? 'not valid UTF-8; left unchanged' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); left unchanged` });
      continue;
    }
    const bom = text.startsWith('\uFEFF');
    const body = bom ? text.slice(1) : text;
    // Most files of a repository concern none of this: they are skipped before any parsing.
    if (!mayConcernTokens(body)) continue;
    transformer ??= (await import('./transform-file.js')).createFileTransformer(new Set(files), options.transforms);
    const outcome = transformer.transform(file, body, options.optionsFor(file));
    if (outcome.kind === 'skipped') {
      skipped.push({ path: file, ...(outcome.line ? { line: outcome.line } : {}), reason: outcome.reason });
      continue;
    }
    if (bom) boms.add(file);
    if (outcome.state.rewrites.length > 0 || outcome.state.review.length > 0 || (outcome.state.configEdits?.length ?? 0) > 0) {
      states.set(file, outcome.state);
      await options.onSettled?.(outcome.state, transformer.modules, transformer.parses);
    }
  }
  return { states, skipped, scanned, modules: transformer?.modules };
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
