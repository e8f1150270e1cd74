// Runs a bench child script in a fresh Node process and reads back the JSON it reports.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const RESULT_PREFIX = '@@bench-result ';

/** Children call this once, last: the parent reads the line that starts with RESULT_PREFIX. */
export function report(result) {
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/**
 * Spawns `node [execArgv] script [args]`; resolves with the child's reported result and the wall time from
 * spawn to exit (what a user waiting on the command sees).
 */
export function runChild(script, args = [], { execArgv = [], env = {}, cwd, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...execArgv, script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new Error(`${script} ${args.join(' ')} exited ${code}\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`));
        return;
      }
      resolve({ result: JSON.parse(line.slice(RESULT_PREFIX.length)), wallMs, stderr });
    });
  });
}
