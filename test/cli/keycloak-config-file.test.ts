// keycloak-connect given its keycloak.json (`require('./keycloak.json')`, or an import of it): the CLI removes the
// pinned realm-public-key from that file, keeping its formatting, so that the adapter fetches the realm's certs;
// one run to a fixed point, the rule satisfied, and config files the code does not read left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { withoutJsonProperties } from '../../codemods/lib/keycloak-connect.js';
import jwksDiscoveryTransform, { jwksDiscovery } from '../../codemods/jwks-discovery.js';
import { ProjectModules } from '../../codemods/project/module-values.js';
import plugin from '../../src/index.js';
import { cli, commitAll, json, project, read } from './support.js';

const REALM_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvu9sBYl0OR/k9v93OWDwha99m7WGAlfWIZXEFiFQAXV0FUJ+Hwi5exSPYsXt6QPa4W+0aOEWDUtsKzF0fuld+0mofPUIo9xvtElVxPanpAPLxXYrqiVOsBT7k9wlpmqyOg26y3ySyrPqizuvT+BWozP8D7pvGNN54I9QHS5cHWRz+Kn8JCKEOQ00Z+0Zkopega6WVGCH0NSroUYFQnlBR0uBjURbWBe8q+UthCAjsSMMt/slSJ0XOfYpDubGLYnXsdvMEt9NQ+SU513U/greSCmS1bEQ9RAdFMKzz/Zv/Ox74GLBUcUKLIXMFZ22Ugj6OfPzD26glYCxIZvY+nxdQQIDAQAB';

const keycloakJson = (eol: string, keyLast = false) =>
  [
    '{',
    '  "realm": "acme",',
    '  "auth-server-url": "https://sso.acme.com/",',
    '  "resource": "reports-api",',
    ...(keyLast ? ['  "bearer-only": true,', `  "realm-public-key": "${REALM_KEY}"`] : [`  "realm-public-key": "${REALM_KEY}",`, '  "bearer-only": true']),
    '}',
    '',
  ].join(eol);

const ADAPTER = `const Keycloak = require('keycloak-connect');

exports.keycloak = new Keycloak({}, require('./keycloak.json'));
`;

function reportsOf(folder: string, path: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: folder });
  return linter.verify(
    read(folder, path),
    [{ files: ['**/*.{js,ts}'], plugins: { oidc: plugin as never }, languageOptions: { parser: tsParser as never }, rules: { 'oidc/no-hardcoded-jwt-key': 'error' } }],
    { filename: join(folder, path) },
  );
}

describe('withoutJsonProperties', () => {
  it('removes a property on a line of its own, with its line, keeping CRLF line endings and the rest byte for byte', () => {
    const text = keycloakJson('\r\n');
    const edited = withoutJsonProperties(text, ['realm-public-key', 'realmPublicKey'])!;
    expect(edited).toBe(text.replace(`  "realm-public-key": "${REALM_KEY}",\r\n`, ''));
    expect(JSON.parse(edited)).toEqual({ realm: 'acme', 'auth-server-url': 'https://sso.acme.com/', resource: 'reports-api', 'bearer-only': true });
  });

  it('removes the last property with the comma before it, and a property of a one-line file', () => {
    expect(withoutJsonProperties(keycloakJson('\n', true), ['realm-public-key'])).toBe(keycloakJson('\n', true).replace(`,\n  "realm-public-key": "${REALM_KEY}"`, ''));
    expect(withoutJsonProperties(`{"realm":"acme","realm-public-key":"${REALM_KEY}","resource":"api"}`, ['realm-public-key'])).toBe('{"realm":"acme","resource":"api"}');
  });

  it('gives undefined for a file without the properties, a nested one of that name, or text that is not a JSON object', () => {
    expect(withoutJsonProperties('{ "realm": "acme" }\n', ['realm-public-key'])).toBeUndefined();
    expect(withoutJsonProperties(`{ "nested": { "realm-public-key": "${REALM_KEY}" } }`, ['realm-public-key'])).toBeUndefined();
    expect(withoutJsonProperties(`{ "realm-public-key": "${REALM_KEY}", }`, ['realm-public-key'])).toBeUndefined();
    expect(withoutJsonProperties('["realm-public-key"]', ['realm-public-key'])).toBeUndefined();
  });
});

describe('oidc-codemod and the keycloak.json keycloak-connect is given', () => {
  it('removes realm-public-key from it (formatting kept), counts the rewrite on the code that reads it, and a second run changes nothing', async () => {
    const folder = project({
      'src/keycloak.json': keycloakJson('\r\n'),
      'src/reports.js': ADAPTER,
      'src/esm.mjs': `import Keycloak from 'keycloak-connect';\nimport config from './keycloak.json' with { type: 'json' };\n\nexport const keycloak = new Keycloak({}, config);\n`,
      // Read by no code here: keycloak-connect reads a keycloak.json from the working directory only when given none.
      'other/keycloak.json': keycloakJson('\n'),
    });
    expect(reportsOf(folder, 'src/reports.js')).toHaveLength(1);

    const dry = await cli(folder, '--dry-run', '.');
    expect(dry.stdout).toContain(`--- a/src/keycloak.json\n+++ b/src/keycloak.json`);
    expect(dry.stdout).toContain(`-  "realm-public-key": "${REALM_KEY}",`);
    expect(read(folder, 'src/keycloak.json')).toBe(keycloakJson('\r\n'));

    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    expect(read(folder, 'src/keycloak.json')).toBe(keycloakJson('\r\n').replace(`  "realm-public-key": "${REALM_KEY}",\r\n`, ''));
    expect(read(folder, 'other/keycloak.json')).toBe(keycloakJson('\n'));
    expect(read(folder, 'src/reports.js')).toBe(ADAPTER);
    const entry = (path: string) => report.files.find((file) => file.path === path);
    expect(entry('src/reports.js')?.rewrites).toEqual([{ transform: 'jwks-discovery', line: 3 }]);
    expect(entry('src/esm.mjs')?.rewrites).toEqual([{ transform: 'jwks-discovery', line: 4 }]);
    expect(entry('src/keycloak.json')?.changed).toBe(true);
    expect(report.files.flatMap((file) => file.review)).toEqual([]);
    // No runtime needed: keycloak-connect fetches the realm's certs itself.
    expect(JSON.parse(read(folder, 'package.json')).dependencies).toEqual({});
    expect(reportsOf(folder, 'src/reports.js')).toEqual([]);
    expect(reportsOf(folder, 'src/esm.mjs')).toEqual([]);

    commitAll(folder, 'migrated');
    expect((await cli(folder, '--check', '.')).code).toBe(0);
  });

  it('leaves a keycloak.json that matches an ignore pattern, with the reason on the code that reads it', async () => {
    const folder = project({ 'src/keycloak.json': keycloakJson('\n'), 'src/reports.js': ADAPTER });
    const report = await json(folder, '--ignore-pattern', '**/keycloak.json', '.');
    expect(readFileSync(join(folder, 'src/keycloak.json'), 'utf8')).toBe(keycloakJson('\n'));
    expect(report.files.find((file) => file.path === 'src/reports.js')?.review).toEqual([
      { line: 3, reason: expect.stringMatching(/^keycloak\.json pins the key, but matches an ignore pattern: remove realm-public-key or realmPublicKey in keycloak\.json by hand/) },
    ]);
  });

  it('the transform asks for the edit of the file the adapter is given, and rewrites nothing in the code', () => {
    const folder = project({ 'src/keycloak.json': keycloakJson('\n'), 'src/reports.js': ADAPTER }, { git: false });
    const path = join(folder, 'src/reports.js');
    const outcome = jwksDiscovery(ADAPTER, path, {}, { values: new ProjectModules(new Set([path])).oracleFor(path) });
    expect(outcome.source).toBeUndefined();
    expect(outcome.rewrites).toEqual([]);
    expect(outcome.configEdits).toEqual([{ transform: 'jwks-discovery', path: join(folder, 'src/keycloak.json'), remove: ['realm-public-key', 'realmPublicKey'], line: 3 }]);
  });

  it('without the project\'s module values (as under jscodeshift) the file is found all the same; jscodeshift, which writes only the file it transforms, asks a person', () => {
    const folder = project({ 'src/keycloak.json': keycloakJson('\n'), 'src/reports.js': ADAPTER }, { git: false });
    const path = join(folder, 'src/reports.js');
    expect(jwksDiscovery(ADAPTER, path).configEdits).toEqual([{ transform: 'jwks-discovery', path: join(folder, 'src/keycloak.json'), remove: ['realm-public-key', 'realmPublicKey'], line: 3 }]);
    const reports: string[] = [];
    const output = jwksDiscoveryTransform({ path, source: ADAPTER }, { report: (message: string) => reports.push(message) } as never, {} as never);
    expect(output).toBeUndefined();
    expect(reports).toEqual([`${path}:3: ${join(folder, 'src/keycloak.json')} pins the key (realm-public-key or realmPublicKey), and jscodeshift rewrites only this file: remove it by hand, or run oidc-codemod, which edits the config file too`]);
  });

  it('a keycloak.json read from the working directory at run time (a path string, or none given) is reported on the code, not edited', async () => {
    const folder = project({
      'keycloak.json': keycloakJson('\n'),
      'src/default.js': `const Keycloak = require('keycloak-connect');\n\nexports.keycloak = new Keycloak({});\n`,
      'src/path.js': `const Keycloak = require('keycloak-connect');\n\nexports.keycloak = new Keycloak({}, './keycloak.json');\n`,
    });
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    expect(read(folder, 'keycloak.json')).toBe(keycloakJson('\n'));
    const review = (path: string) => report.files.find((file) => file.path === path)?.review;
    expect(review('src/default.js')).toEqual([{ line: 3, reason: expect.stringMatching(/^keycloak-connect reads keycloak\.json from the working directory at run time, and the keycloak\.json in the package's folder pins the realm key \(realm-public-key\): remove realm-public-key/) }]);
    expect(review('src/path.js')).toEqual([{ line: 3, reason: expect.stringMatching(/^keycloak-connect reads '\.\/keycloak\.json' from the working directory at run time/) }]);
    expect(report.summary.filesChanged).toBe(0);
  });
});
