// One run reaches a fixed point: every codemod fixture input, migrated in a scratch git repository under
// each flag combination the docs show, is left unchanged by a second run with the same flags.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, json, project, root } from './support.js';

const fixtures = join(root, 'test', 'codemods', '__fixtures__');
const inputs: Record<string, string> = {};
for (const transform of readdirSync(fixtures)) {
  for (const file of readdirSync(join(fixtures, transform))) {
    if (/\.input\.[cm]?[jt]sx?$/.test(file)) inputs[`src/${transform}/${file}`] = readFileSync(join(fixtures, transform, file), 'utf8');
  }
}

const FLAG_COMBINATIONS: readonly (readonly string[])[] = [
  [],
  ['--to-custom-as'],
  ['--issuer', 'https://acme.okta.com/oauth2/aus1orders', '--audience', 'api://orders'],
  ['--transform', 'jwks-discovery'],
  ['--transform', 'org-as-introspection'],
  ['--transform', 'id-token-to-access-token'],
  ['--transform', 'org-as-introspection', '--transform', 'id-token-to-access-token', '--to-custom-as'],
  ['--helper-import', 'oidc-token-guard'],
];

describe('oidc-codemod: one run reaches the fixed point', () => {
  it('has fixture inputs to run', () => {
    expect(Object.keys(inputs).length).toBeGreaterThan(40);
  });

  it.each(FLAG_COMBINATIONS.map((flags) => [flags.join(' ') || '(default)', flags] as const))('%s: a second run changes nothing', { timeout: 180_000 }, async (_name, flags) => {
    const folder = project(inputs);
    const first = await json(folder, ...flags, '.');
    expect(first.errors).toEqual([]);
    expect(first.summary.filesChanged).toBeGreaterThan(0);
    commitAll(folder, 'migrated');
    const second = await json(folder, ...flags, '.');
    expect(second.code).toBe(0);
    expect(second.errors).toEqual([]);
    expect(second.files.filter((file) => file.changed).map((file) => file.path)).toEqual([]);
    expect(git(folder, 'status', '--porcelain')).toBe('');
  });
});
