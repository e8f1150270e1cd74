#!/usr/bin/env node
// `npm run pack`: builds once, then writes one installable tarball per package (src/packages.json) into
// pack/, and nothing else there. Each package is staged in a temporary folder with a manifest generated
// from the root package.json, and refused when its code imports a package it does not declare.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const packDirectory = join(root, 'pack');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const definitions = JSON.parse(readFileSync(join(root, 'src/packages.json'), 'utf8'));

const args = new Set(process.argv.slice(2));
if (!args.has('--no-build')) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

/** A dependency's range, as the root declares it for development. */
function rangeOf(name) {
  const range = rootManifest.dependencies?.[name] ?? rootManifest.peerDependencies?.[name] ?? rootManifest.devDependencies?.[name];
  if (!range) throw new Error(`src/packages.json names ${name}, which the root package.json does not declare`);
  return range;
}

function manifestFor(definition) {
  const manifest = {
    name: definition.name,
    version: rootManifest.version,
    description: definition.description,
    license: rootManifest.license,
    homepage: rootManifest.homepage,
    repository: rootManifest.repository,
    bugs: rootManifest.bugs,
    keywords: definition.keywords,
    type: 'module',
    engines: rootManifest.engines,
    sideEffects: false,
    exports: definition.exports,
    ...(definition.main ? { main: definition.main, types: definition.types } : {}),
    ...(definition.bin ? { bin: definition.bin } : {}),
    files: ['dist', ...(definition.files.some(([, to]) => to.startsWith('docs')) ? ['docs'] : []), 'CHANGELOG.md'],
    dependencies: Object.fromEntries(definition.dependencies.map((name) => [name, rangeOf(name)])),
  };
  if (definition.peerDependencies.length > 0) manifest.peerDependencies = Object.fromEntries(definition.peerDependencies.map((name) => [name, rangeOf(name)]));
  if (definition.bin) delete manifest.sideEffects;
  return manifest;
}

function* filesBelow(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesBelow(path);
    else yield path;
  }
}

/** Bare specifiers a file imports (static, dynamic, require, and type imports of declarations). */
function importedPackages(text) {
  const names = new Set();
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])((?:@[\w.-]+\/)?[\w.-]+(?:\/[\w./-]*)?)\1/gm;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[2];
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) continue;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (builtinModules.includes(name)) continue;
    names.add(name);
  }
  return names;
}

/** Code and declarations may import only what the package declares: a missing one breaks a user's install. */
function checkImports(stage, manifest, definition) {
  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  const problems = [];
  for (const file of filesBelow(join(stage, 'dist'))) {
    if (!/\.(c|m)?js$|\.d\.(c|m)?ts$/.test(file)) continue;
    // Files a package carries to copy into other projects (the codemod's runtime copy) are not its code.
    if ((definition.assets ?? []).some((folder) => file.startsWith(join(stage, folder)))) continue;
    // Knowledge of libraries mentions their names in strings and comments: only import syntax counts.
    const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
    for (const name of importedPackages(text)) if (!declared.has(name)) problems.push(`${relative(stage, file)} imports ${name}`);
  }
  if (problems.length > 0) throw new Error(`${manifest.name}: imports of undeclared packages:\n  ${problems.join('\n  ')}`);
}

/**
 * jscodeshift transforms are typed by their calling convention alone: the build's own declarations name
 * jscodeshift's internal types, which jscodeshift does not ship.
 */
function writeTransformDeclarations(folder) {
  const declaration = [
    '/** A jscodeshift transform (`jscodeshift -t <this file>`): the rewritten source, or undefined when nothing changed. */',
    'declare const transform: (file: { path: string; source: string }, api: unknown, options: Record<string, unknown>) => string | undefined;',
    'export default transform;',
    '',
  ].join('\n');
  for (const file of readdirSync(folder)) {
    const match = /^(.*)\.(c?)js$/.exec(file);
    if (match) writeFileSync(join(folder, `${match[1]}.d.${match[2]}ts`), declaration);
  }
}

rmSync(packDirectory, { recursive: true, force: true });
mkdirSync(packDirectory, { recursive: true });
const written = [];
for (const definition of Object.values(definitions).filter((value) => typeof value === 'object')) {
  const stage = mkdtempSync(join(tmpdir(), `pack-${definition.name}-`));
  try {
    for (const [from, to, extensions] of definition.files) {
      const source = join(root, from);
      if (statSync(source).isDirectory()) {
        cpSync(source, join(stage, to), { recursive: true, filter: (path) => !extensions || statSync(path).isDirectory() || extensions.some((extension) => path.endsWith(extension)) });
      } else {
        mkdirSync(dirname(join(stage, to)), { recursive: true });
        cpSync(source, join(stage, to));
      }
    }
    if (definition.transformDeclarations) writeTransformDeclarations(join(stage, definition.transformDeclarations));
    cpSync(join(root, definition.readme), join(stage, 'README.md'));
    cpSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
    cpSync(join(root, 'CHANGELOG.md'), join(stage, 'CHANGELOG.md'));
    const manifest = manifestFor(definition);
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    checkImports(stage, manifest, definition);
    const [result] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDirectory], { cwd: stage, encoding: 'utf8' }));
    written.push(`${relative(root, join(packDirectory, result.filename))} (${result.entryCount} files, ${(result.unpackedSize / 1024).toFixed(0)} KiB unpacked)`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
console.log(written.join('\n'));
