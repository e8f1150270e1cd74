// Lints the same files under several configurations, each run in a fresh process, in rotating order.
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleSourceAnnotator, summarizeProfile } from './profile.mjs';
import { median, rotations } from './stats.mjs';

const LINT_CHILD = new URL('../children/lint.mjs', import.meta.url).pathname;

/**
 * Returns { [config]: [{ wallMs, lintMs, lintCpuMs, processCpuMs, ... }] }, one entry per run.
 * With `stats`, every run also collects ESLint's per-rule times (which adds its own overhead).
 */
export async function lintRuns(ctx, { label, files, configs, runs, typeAware, stats = false, execArgv = [] }) {
  const jobs = {};
  for (const config of configs) {
    jobs[config] = ctx.writeJob(`lint-${label}-${config}${stats ? '-stats' : ''}`, {
      cwd: ctx.root,
      files,
      config,
      pluginEntry: ctx.pluginEntry,
      typeAware,
      stats,
    });
  }
  const byConfig = Object.fromEntries(configs.map((c) => [c, []]));
  const order = rotations(configs, runs);
  for (let run = 0; run < runs; run++) {
    for (const config of order[run]) {
      const loadBefore = ctx.loadAverage();
      const { result, wallMs } = await ctx.runChild(LINT_CHILD, [jobs[config]], { execArgv });
      if (result.fatal > 0) {
        throw new Error(`${config}: ${result.fatal} file(s) could not be parsed, e.g.\n${result.fatalSamples.join('\n')}`);
      }
      byConfig[config].push({ ...result, wallMs, loadBefore, run });
      ctx.log(
        `  ${label} run ${run + 1}/${runs} ${config.padEnd(12)} wall ${(wallMs / 1000).toFixed(1)} s, lint ${(result.lintMs / 1000).toFixed(1)} s, cpu ${(result.processCpuMs / 1000).toFixed(1)} s, gc ${(result.gcPauseMs / 1000).toFixed(1)} s × ${result.gcCount} (load ${loadBefore.toFixed(1)})`,
      );
    }
  }
  return byConfig;
}

export const profileDir = (ctx) => join(ctx.scratch, 'profiles');

/**
 * Per configuration: the median of a metric over the runs, the ratio of that median to parser-only's, and
 * the median of the per-round ratios (each round runs every configuration back to back, so a round's
 * configurations share the machine's conditions: the paired figure is the one least moved by other load).
 */
export function compareRuns(byConfig, metric, base = 'parser-only') {
  const baseValues = byConfig[base].map((r) => r[metric]);
  const baseMedian = median(baseValues);
  const out = {};
  for (const [config, runs] of Object.entries(byConfig)) {
    const values = runs.map((r) => r[metric]);
    const paired = runs.map((r, i) => r[metric] / baseValues[i]);
    out[config] = { median: median(values), values, ratio: median(values) / baseMedian, paired, pairedRatio: median(paired) };
  }
  return out;
}

/** One more run of `config` under `node --cpu-prof`, summarized with the plugin bundle as the code under study. */
export async function profileRun(ctx, { label, files, config, typeAware, dirName }) {
  const dir = join(profileDir(ctx), dirName);
  rmSync(dir, { recursive: true, force: true });
  await lintRuns(ctx, { label: `${label} (profiled)`, files, configs: [config], runs: 1, typeAware, execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const pluginUrl = pathToFileURL(ctx.pluginEntry).href;
  const annotate = bundleSourceAnnotator(ctx.pluginEntry, 'dist/index.js');
  return { file: relative(ctx.root, join(dir, file)), annotate, ...summarizeProfile(join(dir, file), (url) => url === pluginUrl) };
}
