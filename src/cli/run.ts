/**
 * `oidc-codemod`: runs the transforms over whole repositories, then the project pass, and writes through
 * one writer. Reports what it rewrote and what a person must review, as text or as one JSON document.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { idTokenToAccessToken } from '../../codemods/id-token-to-access-token.js';
import { jwksDiscovery } from '../../codemods/jwks-discovery.js';
import { parseFile, UnparsableFileError, type CodemodOptions, type TransformEnvironment, type TransformName, type TransformOutcome } from '../../codemods/lib/transformer.js';
import { orgAsIntrospection } from '../../codemods/org-as-introspection.js';
import { RuntimeInstall } from '../../codemods/project/runtime-install.js';
import { ProjectModules } from '../../codemods/project/module-values.js';
import { runProjectPass, type FileState } from '../../codemods/project/project-pass.js';
import { mentionsKeyMaterial } from '../knowledge/keys.js';
import { version as packageVersion } from '../../package.json';
import packages from '../packages.json';
import { mentionsKnownModule } from '../knowledge/libraries.js';
import { parseCliArguments, USAGE, UsageError, type CliArguments } from './arguments.js';
import { scanConfigFiles } from './config-files.js';
import { gitTopLevel, listSourceFiles, uncommittedChanges } from './files.js';
import { lineMapping, unifiedDiff } from './unified-diff.js';
import { createWriter, WriteRefusedError } from './writer.js';

type Run = (source: string, path: string, options?: CodemodOptions, environment?: TransformEnvironment) => TransformOutcome;

const TRANSFORMS: Record<TransformName, Run> = {
  'jwks-discovery': jwksDiscovery,
  'org-as-introspection': orgAsIntrospection,
  'id-token-to-access-token': idTokenToAccessToken,
};

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

/** The tool as the report names it: the codemod package and the version all three packages share. */
export const TOOL = { name: packages.codemod.name, version: packageVersion } as const;

export interface JsonReport {
  tool: { name: string; version: string };
  summary: { filesScanned: number; filesChanged: number; sitesRewritten: number; sitesForReview: number };
  files: { path: string; changed: boolean; rewrites: { transform: TransformName; line: number }[]; review: { line: number; reason: string }[] }[];
  errors: { path: string; reason: string }[];
}

// `ignoreBOM` keeps a byte order mark in the text, so that it can be written back.
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArguments;
  try {
    const parsed = parseCliArguments(argv);
    if (parsed === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (parsed === 'version') {
      io.stdout(`${TOOL.name} ${TOOL.version}\n`);
      return 0;
    }
    args = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`oidc-codemod: ${error.message}\nRun oidc-codemod --help for usage.\n`);
      return 2;
    }
    throw error;
  }

  const display = (path: string) => relative(io.cwd, path) || path;
  const listing = listSourceFiles(args.paths.map((path) => resolve(io.cwd, path)));
  if (listing.unreadable.length > 0) {
    for (const { path, reason } of listing.unreadable) io.stderr(`oidc-codemod: ${path}: ${reason}\n`);
    return 2;
  }
  const writes = !args.dryRun && !args.check;
  if (writes && !args.force) {
    const dirty = uncommittedChanges(args.paths.map((path) => resolve(io.cwd, path)));
    if (dirty.length > 0) {
      io.stderr(
        `oidc-codemod: refusing to write into a git tree with uncommitted changes (${dirty.length} file${dirty.length === 1 ? '' : 's'}, e.g. ${display(dirty[0]!)}).\n` +
          'Commit or stash them first, so that the migration is one change to review; or pass --force.\n',
      );
      return 2;
    }
  }

  const first = resolve(io.cwd, args.paths[0]!);
  const projectRoot = gitTopLevel(dirname(first)) ?? io.cwd;
  // Where rewritten code imports the runtime from, and what the run adds to each owning package.json.
  const runtime = new RuntimeInstall({
    ...(args.helperImport !== undefined ? { helperImport: args.helperImport } : {}),
    ...(args.copyRuntime !== undefined ? { copyRuntime: args.copyRuntime === true ? true : resolve(io.cwd, args.copyRuntime) } : {}),
    display,
  });
  const modules = new ProjectModules(new Set(listing.files));
  const states = new Map<string, FileState>();
  const boms = new Set<string>();
  const errors: { path: string; reason: string }[] = [];
  const readText = (path: string): string | undefined => {
    try {
      const text = fatalDecoder.decode(readFileSync(path));
      return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
      return undefined;
    }
  };

  const progress = !args.json && io.isTTY && listing.files.length > PROGRESS_THRESHOLD;
  let scanned = 0;
  for (const file of listing.files) {
    // Let a signal handler run between files: the work is synchronous otherwise.
    if (scanned % 20 === 0) await yieldToEventLoop();
    if (io.interrupted?.()) break;
    scanned++;
    if (progress && scanned % 100 === 0) io.stderr(`\roidc-codemod: ${scanned}/${listing.files.length} files`);
    let text: string;
    try {
      text = fatalDecoder.decode(readFileSync(file));
    } catch (error) {
      errors.push({ path: file, reason: error instanceof TypeError ? 'not valid UTF-8; left unchanged' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    const bom = text.startsWith('\uFEFF');
    const body = bom ? text.slice(1) : text;
    // Most files of a repository concern none of this: they are skipped before any parsing.
    if (!mentionsKnownModule(body) && !mentionsKeyMaterial(body) && !/bearer/i.test(body)) continue;
    if (bom) boms.add(file);

    const state: FileState = { path: file, original: body, text: body, rewrites: [], review: [], madeAsync: [] };
    const options: CodemodOptions = {
      ...(args.issuer ? { issuer: args.issuer } : {}),
      ...(args.audience ? { audience: args.audience } : {}),
      toCustomAs: args.toCustomAs,
      helperImport: runtime.specifierFor(file),
    };
    for (const name of args.transforms) {
      let outcome: TransformOutcome;
      try {
        outcome = TRANSFORMS[name](state.text, file, options, { values: modules.oracleFor(file) });
      } catch (error) {
        errors.push({
          path: file,
          reason: error instanceof UnparsableFileError ? `does not parse; left unchanged (${error.message.replace(`${file} does not parse: `, '')})` : `${name} failed; left unchanged (${error instanceof Error ? error.message : String(error)})`,
        });
        state.text = body;
        state.rewrites.length = 0;
        state.review.length = 0;
        state.madeAsync.length = 0;
        break;
      }
      state.rewrites.push(...outcome.rewrites);
      state.review.push(...outcome.review);
      state.madeAsync.push(...outcome.madeAsync.map((change) => ({ ...change, transform: name })));
      if (outcome.source !== undefined) {
        // Lines are reported as they stand in the file written, not in the one read.
        const map = lineMapping(state.text, outcome.source);
        for (const notes of [state.rewrites, state.review, state.madeAsync] as { line: number }[][]) {
          for (const [position, note] of notes.entries()) notes[position] = { ...note, line: map(note.line) };
        }
        state.text = outcome.source;
      }
    }
    if (state.rewrites.length > 0 || state.review.length > 0) states.set(file, state);
  }
  if (progress) io.stderr(`\roidc-codemod: ${scanned}/${listing.files.length} files\n`);

  if (!io.interrupted?.()) {
    try {
      runProjectPass(states, listing.files, modules, readText);
    } catch (error) {
      errors.push({ path: projectRoot, reason: `the project pass failed; per-file rewrites are kept (${error instanceof Error ? error.message : String(error)})` });
    }
  }

  // The runtime dependency (or copy) of each package.json owning a file that now imports the runtime, written
  // first: sources that import the runtime must never be written when it could not be.
  const pending: { path: string; before: string | undefined; text: string; validate?: (text: string) => void; summary?: string; prerequisite?: boolean }[] = [];
  const changed = [...states.values()].filter((state) => state.text !== state.original);
  const sources = changed.map((state) => ({
    path: state.path,
    before: state.original as string | undefined,
    text: (boms.has(state.path) ? '\uFEFF' : '') + state.text,
    validate: (text: string) => void parseFile(text.replace(/^\uFEFF/, ''), state.path),
  }));
  const install = runtime.plan(changed, readText);
  pending.push(...install.writes);
  for (const note of install.review) {
    const state = states.get(note.path) ?? { path: note.path, original: readText(note.path) ?? '', text: readText(note.path) ?? '', rewrites: [], review: [], madeAsync: [] };
    state.review.push({ transform: state.rewrites[0]?.transform ?? 'jwks-discovery', line: note.line, reason: note.reason });
    states.set(note.path, state);
  }
  pending.push(...sources);
  for (const finding of scanConfigFiles(args.paths.map((path) => resolve(io.cwd, path)))) {
    const state = states.get(finding.path) ?? { path: finding.path, original: '', text: '', rewrites: [], review: [], madeAsync: [] };
    state.review.push({ transform: 'org-as-introspection', line: finding.line, reason: finding.reason });
    states.set(finding.path, state);
  }

  const writer = createWriter(!writes);
  const changedPaths = new Set<string>();
  let prerequisiteFailed = false;
  for (const [position, file] of pending.entries()) {
    if (position % 20 === 0) await yieldToEventLoop();
    if (io.interrupted?.()) break;
    if (prerequisiteFailed) {
      errors.push({ path: file.path, reason: 'not written: the runtime helper could not be written, and this file would import it' });
      continue;
    }
    try {
      writer.write(file.path, file.text, file.validate);
      changedPaths.add(file.path);
      if (args.dryRun && !args.json) {
        io.stdout(file.summary ? `--- /dev/null\n+++ b/${display(file.path)}\n@@ ${file.summary} @@\n` : unifiedDiff(display(file.path), file.before ?? '', file.text));
      }
    } catch (error) {
      errors.push({ path: file.path, reason: error instanceof WriteRefusedError ? error.message.replace(`${file.path}: `, '') : String(error) });
      if (file.prerequisite) prerequisiteFailed = true;
    }
  }

  const report: JsonReport = {
    tool: { ...TOOL },
    summary: {
      filesScanned: scanned,
      filesChanged: changedPaths.size,
      sitesRewritten: [...states.values()].reduce((total, state) => total + state.rewrites.length, 0),
      sitesForReview: [...states.values()].reduce((total, state) => total + state.review.length, 0),
    },
    files: [...new Set([...states.keys(), ...changedPaths])].sort().map((path) => {
      const state = states.get(path);
      return {
        path: display(path),
        changed: changedPaths.has(path),
        rewrites: (state?.rewrites ?? []).map(({ transform, line }) => ({ transform, line })),
        review: (state?.review ?? []).map(({ line, reason }) => ({ line, reason })),
      };
    }),
    errors: errors.map(({ path, reason }) => ({ path: display(path), reason })),
  };

  if (args.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(textReport(report, args));
  if (io.interrupted?.()) {
    io.stderr('oidc-codemod: interrupted; every file is either as it was or fully rewritten.\n');
    return 130;
  }
  if (errors.length > 0) return 2;
  if (args.check && report.summary.filesChanged > 0) return 1;
  return 0;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function textReport(report: JsonReport, args: CliArguments): string {
  const lines: string[] = [];
  const review = report.files.flatMap((file) => file.review.map((item) => `  ${file.path}:${item.line}: ${item.reason}`));
  if (review.length > 0) lines.push('', 'For review:', ...review);
  if (report.errors.length > 0) lines.push('', 'Not processed:', ...report.errors.map((error) => `  ${error.path}: ${error.reason}`));
  const verb = args.dryRun || args.check ? 'would change' : 'changed';
  const { filesScanned, filesChanged, sitesRewritten, sitesForReview } = report.summary;
  lines.push('', `${filesScanned} files scanned, ${filesChanged} ${verb}, ${sitesRewritten} sites rewritten, ${sitesForReview} left for review.`);
  return `${lines.join('\n')}\n`;
}
