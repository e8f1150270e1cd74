// 5. Bulk migration: `oidc-codemod --dry-run` over the whole corpus against a plain jscodeshift run of a
// no-op transform over the same files (the text pre-filter should make ours at least 10 times faster), and a
// corpus where every file needs a rewrite (generated from the codemod fixtures): files per second and peak
// memory, the ts-morph project pass included; a large repository where 1 % of the files needs a rewrite (peak memory). Also checks, on the third-party code, zero crashes and zero
// changes (reliability: none of it holds the mistakes).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { int, median, table } from '../lib/stats.mjs';

const EXTENSIONS = 'js,jsx,mjs,cjs,ts,tsx,mts,cts';

const GNU_TIME = '/usr/bin/time';

/**
 * Wall seconds, CPU seconds (user + system) and peak resident memory (KiB) of a command, from GNU time
 * (wall time alone without it). Other processes share the cores: CPU time is the steadier figure.
 */
function timed(command, args, { cwd, input } = {}) {
  if (!existsSync(GNU_TIME)) {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, input });
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: Number.NaN, peakKiB: Number.NaN, status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  const result = spawnSync(GNU_TIME, ['-f', '@@time %e %U %S %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, input });
  const line = result.stderr.split('\n').reverse().find((l) => l.startsWith('@@time '));
  if (!line) throw new Error(`${command} ${args.slice(0, 3).join(' ')} …: no timing (exit ${result.status}): ${result.stderr.slice(-500)}`);
  const [, seconds, user, system, kib] = line.split(' ');
  return { seconds: Number(seconds), cpuSeconds: Number(user) + Number(system), peakKiB: Number(kib), status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cpu(seconds) {
  return Number.isFinite(seconds) ? `${seconds.toFixed(1)} s` : 'n/a';
}

function mib(kib) {
  return Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MiB` : 'n/a (no GNU time)';
}

export default {
  name: 'codemod',
  title: 'Bulk migration (oidc-codemod)',
  async run(ctx) {
    const runs = ctx.options.codemodRuns ?? (ctx.smoke ? 1 : 2);
    const cli = join(ctx.root, 'dist', 'cli', 'oidc-codemod.js');
    const jscodeshift = join(ctx.root, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
    const files = ctx.corpus.files.map((file) => (file.startsWith('/') ? file : join(ctx.root, file)));
    const ownFiles = new Set(files.filter((file) => file.startsWith(join(ctx.root, 'examples')) || file.startsWith(join(ctx.root, 'test'))));
    const listFile = join(ctx.tmp, 'codemod-files.txt');
    writeFileSync(listFile, files.join('\n'));

    // A no-op transform that parses each file, as every real transform does, and changes nothing.
    const noop = join(ctx.tmp, 'noop-transform.cjs');
    writeFileSync(noop, "module.exports = (file, api) => { api.jscodeshift(file.source); return undefined; };\nmodule.exports.parser = 'tsx';\n");

    ctx.log(`codemod: dry run over ${files.length} files × ${runs}, beside jscodeshift with a no-op transform`);
    const ours = [];
    const baseline = [];
    let report;
    for (let run = 0; run < runs; run++) {
      // The helper module would land in this repository's src/: import it instead, as a migrated project may.
      const mine = timed(process.execPath, [cli, '--dry-run', '--json', '--helper-import', 'oidc-token-guard', ...files], { cwd: ctx.root });
      report = JSON.parse(mine.stdout);
      ours.push(mine);
      baseline.push(timed(process.execPath, [jscodeshift, '-t', noop, '--dry', '--silent', `--extensions=${EXTENSIONS}`, '--parser=tsx', '--stdin'], { cwd: ctx.root, input: files.join('\n') }));
    }
    const oursSeconds = median(ours.map((r) => r.seconds));
    const baseSeconds = median(baseline.map((r) => r.seconds));
    const speedup = baseSeconds / oursSeconds;

    // Reliability on third-party code: no crash, no change, nothing unreadable.
    const thirdParty = report.files.filter((file) => !ownFiles.has(join(ctx.root, file.path)));
    const changedThirdParty = thirdParty.filter((file) => file.changed);
    const errorsThirdParty = report.errors.filter((error) => !ownFiles.has(join(ctx.root, error.path)));
    if (changedThirdParty.length) ctx.fail(`oidc-codemod would change third-party files: ${changedThirdParty.slice(0, 5).map((f) => f.path).join(', ')}`);
    if (errorsThirdParty.length) ctx.fail(`oidc-codemod could not process third-party files: ${errorsThirdParty.slice(0, 5).map((e) => `${e.path}: ${e.reason}`).join('; ')}`);

    // Writing runs over generated repositories: every file needing a rewrite (copies of the codemod fixture
    // inputs), and a large repository where one file in a hundred does.
    const fixtures = join(ctx.root, 'test', 'codemods', '__fixtures__');
    const inputs = readdirSync(fixtures).flatMap((transform) =>
      readdirSync(join(fixtures, transform))
        .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file) && !/left|safe|alone/.test(file))
        .map((file) => join(fixtures, transform, file)),
    );
    const copies = ctx.options.codemodFiles ?? (ctx.smoke ? 60 : 2000);
    const largeFiles = Math.max(100, Math.round((ctx.options.codemodLargeFiles ?? (ctx.smoke ? 2000 : 20000)) / 100) * 100);
    // At the targets' own sizes a smoke run's writing figures are judged as well.
    const fullSize = copies >= 2000 && largeFiles >= 20000;
    const rewrite = writingRun(ctx, cli, 'rewrite-corpus', inputs, copies, 0, runs);
    const large = writingRun(ctx, cli, 'large-corpus', inputs, largeFiles / 100, largeFiles - largeFiles / 100, runs);
    const perSecond = rewrite.report.summary.filesScanned / rewrite.seconds;

    const markdown = [
      `**Dry run over the corpus** (${int(files.length)} files, the lint corpus above), ${runs} run${runs === 1 ? '' : 's'}, medians; wall time and peak resident memory from GNU \`time\`. The baseline is jscodeshift 17 (its own runner, \`--dry\`, one worker on 2 cores) with a transform that parses each file and changes nothing: what any jscodeshift transform costs before it does anything.`,
      '',
      table(
        ['Run', 'Wall', 'Peak memory', 'Files scanned', 'Files it would change', 'Errors'],
        [
          ['`oidc-codemod --dry-run --json`', `${oursSeconds.toFixed(1)} s`, mib(median(ours.map((r) => r.peakKiB))), int(report.summary.filesScanned), `${report.summary.filesChanged} (all in this repo's examples/ and test/)`, int(report.errors.length)],
          ['jscodeshift, no-op transform', `${baseSeconds.toFixed(1)} s`, mib(median(baseline.map((r) => r.peakKiB))), int(files.length), '0', '—'],
        ],
      ),
      '',
      `Speed-up: **${speedup.toFixed(1)}×** (target ≥ 10×). Files that mention none of the known libraries, no key material and no bearer header are skipped before parsing. On the third-party packages: ${int(thirdParty.length)} files with a finding or review item, ${changedThirdParty.length} it would change, ${errorsThirdParty.length} it could not process.`,
      '',
      `**Writing runs** (\`oidc-codemod --json .\` in a clean git repository, the cross-file pass and the runtime included; ${runs} run${runs === 1 ? '' : 's'} of each, medians; CPU is user + system time; time to first write: from the start of the process to the oldest modification time among the files it changed). "Every file rewritten": ${int(copies)} copies of the ${inputs.length} codemod fixture inputs that are rewritten. "Large repository": ${int(largeFiles)} files, of which ${int(largeFiles / 100)} such copies and the rest small modules that concern none of this.`,
      '',
      table(
        ['Repository', 'Files', 'Changed', 'Sites rewritten', 'Left for review', 'Wall', 'CPU', 'Files per second', 'First write after', 'Peak memory'],
        [rewrite, large].map((run) => [
          run.label,
          int(run.report.summary.filesScanned),
          int(run.report.summary.filesChanged),
          int(run.report.summary.sitesRewritten),
          int(run.report.summary.sitesForReview),
          `${run.seconds.toFixed(1)} s`,
          cpu(run.cpuSeconds),
          (run.report.summary.filesScanned / run.seconds).toFixed(0),
          Number.isFinite(run.firstWriteSeconds) ? `${run.firstWriteSeconds.toFixed(1)} s` : '—',
          mib(run.peakKiB),
        ]),
      ),
      '',
    ].join('\n');

    return {
      markdown,
      data: { oursSeconds, baseSeconds, speedup, perSecond, cpuSeconds: rewrite.cpuSeconds, peakKiB: rewrite.peakKiB, firstWriteSeconds: rewrite.firstWriteSeconds, largePeakKiB: large.peakKiB, largeSeconds: large.seconds, largeCpuSeconds: large.cpuSeconds },
      summary: [
        { what: 'Bulk migration: dry run over the corpus vs jscodeshift no-op', ours: `${oursSeconds.toFixed(1)} s`, baseline: `${baseSeconds.toFixed(1)} s`, target: '≥ 10× faster', verdict: speedup >= 10 ? `holds: ${speedup.toFixed(1)}×` : `MISSED: ${speedup.toFixed(1)}×` },
        { what: 'Bulk migration: every file rewritten', ours: `${perSecond.toFixed(0)} files/s (CPU ${cpu(rewrite.cpuSeconds)}), first write after ${rewrite.firstWriteSeconds.toFixed(1)} s`, baseline: '—', target: '≥ 150 files/s, first write within a few seconds', verdict: perSecond >= 150 ? `holds: ${int(copies)} files in ${rewrite.seconds.toFixed(1)} s` : `MISSED: ${int(copies)} files in ${rewrite.seconds.toFixed(1)} s`, fullSize },
        { what: `Bulk migration: ${int(largeFiles)} files, 1 % rewritten`, ours: `${mib(large.peakKiB)} peak, ${large.seconds.toFixed(1)} s`, baseline: '—', target: '< 300 MiB peak', verdict: !Number.isFinite(large.peakKiB) ? 'not measured (no GNU time)' : large.peakKiB < 300 * 1024 ? `holds: ${mib(large.peakKiB)}` : `MISSED: ${mib(large.peakKiB)}`, fullSize },
      ],
    };
  },
};

/**
 * A git repository of `rewrites` copies of the fixture inputs and `unrelated` small modules, migrated by
 * writing runs (the repository reset to its commit before each): wall and CPU time, peak memory, and when
 * the first file was written, the medians of `runs` runs.
 */
function writingRun(ctx, cli, name, inputs, rewrites, unrelated, runs) {
  const folder = join(ctx.tmp, name);
  mkdirSync(join(folder, 'src'), { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies: {} }, null, 2) + '\n');
  const total = rewrites + unrelated;
  for (let index = 0; index < total; index++) {
    const directory = join(folder, 'src', String(Math.floor(index / 100)));
    if (index % 100 === 0) mkdirSync(directory, { recursive: true });
    // One file in every total/rewrites needs a rewrite, spread over the tree.
    if (index % Math.round(total / rewrites) === 0 && index / Math.round(total / rewrites) < rewrites) {
      const input = inputs[(index / Math.round(total / rewrites)) % inputs.length];
      writeFileSync(join(directory, input.split('/').pop().replace('.input.', `.${index}.`)), readFileSync(input));
    } else {
      writeFileSync(join(directory, `module${index}.ts`), `import { sum${index % 7} } from './shared';\n\nexport function add${index}(a: number, b: number): number {\n  return sum${index % 7}(a, b) + ${index};\n}\n`);
    }
  }
  const git = (...args) => execFileSync('git', args, { cwd: folder, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'corpus');
  const measured = [];
  let report;
  for (let run = 0; run < runs; run++) {
    if (run > 0) {
      git('checkout', '-q', '.');
      git('clean', '-fdxq');
    }
    ctx.log(`codemod: ${name}: ${total} files, ${rewrites} to rewrite (run ${run + 1} of ${runs}: it writes)`);
    const startedAt = Date.now();
    const result = timed(process.execPath, [cli, '--json', '.'], { cwd: folder });
    report = JSON.parse(result.stdout);
    const written = report.files.filter((file) => file.changed).map((file) => statSync(join(folder, file.path)).mtimeMs);
    measured.push({ ...result, firstWriteSeconds: written.length > 0 ? (Math.min(...written) - startedAt) / 1000 : Number.NaN });
  }
  const of = (key) => median(measured.map((run) => run[key]));
  return {
    label: unrelated === 0 ? 'Every file rewritten' : 'Large repository',
    report,
    seconds: of('seconds'),
    cpuSeconds: of('cpuSeconds'),
    peakKiB: of('peakKiB'),
    firstWriteSeconds: of('firstWriteSeconds'),
  };
}
