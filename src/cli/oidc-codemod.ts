/** The `oidc-codemod` command. */
import { runCli } from './run.js';

let interrupted = false;
process.on('SIGINT', () => {
  // A second interrupt stops at once; writes are atomic, so no file is left half-written either way.
  if (interrupted) process.exit(130);
  interrupted = true;
});

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: !!process.stderr.isTTY,
  cwd: process.cwd(),
  interrupted: () => interrupted,
});
process.exitCode = code;
