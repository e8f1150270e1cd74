// Cold plugin load in a fresh process: `node bench/children/load.mjs <specifier> [--modules]`.
// Times `await import(specifier)` and then touching every rule (the baseline's rules are lazy getters, so
// the import alone would not load them; ESLint does touch them when a config enables them). With --modules,
// also lists every module file loaded (ES modules through a loader hook, CommonJS through require.cache),
// so the timing runs are never slowed by the hook.
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { report } from '../lib/proc.mjs';

const [specifier, flag] = process.argv.slice(2);
const listModules = flag === '--modules';

const esm = new Set();
let port;
if (listModules) {
  const channel = new MessageChannel();
  port = channel.port1;
  port.on('message', (url) => esm.add(url));
  port.unref();
  register(new URL('./module-hooks.mjs', import.meta.url), { data: { port: channel.port2 }, transferList: [channel.port2] });
}
const require = createRequire(import.meta.url);
const before = new Set(Object.keys(require.cache));

const t0 = performance.now();
const mod = await import(specifier);
const t1 = performance.now();
const plugin = mod.default ?? mod;
let ruleCount = 0;
for (const name of Object.keys(plugin.rules ?? {})) {
  const rule = plugin.rules[name];
  if (rule && typeof rule.create === 'function' && rule.meta) ruleCount++;
}
const t2 = performance.now();

let modules;
if (listModules) {
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the hook's last messages arrive
  const files = new Set();
  for (const url of esm) if (url.startsWith('file:')) files.add(fileURLToPath(url));
  for (const path of Object.keys(require.cache)) if (!before.has(path)) files.add(path);
  const self = fileURLToPath(new URL('.', import.meta.url));
  const list = [...files].filter((f) => !f.startsWith(self) && !f.includes('/bench/lib/'));
  const packages = new Set();
  for (const f of list) {
    const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
    packages.add(m ? m[1] : '(this package)');
  }
  modules = { count: list.length, packages: [...packages].sort(), files: list };
}

report({ specifier, startupMs: t0, importMs: t1 - t0, rulesMs: t2 - t1, totalMs: t2 - t0, ruleCount, modules });
