/**
 * Adapter config files that pin a key: keycloak-connect reads `keycloak.json` (from the path it is given, a
 * required JSON module, or `<cwd>/keycloak.json` by default) and verifies bearer tokens with its
 * `realm-public-key`. Linted through the rule, on real files in a scratch directory.
 */
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import keys from '../fixtures/keys.json' with { type: 'json' };

const SPKI_BODY = keys.rsaSpki.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
const CONFIG = { realm: 'acme', 'auth-server-url': 'https://sso.acme.com/', resource: 'orders-api', 'bearer-only': true };

let dir: string;

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

async function lint(file: string, cwd = dir): Promise<string[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [{ plugins: { oidc: plugin as never }, rules: { 'oidc/no-hardcoded-jwt-key': 'error' } }] });
  const [result] = await eslint.lintFiles([join(dir, file)]);
  return result!.messages.map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}: ${message.message}`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oidc-adapter-config-'));
  write('pinned/keycloak.json', JSON.stringify({ ...CONFIG, 'realm-public-key': SPKI_BODY }, null, 2));
  write('fetched/keycloak.json', JSON.stringify(CONFIG, null, 2));
  write('placeholder/keycloak.json', JSON.stringify({ ...CONFIG, 'realm-public-key': '${env.REALM_PUBLIC_KEY}' }, null, 2));
  write('broken/keycloak.json', '{ "realm": ');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keycloak.json', () => {
  it('reports a realm-public-key in a required or imported config, read as the module it is, at the config argument', async () => {
    write('pinned/app.js', "const Keycloak = require('keycloak-connect');\nmodule.exports = new Keycloak({}, require('./keycloak.json'));\n");
    write('pinned/esm.mjs', "import Keycloak from 'keycloak-connect';\nimport config from './keycloak.json' with { type: 'json' };\nexport const keycloak = new Keycloak({}, config);\n");
    const [report, ...rest] = await lint('pinned/app.js');
    expect(rest).toEqual([]);
    expect(report).toMatch(/^2:35 providerPinnedKey: A base64-encoded public key is pinned as the key that verifies these Keycloak tokens/);
    expect(report).toContain('leave realm-public-key out');
    expect(await lint('pinned/esm.mjs')).toEqual([expect.stringMatching(/^3:42 providerPinnedKey: /)]);
  });

  it('follows a path string, which keycloak-connect reads from the working directory, and names the file', async () => {
    write('pinned/by-path.mjs', "import Keycloak from 'keycloak-connect';\nexport const keycloak = new Keycloak({}, 'pinned/keycloak.json');\n");
    const [report, ...rest] = await lint('pinned/by-path.mjs');
    expect(rest).toEqual([]);
    expect(report).toMatch(/^2:42 pinnedKeyConfigFile: pinned\/keycloak\.json pins the Keycloak key \('realm-public-key'\) this adapter verifies tokens with/);
  });

  it('reads <cwd>/keycloak.json when the adapter is given no config, and reports the constructor', async () => {
    const code = "import Keycloak from 'keycloak-connect';\nexport const keycloak = new Keycloak({ store });\n";
    write('pinned/default.mjs', code);
    write('fetched/default.mjs', code);
    expect(await lint('pinned/default.mjs', join(dir, 'pinned'))).toEqual([expect.stringMatching(/^2:29 pinnedKeyConfigFile: keycloak\.json pins/)]);
    expect(await lint('fetched/default.mjs', join(dir, 'fetched'))).toEqual([]);
  });

  it('leaves alone configs without the key, with an environment reference, unreadable, or missing', async () => {
    for (const folder of ['fetched', 'placeholder', 'broken']) {
      write(`${folder}/app.js`, "const Keycloak = require('keycloak-connect');\nmodule.exports = new Keycloak({}, require('./keycloak.json'));\n");
      expect(await lint(`${folder}/app.js`), folder).toEqual([]);
    }
    write('fetched/missing.js', "const Keycloak = require('keycloak-connect');\nmodule.exports = new Keycloak({}, require('./other.json'));\n");
    expect(await lint('fetched/missing.js')).toEqual([]);
  });

  it('sees a key added to the file later in the same process (the cache follows the modification time)', async () => {
    write('changing/keycloak.json', JSON.stringify(CONFIG));
    write('changing/app.js', "const Keycloak = require('keycloak-connect');\nmodule.exports = new Keycloak({}, 'changing/keycloak.json');\n");
    expect(await lint('changing/app.js')).toEqual([]);
    write('changing/keycloak.json', JSON.stringify({ ...CONFIG, 'realm-public-key': SPKI_BODY }));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'changing/keycloak.json'), later, later);
    expect(await lint('changing/app.js')).toHaveLength(1);
  });
});
