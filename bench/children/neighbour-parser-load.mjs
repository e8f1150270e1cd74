// What loading the plugin's neighbour parser costs a process: `node neighbour-parser-load.mjs <plugin entry>`.
// Resolves `@typescript-eslint/typescript-estree` from the plugin as the plugin does (beside it, else
// through `@typescript-eslint/utils`), requires it cold (it requires TypeScript), and parses one line,
// as the first neighbour read does. Reports the CPU time of that alone.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { report } from '../lib/proc.mjs';

const [pluginEntry] = process.argv.slice(2);
const fromPlugin = createRequire(pluginEntry);
let path;
try {
  path = fromPlugin.resolve('@typescript-eslint/typescript-estree');
} catch {
  path = createRequire(fromPlugin.resolve('@typescript-eslint/utils')).resolve('@typescript-eslint/typescript-estree');
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const estree = createRequire(import.meta.url)(path);
estree.parse("export const ISSUER = 'https://example.okta.com';", { loc: true, range: true, filePath: 'config.ts' });
const cpu = process.cpuUsage(cpu0);
report({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0 });
