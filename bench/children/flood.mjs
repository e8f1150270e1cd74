// A flood of tokens with unknown (forged) kids against a verifier whose keys are warm:
// `node flood.mjs <job.json>`; job: { lib, issuer, audience, validToken, count, durationMs, graceMs, cooldownMs? }.
// The forged tokens carry valid-looking claims and a random kid; their signatures are random bytes, which
// does not matter: a verifier must refuse them at the key lookup, before any signature check.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { report } from '../lib/proc.mjs';
import { makeVerifier } from './verifiers.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { verify, stats } = await makeVerifier(job.lib, job);
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const payload = b64(JSON.parse(Buffer.from(job.validToken.split('.')[1], 'base64url').toString()));
const forged = Array.from({ length: job.count }, () =>
  [b64({ alg: 'RS256', kid: randomBytes(9).toString('base64url'), typ: 'JWT' }), payload, randomBytes(256).toString('base64url')].join('.'),
);

const warmStart = performance.now();
await verify(job.validToken); // warm: discovery and the first JWKS fetch
const start = performance.now();
const ticks = Math.max(1, Math.round(job.durationMs / 25));
const perTick = Math.ceil(job.count / ticks);
const outcomes = {};
const pending = [];
const tally = (key) => (outcomes[key] = (outcomes[key] ?? 0) + 1);
for (let tick = 0; tick < ticks; tick++) {
  const wait = start + tick * (job.durationMs / ticks) - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  for (const token of forged.slice(tick * perTick, (tick + 1) * perTick)) {
    pending.push(
      verify(token).then(
        () => tally('accepted'),
        (error) => tally(error?.code ?? error?.name ?? 'error'),
      ),
    );
  }
}
// Wait for every answer, but no longer than graceMs after the last token: a verifier may hold callers back.
let settled = 0;
for (const p of pending) p.then(() => settled++);
const lastSent = performance.now();
await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, job.graceMs).unref())]);
const end = performance.now();
const floodMs = end - start;
const pendingAtEnd = forged.length - settled;
const outcomesAtEnd = { ...outcomes };
// A valid token still verifies after the flood (the flood did not break the key cache).
let validAfter = true;
try {
  await verify(job.validToken);
} catch {
  validAfter = false;
}
report({
  lib: job.lib,
  sent: forged.length,
  sendMs: lastSent - start,
  floodMs,
  windowMs: end - warmStart,
  outcomes: outcomesAtEnd,
  pending: pendingAtEnd,
  validAfter,
  stats: stats(),
});
// Calls a verifier still holds (queued behind a rate limiter) would keep the process alive.
process.exit(0);
