#!/usr/bin/env node
// The README's main job, offline: lint the bundled example app with the recommended rules, then show what
// the codemods would change (a dry run: nothing is written).
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const examples = fileURLToPath(new URL('../examples/', import.meta.url));

console.log('== oidc rules on examples/ (eslint, recommended config)');
const eslint = new ESLint({ cwd: examples });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const counts = new Map();
let crashes = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal || !message.ruleId) crashes++;
    else counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  }
}
console.log(`examples/: ${results.length} files linted`);
for (const [rule, count] of [...counts].sort()) console.log(`  ${rule}: ${count} finding${count === 1 ? '' : 's'}`);

console.log('\n== what the codemods would change (oidc-codemod --dry-run examples)');
const cli = fileURLToPath(new URL('../dist/cli/oidc-codemod.js', import.meta.url));
let codemodStatus = 0;
try {
  process.stdout.write(execFileSync(process.execPath, [cli, '--dry-run', 'examples'], { cwd: root, encoding: 'utf8' }));
} catch (error) {
  process.stdout.write(error.stdout ?? '');
  process.stderr.write(error.stderr ?? '');
  codemodStatus = error.status ?? 1;
}

if (crashes > 0 || codemodStatus !== 0) {
  console.error(`\nexample run failed: ${crashes} file(s) could not be linted, oidc-codemod exited ${codemodStatus}`);
  process.exitCode = 1;
}
