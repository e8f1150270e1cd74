/**
 * The last stage: what a run did, as text for a terminal, one JSON object for scripts (in every outcome,
 * errors included), and Markdown that a pull-request body can carry.
 */
import { version as packageVersion } from '../../package.json';
import packages from '../packages.json';
import type { TransformName } from '../../codemods/lib/transformer.js';

/** The tool as the report names it: the codemod package and the version all three packages share. */
export const TOOL = { name: packages.codemod.name, version: packageVersion } as const;

export interface ReportedFile {
  path: string;
  changed: boolean;
  rewrites: { transform: TransformName; line: number }[];
  review: { line: number; reason: string }[];
}

/** A file the run left as it was because it could not read, parse, settle or write it. */
export interface SkippedFile {
  path: string;
  line?: number;
  reason: string;
}

export interface JsonReport {
  tool: { name: string; version: string };
  /** Set when the run stopped before migrating anything: bad usage, a dirty tree, another run in progress. */
  error?: string;
  summary: { filesScanned: number; filesChanged: number; sitesRewritten: number; sitesForReview: number };
  files: ReportedFile[];
  errors: SkippedFile[];
}

export function emptyReport(error: string): JsonReport {
  return {
    tool: { ...TOOL },
    error,
    summary: { filesScanned: 0, filesChanged: 0, sitesRewritten: 0, sitesForReview: 0 },
    files: [],
    errors: [],
  };
}

/** Files skipped: each listed once in the summaries, however many reasons it has. */
export function filesSkipped(report: JsonReport): number {
  return new Set(report.errors.map((error) => error.path)).size;
}

export function textReport(report: JsonReport, wrote: boolean): string {
  const lines: string[] = [];
  const review = report.files.flatMap((file) => file.review.map((item) => `  ${file.path}:${item.line}: ${item.reason}`));
  if (review.length > 0) lines.push('', 'For review:', ...review);
  if (report.errors.length > 0) lines.push('', 'Not processed (left unchanged):', ...report.errors.map((error) => `  ${error.path}${error.line ? `:${error.line}` : ''}: ${error.reason}`));
  const verb = wrote ? 'changed' : 'would change';
  const { filesScanned, filesChanged, sitesRewritten, sitesForReview } = report.summary;
  const skipped = filesSkipped(report);
  lines.push('', `${filesScanned} files scanned, ${filesChanged} ${verb}, ${sitesRewritten} sites rewritten, ${sitesForReview} left for review${skipped > 0 ? `, ${skipped} skipped` : ''}.`);
  return `${lines.join('\n')}\n`;
}

/** Text from the code or the file system, made inert in Markdown: no HTML, no stray emphasis or links. */
function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`);
}

function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/** A pull-request body: what changed, what needs review (a checklist, with each reason), what was skipped. */
export function markdownReport(report: JsonReport, wrote: boolean): string {
  const lines: string[] = ['## Token validation migrated with oidc-codemod', ''];
  if (report.error) {
    lines.push(`${code(`${report.tool.name} ${report.tool.version}`)} stopped before migrating anything: ${inline(report.error)}`, '');
    return `${lines.join('\n')}\n`;
  }
  const { filesScanned, filesChanged, sitesRewritten, sitesForReview } = report.summary;
  const skipped = filesSkipped(report);
  lines.push(
    `${code(`${report.tool.name} ${report.tool.version}`)} scanned ${filesScanned} files: ${filesChanged} ${wrote ? 'changed' : 'would change'}, ${sitesRewritten} sites rewritten, ${sitesForReview} left for review${skipped > 0 ? `, ${skipped} skipped` : ''}.`,
    '',
  );
  const changed = report.files.filter((file) => file.changed);
  if (changed.length > 0) {
    lines.push(`### ${wrote ? 'Changed' : 'Would change'}`, '');
    for (const file of changed) {
      const byTransform = new Map<string, number[]>();
      for (const rewrite of file.rewrites) byTransform.set(rewrite.transform, [...(byTransform.get(rewrite.transform) ?? []), rewrite.line]);
      const detail = [...byTransform].map(([transform, lines]) => `${transform} (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`).join('; ');
      lines.push(`- ${code(file.path)}${detail ? `: ${detail}` : ''}`);
    }
    lines.push('');
  }
  const review = report.files.filter((file) => file.review.length > 0);
  if (review.length > 0) {
    lines.push('### Needs review', '');
    for (const file of review) {
      for (const item of file.review) lines.push(`- [ ] ${code(`${file.path}:${item.line}`)}: ${inline(item.reason)}`);
    }
    lines.push('');
  }
  if (report.errors.length > 0) {
    lines.push('### Not processed (left unchanged)', '');
    for (const error of report.errors) lines.push(`- ${code(`${error.path}${error.line ? `:${error.line}` : ''}`)}: ${inline(error.reason)}`);
    lines.push('');
  }
  if (changed.length === 0 && review.length === 0 && report.errors.length === 0) lines.push('Nothing to migrate.', '');
  return `${lines.join('\n')}`;
}
