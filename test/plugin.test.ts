// Tests about the plugin itself: exports, presets, docs, metadata and what loading it costs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it('places each rule in the presets its docs name', () => {
    for (const [name, rule] of Object.entries(rules)) {
      const id = `oidc/${name}`;
      const preset = rule.meta.docs?.recommended;
      expect(configs.all.rules[id], `${id} in all`).toBe('error');
      expect(configs.recommended.rules[id], `${id} in recommended`).toBe(preset === 'recommended' ? 'error' : undefined);
      expect(configs.strict.rules[id], `${id} in strict`).toBe(preset ? 'error' : undefined);
    }
    for (const config of Object.values(configs)) {
      expect(config.plugins.oidc).toBe(plugin);
      expect(config.name).toMatch(/^oidc\//);
    }
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
