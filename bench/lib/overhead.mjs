// What a plugin's rules add to a lint run: shared by the plain and the type-aware lint measurements.
import { compareRuns, lintRuns, profileRun } from './lint-runs.mjs';
import { diffProfiles } from './profile.mjs';
import { int, ms, pct, spread, table } from './stats.mjs';

export const TARGET = 1.05;

export const describeConfig = {
  'parser-only': '@typescript-eslint/parser, no rules',
  'empty-rule': 'parser + one rule that listens to nothing (control)',
  oidc: 'parser + `eslint-plugin-oidc` `configs.all` (3 rules)',
  'jwt-security': 'parser + `eslint-plugin-jwt-security` `configs.all` (13 rules)',
};

const rounds = (c) => c.paired.map((r) => pct(r)).join(', ');

/**
 * Runs `configs` (parser-only and empty-rule first) `runs` rounds, one more stats run of each plugin, and in a
 * full run `node --cpu-prof` of parser-only and oidc. Returns the figures and the Markdown that shows them.
 */
export async function measureOverhead(ctx, { label, files, typeAware, configs, runs, profile }) {
  const { smoke } = ctx;
  const plugins = configs.filter((c) => c === 'oidc' || c === 'jwt-security');
  // The smoke run collects per-rule stats in its only run; a full run times without stats (they add their
  // own overhead), then runs each plugin once more with them.
  const byConfig = await lintRuns(ctx, { label, files, configs, runs, typeAware, stats: smoke });
  const statsRuns = smoke
    ? Object.fromEntries(plugins.map((c) => [c, byConfig[c][0]]))
    : Object.fromEntries(Object.entries(await lintRuns(ctx, { label: `${label} (stats)`, files, configs: plugins, runs: 1, typeAware, stats: true })).map(([c, r]) => [c, r[0]]));

  const cpu = compareRuns(byConfig, 'processCpuMs');
  const cpuCtl = compareRuns(byConfig, 'processCpuMs', 'empty-rule');
  const wall = compareRuns(byConfig, 'wallMs');
  const wallCtl = compareRuns(byConfig, 'wallMs', 'empty-rule');
  const gc = compareRuns(byConfig, 'gcPauseMs');
  const gcCount = compareRuns(byConfig, 'gcCount');
  const rss = compareRuns(byConfig, 'rssMb');
  const share = Object.fromEntries(plugins.map((c) => [c, statsRuns[c].stats.rulesMs / statsRuns[c].lintMs]));

  const missedVsNone = cpu.oidc.pairedRatio > TARGET;
  const missedVsControl = cpuCtl.oidc.pairedRatio > TARGET;
  const verdict = !missedVsNone
    ? 'holds'
    : missedVsControl
      ? 'MISSED'
      : `MISSED against no rules (${pct(cpu.oidc.pairedRatio)}); holds against one empty rule (${pct(cpuCtl.oidc.pairedRatio)})`;

  let profiles;
  if (!smoke && (profile || missedVsNone)) {
    const base = await profileRun(ctx, { label, files, config: 'parser-only', typeAware, dirName: `${label}-parser-only` });
    const oidc = await profileRun(ctx, { label, files, config: 'oidc', typeAware, dirName: `${label}-oidc` });
    profiles = { base, oidc, diff: diffProfiles(base, oidc) };
  }

  const rows = configs.map((c) => [
    describeConfig[c],
    ms(cpu[c].median),
    c === 'parser-only' ? '—' : pct(cpu[c].pairedRatio),
    c === 'parser-only' || c === 'empty-rule' ? '—' : pct(cpuCtl[c].pairedRatio),
    ms(wall[c].median),
    c === 'parser-only' ? '—' : pct(wall[c].pairedRatio),
    spread(wall[c].values),
    `${ms(gc[c].median)} / ${int(gcCount[c].median)}`,
    `${int(rss[c].median)} MB`,
  ]);
  let md = table(
    ['Configuration', 'CPU', 'CPU vs parser only', 'CPU vs control', 'Wall', 'Wall vs parser only', 'Wall, min–max', 'GC pauses / GCs', 'peak RSS'],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  md += `\n\nTarget: \`configs.all\` adds at most 5 % to the whole run, judged on CPU. **${verdict}**.\n\n`;
  md += `- Against parser only, as the target is set: ${pct(cpu.oidc.pairedRatio)} CPU (rounds: ${rounds(cpu.oidc)}), ${pct(wall.oidc.pairedRatio)} wall (rounds: ${rounds(wall.oidc)}).\n`;
  md += `- Enabling any rule at all costs ESLint ${pct(cpu['empty-rule'].pairedRatio)} CPU (rounds: ${rounds(cpu['empty-rule'])}): the control rule has no listeners and does nothing, `;
  md += `yet its runs pause ${pct(gc['empty-rule'].pairedRatio)} longer for garbage collection. Against that control the plugin adds ${pct(cpuCtl.oidc.pairedRatio)} CPU (rounds: ${rounds(cpuCtl.oidc)}), ${pct(wallCtl.oidc.pairedRatio)} wall.\n`;
  md += `- The plugin's own work: ESLint's per-rule timing puts its rules at ${(share.oidc * 100).toFixed(2)} % of \`lintFiles()\``;
  md += profiles ? `, and the profile finds its code on the stack in ${((profiles.oidc.targetInclusiveMs / profiles.oidc.totalMs) * 100).toFixed(2)} % of the samples.\n` : '.\n';
  const oidcStats = statsRuns.oidc;
  if (oidcStats?.stats?.parseMs) {
    const parseShare = oidcStats.stats.rulesMs / oidcStats.stats.parseMs;
    const facts = oidcStats.moduleFacts;
    md += `- Against ESLint's parse time: the rules take ${(parseShare * 100).toFixed(2)} % of it (${oidcStats.stats.rulesMs.toFixed(0)} ms of rules, ${oidcStats.stats.parseMs.toFixed(0)} ms of parsing; target ≤ 2 %, with values followed across modules). `;
    md += facts
      ? `Following values into other modules read ${int(facts.beyondLinted)} module(s) beyond the ${int(oidcStats.files)} linted files (${int(facts.modulesRead)} reads in all, ${int(facts.cacheHits)} answers from the cache, ${int(facts.failures)} unreadable).\n`
      : 'The plugin read no module beyond the linted files.\n';
  }
  if (share['jwt-security'] !== undefined) {
    md += `- eslint-plugin-jwt-security: ${pct(cpu['jwt-security'].pairedRatio)} CPU against parser only, ${pct(cpuCtl['jwt-security'].pairedRatio)} against the control; its rules take ${(share['jwt-security'] * 100).toFixed(2)} % of \`lintFiles()\`.\n`;
  }
  if (runs > 1) md += `- Run-to-run spread: parser only alone ranges ${spread(cpu['parser-only'].values)} CPU over its ${runs} runs.\n`;

  const parseShare = statsRuns.oidc?.stats?.parseMs ? statsRuns.oidc.stats.rulesMs / statsRuns.oidc.stats.parseMs : undefined;
  return { byConfig, statsRuns, cpu, cpuCtl, wall, wallCtl, gc, gcCount, rss, share, parseShare, moduleFacts: statsRuns.oidc?.moduleFacts, verdict, profiles, markdown: md };
}

/** The per-rule table of one or more stats runs. */
export function ruleTable(statsRuns, findings) {
  const rows = [];
  for (const [config, run] of Object.entries(statsRuns)) {
    for (const [rule, total] of Object.entries(run.stats.ruleTimes).sort((a, b) => b[1] - a[1])) {
      rows.push([`\`${rule}\``, total.toFixed(0), ((total / run.files) * 1000).toFixed(0), `${((total / run.lintMs) * 100).toFixed(2)} %`, ...(findings ? findings(rule) : [])]);
    }
    rows.push([`**${config} total**`, run.stats.rulesMs.toFixed(0), ((run.stats.rulesMs / run.files) * 1000).toFixed(0), `**${((run.stats.rulesMs / run.lintMs) * 100).toFixed(2)} %**`, ...(findings ? findings(`${config}/`) : [])]);
  }
  const header = ['Rule', 'ms', 'ms per 1,000 files', 'share of lintFiles()'];
  return table(findings ? [...header, 'findings, third-party', 'findings, this repo'] : header, rows, ['l', 'r', 'r', 'r', 'r', 'r']);
}

/** The profiles of a parser-only and an oidc run: where the difference goes, and the plugin's functions. */
export function profilesMarkdown({ base, oidc, diff }) {
  const annotate = oidc.annotate;
  let md = `\`node --cpu-prof\` of one more parser-only run (${base.file}) and one more oidc run (${oidc.file}): ${ms(base.totalMs)} and ${ms(oidc.totalMs)} sampled on the main thread `;
  md += `(garbage-collector helper threads are not sampled; their time is in the CPU column above). In the oidc run the plugin's code (dist/index.js) is on the stack for ${ms(oidc.targetInclusiveMs)} `;
  md += `(${((oidc.targetInclusiveMs / oidc.totalMs) * 100).toFixed(2)} %), callees included. Functions of the bundle are shown with the source file they come from.\n\n`;
  md += 'Largest differences in self time, oidc − parser only:\n\n';
  md += table(['Function', 'parser only, ms', 'oidc, ms', 'Δ ms'], diff.map((r) => [`\`${annotate(r.fn)}\``, r.aMs.toFixed(0), r.bMs.toFixed(0), `${r.deltaMs >= 0 ? '+' : ''}${r.deltaMs.toFixed(0)}`]), ['l', 'r', 'r', 'r']);
  const viaUtils = diff.filter((r) => r.fn.includes('@typescript-eslint/utils/') && r.deltaMs > 0);
  if (viaUtils.length) {
    md += `\n\n${viaUtils.map((r) => `\`${r.fn.split(' ')[0]}\``).join(', ')} ${viaUtils.length > 1 ? 'run' : 'runs'} inside the plugin's rules although the bundle is not on the stack: `;
    md += 'src/create-rule.ts builds every rule with `RuleCreator` from @typescript-eslint/utils, whose `create()` wrapper applies the default options (`applyDefault`, a `structuredClone` of them) for every rule and every file, before the rule\'s own `create()` can return early.';
  }
  md += '\n\nThe plugin\'s functions by inclusive time (oidc run):\n\n';
  md += table(['Function', 'self ms', 'inclusive ms'], oidc.topTargetInclusive.slice(0, 12).map((r) => [`\`${annotate(r.fn)}\``, r.selfMs.toFixed(0), r.inclusiveMs.toFixed(0)]), ['l', 'r', 'r']);
  return `${md}\n`;
}
