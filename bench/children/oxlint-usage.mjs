// Preloaded into an oxlint run: `node --import <this file> node_modules/oxlint/bin/oxlint ...`. oxlint's
// command is a Node program (the linter a native addon on its own threads, JS plugins on this process's),
// so this process's resource usage at exit is the whole run's. Written to the file OIDC_BENCH_USAGE names.
import { writeFileSync } from 'node:fs';

const out = process.env.OIDC_BENCH_USAGE;
if (!out) throw new Error('OIDC_BENCH_USAGE must name the file to write the resource usage to');

process.on('exit', (exitCode) => {
  const usage = process.resourceUsage();
  writeFileSync(out, JSON.stringify({ exitCode, processCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, rssMb: usage.maxRSS / 1024 }));
});
