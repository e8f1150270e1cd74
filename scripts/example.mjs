#!/usr/bin/env node
// The README's main job: lint the bundled example app with the plugin's recommended rules, offline.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
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
console.log(`\nexamples/: ${results.length} files linted`);
for (const [rule, count] of [...counts].sort()) console.log(`  ${rule}: ${count} finding${count === 1 ? '' : 's'}`);
if (crashes > 0) {
  console.error(`${crashes} file(s) could not be linted`);
  process.exitCode = 1;
}
