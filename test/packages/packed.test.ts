// The three packages as published: each tarball installed alone into a scratch project outside this
// repository, from the npm registry, then used the way its users use it. Footprints are measured against a
// baseline installed in the same run.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedBytes, installedPackages, npmInstall, packageNames, packedTarballs, repositoryRoot, rootManifest, scratchProject, type PackageRole } from '../support/packed.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const range = (name: string) => rootManifest.dependencies[name] ?? rootManifest.peerDependencies[name] ?? rootManifest.devDependencies[name];

const PINNED_KEY_MODULE = `'use strict';
const jwt = require('jsonwebtoken');

const publicKey = \`-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB
-----END PUBLIC KEY-----\`;

module.exports = function claimsOf(token) {
  return jwt.verify(token, publicKey, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });
};
`;

let tarballs: Record<PackageRole, string>;
const projects = {} as Record<PackageRole | 'baseline', string>;

beforeAll(async () => {
  tarballs = packedTarballs();
  projects.baseline = scratchProject('baseline');
  projects.plugin = scratchProject('plugin', { type: 'module' });
  projects.runtime = scratchProject('runtime');
  projects.codemod = scratchProject('codemod');
  await Promise.all([
    npmInstall(projects.baseline, [`eslint@${range('eslint')}`, `@typescript-eslint/utils@${range('@typescript-eslint/utils')}`]),
    npmInstall(projects.plugin, [tarballs.plugin, `eslint@${range('eslint')}`]),
    npmInstall(projects.runtime, [tarballs.runtime]),
    npmInstall(projects.codemod, [tarballs.codemod]),
  ]);
}, 600_000);

describe('every tarball', () => {
  it.each(['plugin', 'runtime', 'codemod'] as const)('%s carries its manifest, README, LICENSE and CHANGELOG, and nothing of the repository beyond them', (role) => {
    const listing = execFileSync('tar', ['-tzf', tarballs[role]], { encoding: 'utf8' }).trim().split('\n');
    for (const file of ['package/package.json', 'package/README.md', 'package/LICENSE', 'package/CHANGELOG.md']) expect(listing).toContain(file);
    expect(listing.filter((file) => !/^package\/(dist\/|docs\/rules\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(file))).toEqual([]);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarballs[role], 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: packageNames[role], version: rootManifest.version, license: 'MIT', engines: rootManifest.engines });
  });

  it.each(['plugin', 'runtime', 'codemod'] as const)('%s passes publint and @arethetypeswrong/cli', async (role) => {
    const bin = (name: string) => join(repositoryRoot, 'node_modules', '.bin', name);
    const publint = await run(bin('publint'), ['run', tarballs[role], '--level', 'warning', '--strict'], { cwd: repositoryRoot });
    expect(publint.stdout).toMatch(/All good!/);
    // The codemod exports subpaths only (no main): the pre-exports node10 resolution cannot see them.
    const profile = role === 'codemod' ? ['--profile', 'node16'] : [];
    // attw exits non-zero on any problem its profile does not ignore (the promise then rejects).
    const attw = await run(bin('attw'), [tarballs[role], '--no-color', ...profile], { cwd: repositoryRoot, maxBuffer: 16 * MiB });
    expect(attw.stdout).toMatch(/No problems found|🟢/);
  }, 120_000);
});

describe(`${packageNames.plugin}`, () => {
  it('installs within ESLint + @typescript-eslint/utils + 1 MiB, with nothing of the runtime or the codemods', () => {
    const baseline = installedBytes(projects.baseline);
    const plugin = installedBytes(projects.plugin);
    expect(plugin, `plugin ${(plugin / MiB).toFixed(1)} MiB vs baseline ${(baseline / MiB).toFixed(1)} MiB`).toBeLessThanOrEqual(baseline + MiB);
    const installed = installedPackages(projects.plugin);
    for (const name of ['jose', 'jscodeshift', 'ts-morph', packageNames.runtime, packageNames.codemod]) expect(installed.has(name), name).toBe(false);
  });

  it('loads from ESM and CommonJS with the same rules and meta', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const esm = (await import('eslint-plugin-oidc')).default;
      const cjs = createRequire(import.meta.url)('eslint-plugin-oidc');
      console.log(JSON.stringify({ esm: [esm.meta, Object.keys(esm.rules), Object.keys(esm.configs)], cjs: [cjs.meta, Object.keys(cjs.rules), Object.keys(cjs.configs)], urls: Object.values(esm.rules).map((rule) => rule.meta.docs.url) }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: projects.plugin });
    const loaded = JSON.parse(stdout) as { esm: unknown[]; cjs: unknown[]; urls: string[] };
    expect(loaded.esm).toEqual(loaded.cjs);
    expect(loaded.esm[0]).toMatchObject({ name: packageNames.plugin, version: rootManifest.version, namespace: 'oidc' });
    expect(loaded.esm[1]).toEqual(['no-foreign-token-verification', 'no-hardcoded-jwt-key', 'no-id-token-as-bearer', 'no-org-as-local-verification']);
    // Each rule's docs URL names a page that the repository has and the package carries.
    const listing = execFileSync('tar', ['-tzf', tarballs.plugin], { encoding: 'utf8' });
    for (const url of loaded.urls) {
      const page = /\/blob\/main\/(docs\/rules\/[\w-]+\.md)$/.exec(url)?.[1];
      expect(page, url).toBeDefined();
      expect(() => readFileSync(join(repositoryRoot, page!)), page).not.toThrow();
      expect(listing).toContain(`package/${page}`);
    }
  });

  it("reports a pinned key through the installed ESLint with the recommended preset", async () => {
    mkdirSync(join(projects.plugin, 'src'), { recursive: true });
    writeFileSync(join(projects.plugin, 'eslint.config.js'), "import oidc from 'eslint-plugin-oidc';\nexport default [{ files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } }, oidc.configs.recommended];\n");
    writeFileSync(join(projects.plugin, 'src', 'verify.cjs'), PINNED_KEY_MODULE);
    const { stdout } = await run(process.execPath, [join('node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', 'src'], { cwd: projects.plugin }).catch((error: { stdout: string }) => error);
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(result!.messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([{ ruleId: 'oidc/no-hardcoded-jwt-key', line: 9 }]);
  });
});

describe(`${packageNames.runtime}`, () => {
  it('installs in at most 1 MiB with jose, and nothing else', () => {
    expect([...installedPackages(projects.runtime)].sort()).toEqual(['jose', packageNames.runtime].sort());
    expect(installedBytes(projects.runtime)).toBeLessThanOrEqual(MiB);
  });

  it('exports the same helpers to ESM and CommonJS', async () => {
    const script = `
      const esm = await import('${packageNames.runtime}');
      const cjs = (await import('node:module')).createRequire(import.meta.url)('${packageNames.runtime}');
      console.log(JSON.stringify({ esm: Object.keys(esm).filter((name) => name !== 'default').sort(), cjs: Object.keys(cjs).sort() }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: projects.runtime });
    const loaded = JSON.parse(stdout) as { esm: string[]; cjs: string[] };
    expect(loaded.esm).toEqual(loaded.cjs);
    expect(loaded.esm).toEqual(expect.arrayContaining(['createAccessTokenVerifier', 'createTokenIntrospector', 'TokenValidationError']));
  });
});

describe(`${packageNames.codemod}`, () => {
  it('installs without the plugin, the runtime or ESLint', () => {
    const installed = installedPackages(projects.codemod);
    for (const name of [packageNames.plugin, packageNames.runtime, 'eslint', 'jose']) expect(installed.has(name), name).toBe(false);
    expect(installed.has('jscodeshift') && installed.has('ts-morph')).toBe(true);
  });

  it('prints its version, and names itself in the JSON report', async () => {
    const bin = join(projects.codemod, 'node_modules', '.bin', 'oidc-codemod');
    expect((await run(bin, ['--version'])).stdout).toBe(`${packageNames.codemod} ${rootManifest.version}\n`);
    const repo = join(projects.codemod, 'service');
    mkdirSync(join(repo, 'src'), { recursive: true });
    writeFileSync(join(repo, 'package.json'), '{ "name": "service", "version": "1.0.0", "dependencies": { "jsonwebtoken": "^9.0.0" } }\n');
    writeFileSync(join(repo, 'src', 'verify.js'), PINNED_KEY_MODULE);
    const { stdout } = await run(bin, ['--dry-run', '--json', 'src'], { cwd: repo });
    const report = JSON.parse(stdout) as { tool: unknown; summary: { filesChanged: number; sitesRewritten: number } };
    expect(report.tool).toEqual({ name: packageNames.codemod, version: rootManifest.version });
    expect(report.summary.sitesRewritten).toBeGreaterThanOrEqual(1);
  });

  it('runs its transforms under the jscodeshift it installs', async () => {
    const folder = join(projects.codemod, 'plain');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'verify.js'), PINNED_KEY_MODULE);
    const transform = join(projects.codemod, 'node_modules', packageNames.codemod, 'dist', 'codemods', 'jwks-discovery.cjs');
    const { stdout } = await run(join(projects.codemod, 'node_modules', '.bin', 'jscodeshift'), ['--dry', '--print', '--run-in-band', '--extensions=js', '--parser=tsx', '-t', transform, join(folder, 'verify.js')], { cwd: projects.codemod });
    expect(stdout).toMatch(/createAccessTokenVerifier/);
    expect(stdout).not.toMatch(/BEGIN PUBLIC KEY/);
  });
});
