#!/usr/bin/env node
// Aggregates `oidc-codemod --check --json` reports, one file per repository (named <repository>.json), into
// one audit: a Markdown summary on stdout (or --markdown FILE) and, with --json FILE, one JSON document.
// No dependencies: copy this file wherever the reports are collected.
//
//   node aggregate-reports.mjs [--markdown FILE] [--json FILE] reports/*.json
//
// Exit status: 0 when no repository has anything to migrate, 1 when some have (like --check), 2 when a
// report is missing, unreadable, or says the run stopped: that repository was not audited.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/** What each transform of oidc-codemod migrates: the finding, in the words of the ESLint rule that reports it. */
const FINDINGS = {
  'jwks-discovery': 'hard-coded JWT key (oidc/no-hardcoded-jwt-key)',
  'org-as-introspection': 'org authorization server token verified locally (oidc/no-org-as-local-verification)',
  'id-token-to-access-token': 'ID token used as a bearer credential (oidc/no-id-token-as-bearer)',
};

function usage(message) {
  process.stderr.write(`${message}\nusage: aggregate-reports.mjs [--markdown FILE] [--json FILE] <report.json>...\n`);
  process.exit(2);
}

const files = [];
const outputs = {};
const args = process.argv.slice(2);
for (let index = 0; index < args.length; index++) {
  const arg = args[index];
  if (arg === '--markdown' || arg === '--json') {
    if (!args[index + 1]) usage(`${arg} needs a file name`);
    outputs[arg.slice(2)] = args[++index];
  } else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
  else files.push(arg);
}
if (files.length === 0) usage('no report given');

/** One repository's audit, from its report file; a report that cannot be used is a repository not audited. */
function auditOf(file) {
  const repository = basename(file).replace(/\.json$/, '');
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { repository, status: 'not audited', error: `no JSON report (${error.message.split('\n')[0]})`, sites: [], review: [], skipped: [] };
  }
  if (typeof report !== 'object' || report === null || !Array.isArray(report.files)) {
    return { repository, status: 'not audited', error: 'not an oidc-codemod --json report', sites: [], review: [], skipped: [] };
  }
  const sites = report.files.flatMap((entry) => (entry.rewrites ?? []).map((rewrite) => ({ path: entry.path, line: rewrite.line, transform: rewrite.transform })));
  const review = report.files.flatMap((entry) => (entry.review ?? []).map((item) => ({ path: entry.path, line: item.line, reason: item.reason })));
  const skipped = (report.errors ?? []).map((item) => ({ path: item.path, line: item.line, reason: item.reason }));
  const tool = report.tool ? `${report.tool.name} ${report.tool.version}` : undefined;
  if (report.error) return { repository, tool, status: 'not audited', error: report.error, sites, review, skipped };
  const changes = sites.length > 0 || review.length > 0 || report.files.some((entry) => entry.changed);
  return { repository, tool, status: changes ? 'to migrate' : 'clean', sites, review, skipped };
}

const audits = files.map(auditOf).sort((a, b) => a.repository.localeCompare(b.repository));
const count = (status) => audits.filter((audit) => audit.status === status).length;
const byFinding = {};
for (const audit of audits) for (const site of audit.sites) byFinding[site.transform] = (byFinding[site.transform] ?? 0) + 1;
const totals = {
  repositories: audits.length,
  toMigrate: count('to migrate'),
  clean: count('clean'),
  notAudited: count('not audited'),
  sites: audits.reduce((sum, audit) => sum + audit.sites.length, 0),
  forReview: audits.reduce((sum, audit) => sum + audit.review.length, 0),
  skippedFiles: audits.reduce((sum, audit) => sum + audit.skipped.length, 0),
  byFinding,
};

const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Text from reports, inert in Markdown tables: no pipes, no HTML, no line breaks. */
const cell = (text) => String(text).replace(/[|<>`]/g, (character) => `\\${character}`).replace(/\s+/g, ' ');

const lines = [
  '# OIDC token validation audit',
  '',
  `${plural(totals.repositories, 'repository', 'repositories')}: ${totals.toMigrate} to migrate, ${totals.clean} clean, ${totals.notAudited} not audited. ${plural(totals.sites, 'site')} to migrate, ${plural(totals.forReview, 'point')} for review, ${plural(totals.skippedFiles, 'file')} skipped.`,
  '',
];
if (Object.keys(byFinding).length > 0) {
  lines.push('| Finding | Sites |', '| :-- | --: |');
  for (const [transform, sites] of Object.entries(byFinding).sort()) lines.push(`| ${cell(FINDINGS[transform] ?? transform)} | ${sites} |`);
  lines.push('');
}
lines.push('| Repository | Status | Sites | For review | Skipped files |', '| :-- | :-- | --: | --: | --: |');
for (const audit of audits) lines.push(`| ${cell(audit.repository)} | ${cell(audit.error ? `${audit.status}: ${audit.error}` : audit.status)} | ${audit.sites.length} | ${audit.review.length} | ${audit.skipped.length} |`);
const withSites = audits.filter((audit) => audit.sites.length > 0 || audit.skipped.length > 0);
if (withSites.length > 0) {
  lines.push('', '## Sites');
  for (const audit of withSites) {
    lines.push('', `### ${cell(audit.repository)}`, '');
    for (const site of audit.sites) lines.push(`- ${cell(`${site.path}:${site.line}`)}: ${cell(FINDINGS[site.transform] ?? site.transform)}`);
    for (const item of audit.skipped) lines.push(`- ${cell(`${item.path}${item.line ? `:${item.line}` : ''}`)}: not audited (${cell(item.reason)})`);
  }
}
const markdown = `${lines.join('\n')}\n`;

if (outputs.markdown) writeFileSync(outputs.markdown, markdown);
else process.stdout.write(markdown);
if (outputs.json) writeFileSync(outputs.json, `${JSON.stringify({ totals, repositories: audits }, null, 2)}\n`);

process.exit(totals.notAudited > 0 ? 2 : totals.toMigrate > 0 ? 1 : 0);
