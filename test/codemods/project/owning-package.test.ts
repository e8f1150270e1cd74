// The package.json that owns a changed file, on real folders: workspaces, a repository inside a folder
// that has a package.json, symbolic links, no git at all; and the dependency edit that keeps formatting.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestWithDependency, owningPackageJson } from '../../../codemods/project/owning-package.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function tree(files: Record<string, string>, gitAt?: string): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'oidc-owner-')));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  if (gitAt !== undefined) execFileSync('git', ['init', '-q', join(root, gitAt)]);
  return root;
}

describe('owningPackageJson', () => {
  it('is the workspace member for its files and the workspace root only for its own', () => {
    const root = tree(
      {
        'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['backend', 'frontend'] }),
        'backend/package.json': JSON.stringify({ name: 'backend' }),
        'backend/src/auth/verify.js': '',
        'frontend/package.json': JSON.stringify({ name: 'frontend' }),
        'frontend/src/api.ts': '',
        'scripts/seed.js': '',
      },
      '',
    );
    expect(owningPackageJson(join(root, 'backend/src/auth/verify.js'))).toEqual({ kind: 'manifest', path: join(root, 'backend/package.json') });
    expect(owningPackageJson(join(root, 'frontend/src/api.ts'))).toEqual({ kind: 'manifest', path: join(root, 'frontend/package.json') });
    expect(owningPackageJson(join(root, 'scripts/seed.js'))).toEqual({ kind: 'manifest', path: join(root, 'package.json') });
  });

  it('never takes a package.json above the git work tree', () => {
    const root = tree({ 'package.json': JSON.stringify({ name: 'home' }), 'service/src/verify.ts': '' }, 'service');
    const owner = owningPackageJson(join(root, 'service/src/verify.ts'), (path) => path.replace(`${root}/`, ''));
    expect(owner).toEqual({ kind: 'none', reason: 'no package.json inside the repository owns service/src/verify.ts: add oidc-token-guard to the one that deploys it' });
  });

  it('a repository with a package.json of its own inside another project takes its own', () => {
    const root = tree({ 'package.json': '{}', 'service/package.json': '{}', 'service/src/verify.ts': '' }, 'service');
    expect(owningPackageJson(join(root, 'service/src/verify.ts'))).toEqual({ kind: 'manifest', path: join(root, 'service/package.json') });
  });

  it('does not write through a symbolic link: a linked package.json, or a folder linked out of the work tree', () => {
    const outside = tree({ 'package.json': JSON.stringify({ name: 'elsewhere' }), 'lib/verify.js': '' });
    const root = tree({ 'app/src/verify.js': '' }, '');
    symlinkSync(join(outside, 'package.json'), join(root, 'app/package.json'));
    const linked = owningPackageJson(join(root, 'app/src/verify.js'));
    expect(linked).toMatchObject({ kind: 'none', reason: expect.stringContaining('is a symbolic link') });
    symlinkSync(outside, join(root, 'vendored'));
    const throughFolder = owningPackageJson(join(root, 'vendored/lib/verify.js'));
    expect(throughFolder).toMatchObject({ kind: 'none', reason: expect.stringContaining('lies outside the repository') });
  });

  it('outside git, the nearest package.json above the file', () => {
    const root = tree({ 'package.json': '{}', 'src/deep/verify.js': '' });
    expect(owningPackageJson(join(root, 'src/deep/verify.js'))).toEqual({ kind: 'manifest', path: join(root, 'package.json') });
  });
});

describe('manifestWithDependency', () => {
  it('adds the dependency in order, keeping indentation, line endings and the final newline', () => {
    const text = '{\r\n    "name": "api",\r\n    "dependencies": {\r\n        "express": "^5.0.0",\r\n        "zod": "^3.0.0"\r\n    }\r\n}\r\n';
    expect(manifestWithDependency(text, 'oidc-token-guard', '^0.2.0')).toBe(
      '{\r\n    "name": "api",\r\n    "dependencies": {\r\n        "express": "^5.0.0",\r\n        "oidc-token-guard": "^0.2.0",\r\n        "zod": "^3.0.0"\r\n    }\r\n}\r\n',
    );
    expect(manifestWithDependency('{"name":"api"}', 'jose', '^6.1.0')).toBe('{\n  "name": "api",\n  "dependencies": {\n    "jose": "^6.1.0"\n  }\n}');
  });

  it('leaves a manifest that names the package in any dependency section', () => {
    for (const section of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      expect(manifestWithDependency(JSON.stringify({ [section]: { 'oidc-token-guard': '*' } }), 'oidc-token-guard', '^0.2.0'), section).toBeUndefined();
    }
    // A look-alike name is not the package.
    expect(manifestWithDependency(JSON.stringify({ dependencies: { 'oidc-token-guard-extra': '1' } }), 'oidc-token-guard', '^0.2.0')).toContain('"oidc-token-guard": "^0.2.0"');
  });

  it('refuses text that is not a JSON object', () => {
    expect(() => manifestWithDependency('{ "name": ', 'jose', '^6')).toThrow(SyntaxError);
    expect(() => manifestWithDependency('[]', 'jose', '^6')).toThrow('does not hold an object');
  });
});
