// The project's modules as the transforms follow values across files: each parsed once while it is kept,
// and no more of them kept parsed than the bound, so that a run over tens of thousands of files stays small.
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectModules } from '../../../codemods/project/module-values.js';

const folder = realpathSync(mkdtempSync(join(tmpdir(), 'oidc-modules-')));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const issuerModule = (name: string, issuer: string) => {
  writeFileSync(join(folder, `${name}.ts`), `export const ISSUER = '${issuer}';\n`);
  return join(folder, `${name}.ts`);
};

describe('ProjectModules', () => {
  const importer = join(folder, 'verify.ts');
  const issuerOf = (modules: ProjectModules, name: string) => {
    const value = modules.exportedValue(importer, `./${name}`, 'ISSUER');
    return value?.kind === 'string' ? value.value : undefined;
  };

  it('reads a module once while it is kept: a change on disk after the first read is not seen', () => {
    const files = new Set([importer, issuerModule('a', 'https://acme.okta.com/oauth2/a'), issuerModule('b', 'https://acme.okta.com/oauth2/b')]);
    const modules = new ProjectModules(files, 2);
    expect(issuerOf(modules, 'a')).toBe('https://acme.okta.com/oauth2/a');
    issuerModule('a', 'https://acme.okta.com/oauth2/changed');
    expect(issuerOf(modules, 'b')).toBe('https://acme.okta.com/oauth2/b');
    expect(issuerOf(modules, 'a')).toBe('https://acme.okta.com/oauth2/a');
  });

  it('keeps no more modules than its bound, the least recently used dropped first, and reads a dropped one again', () => {
    const files = new Set([importer, ...['c', 'd', 'e'].map((name) => issuerModule(name, `https://acme.okta.com/oauth2/${name}`))]);
    const modules = new ProjectModules(files, 2);
    expect(issuerOf(modules, 'c')).toBe('https://acme.okta.com/oauth2/c');
    expect(issuerOf(modules, 'd')).toBe('https://acme.okta.com/oauth2/d');
    // c was used last: d is the one dropped when e comes.
    expect(issuerOf(modules, 'c')).toBe('https://acme.okta.com/oauth2/c');
    expect(issuerOf(modules, 'e')).toBe('https://acme.okta.com/oauth2/e');
    issuerModule('c', 'https://acme.okta.com/oauth2/c2');
    issuerModule('d', 'https://acme.okta.com/oauth2/d2');
    expect(issuerOf(modules, 'c')).toBe('https://acme.okta.com/oauth2/c');
    expect(issuerOf(modules, 'd')).toBe('https://acme.okta.com/oauth2/d2');
  });
});
