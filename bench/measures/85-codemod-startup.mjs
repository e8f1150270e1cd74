// 4b. Start-up of the oidc-codemod command: `--help` and `--version` beside `node -e 0`, interleaved in one
// run, each in a fresh process. The parsers, the analyses and ts-morph load only when a file needs them, so
// a command that only answers its flags must cost little more than starting Node itself.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, ms, rotations, spread, table } from '../lib/stats.mjs';

/** The budget over a bare Node start (docs/guides/bulk-migration.md, issue 16). */
const BUDGET_MS = 150;

export default {
  name: 'codemod-startup',
  title: 'oidc-codemod start-up',
  async run(ctx) {
    const cli = join(ctx.root, 'dist', 'cli', 'oidc-codemod.js');
    const commands = [
      { id: 'node', label: '`node -e 0` (baseline)', args: ['-e', '0'] },
      { id: 'help', label: '`oidc-codemod --help`', args: [cli, '--help'] },
      { id: 'version', label: '`oidc-codemod --version`', args: [cli, '--version'] },
    ];
    const runs = ctx.smoke ? 3 : 15;
    ctx.log(`codemod-startup: ${commands.length} commands × ${runs}, interleaved`);
    const timings = Object.fromEntries(commands.map((command) => [command.id, []]));
    for (const order of rotations(commands, runs)) {
      for (const command of order) {
        const started = performance.now();
        const result = spawnSync(process.execPath, command.args, { cwd: ctx.tmp, encoding: 'utf8' });
        const wall = performance.now() - started;
        if (result.status !== 0) ctx.fail(`${command.label} exited ${result.status}: ${result.stderr.slice(0, 300)}`);
        timings[command.id].push(wall);
      }
    }
    const baseline = median(timings.node);
    const over = (id) => median(timings[id]) - baseline;
    const rows = commands.map((command) => [command.label, ms(median(timings[command.id])), spread(timings[command.id]), command.id === 'node' ? '—' : `+${ms(over(command.id))}`]);
    const worst = Math.max(over('help'), over('version'));
    return {
      markdown: [
        `Wall time of each command in a fresh process, ${runs} runs each, interleaved, medians. Target: within ${BUDGET_MS} ms of \`node -e 0\`.`,
        '',
        table(['Command', 'Median', 'Range', 'Over node -e 0'], rows),
        '',
      ].join('\n'),
      data: { baselineMs: baseline, helpMs: median(timings.help), versionMs: median(timings.version) },
      summary: [
        {
          what: 'oidc-codemod --help / --version start-up',
          ours: `+${ms(over('help'))} / +${ms(over('version'))}`,
          baseline: `node -e 0: ${ms(baseline)}`,
          target: `within ${BUDGET_MS} ms of node -e 0`,
          verdict: worst <= BUDGET_MS ? `holds: +${ms(worst)}` : `MISSED: +${ms(worst)}`,
        },
      ],
    };
  },
};
