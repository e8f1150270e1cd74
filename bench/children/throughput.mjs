// verify() throughput with a warm key cache, in a fresh process: `node throughput.mjs <job.json>`.
// job: { lib, issuer, audience, tokens, inFlight, warmupMs, durationMs }
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { report } from '../lib/proc.mjs';
import { makeVerifier } from './verifiers.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { verify } = await makeVerifier(job.lib, job);
const { tokens } = job;

// Warm: the first call fetches discovery and keys; then run a while so the JIT settles.
const first = await verify(tokens[0]);
const claims = first.claims ?? first;
if (claims.aud === undefined) throw new Error('verify() returned no claims');

let next = 0;
let failures = 0;
let firstFailure;
async function worker(until, counter) {
  while (performance.now() < until) {
    const token = tokens[next++ % tokens.length];
    try {
      await verify(token);
      counter.n++;
    } catch (error) {
      failures++;
      firstFailure ??= String(error?.message ?? error);
    }
  }
}
async function phase(ms) {
  const counter = { n: 0 };
  const start = performance.now();
  const until = start + ms;
  await Promise.all(Array.from({ length: job.inFlight }, () => worker(until, counter)));
  return { n: counter.n, ms: performance.now() - start };
}

await phase(job.warmupMs);
const measured = await phase(job.durationMs);
if (failures) throw new Error(`${failures} verifications failed: ${firstFailure}`);
report({ lib: job.lib, inFlight: job.inFlight, verified: measured.n, ms: measured.ms, perSecond: (measured.n / measured.ms) * 1000 });
