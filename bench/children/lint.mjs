// One lint of the corpus in a fresh process: `node bench/children/lint.mjs <job.json>`.
// job: { cwd, files: string[], config: 'parser-only' | 'empty-rule' | 'oidc' | 'jwt-security', stats?: boolean,
//        typeAware?: { project: string, tsconfigRootDir: string } }
import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { report } from '../lib/proc.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const started = performance.now(); // ms since this process started, so it includes Node's own start-up

// Garbage collection: main-thread pauses, by kind (what extra allocation would cost).
const gc = { count: 0, pauseMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.pauseMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

const { ESLint } = await import('eslint');
const parser = (await import('@typescript-eslint/parser')).default;

const pluginConfigs = [];
if (job.config === 'oidc') {
  const oidc = (await import(pathToFileURL(job.pluginEntry).href)).default;
  pluginConfigs.push(oidc.configs.all);
} else if (job.config === 'jwt-security') {
  const jwt = (await import('eslint-plugin-jwt-security')).default;
  pluginConfigs.push(jwt.configs.all);
} else if (job.config === 'empty-rule') {
  // A control: one rule that listens to nothing, to separate "any rule at all" from what a plugin's rules do.
  pluginConfigs.push({ plugins: { control: { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) } } } }, rules: { 'control/noop': 'error' } });
} else if (job.config !== 'parser-only') {
  throw new Error(`unknown config ${job.config}`);
}
const imported = performance.now();

const parserOptions = { ecmaFeatures: { jsx: true } };
if (job.typeAware) {
  parserOptions.project = job.typeAware.project;
  parserOptions.tsconfigRootDir = job.typeAware.tsconfigRootDir;
}

const eslint = new ESLint({
  cwd: job.cwd,
  overrideConfigFile: true,
  cache: false,
  stats: Boolean(job.stats),
  overrideConfig: [
    // The corpus lives in bench/.scratch/node_modules, which ESLint ignores by default.
    { ignores: ['!**/node_modules/'] },
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: { parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions },
      // The corpus's own eslint-disable / eslint comments name rules of other plugins: not ours to judge.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    },
    ...pluginConfigs,
  ],
});

const lintStart = performance.now();
const cpuStart = process.cpuUsage();
const results = await eslint.lintFiles(job.files);
const lintCpu = process.cpuUsage(cpuStart);
const lintEnd = performance.now();
const processCpu = process.cpuUsage();

let fatal = 0;
const fatalSamples = [];
const messagesByRule = {};
const findings = [];
const ruleTimes = {};
let parseMs = 0;
let rulesMs = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) {
      fatal++;
      if (fatalSamples.length < 5) fatalSamples.push(`${result.filePath}: ${message.message}`);
    } else {
      const id = message.ruleId ?? '(no rule)';
      messagesByRule[id] = (messagesByRule[id] ?? 0) + 1;
      if (message.ruleId && findings.length < 20_000) findings.push([result.filePath, message.ruleId]);
    }
  }
  for (const pass of result.stats?.times?.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [rule, { total }] of Object.entries(pass.rules ?? {})) {
      ruleTimes[rule] = (ruleTimes[rule] ?? 0) + total;
      rulesMs += total;
    }
  }
}

// Modules the plugin read beyond the linted files (values followed across modules, untyped).
const moduleStats = globalThis[Symbol.for('eslint-plugin-oidc.module-facts.stats')];
const linted = new Set(results.map((result) => result.filePath));
const moduleFacts = moduleStats
  ? { modulesRead: moduleStats.modulesRead, cacheHits: moduleStats.cacheHits, failures: moduleStats.failures, beyondLinted: [...moduleStats.pathsRead].filter((path) => !linted.has(path)).length }
  : undefined;

report({
  config: job.config,
  moduleFacts,
  files: results.length,
  fatal,
  fatalSamples,
  messagesByRule,
  findings,
  startupMs: started,
  importMs: imported - started,
  lintMs: lintEnd - lintStart,
  // CPU time (user + system, all threads of this process): less sensitive than wall time to other work on the machine.
  lintCpuMs: (lintCpu.user + lintCpu.system) / 1000,
  processCpuMs: (processCpu.user + processCpu.system) / 1000,
  totalMs: lintEnd,
  stats: job.stats ? { parseMs, rulesMs, ruleTimes } : undefined,
  gcPauseMs: gc.pauseMs,
  gcCount: gc.count,
  rssMb: process.resourceUsage().maxRSS / 1024,
});
