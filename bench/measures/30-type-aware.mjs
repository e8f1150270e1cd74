// 3. Type-aware mode: parserOptions.project over one TypeScript program, parser only vs the plugin's configs.all.
import { join } from 'node:path';
import { measureOverhead, profilesMarkdown, ruleTable } from '../lib/overhead.mjs';
import { int, ms, pct } from '../lib/stats.mjs';
import { writeTsconfig } from '../lib/tsconfig.mjs';

const CONFIGS = ['parser-only', 'empty-rule', 'oidc'];

export default {
  name: 'type-aware',
  title: 'Type-aware mode',
  async run(ctx) {
    const { corpus, smoke, spec } = ctx;
    const wanted = smoke ? ['examples/'] : spec.typeAware.packages;
    const groups = corpus.groups.filter((g) => wanted.includes(g.label));
    const files = groups.flatMap((g) => g.files);
    const lines = groups.reduce((s, g) => s + g.lines, 0);
    const project = writeTsconfig(join(smoke ? ctx.tmp : ctx.scratch, 'tsconfig.type-aware.json'), files);
    const runs = ctx.options.typeAwareRuns ?? (smoke ? 1 : 5);
    ctx.log(`type-aware: ${groups.map((g) => g.label).join(', ')}: ${files.length} files, ${CONFIGS.length} configurations × ${runs} run(s)`);
    const o = await measureOverhead(ctx, { label: 'type-aware', files, configs: CONFIGS, runs, typeAware: { project, tsconfigRootDir: ctx.root }, profile: false });

    let md;
    if (smoke) {
      md = 'Smoke run: the repository\'s examples/ as one program.\n\n';
    } else {
      md = `${groups.map((g) => `\`${g.label}@${g.version}\``).join(', ')} (${int(files.length)} files, ${int(lines)} lines): \`parserOptions.project\` pointing at a tsconfig the bench writes for exactly these files (strict, \`moduleResolution: bundler\`). `;
      md += 'zod has no runtime dependencies, so its program is complete: every import resolves and every type is real. ';
      // How long the whole corpus would take as one program, at the rate measured here.
      const perLine = o.wall['parser-only'].median / lines;
      const plain = ctx.results.lint?.wall?.['parser-only']?.median;
      const wholeRun = perLine * corpus.lines;
      const needed = runs * CONFIGS.length + 1;
      md += 'The whole corpus as one program does not fit this benchmark\'s budget (a full run should stay under 15 minutes on 2 cores, and the plain lint runs above take most of it): ';
      md += `at the rate measured here (${ms(perLine * 10_000)} per 10,000 lines, parser only), one type-aware run over all ${int(corpus.lines)} lines would take about ${ms(wholeRun)}${plain ? ` (a plain one takes ${ms(plain)})` : ''}, `;
      md += `and the ${needed} runs needed here about ${ms(wholeRun * needed)}. zod is the largest TypeScript package of the corpus. ${runs} rounds, as above.\n\n`;
    }
    md += o.markdown;
    md += '\nWith type information the rules ask the type checker for the literal type of values they cannot resolve within the file ';
    md += '(src/analysis/eslint.ts, `typeOracleOf()` and its `literalValueOf`, called from src/analysis/values.ts `fromTypes`): each call makes the checker compute the type of that expression and of what it refers to, ';
    md += 'declarations in other files included, which a run without type-aware rules never computes, and keeps it for the rest of the run. ';
    const [base, control, oidc] = ['parser-only', 'empty-rule', 'oidc'].map((c) => o.rss[c].median);
    md += `Peak memory: ${int(base)} MB with parser only, ${int(control)} MB with the control rule, ${int(oidc)} MB with the plugin`;
    md += Math.abs(oidc - control) / control < 0.05
      ? ': the plugin\'s type queries add no memory that shows beside the control.\n\n'
      : ` (${oidc >= control ? '+' : '−'}${int(Math.abs(oidc - control))} MB against the control).\n\n`;
    md += ruleTable(o.statsRuns);
    md += '\n';
    if (o.profiles) md += `\n### Profile (type-aware)\n\n${profilesMarkdown(o.profiles)}`;
    return {
      markdown: md,
      summary: [
        {
          what: `Type-aware lint (${smoke ? 'repo inputs' : groups.map((g) => g.label).join(', ')}) overhead of \`configs.all\` (CPU, paired)`,
          ours: `${pct(o.cpu.oidc.pairedRatio)} vs no rules, ${pct(o.cpuCtl.oidc.pairedRatio)} vs one empty rule; rules' own time ${(o.share.oidc * 100).toFixed(2)} %`,
          baseline: `any rule: ${pct(o.cpu['empty-rule'].pairedRatio)}`,
          target: '≤ +5 %',
          verdict: o.verdict,
        },
      ],
      data: { cpu: o.cpu, cpuCtl: o.cpuCtl, wall: o.wall, rss: o.rss, share: o.share },
    };
  },
};
