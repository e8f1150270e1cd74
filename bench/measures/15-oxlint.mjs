// oxlint as a second host: the corpus under oxlint alone, with a JS plugin whose one rule does nothing
// (two controls: `create` returning no listener, and `createOnce` whose `before` hook skips every file,
// the least any JS plugin can cost), and with eslint-plugin-oidc through `jsPlugins`, beside ESLint with
// the plugin; every run a fresh process, in rotating order. Both hosts must report the same findings.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lintRuns } from '../lib/lint-runs.mjs';
import { int, median, ms, pct, rotations, spread, table } from '../lib/stats.mjs';

const USAGE_HOOK = new URL('../children/oxlint-usage.mjs', import.meta.url).href;
/** The plugin adds at most 10 % to an oxlint run; oxlint with the plugin is at least 5× faster than ESLint with it. */
const SHARE_TARGET = 1.1;
const SPEEDUP_TARGET = 5;
const OXLINT_CONFIGS = ['oxlint', 'oxlint-control', 'oxlint-control-skip', 'oxlint-oidc'];
const PARSER_LOAD = fileURLToPath(new URL('../children/neighbour-parser-load.mjs', import.meta.url));

const CONTROL_PLUGIN = `export default {
  meta: { name: 'control' },
  rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) } },
};
`;
// oxlint prefers `createOnce`; a `before` hook that returns false skips the rule for the file (the
// visitor must not be empty, or oxlint never calls `before`).
const CONTROL_SKIP_PLUGIN = `export default {
  meta: { name: 'control' },
  rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}), createOnce: () => ({ before: () => false, Program() {} }) } },
};
`;

/** One oxlint run in a fresh `node` process: wall from spawn to exit, CPU and peak RSS from the process itself. */
function oxlintRun(ctx, { bin, configFile, files, usageFile }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Explicit files, no ignore files and no nested configs: exactly the corpus ESLint lints.
    const args = ['--import', USAGE_HOOK, bin, '-c', configFile, '-f', 'json', '--no-ignore', '--disable-nested-config', ...files];
    const child = spawn(process.execPath, args, { cwd: ctx.root, env: { ...process.env, OIDC_BENCH_USAGE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`oxlint took longer than 10 minutes (${configFile})`));
    }, 600_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      // 0: nothing reported at error level, 1: errors reported; anything else: oxlint refused the run.
      if (code !== 0 && code !== 1) {
        reject(new Error(`oxlint exited ${code} (${configFile})\n${stderr.slice(-4000)}`));
        return;
      }
      try {
        const output = JSON.parse(Buffer.concat(stdout).toString('utf8'));
        const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
        const findings = [];
        const parseErrors = [];
        for (const d of output.diagnostics) {
          if (!d.code) parseErrors.push(`${d.filename}: ${d.message}`);
          else if (d.code.startsWith('oidc(')) findings.push([join(ctx.root, d.filename), `oidc/${d.code.slice('oidc('.length, -1)}`]);
        }
        resolve({ wallMs, ...usage, files: output.number_of_files, rules: output.number_of_rules, threads: output.threads_count, findings, parseErrors });
      } catch (error) {
        reject(new Error(`oxlint's report could not be read (${configFile}): ${error.message}\n${stderr.slice(-2000)}`));
      }
    });
  });
}

/** Findings as sorted `file rule` lines, with the file relative to the repository. */
const findingLines = (ctx, findings) => findings.map(([file, rule]) => `${relative(ctx.root, file)} ${rule}`).sort();

export default {
  name: 'oxlint',
  title: 'oxlint',
  async run(ctx) {
    const { corpus, smoke, root } = ctx;
    const runs = ctx.options.oxlintRuns ?? (smoke ? 1 : 5);
    const bin = join(root, 'node_modules', 'oxlint', 'bin', 'oxlint');
    const version = JSON.parse(readFileSync(join(root, 'node_modules', 'oxlint', 'package.json'), 'utf8')).version;
    const plugin = (await import(pathToFileURL(ctx.pluginEntry).href)).default;
    const rules = plugin.configs.all.rules;

    const controlEntry = join(ctx.tmp, 'oxlint-control-plugin.mjs');
    writeFileSync(controlEntry, CONTROL_PLUGIN);
    const controlSkipEntry = join(ctx.tmp, 'oxlint-control-skip-plugin.mjs');
    writeFileSync(controlSkipEntry, CONTROL_SKIP_PLUGIN);
    const configFiles = {
      oxlint: {},
      'oxlint-control': { jsPlugins: [controlEntry], rules: { 'control/noop': 'error' } },
      'oxlint-control-skip': { jsPlugins: [controlSkipEntry], rules: { 'control/noop': 'error' } },
      // The plugin as published (its tarball, unpacked alone), by path: what `"jsPlugins": ["eslint-plugin-oidc"]` resolves to.
      'oxlint-oidc': { jsPlugins: [ctx.pluginEntry], rules },
    };
    const configPaths = Object.fromEntries(
      Object.entries(configFiles).map(([name, config]) => {
        const path = join(ctx.tmp, `${name}.oxlintrc.json`);
        writeFileSync(path, JSON.stringify(config, null, 2));
        return [name, path];
      }),
    );
    const files = corpus.files.map((file) => relative(root, file));
    ctx.log(`oxlint ${version}: ${files.length} files, ${OXLINT_CONFIGS.length} configurations × ${runs} run(s) and one ESLint run, each in a fresh process`);

    const byConfig = Object.fromEntries(OXLINT_CONFIGS.map((c) => [c, []]));
    const order = rotations(OXLINT_CONFIGS, runs);
    for (let round = 0; round < runs; round++) {
      for (const config of order[round]) {
        const result = await oxlintRun(ctx, { bin, configFile: configPaths[config], files, usageFile: ctx.writeJob(`oxlint-usage-${config}`, {}) });
        ctx.log(`  oxlint run ${round + 1}/${runs} ${config.padEnd(19)} wall ${(result.wallMs / 1000).toFixed(1)} s, cpu ${(result.processCpuMs / 1000).toFixed(1)} s, ${int(result.rssMb)} MB, ${result.files} files, ${result.rules} rules`);
        byConfig[config].push(result);
      }
    }
    // ESLint with the plugin: once here, for its findings and peak RSS; its times are the "Lint overhead"
    // medians when that measurement ran (same corpus, same configuration), else this run's. A smoke run
    // after "Lint overhead" takes its times and skips the extra ESLint run (CI's parity test compares the
    // hosts' findings: test/integrations/oxlint.test.ts).
    const lint = ctx.results.lint;
    const eslintRun = smoke && lint ? undefined : (await lintRuns(ctx, { label: 'oxlint: ESLint', files: corpus.files, configs: ['oidc'], runs: 1 })).oidc[0];
    const eslint = lint
      ? { source: `the median of ${lint.runs} run${lint.runs > 1 ? 's' : ''} in "Lint overhead"`, wallMs: lint.wall.oidc.median, processCpuMs: lint.cpu.oidc.median, rssMb: eslintRun?.rssMb }
      : { source: 'one run in this measurement', wallMs: eslintRun.wallMs, processCpuMs: eslintRun.processCpuMs, rssMb: eslintRun.rssMb };

    // Same files, same findings: oxlint must lint every file and report what ESLint reports.
    const problems = [];
    for (const config of OXLINT_CONFIGS) {
      const run = byConfig[config][0];
      if (run.files !== files.length) problems.push(`${config}: oxlint linted ${run.files} of ${files.length} files`);
      if (run.parseErrors.length) problems.push(`${config}: oxlint could not parse ${run.parseErrors.length} file(s), e.g. ${run.parseErrors.slice(0, 3).join('; ')}`);
    }
    const oxlintFindings = findingLines(ctx, byConfig['oxlint-oidc'][0].findings);
    if (eslintRun) {
      const eslintFindings = findingLines(ctx, eslintRun.findings);
      const onlyOxlint = oxlintFindings.filter((line) => !eslintFindings.includes(line));
      const onlyEslint = eslintFindings.filter((line) => !oxlintFindings.includes(line));
      if (onlyOxlint.length || onlyEslint.length || oxlintFindings.length !== eslintFindings.length) {
        problems.push(`findings differ: only oxlint ${onlyOxlint.slice(0, 5).join('; ') || '—'}; only ESLint ${onlyEslint.slice(0, 5).join('; ') || '—'} (${oxlintFindings.length} vs ${eslintFindings.length})`);
      }
    }
    const oidcRun = byConfig['oxlint-oidc'][0];
    if (oidcRun.neighbourFailures > 0) problems.push(`the plugin could not read ${oidcRun.neighbourFailures} neighbouring module(s) (is its parser resolvable?)`);
    for (const problem of problems) ctx.fail(`oxlint: ${problem}`);

    // What the plugin's neighbour parser costs to load, in a fresh process each time: typescript-estree
    // and the TypeScript it requires, loaded once per run when a linted file's values come from another module.
    const parserLoads = [];
    for (let i = 0; i < runs; i++) parserLoads.push((await ctx.runChild(PARSER_LOAD, [ctx.pluginEntry])).result.cpuMs);
    const parserLoadMs = median(parserLoads);

    // Medians, and paired ratios: per round, one configuration over another run in the same round.
    const metric = (config, key) => byConfig[config].map((r) => r[key]);
    const med = (config, key) => median(metric(config, key));
    const paired = (a, b, key) => median(byConfig[a].map((r, i) => r[key] / byConfig[b][i][key]));
    const share = { cpu: paired('oxlint-oidc', 'oxlint', 'processCpuMs'), wall: paired('oxlint-oidc', 'oxlint', 'wallMs') };
    const shareCtl = { cpu: paired('oxlint-oidc', 'oxlint-control', 'processCpuMs'), wall: paired('oxlint-oidc', 'oxlint-control', 'wallMs') };
    const control = { cpu: paired('oxlint-control', 'oxlint', 'processCpuMs'), wall: paired('oxlint-control', 'oxlint', 'wallMs') };
    const controlSkip = { cpu: paired('oxlint-control-skip', 'oxlint', 'processCpuMs'), wall: paired('oxlint-control-skip', 'oxlint', 'wallMs') };
    // Neither control asks oxlint for a syntax tree, so they cost oxlint the same work and differ by noise:
    // the cheaper of the two in this run is the floor any JS plugin pays, and the plugin is judged against it.
    const floor = control.cpu <= controlSkip.cpu ? 'oxlint-control' : 'oxlint-control-skip';
    const floorCpu = Math.min(control.cpu, controlSkip.cpu);
    const shareFloor = { cpu: paired('oxlint-oidc', floor, 'processCpuMs'), wall: paired('oxlint-oidc', floor, 'wallMs') };
    // The plugin's own CPU beyond that floor, paired by round, in ms.
    const ownMs = median(byConfig['oxlint-oidc'].map((r, i) => r.processCpuMs - byConfig[floor][i].processCpuMs));
    const speedup = { wall: eslint.wallMs / med('oxlint-oidc', 'wallMs'), cpu: eslint.processCpuMs / med('oxlint-oidc', 'processCpuMs') };

    // Out of reach for any plugin when a JS plugin that skips every file already costs more than the target.
    const shareVerdict =
      share.cpu <= SHARE_TARGET
        ? 'holds'
        : floorCpu > SHARE_TARGET
          ? `MISSED (${pct(share.cpu)}), and out of reach for any JS plugin: one that does nothing already costs ${pct(floorCpu)}; the plugin adds ${pct(shareFloor.cpu)} to that`
          : `MISSED (${pct(share.cpu)}; ${pct(shareFloor.cpu)} against a JS plugin that does nothing)`;
    const speedVerdict = speedup.wall >= SPEEDUP_TARGET ? `holds (${speedup.wall.toFixed(1)}×)` : `MISSED: ${speedup.wall.toFixed(1)}×`;

    const describe = {
      oxlint: `oxlint ${version}, its default rules (${byConfig.oxlint[0].rules} rules)`,
      'oxlint-control': 'oxlint + a JS plugin with one rule whose `create` returns no listener (control)',
      'oxlint-control-skip': 'oxlint + a JS plugin with one rule whose `createOnce` `before` hook skips every file (control)',
      'oxlint-oidc': `oxlint + eslint-plugin-oidc through \`jsPlugins\` (\`configs.all\`, ${Object.keys(rules).length} rules)`,
      'eslint-oidc': 'ESLint + @typescript-eslint/parser + eslint-plugin-oidc `configs.all`',
    };
    const rows = OXLINT_CONFIGS.map((c) => [
      describe[c],
      ms(med(c, 'processCpuMs')),
      c === 'oxlint' ? '—' : pct(paired(c, 'oxlint', 'processCpuMs')),
      ms(med(c, 'wallMs')),
      c === 'oxlint' ? '—' : pct(paired(c, 'oxlint', 'wallMs')),
      spread(metric(c, 'wallMs')),
      `${int(med(c, 'rssMb'))} MB`,
      c === 'oxlint-oidc' ? int(byConfig[c][0].findings.length) : '—',
    ]);
    rows.push([
      `${describe['eslint-oidc']} (${eslint.source})`,
      ms(eslint.processCpuMs),
      `${(eslint.processCpuMs / med('oxlint', 'processCpuMs')).toFixed(1)}×`,
      ms(eslint.wallMs),
      `${(eslint.wallMs / med('oxlint', 'wallMs')).toFixed(1)}×`,
      '—',
      eslint.rssMb === undefined ? '—' : `${int(eslint.rssMb)} MB`,
      eslintRun ? int(eslintRun.findings.length) : '—',
    ]);

    let md = `${int(files.length)} files, ${int(corpus.lines)} lines (the corpus above), linted by oxlint ${version} (\`node_modules/.bin/oxlint -c <config> -f json --no-ignore --disable-nested-config <files>\`) `;
    md += `and by the ESLint Node API as in "Lint overhead"; each run a fresh process, the oxlint configurations ${runs} round${runs > 1 ? 's' : ''} in rotating order (medians; "vs oxlint" paired by round). `;
    md += 'oxlint is a Node program whose linter is a native addon: CPU and peak RSS are that process\'s own (`process.resourceUsage()` at exit, all threads), wall is spawn to exit. ';
    md += `oxlint lints on ${byConfig.oxlint[0].threads} threads; JS plugins run in the same process. The plugin is the published tarball, unpacked alone with its declared dependencies linked beside it, named in \`jsPlugins\` by path.\n\n`;
    md += table(
      ['Configuration', 'CPU', 'CPU vs oxlint', 'Wall', 'Wall vs oxlint', 'Wall, min–max', 'peak RSS', 'plugin findings'],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    );
    md += `\n\nTarget: the plugin adds at most 10 % to an oxlint run, judged on CPU. **${shareVerdict}**. `;
    md += `Target: oxlint with the plugin at least ${SPEEDUP_TARGET}× faster than ESLint with it, judged on wall time. **${speedVerdict}**.\n\n`;
    md += `- The plugin's share of an oxlint run: ${pct(share.cpu)} CPU, ${pct(share.wall)} wall against oxlint alone (paired). `;
    md += `oxlint's own JS-plugin runtime, which no plugin avoids: ${pct(control.cpu)} CPU (${pct(control.wall)} wall) for a plugin whose one rule's \`create\` returns no listener, ${pct(controlSkip.cpu)} CPU (${pct(controlSkip.wall)} wall) for one whose \`createOnce\` \`before\` hook skips every file, so that oxlint builds no JavaScript syntax tree and walks none: loading that runtime and handing every file to it. `;
    md += `Neither control asks oxlint for a syntax tree, so both cost it the same work and differ by run-to-run noise only; the cheaper in this run, ${pct(floorCpu)}, is the floor. `;
    md += `Against that floor the plugin adds ${pct(shareFloor.cpu)} CPU, ${pct(shareFloor.wall)} wall (${ms(ownMs)} CPU, paired): loading the plugin, its text pre-check on every file, and building and analysing the syntax trees of the files that pass it (mostly this repository's own examples/ and test/corpus/, written to contain the mistakes)`;
    md += oidcRun.typescriptLoaded
      ? `; of that, about ${ms(parserLoadMs)} CPU is loading the parser it reads neighbouring modules with (typescript-estree and TypeScript, measured cold in a fresh process), once per run, here for ${int(oidcRun.neighboursRead)} modules that linted files take values from.\n`
      : `; it read no neighbouring module, so it never loaded its neighbour parser (typescript-estree and TypeScript, ${ms(parserLoadMs)} CPU cold).\n`;
    md += `- oxlint with the plugin against ESLint with the plugin: ${speedup.wall.toFixed(1)}× faster in wall time, ${speedup.cpu.toFixed(1)}× less CPU (medians: ${ms(med('oxlint-oidc', 'wallMs'))} against ${ms(eslint.wallMs)}; ESLint from ${eslint.source}).\n`;
    md += problems.length
      ? `- **Differences between the hosts**: ${problems.join('; ')}.\n`
      : eslintRun
        ? `- Same findings: oxlint and ESLint report the same ${int(oxlintFindings.length)} plugin findings (file and rule) on the corpus, and oxlint parsed every file.\n`
        : `- oxlint parsed every file and reported ${int(oxlintFindings.length)} plugin findings (smoke: not compared here; test/integrations/oxlint.test.ts compares the hosts).\n`;

    return {
      markdown: md,
      summary: [
        {
          what: "oxlint: the plugin's share of an oxlint run (CPU, paired)",
          ours: `${pct(share.cpu)} vs oxlint alone, ${pct(shareFloor.cpu)} vs a JS plugin that does nothing`,
          baseline: `a JS plugin that does nothing: ${pct(control.cpu)} (\`create\` returning no listener), ${pct(controlSkip.cpu)} (\`createOnce\` skipping every file)`,
          target: '≤ +10 %',
          verdict: shareVerdict,
        },
        {
          what: 'oxlint + plugin vs ESLint + plugin (wall)',
          ours: `${ms(med('oxlint-oidc', 'wallMs'))}, ${int(med('oxlint-oidc', 'rssMb'))} MB peak`,
          baseline: `ESLint: ${ms(eslint.wallMs)}${eslint.rssMb === undefined ? '' : `, ${int(eslint.rssMb)} MB peak`}`,
          target: `≥ ${SPEEDUP_TARGET}× faster`,
          verdict: speedVerdict,
        },
      ],
      data: { runs, share, shareCtl, shareFloor, control, controlSkip, ownMs, parserLoadMs, neighboursRead: oidcRun.neighboursRead, speedup, findings: oxlintFindings.length, problems },
    };
  },
};
