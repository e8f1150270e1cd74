// 5. Bulk migration: `oidc-codemod --dry-run` over the whole corpus against a plain jscodeshift run of a
// no-op transform over the same files (the text pre-filter should make ours at least 10 times faster), and a
// corpus where every file needs a rewrite (generated from the codemod fixtures): files per second and peak
// memory, the ts-morph project pass included. Also checks, on the third-party code, zero crashes and zero
// changes (reliability: none of it holds the mistakes).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { int, median, table } from '../lib/stats.mjs';

const EXTENSIONS = 'js,jsx,mjs,cjs,ts,tsx,mts,cts';

const GNU_TIME = '/usr/bin/time';

/** Wall seconds and peak resident memory (KiB) of a command, from GNU time (wall time alone without it). */
function timed(command, args, { cwd, input } = {}) {
  if (!existsSync(GNU_TIME)) {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, input });
    return { seconds: (performance.now() - started) / 1000, peakKiB: Number.NaN, status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  const result = spawnSync(GNU_TIME, ['-f', '@@time %e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, input });
  const line = result.stderr.split('\n').reverse().find((l) => l.startsWith('@@time '));
  if (!line) throw new Error(`${command} ${args.slice(0, 3).join(' ')} …: no timing (exit ${result.status}): ${result.stderr.slice(-500)}`);
  const [, seconds, kib] = line.split(' ');
  return { seconds: Number(seconds), peakKiB: Number(kib), status: result.status, stdout: result.stdout, stderr: result.stderr };
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

    // A corpus where every file needs a rewrite: the fixture inputs, copied under distinct names.
    const rewriteRoot = join(ctx.tmp, 'rewrite-corpus');
    const fixtures = join(ctx.root, 'test', 'codemods', '__fixtures__');
    const inputs = readdirSync(fixtures).flatMap((transform) =>
      readdirSync(join(fixtures, transform))
        .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file) && !/left|safe|alone/.test(file))
        .map((file) => join(fixtures, transform, file)),
    );
    const copies = ctx.smoke ? 60 : 1200;
    mkdirSync(join(rewriteRoot, 'src'), { recursive: true });
    writeFileSync(join(rewriteRoot, 'package.json'), JSON.stringify({ name: 'rewrite-corpus', private: true, type: 'module', dependencies: {} }, null, 2) + '\n');
    for (let index = 0; index < copies; index++) {
      const input = inputs[index % inputs.length];
      const name = input.split('/').pop().replace('.input.', `.${index}.`);
      const folder = join(rewriteRoot, 'src', String(Math.floor(index / 100)));
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, name), readFileSync(input));
    }
    const git = (...args) => execFileSync('git', args, { cwd: rewriteRoot, stdio: 'ignore' });
    git('init', '-q');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '-A');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'corpus');
    ctx.log(`codemod: rewriting ${copies} files made of ${inputs.length} fixture inputs (one run: it writes)`);
    const rewrite = timed(process.execPath, [cli, '--json', '.'], { cwd: rewriteRoot });
    const rewriteReport = JSON.parse(rewrite.stdout);
    const perSecond = rewriteReport.summary.filesScanned / rewrite.seconds;

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
      `**A corpus where every file needs a rewrite**: ${int(copies)} files, copies of the ${inputs.length} codemod fixture inputs that are rewritten, in a git repository; one writing run (\`oidc-codemod --json .\`), the ts-morph project pass and the helper module included.`,
      '',
      table(
        ['Files', 'Changed', 'Sites rewritten', 'Left for review', 'Wall', 'Files per second', 'Peak memory'],
        [[int(rewriteReport.summary.filesScanned), int(rewriteReport.summary.filesChanged), int(rewriteReport.summary.sitesRewritten), int(rewriteReport.summary.sitesForReview), `${rewrite.seconds.toFixed(1)} s`, perSecond.toFixed(0), mib(rewrite.peakKiB)]],
      ),
      '',
    ].join('\n');

    return {
      markdown,
      data: { oursSeconds, baseSeconds, speedup, perSecond, peakKiB: rewrite.peakKiB },
      summary: [
        { what: 'Bulk migration: dry run over the corpus vs jscodeshift no-op', ours: `${oursSeconds.toFixed(1)} s`, baseline: `${baseSeconds.toFixed(1)} s`, target: '≥ 10× faster', verdict: speedup >= 10 ? `holds: ${speedup.toFixed(1)}×` : `MISSED: ${speedup.toFixed(1)}×` },
        { what: 'Bulk migration: every file rewritten', ours: `${perSecond.toFixed(0)} files/s, ${mib(rewrite.peakKiB)} peak`, baseline: '—', target: 'measured', verdict: `${int(copies)} files in ${rewrite.seconds.toFixed(1)} s` },
      ],
    };
  },
};
