// Preloaded into an oxlint run: `node --import <this file> node_modules/oxlint/bin/oxlint ...`. oxlint's
// command is a Node program (the linter a native addon on its own threads, JS plugins on this process's),
// so this process's resource usage at exit is the whole run's. Written to the file OIDC_BENCH_USAGE names,
// with what the plugin did beyond the linted files: neighbouring modules it read (its module-facts
// counters, on a global symbol) and whether that loaded TypeScript (its neighbour parser needs it).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = process.env.OIDC_BENCH_USAGE;
if (!out) throw new Error('OIDC_BENCH_USAGE must name the file to write the resource usage to');
const require = createRequire(import.meta.url);

process.on('exit', (exitCode) => {
  const usage = process.resourceUsage();
  const facts = globalThis[Symbol.for('eslint-plugin-oidc.module-facts.stats')];
  const typescriptLoaded = Object.keys(require.cache).some((path) => /[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(path));
  writeFileSync(
    out,
    JSON.stringify({
      exitCode,
      processCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      rssMb: usage.maxRSS / 1024,
      neighboursRead: facts?.modulesRead ?? 0,
      neighbourFailures: facts?.failures ?? 0,
      typescriptLoaded,
    }),
  );
});
