#!/usr/bin/env node
// Benchmarks of eslint-plugin-oidc beside its baselines, all measured in one run.
//
//   npm run bench                 full run: installs the pinned corpus (bench/corpus.json) into bench/.scratch
//                                 unless it is already there, measures, writes docs/benchmarks.md (~10-15 min)
//   npm run bench -- --smoke      CI smoke: the repository's own examples/ and test/corpus/ only, one run of
//                                 each, nothing installed, no network beyond 127.0.0.1, prints the report to
//                                 stdout and leaves docs/benchmarks.md alone (< 60 s)
//
// Options: --only=lint,oxlint,load,type-aware,runtime,codemod   --lint-runs=N --type-aware-runs=N --runtime-runs=N
//          --load-runs=N --oxlint-runs=N --codemod-runs=N   --stdout (full run, print instead of writing docs/benchmarks.md)
//          --codemod-files=N --codemod-large-files=N: the sizes of the codemod's writing runs (default 2,000 and
//          20,000; smoke 60 and 2,000). With --smoke they measure the real sizes without the corpus download:
//            npm run bench -- --smoke --only=codemod --codemod-files=2000 --codemod-large-files=20000
//
// Each measurement is a module in bench/measures/ (run in file-name order) exporting
// `{ name, title, run(ctx) }`; run() returns `{ markdown, summary: [{ what, ours, baseline, target, verdict }] }`.
// Add a measurement by adding a module; see bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { collectCorpus, ensureCorpusInstalled, loadCorpusSpec, scratchDir } from './lib/corpus.mjs';
import { machineInfo } from './lib/machine.mjs';
import { packedPluginEntry } from './lib/packed-plugin.mjs';
import { runChild } from './lib/proc.mjs';
import { int, table } from './lib/stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const numeric = (name) => (value(name) === undefined ? undefined : Math.max(1, Number.parseInt(value(name), 10)));

const smoke = flag('smoke');
const only = value('only')?.split(',');
const options = {
  lintRuns: numeric('lint-runs'),
  typeAwareRuns: numeric('type-aware-runs'),
  runtimeRuns: numeric('runtime-runs'),
  loadRuns: numeric('load-runs'),
  oxlintRuns: numeric('oxlint-runs'),
  codemodRuns: numeric('codemod-runs'),
  codemodFiles: numeric('codemod-files'),
  codemodLargeFiles: numeric('codemod-large-files'),
};
const started = performance.now();
const log = (message) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const failures = [];

// The runtime and the codemod CLI are measured from the build; the plugin as published: its tarball,
// unpacked alone (bench/lib/packed-plugin.mjs).
if (!existsSync(join(root, 'dist', 'runtime', 'index.js')) || !existsSync(join(root, 'dist', 'cli', 'oidc-codemod.js'))) {
  log('dist/ is missing: npm run build');
  const build = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
}

const machine = machineInfo(root);
const loadAtStart = os.loadavg();
const spec = loadCorpusSpec(root);
let install;
if (!smoke) install = ensureCorpusInstalled(root, spec, log);
const corpus = collectCorpus(root, spec, { smoke });
log(`corpus: ${corpus.files.length} files, ${corpus.lines} lines in ${corpus.groups.length} groups${smoke ? ' (smoke: this repository\'s own inputs only)' : ''}`);

const scratch = scratchDir(root);
if (!smoke) mkdirSync(scratch, { recursive: true });
const tmp = mkdtempSync(join(os.tmpdir(), 'oidc-bench-'));
const pluginEntry = packedPluginEntry(root, tmp, log);
let jobCount = 0;
const ctx = {
  root,
  scratch,
  tmp,
  smoke,
  options,
  spec,
  corpus,
  pluginEntry,
  log,
  runChild,
  /** What earlier measurements returned as `data`, by measure name. */
  results: {},
  fail: (message) => failures.push(message),
  loadAverage: () => os.loadavg()[0],
  /** Writes a child's job to a JSON file and returns its path. */
  writeJob(name, job) {
    const path = join(tmp, `${String(++jobCount).padStart(3, '0')}-${name.replace(/[^\w.-]+/g, '_')}.json`);
    writeFileSync(path, JSON.stringify(job));
    return path;
  },
};

const measuresDir = join(root, 'bench', 'measures');
const measures = [];
for (const file of readdirSync(measuresDir).filter((f) => f.endsWith('.mjs')).sort()) {
  const measure = (await import(pathToFileURL(join(measuresDir, file)).href)).default;
  if (!measure?.name || typeof measure.run !== 'function') throw new Error(`bench/measures/${file} does not export { name, title, run }`);
  if (only && !only.includes(measure.name)) continue;
  measures.push(measure);
}

const sections = [];
try {
  for (const measure of measures) {
    const t0 = performance.now();
    log(`== ${measure.title}`);
    const result = await measure.run(ctx);
    const seconds = (performance.now() - t0) / 1000;
    sections.push({ measure, result, seconds });
    ctx.results[measure.name] = result.data;
    log(`== ${measure.title}: done in ${seconds.toFixed(0)} s`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const totalSeconds = (performance.now() - started) / 1000;
const markdown = render();
if (smoke || flag('stdout')) {
  process.stdout.write(markdown);
} else {
  writeFileSync(join(root, 'docs', 'benchmarks.md'), markdown);
  log('wrote docs/benchmarks.md');
  process.stdout.write(`${summaryTable()}\n`);
}
log(`finished in ${totalSeconds.toFixed(0)} s`);
if (failures.length) {
  for (const f of failures) process.stderr.write(`bench: FAILED: ${f}\n`);
  process.exitCode = 1;
}

function summaryTable() {
  // A smoke run's tiny input says nothing about the targets: show its figures, judge nothing (but a row
  // measured at the target's own size, `fullSize`, as --codemod-files asks for).
  const rows = sections
    .flatMap(({ result }) => result.summary ?? [])
    .map((s) => [s.what, s.ours, s.baseline, s.target, smoke && !s.fullSize ? `(${s.verdict}; smoke input, not judged)` : `**${s.verdict}**`]);
  return table(['Measurement', 'eslint-plugin-oidc', 'Baseline (same run)', 'Target', 'Result'], rows);
}

function render() {
  const loadAtEnd = os.loadavg();
  let md = '# Benchmarks\n\n';
  md += smoke
    ? '> **Smoke run** (`npm run bench -- --smoke`): tiny input, one run of each; the numbers only show that every measurement works. The real figures are in docs/benchmarks.md, written by `npm run bench`.\n\n'
    : '> Written by `npm run bench` (bench/run.mjs); do not edit by hand. Every figure below was measured in the same run, beside its baseline.\n\n';
  md += table(
    ['Machine', ''],
    [
      ['Date', machine.date],
      ['CPU', machine.cpu],
      ['Memory', machine.memory],
      ['OS', machine.os],
      ['Node.js', machine.node],
      ['ESLint', machine.eslint],
      ['@typescript-eslint/parser', machine.parser],
      ['TypeScript', machine.typescript],
      ['Plugin', machine.plugin],
      ['Baselines', Object.entries(machine.baselines).map(([n, v]) => `${n} ${v}`).join(', ')],
      ['Load average (1 min) at start / end', `${loadAtStart[0].toFixed(2)} / ${loadAtEnd[0].toFixed(2)} (other processes share these cores: see "CPU" columns)`],
      ['Whole run', `${Math.round(totalSeconds)} s${install?.installed ? ' (corpus installed in this run)' : ''}`],
    ],
  );
  md += '\n\n## Summary\n\n';
  md += summaryTable();
  md += '\n\n## Corpus\n\n';
  if (!smoke) {
    md += 'Real code nobody in this project wrote: exact versions of npm packages that ship their sources (pinned in `bench/corpus.json`, installed with ';
    md += '`npm install --prefix bench/.scratch --no-save --ignore-scripts`, skipped when already present at the same pins), plus this repository\'s examples/ and test/corpus/. ';
    md += 'Only source files are linted: `.d.ts` files, `*.min.js` and minified files (average line over 250 characters) are left out.\n\n';
  }
  const rows = corpus.groups.map((g) => [
    `\`${g.label}\``,
    g.version,
    g.kind ?? '',
    int(g.files.length),
    int(g.lines),
    Object.entries(g.byExt)
      .sort((a, b) => b[1] - a[1])
      .map(([e, n]) => `${e} ${n}`)
      .join(', '),
    g.left.declarations || g.left.minified ? `${g.left.declarations} .d.ts, ${g.left.minified} minified` : '—',
  ]);
  rows.push(['**Total**', '', '', `**${int(corpus.files.length)}**`, `**${int(corpus.lines)}**`, '', '']);
  md += table(['Package', 'Version', 'What', 'Files', 'Lines', 'By extension', 'Left out'], rows, ['l', 'l', 'l', 'r', 'r', 'l', 'l']);
  md += '\n';
  for (const { measure, result, seconds } of sections) {
    md += `\n## ${measure.title}\n\n${result.markdown.trimEnd()}\n`;
    if (seconds >= 1) md += `\n<sub>Measured in ${Math.round(seconds)} s.</sub>\n`;
  }
  md += '\n## Method\n\n';
  md += '- Run it: `npm run bench` (full, writes this file), `npm run bench -- --smoke` (CI: tiny input, prints instead of writing). `--only=lint,load,type-aware,runtime` runs some measurements; `--lint-runs=N` and the like change the number of runs.\n';
  md += '- Every timed unit runs in a fresh `node` process, so no run profits from another\'s caches or JIT; configurations alternate in rotating order, and each figure is the median of the runs stated in its section.\n';
  md += "- The plugin is measured as published: its tarball from `npm run pack` (packed again when older than `src/` or `rules/`), unpacked alone outside the repository; the runtime and the CLI from the build (`dist/runtime/index.js`, `dist/cli/oidc-codemod.js`).\n";
  md += '- Network: only 127.0.0.1 (the bench\'s own issuer); the npm registry only for the corpus install of a full run.\n';
  md += '- Adding a measurement: a module in `bench/measures/` exporting `{ name, title, run(ctx) }` (see bench/README.md).\n';
  return md;
}
