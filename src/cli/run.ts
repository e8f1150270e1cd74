/**
 * `oidc-codemod` as a pipeline of named stages, each in its own module:
 * list files -> per-file transforms to a fixed point -> cross-file pass -> config files the code reads -> write
 * plan (every path checked inside the work tree) -> atomic writes -> report (text, JSON, Markdown).
 * A writing run holds the repository's run lock from the first write decision to the last write.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import type { CodemodOptions } from '../../codemods/lib/transformer.js';
import { RuntimeInstall } from '../../codemods/project/runtime-install.js';
import type { FileState } from '../../codemods/project/project-pass.js';
import { createWriteStage } from './apply-writes.js';
import { parseCliArguments, requestedOutputs, USAGE, UsageError, type CliArguments } from './arguments.js';
import { scanConfigFiles } from './config-files.js';
import { createCrossFileNeeds, runCrossFilePass } from './cross-file-pass.js';
import { mayConcernTokens, readSourceText, runFileStage } from './file-stage.js';
import { listSourceFiles, uncommittedChanges } from './files.js';
import { ignoreMatcher } from './ignore-patterns.js';
import { emptyReport, markdownReport, textReport, TOOL, type JsonReport, type SkippedFile } from './report.js';
import { acquireRunLock, RunInProgressError, type RunLock } from './run-lock.js';
import { unifiedDiff } from './unified-diff.js';
import { workTreesOf, type WorkTree } from './work-tree.js';
import { createWritePlanner, type PlannedWrite } from './write-plan.js';
import { createWriter } from './writer.js';

export { TOOL, type JsonReport } from './report.js';

/** Runs of more files than this show a progress line (on a terminal, outside `--json`). */
const PROGRESS_THRESHOLD = 300;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  readonly cwd: string;
  /** Set by a signal handler: the run stops between files and writes nothing it has not finished. */
  readonly interrupted?: () => boolean;
}

/** Exit codes (documented in --help and docs/guides/bulk-migration.md). */
export const EXIT = { ok: 0, wouldChange: 1, refused: 2, skippedFiles: 3, interrupted: 130 } as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const outputs = requestedOutputs(argv);
  /** A run that stops before migrating anything: the message, and one JSON object / Markdown report all the same. */
  const refuse = (message: string, hint = ''): number => {
    io.stderr(`oidc-codemod: ${message}\n${hint}`);
    const report = emptyReport(message);
    if (outputs.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    if (outputs.reportMarkdown) writeReportFile(resolve(io.cwd, outputs.reportMarkdown), markdownReport(report, false), io);
    return EXIT.refused;
  };

  let args: CliArguments;
  try {
    const parsed = parseCliArguments(argv);
    if (parsed === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (parsed === 'version') {
      io.stdout(outputs.json ? `${JSON.stringify({ tool: TOOL })}\n` : `${TOOL.name} ${TOOL.version}\n`);
      return EXIT.ok;
    }
    args = parsed;
  } catch (error) {
    if (error instanceof UsageError) return refuse(error.message, 'Run oidc-codemod --help for usage.\n');
    throw error;
  }

  const display = (path: string) => relative(io.cwd, path) || path;
  const given = args.paths.map((path) => resolve(io.cwd, path));
  const ignored = ignoreMatcher(args.ignorePatterns, io.cwd);

  // Stage 1: the files (git's view, ignore patterns).
  const listing = listSourceFiles(given, ignored);
  if (listing.unreadable.length > 0) {
    return refuse(listing.unreadable.map(({ path, reason }) => `${display(resolve(io.cwd, path))}: ${reason}`).join('; '));
  }
  const writes = !args.dryRun && !args.check;
  const workTrees = workTreesOf(given);
  if (writes && !args.force && workTrees.outsideGit.length > 0) {
    return refuse(
      `refusing to write into ${display(workTrees.outsideGit[0]!)}, which is in no git work tree: a migration there cannot be reviewed or undone with git.`,
      'Run it inside a git repository, use --dry-run, or pass --force.\n',
    );
  }
  // One writing run at a time in each repository, from here to the last write.
  const locks = new Map<WorkTree, RunLock>();
  if (writes) {
    try {
      for (const tree of workTrees.trees) if (tree.gitDirectory) locks.set(tree, acquireRunLock(tree.gitDirectory));
    } catch (error) {
      for (const lock of locks.values()) lock.release();
      if (error instanceof RunInProgressError) return refuse(error.message);
      throw error;
    }
  }
  if (writes && !args.force) {
    const dirty = uncommittedChanges(given);
    if (dirty.length > 0) {
      for (const lock of locks.values()) lock.release();
      return refuse(
        `refusing to write into a git tree with uncommitted changes (${dirty.length} file${dirty.length === 1 ? '' : 's'}, e.g. ${display(dirty[0]!)}).`,
        'Commit or stash them first, so that the migration is one change to review; or pass --force.\n',
      );
    }
  }
  try {
    return await migrate(args, io, given, listing.files, workTrees.trees, locks, display, ignored);
  } finally {
    for (const lock of locks.values()) lock.release();
  }
}

async function migrate(
  args: CliArguments,
  io: CliIo,
  given: readonly string[],
  files: readonly string[],
  trees: readonly WorkTree[],
  locks: ReadonlyMap<WorkTree, RunLock>,
  display: (path: string) => string,
  ignored: (path: string) => boolean,
): Promise<number> {
  const writes = !args.dryRun && !args.check;

  // --- The runtime the rewritten code imports: where it comes from (planned by codemods/project). ---
  // Rewritten code imports oidc-token-guard (added to the package.json owning each changed file), a copy
  // (--copy-runtime) or the module --helper-import names.
  const runtime = new RuntimeInstall({
    ...(args.helperImport !== undefined ? { helperImport: args.helperImport } : {}),
    ...(args.copyRuntime !== undefined ? { copyRuntime: args.copyRuntime === true ? true : resolve(io.cwd, args.copyRuntime) } : {}),
    display,
  });
  const optionsFor = (file: string): CodemodOptions => ({
    ...(args.issuer ? { issuer: args.issuer } : {}),
    ...(args.audience ? { audience: args.audience } : {}),
    toCustomAs: args.toCustomAs,
    helperImport: runtime.specifierFor(file),
  });
  // --- end of the runtime's source ---

  // Stages 4 and 5, batch by batch: the write plan (every path checked inside the work tree), then atomic
  // writes (a dry run prints the diffs instead). Temporary files go into the run lock's folder of the
  // file's repository, so that a run killed outright leaves none in the work tree.
  const planner = createWritePlanner(trees);
  const writer = createWriter(!writes, (path) => [...locks].find(([tree]) => path.startsWith(`${tree.root}${sep}`))?.[1].folder);
  const writeStage = createWriteStage(writer, {
    ...(io.interrupted ? { interrupted: io.interrupted } : {}),
    ...(args.dryRun && !args.json
      ? { onWritten: (write: PlannedWrite) => io.stdout(write.summary ? `--- /dev/null\n+++ b/${display(write.path)}\n@@ ${write.summary} @@\n` : unifiedDiff(display(write.path), write.before ?? '', write.text)) }
      : {}),
  });
  const skipped: SkippedFile[] = [];
  const states = new Map<string, FileState>();
  const boms = new Set<string>();
  // What each path was planned with: a file is planned again only if a later stage changed it after all.
  const planned = new Map<string, string>();
  let parses: ((text: string, path: string) => void) | undefined;
  const flush = async (ready: readonly FileState[]) => {
    const changed = ready.filter((state) => state.text !== state.original && planned.get(state.path) !== state.text);
    if (changed.length === 0) return;
    for (const state of changed) planned.set(state.path, state.text);
    const sources: PlannedWrite[] = changed.map((state) => ({
      path: state.path,
      kind: 'source',
      before: state.original,
      text: (boms.has(state.path) ? '\uFEFF' : '') + state.text,
      ...(state.path.endsWith('.json')
        ? { validate: (text: string) => void JSON.parse(text.replace(/^\uFEFF/, '')) }
        : parses
          ? { validate: (text: string) => parses!(text.replace(/^\uFEFF/, ''), state.path) }
          : {}),
      needsRuntime: /createAccessTokenVerifier|createTokenIntrospector/.test(state.text) && !/createAccessTokenVerifier|createTokenIntrospector/.test(state.original),
    }));
    const prerequisites = planRuntimeWrites(runtime, changed, states).filter((write) => planned.get(write.path) !== write.text);
    for (const write of prerequisites) planned.set(write.path, write.text);
    const plan = planner.plan([...prerequisites, ...sources]);
    skipped.push(...plan.refused);
    for (const { path, line, reason } of plan.review) noteForReview(states, path, line, reason);
    await writeStage.apply(plan.writes);
  };

  // Stage 2: per-file transforms, each file to its fixed point; a file the cross-file pass cannot change
  // any more is written at once.
  const progress = !args.json && io.isTTY && files.length > PROGRESS_THRESHOLD;
  const waiting: FileState[] = [];
  const needs = createCrossFileNeeds(readSourceText, mayConcernTokens);
  const stage = await runFileStage(files, {
    transforms: args.transforms,
    optionsFor,
    boms,
    states,
    ...(io.interrupted ? { interrupted: io.interrupted } : {}),
    ...(progress ? { onProgress: (scanned: number) => scanned % 100 === 0 && io.stderr(`\roidc-codemod: ${scanned}/${files.length} files, ${writeStage.changed.size} ${writes ? 'written' : 'to change'}`) } : {}),
    onSettled: async (state, modules, parseCheck) => {
      parses ??= parseCheck;
      if (needs.waits(state, modules)) waiting.push(state);
      else await flush([state]);
    },
  });
  if (progress) io.stderr(`\roidc-codemod: ${stage.scanned}/${files.length} files, ${writeStage.changed.size} ${writes ? 'written' : 'to change'}\n`);
  skipped.unshift(...stage.skipped);

  // Stage 3: what crosses files, for the files that waited for it; then their writes.
  if (!io.interrupted?.() && waiting.length > 0) {
    const failure = await runCrossFilePass(states, files, stage.modules, readSourceText);
    if (failure) skipped.push(failure);
    await flush([...states.values()]);
  }
  // Stage 3b: JSON config files the rewritten code reads (keycloak.json), edited as its rewrite needs.
  if (!io.interrupted?.() && [...states.values()].some((state) => (state.configEdits?.length ?? 0) > 0)) {
    // Loaded only then: it parses JSON with the transforms' parser.
    const { planConfigFileEdits } = await import('./config-file-edits.js');
    const configs = planConfigFileEdits(states, readSourceText, ignored);
    if (configs.length > 0) await flush(configs);
  }
  for (const finding of scanConfigFiles(given)) {
    if (!ignored(finding.path)) noteForReview(states, finding.path, finding.line, finding.reason);
  }
  const applied = { changed: writeStage.changed };
  skipped.push(...writeStage.failed);

  // Stage 6: the report.
  const report: JsonReport = {
    tool: { ...TOOL },
    summary: {
      filesScanned: stage.scanned,
      filesChanged: applied.changed.size,
      sitesRewritten: [...states.values()].reduce((total, state) => total + state.rewrites.length, 0),
      sitesForReview: [...states.values()].reduce((total, state) => total + state.review.length, 0),
    },
    files: [...new Set([...states.keys(), ...applied.changed])].sort().map((path) => {
      const state = states.get(path);
      return {
        path: display(path),
        changed: applied.changed.has(path),
        rewrites: (state?.rewrites ?? []).map(({ transform, line }) => ({ transform, line })),
        review: (state?.review ?? []).map(({ line, reason }) => ({ line, reason })),
      };
    }),
    errors: skipped.map((entry) => ({ ...entry, path: display(entry.path) })),
  };
  if (args.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(textReport(report, writes));
  if (args.reportMarkdown) writeReportFile(resolve(io.cwd, args.reportMarkdown), markdownReport(report, writes), io);

  if (io.interrupted?.()) {
    io.stderr('oidc-codemod: interrupted; every file is either as it was or fully rewritten.\n');
    return EXIT.interrupted;
  }
  if (args.check && report.summary.filesChanged > 0) return EXIT.wouldChange;
  if (report.errors.length > 0) return EXIT.skippedFiles;
  return EXIT.ok;
}

/** The runtime's copy and package.json entries for a batch of changed sources, as the write plan takes them. */
function planRuntimeWrites(runtime: RuntimeInstall, changed: readonly FileState[], states: Map<string, FileState>): PlannedWrite[] {
  const install = runtime.plan(changed, readSourceText);
  for (const note of install.review) noteForReview(states, note.path, note.line, note.reason);
  return install.writes.map(({ prerequisite: _prerequisite, ...write }) => ({ ...write, kind: basename(write.path) === 'package.json' ? 'manifest' : 'runtime' }));
}

function noteForReview(states: Map<string, FileState>, path: string, line: number, reason: string): void {
  const state = states.get(path) ?? { path, original: '', text: '', rewrites: [], review: [], madeAsync: [] };
  if (state.review.some((note) => note.line === line && note.reason === reason)) return;
  state.review.push({ transform: 'jwks-discovery', line, reason });
  states.set(path, state);
}

function writeReportFile(path: string, text: string, io: CliIo): void {
  // Atomic as well, so that a reader never sees half a report.
  const temporary = `${path}.oidc-codemod-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    io.stderr(`oidc-codemod: could not write the Markdown report ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
  }
}
