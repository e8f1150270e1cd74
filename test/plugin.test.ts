// Tests about the plugin itself: exports, presets, docs, metadata and what loading it costs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { configs, meta, rules } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; exports: Record<string, unknown> };
const ruleFiles = readdirSync(join(root, 'rules')).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/\.ts$/, ''));

describe('the plugin object', () => {
  it('meta matches package.json', () => {
    expect(meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'oidc' });
    expect(plugin.meta).toBe(meta);
  });

  it('exports every rule file, and only those', () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFiles.sort());
  });

  it.each(Object.entries(rules))('%s is documented, and its docs URL points at its page', (name, rule) => {
    expect(rule.meta.docs?.description).toBeTruthy();
    expect(rule.meta.docs?.url).toBe(`https://github.com/eslint-plugin-oidc/eslint-plugin-oidc/blob/main/docs/rules/${name}.md`);
    const page = join(root, 'docs', 'rules', `${name}.md`);
    expect(existsSync(page), page).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text).toMatch(new RegExp(`^# ${name.replace(/-/g, '\\-')}|^# oidc/${name}`, 'm'));
    const hasOptions = Array.isArray(rule.meta.schema) && rule.meta.schema.length > 0;
    for (const heading of ['## Rule details', '## When not to use it']) expect(text, heading).toContain(heading);
    expect(text.includes('## Options'), '## Options exactly when the rule has options').toBe(hasOptions);
    for (const messageId of Object.keys(rule.meta.messages)) expect(rule.meta.messages[messageId as never]).toMatch(/\S/);
    expect(rule.meta.schema).toBeDefined();
  });

  it('places each rule in the presets its docs name, tightened in strict and all', () => {
    for (const [name, rule] of Object.entries(rules)) {
      const id = `oidc/${name}`;
      const preset = rule.meta.docs?.recommended;
      const strictOptions = rule.meta.docs?.strictOptions;
      const tightened = strictOptions ? ['error', ...strictOptions] : 'error';
      expect(configs.all.rules[id], `${id} in all`).toEqual(tightened);
      expect(configs.recommended.rules[id], `${id} in recommended`).toBe(preset === 'recommended' ? 'error' : undefined);
      expect(configs.strict.rules[id], `${id} in strict`).toEqual(preset ? tightened : undefined);
    }
    for (const config of Object.values(configs)) {
      expect(config.plugins.oidc).toBe(plugin);
      expect(config.name).toMatch(/^oidc\//);
    }
  });

  it('strict options are valid options of their rule', () => {
    const tightened = Object.entries(rules).filter(([, rule]) => rule.meta.docs?.strictOptions);
    expect(tightened.map(([name]) => name)).toContain('no-hardcoded-jwt-key');
    for (const [name, rule] of tightened) {
      const properties = Object.keys((rule.meta.schema as unknown as { properties?: object }[])[0]?.properties ?? {});
      for (const option of rule.meta.docs!.strictOptions!) expect(properties, name).toEqual(expect.arrayContaining(Object.keys(option as object)));
    }
  });

  it('recommended and strict differ as documented: strict also reports keys of self-issued tokens', async () => {
    const code = [
      "import jwt from 'jsonwebtoken';",
      "const PRIVATE_KEY = process.env.SIGNING_KEY;",
      "const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEx7r3cQ8kq0pTxPjU3j3P2Zx9XzD7o5m1b6bH2b0mYl5f1kq7w3Yq6l8pQm2s0cV9n4hQ2yX1r7t5u8w9e0f1g==\\n-----END PUBLIC KEY-----';",
      "export const issue = (sub) => jwt.sign({ sub }, PRIVATE_KEY, { algorithm: 'ES256' });",
      "export const check = (token) => jwt.verify(token, PUBLIC_KEY, { algorithms: ['ES256'] });",
    ].join('\n');
    const lint = async (config: 'recommended' | 'strict' | 'all') => {
      const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [configs[config] as never] });
      const [result] = await eslint.lintText(code, { filePath: join(root, 'self-issued.js') });
      return result!.messages.map((message) => `${message.ruleId}:${message.line}:${message.messageId}`);
    };
    expect(await lint('recommended')).toEqual([]);
    expect(await lint('strict')).toEqual(['oidc/no-hardcoded-jwt-key:5:selfIssuedKey']);
    expect(await lint('all')).toEqual(['oidc/no-hardcoded-jwt-key:5:selfIssuedKey']);
  });

  it('the three rules of the problem this plugin solves are errors in recommended, once written', () => {
    for (const name of ['no-hardcoded-jwt-key', 'no-org-as-local-verification', 'no-id-token-as-bearer']) {
      if (name in rules) expect(configs.recommended.rules[`oidc/${name}`]).toBe('error');
    }
  });
});

describe('the built package', () => {
  const dist = join(root, 'dist');

  it('has ESM and CommonJS entries with declarations for both', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'runtime/index.js', 'runtime/index.cjs', 'runtime/index.d.ts', 'runtime/index.d.cts']) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
  });

  it('require() and import() give the same plugin', async () => {
    const required = createRequire(import.meta.url)(join(dist, 'index.cjs')) as typeof plugin;
    const imported = (await import(join(dist, 'index.js'))) as { default: typeof plugin };
    expect(required.meta).toEqual(meta);
    expect(Object.keys(required.rules)).toEqual(Object.keys(rules));
    expect(Object.keys(required.configs)).toEqual(['recommended', 'strict', 'all']);
    expect(imported.default.meta).toEqual(meta);
  });

  it('loading the entry does not load the TypeScript compiler, jscodeshift or ts-morph', () => {
    const script = `require(${JSON.stringify(join(dist, 'index.cjs'))});
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify({ count: loaded.length, heavy: loaded.filter((file) => /node_modules[\\\\/](typescript|jscodeshift|ts-morph|@ts-morph|recast|@babel)[\\\\/]/.test(file)) }));`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { count: number; heavy: string[] };
    expect(result.heavy).toEqual([]);
    expect(result.count).toBeLessThan(40);
  });
});
