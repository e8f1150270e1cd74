// The lint corpus: pinned npm packages installed into bench/.scratch, plus examples/ and test/corpus/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function loadCorpusSpec(root) {
  return JSON.parse(readFileSync(join(root, 'bench', 'corpus.json'), 'utf8'));
}

export const scratchDir = (root) => join(root, 'bench', '.scratch');
export const packageDir = (root, name) => join(scratchDir(root), 'node_modules', ...name.split('/'));

function installedVersion(root, name) {
  try {
    return JSON.parse(readFileSync(join(packageDir(root, name), 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs the pinned packages unless every one is already there at its pinned version. */
export function ensureCorpusInstalled(root, spec, log) {
  const pins = spec.packages.map(({ name, version }) => `${name}@${version}`);
  const missing = spec.packages.filter(({ name, version }) => installedVersion(root, name) !== version);
  if (missing.length === 0) {
    log(`corpus: ${pins.length} pinned packages already in bench/.scratch, not installing`);
    return { installed: false, pins };
  }
  log(`corpus: installing ${pins.length} pinned packages into bench/.scratch (missing or other version: ${missing.map((p) => p.name).join(', ')})`);
  const dir = scratchDir(root);
  // Start clean so that nothing from another pin set is left behind.
  rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A package.json of its own keeps npm from walking up into the project's.
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'oidc-bench-corpus', private: true }, null, 2)}\n`);
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--prefix', dir, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...pins],
    { stdio: ['ignore', 'inherit', 'inherit'], cwd: dir },
  );
  if (result.status !== 0) throw new Error(`npm install of the corpus failed (exit ${result.status})`);
  const still = spec.packages.filter(({ name, version }) => installedVersion(root, name) !== version);
  if (still.length) throw new Error(`after npm install these are not at their pins: ${still.map((p) => p.name).join(', ')}`);
  log(`corpus: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { installed: true, pins };
}

const DECLARATION = /\.d\.[mc]?ts$/;

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      walk(path, out);
    } else if (entry.isFile()) {
      out.push(path);
    }
  }
}

function countLines(text) {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** Files of one group (a package or a local folder), with counts and what was left out. */
function collectGroup({ label, version, dir, include, exclude, extensions, kind }) {
  const excludedDirs = exclude.map((e) => join(dir, e) + sep);
  const candidates = [];
  for (const inc of include) walk(join(dir, inc), candidates);
  const files = [];
  const byExt = {};
  let lines = 0;
  let bytes = 0;
  const left = { declarations: 0, minified: 0 };
  for (const file of [...new Set(candidates)]) {
    if (excludedDirs.some((prefix) => file.startsWith(prefix))) continue;
    const ext = extensions.find((e) => file.endsWith(e));
    if (!ext) continue;
    if (DECLARATION.test(file)) {
      left.declarations++;
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const n = countLines(text);
    if (/\.min\.[mc]?js$/.test(file) || (n > 0 && text.length / n > 250)) {
      left.minified++;
      continue;
    }
    files.push(file);
    lines += n;
    bytes += text.length;
    byExt[ext] = (byExt[ext] ?? 0) + 1;
  }
  return { label, version, dir, kind, files, lines, bytes, byExt, left };
}

/**
 * The groups to lint. Full: every pinned package, examples/ and test/corpus/. Smoke: only the repository's
 * own inputs (examples/, test/corpus/, test fixtures), so nothing is installed.
 */
export function collectCorpus(root, spec, { smoke }) {
  const groups = [];
  const { extensions } = spec;
  if (!smoke) {
    for (const pkg of spec.packages) {
      groups.push(
        collectGroup({ label: pkg.name, version: pkg.version, dir: packageDir(root, pkg.name), include: pkg.include, exclude: pkg.exclude, extensions, kind: pkg.kind }),
      );
    }
  }
  groups.push(collectGroup({ label: 'examples/', version: '(this repo)', dir: root, include: ['examples'], exclude: [], extensions, kind: 'this repo: example app' }));
  if (existsSync(join(root, 'test', 'corpus'))) {
    groups.push(collectGroup({ label: 'test/corpus/', version: '(this repo)', dir: root, include: ['test/corpus'], exclude: [], extensions, kind: 'this repo: rule corpus' }));
  }
  if (smoke) {
    // Code-bearing fixtures of the test suite, wherever they are (test/fixtures, test/**/__fixtures__).
    const fixtureDirs = [];
    const findFixtures = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name === 'corpus') continue;
        const path = join(dir, entry.name);
        if (entry.name === 'fixtures' || entry.name === '__fixtures__') fixtureDirs.push(relative(root, path));
        else findFixtures(path);
      }
    };
    if (existsSync(join(root, 'test'))) findFixtures(join(root, 'test'));
    const fixtures = collectGroup({ label: 'test fixtures', version: '(this repo)', dir: root, include: fixtureDirs, exclude: [], extensions, kind: 'this repo: test fixtures' });
    if (fixtures.files.length) groups.push(fixtures);
  }
  const files = groups.flatMap((g) => g.files);
  return { groups: groups.filter((g) => g.files.length > 0), files, lines: groups.reduce((s, g) => s + g.lines, 0) };
}
