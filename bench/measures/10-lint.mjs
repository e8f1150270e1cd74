// 1. Lint overhead: the whole corpus with @typescript-eslint/parser and no rules, against the same with
// eslint-plugin-oidc's `configs.all`, and with eslint-plugin-jwt-security's full rule set; per-rule times.
import { measureOverhead, profilesMarkdown, ruleTable } from '../lib/overhead.mjs';
import { int, ms, pct } from '../lib/stats.mjs';

const CONFIGS = ['parser-only', 'empty-rule', 'oidc', 'jwt-security'];

export default {
  name: 'lint',
  title: 'Lint overhead',
  async run(ctx) {
    const { corpus, smoke } = ctx;
    const runs = ctx.options.lintRuns ?? (smoke ? 1 : 5);
    ctx.log(`lint: ${corpus.files.length} files, ${CONFIGS.length} configurations × ${runs} run(s), each in a fresh process`);
    const o = await measureOverhead(ctx, { label: 'lint', files: corpus.files, configs: CONFIGS, runs, profile: true });

    // Which files the findings are in: the third-party corpus or this repository's own inputs.
    const groupOf = new Map();
    for (const g of corpus.groups) for (const f of g.files) groupOf.set(f, g);
    const findings = {};
    for (const config of ['oidc', 'jwt-security']) {
      for (const [file, rule] of o.byConfig[config][0].findings) {
        const group = groupOf.get(file);
        findings[rule] ??= { thirdParty: 0, own: 0, packages: new Set() };
        if (group?.version === '(this repo)') findings[rule].own++;
        else {
          findings[rule].thirdParty++;
          findings[rule].packages.add(group?.label ?? '?');
        }
      }
    }
    const findingCells = (ruleOrPrefix) => {
      const matching = Object.entries(findings).filter(([r]) => (ruleOrPrefix.endsWith('/') ? r.startsWith(ruleOrPrefix) : r === ruleOrPrefix));
      return [int(matching.reduce((s, [, f]) => s + f.thirdParty, 0)), int(matching.reduce((s, [, f]) => s + f.own, 0))];
    };
    const thirdParty = Object.entries(findings)
      .filter(([, f]) => f.thirdParty > 0)
      .map(([rule, f]) => `\`${rule}\` in ${[...f.packages].join(', ')}`);

    let md = `${int(corpus.files.length)} files, ${int(corpus.lines)} lines (the corpus above), linted by the ESLint Node API `;
    md += '(`new ESLint({ cwd, overrideConfigFile: true, overrideConfig })`, no cache), each configuration in a fresh `node` process, ';
    md += `${runs} round${runs > 1 ? 's' : ''}: a round runs every configuration once, in an order rotated from round to round. `;
    md += 'Inline `eslint` comments of the corpus are off (`noInlineConfig`), so every rule sees every file.\n\n';
    md += '- **CPU**: user + system time of the child process, all threads (garbage-collector helpers included): the work the run does, and the figure least moved by other load on a shared 2-core machine. **Wall**: spawn to exit, what a user waits for.\n';
    md += '- **vs** columns are *paired*: the median over rounds of (configuration ÷ baseline in the same round), so that both sides of each ratio ran under the same conditions. Times are medians over the rounds.\n';
    md += '- **Control**: one rule that returns no listeners. It separates what ESLint costs as soon as any rule is enabled from what a plugin\'s rules do.\n';
    md += '- **GC pauses / GCs**: main-thread garbage-collection pauses (`PerformanceObserver` "gc") and their number; **peak RSS**: `process.resourceUsage().maxRSS`.\n\n';
    md += o.markdown;

    md += '\n### Per-rule time\n\n';
    md += smoke
      ? 'From the same runs, made with `stats: true` (ESLint\'s `result.stats.times`, the Node API form of `TIMING=all`), summed over all files. '
      : 'One more run of each plugin with `stats: true` (ESLint\'s `result.stats.times`, the Node API form of `TIMING=all`; not in the timed runs, since it adds its own overhead), summed over all files. ';
    md += 'Findings: reports on the third-party packages vs. on this repository\'s own examples/ and test/corpus/ (which are written to contain the mistakes).\n\n';
    md += ruleTable(o.statsRuns, findingCells);
    md += `\n\nParsing took ${ms(o.statsRuns.oidc.stats.parseMs)} of the oidc run (${((o.statsRuns.oidc.stats.parseMs / o.statsRuns.oidc.lintMs) * 100).toFixed(0)} % of \`lintFiles()\`). `;
    md += thirdParty.length ? `Third-party findings: ${thirdParty.join('; ')}.\n` : 'Neither plugin reported anything in the third-party packages.\n';
    if (o.profiles) md += `\n### Profile\n\n${profilesMarkdown(o.profiles)}`;

    return {
      markdown: md,
      summary: [
        {
          what: 'Lint overhead of `configs.all`, whole run (CPU, paired)',
          ours: `${pct(o.cpu.oidc.pairedRatio)} vs no rules, ${pct(o.cpuCtl.oidc.pairedRatio)} vs one empty rule; rules' own time ${(o.share.oidc * 100).toFixed(2)} %`,
          baseline: `jwt-security: ${pct(o.cpu['jwt-security'].pairedRatio)} / ${pct(o.cpuCtl['jwt-security'].pairedRatio)}; ${(o.share['jwt-security'] * 100).toFixed(2)} %. Any rule: ${pct(o.cpu['empty-rule'].pairedRatio)}`,
          target: '≤ +5 %',
          verdict: o.verdict,
        },
        ...(o.parseShare === undefined
          ? []
          : [
              {
                what: "Rules' time against ESLint's parse time, values followed across modules",
                ours: `${(o.parseShare * 100).toFixed(2)} %; ${o.moduleFacts?.beyondLinted ?? 0} module(s) read beyond the linted files`,
                baseline: '—',
                target: '≤ 2 %',
                verdict: o.parseShare <= 0.02 ? 'holds' : 'MISSED',
              },
            ]),
      ],
      data: { cpu: o.cpu, cpuCtl: o.cpuCtl, wall: o.wall, gc: o.gc, share: o.share, parseShare: o.parseShare, moduleFacts: o.moduleFacts, runs },
    };
  },
};
