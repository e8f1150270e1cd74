// 4. Runtime: verify() throughput with warm keys, and JWKS fetches under a flood of forged kids, for
// createAccessTokenVerifier and @okta/jwt-verifier against the same 127.0.0.1 issuer and the same tokens.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AUDIENCE, startIssuer } from '../lib/issuer.mjs';
import { bundleSourceAnnotator, summarizeProfile } from '../lib/profile.mjs';
import { int, median, ms, rotations, spread, table, times } from '../lib/stats.mjs';

const THROUGHPUT_CHILD = new URL('../children/throughput.mjs', import.meta.url).pathname;
const FLOOD_CHILD = new URL('../children/flood.mjs', import.meta.url).pathname;
const LIBS = { oidc: '`createAccessTokenVerifier` (oidc-token-guard)', okta: '`@okta/jwt-verifier` `verifyAccessToken`' };
const TARGET = 2;

export default {
  name: 'runtime',
  title: 'Runtime helpers',
  async run(ctx) {
    const { smoke } = ctx;
    const issuer = await startIssuer();
    try {
      const tokens = await issuer.mintTokens(smoke ? 16 : 256);
      const throughput = await measureThroughput(ctx, issuer, tokens);
      const flood = await measureFlood(ctx, issuer, tokens[0]);
      if (!smoke && Object.values(throughput.ratios).some((r) => r < TARGET)) throughput.profile = await profileThroughput(ctx, issuer, tokens, throughput);
      const largeKeySet = await measureLargeKeySet(ctx, throughput);
      const combined = combine(throughput, flood, smoke);
      return { ...combined, markdown: combined.markdown + largeKeySet.markdown, summary: [...combined.summary, largeKeySet.summary] };
    } finally {
      await issuer.close();
    }
  },
};

async function measureThroughput(ctx, issuer, tokens) {
  const runs = ctx.options.runtimeRuns ?? (ctx.smoke ? 1 : 5);
  const warmupMs = ctx.smoke ? 200 : 500;
  const durationMs = ctx.smoke ? 400 : 2000;
  const cases = [];
  for (const inFlight of [1, 32]) for (const lib of ['oidc', 'okta']) cases.push({ lib, inFlight });
  ctx.log(`runtime: verify() throughput, ${cases.length} cases × ${runs} run(s) of ${durationMs} ms, each in a fresh process`);
  const results = new Map(cases.map((c) => [`${c.lib}/${c.inFlight}`, []]));
  for (const order of rotations(cases, runs)) {
    for (const c of order) {
      const job = ctx.writeJob(`throughput-${c.lib}-${c.inFlight}`, { lib: c.lib, issuer: issuer.issuer, audience: AUDIENCE, tokens, inFlight: c.inFlight, warmupMs, durationMs });
      const { result } = await ctx.runChild(THROUGHPUT_CHILD, [job], { cwd: ctx.root });
      results.get(`${c.lib}/${c.inFlight}`).push(result.perSecond);
    }
  }
  const rows = [];
  const ratios = {};
  for (const inFlight of [1, 32]) {
    const oidc = median(results.get(`oidc/${inFlight}`));
    const okta = median(results.get(`okta/${inFlight}`));
    ratios[inFlight] = oidc / okta;
    rows.push([`${inFlight}`, int(oidc), spread(results.get(`oidc/${inFlight}`), int), int(okta), spread(results.get(`okta/${inFlight}`), int), times(oidc / okta)]);
  }
  return { runs, durationMs, warmupMs, tokens: tokens.length, rows, ratios, results: Object.fromEntries(results) };
}

const FILLER_KEYS = 10_000;

/** Issue 21: a warm verify() against a JWKS of 10 000 keys, beside the 1-key runs above (keys are indexed by kid). */
async function measureLargeKeySet(ctx, throughput) {
  const runs = throughput.runs;
  const issuer = await startIssuer({ fillerKeys: FILLER_KEYS });
  const perSecond = [];
  try {
    const tokens = await issuer.mintTokens(ctx.smoke ? 16 : 256);
    ctx.log(`runtime: verify() throughput against a ${int(FILLER_KEYS + 1)}-key JWKS, ${runs} run(s), 1 in flight`);
    for (let run = 0; run < runs; run++) {
      const job = ctx.writeJob(`throughput-large-jwks-${run}`, { lib: 'oidc', issuer: issuer.issuer, audience: AUDIENCE, tokens, inFlight: 1, warmupMs: throughput.warmupMs, durationMs: throughput.durationMs });
      const { result } = await ctx.runChild(THROUGHPUT_CHILD, [job], { cwd: ctx.root });
      perSecond.push(result.perSecond);
    }
  } finally {
    await issuer.close();
  }
  const large = median(perSecond);
  const small = median(throughput.results['oidc/1']);
  const ratio = large / small;
  // Linear selection made it ~30× slower (issue 21); an index keeps it within noise of the 1-key set.
  const holds = ratio >= 0.5;
  let md = '### verify() with a 10 000-key JWKS\n\n';
  md += `The same verifier and tokens, against an issuer that publishes ${int(FILLER_KEYS)} Ed25519 keys before its signing key (a JWKS of about 1,000 KB, just under the runtime's 1 MiB cap on bodies), 1 in flight, ${runs} run(s), medians.\n\n`;
  md += table(['JWKS', 'ours, verify()/s', 'min–max', 'ms per verify()'], [
    ['1 key', int(small), spread(throughput.results['oidc/1'], int), (1000 / small).toFixed(3)],
    [`${int(FILLER_KEYS + 1)} keys`, int(large), spread(perSecond, int), (1000 / large).toFixed(3)],
  ], ['l', 'r', 'r', 'r']);
  md += `\n\nTarget: at least half the 1-key throughput (keys indexed by \`kid\`). **${holds ? 'Holds' : 'MISSED'}** (${times(ratio)}).\n\n`;
  return {
    markdown: md,
    summary: { what: `verify() with a ${int(FILLER_KEYS + 1)}-key JWKS, 1 in flight`, ours: `${int(large)}/s`, baseline: `1-key JWKS: ${int(small)}/s`, target: '≥ 0.5×', verdict: `${holds ? 'holds' : 'MISSED'}: ${times(ratio)}` },
  };
}

/** On a miss: `node --cpu-prof` of our verifier at the concurrency that missed. */
async function profileThroughput(ctx, issuer, tokens, throughput) {
  const inFlight = throughput.ratios[1] < TARGET ? 1 : 32;
  ctx.log(`runtime: throughput target missed with ${inFlight} in flight; profiling our verifier with node --cpu-prof`);
  const dir = join(ctx.scratch, 'profiles', 'runtime');
  rmSync(dir, { recursive: true, force: true });
  const job = ctx.writeJob('throughput-profile', { lib: 'oidc', issuer: issuer.issuer, audience: AUDIENCE, tokens, inFlight, warmupMs: throughput.warmupMs, durationMs: throughput.durationMs });
  const { result } = await ctx.runChild(THROUGHPUT_CHILD, [job], { cwd: ctx.root, execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const runtimeUrl = pathToFileURL(join(ctx.root, 'dist', 'runtime', 'index.js')).href;
  const annotate = bundleSourceAnnotator(join(ctx.root, 'dist', 'runtime', 'index.js'), 'dist/runtime/index.js');
  return { annotate, inFlight, perSecond: result.perSecond, file: join('bench/.scratch/profiles/runtime', file), ...summarizeProfile(join(dir, file), (url) => url === runtimeUrl || url.includes('/node_modules/jose/'), 12) };
}

async function measureFlood(ctx, issuer, validToken) {
  const count = ctx.smoke ? 1_000 : 10_000;
  const durationMs = ctx.smoke ? 500 : 2_500;
  const shortCooldown = ctx.smoke ? 100 : 500;
  const graceMs = ctx.smoke ? 1_000 : 5_000;
  const cases = [
    { lib: 'oidc', cooldownMs: undefined, label: `${LIBS.oidc}, default \`jwksCooldownMs\` (30 s)`, cooldown: 30_000 },
    { lib: 'oidc', cooldownMs: shortCooldown, label: `${LIBS.oidc}, \`jwksCooldownMs: ${shortCooldown}\``, cooldown: shortCooldown },
    { lib: 'okta', cooldownMs: undefined, label: `${LIBS.okta} (defaults: jwks-rsa cache, 10 JWKS requests per minute)`, cooldown: undefined },
  ];
  ctx.log(`runtime: ${int(count)} forged-kid tokens over ${durationMs} ms against each of ${cases.length} verifiers`);
  const out = [];
  for (const c of cases) {
    issuer.resetCounts();
    const job = ctx.writeJob(`flood-${c.lib}-${c.cooldownMs ?? 'default'}`, {
      lib: c.lib,
      issuer: issuer.issuer,
      audience: AUDIENCE,
      validToken,
      count,
      durationMs,
      graceMs,
      cooldownMs: c.cooldownMs,
    });
    const { result } = await ctx.runChild(FLOOD_CHILD, [job], { cwd: ctx.root });
    const jwks = issuer.jwksRequests();
    // Fetches allowed: the warm-up fetch, then at most one per cooldown window that began during the flood.
    const bound = c.cooldown === undefined ? undefined : 1 + Math.floor(result.windowMs / c.cooldown);
    out.push({ ...c, result, jwks, discovery: issuer.discoveryRequests(), bound });
  }
  return { count, durationMs, graceMs, cases: out };
}

function throughputProfileMarkdown(p) {
  const share = (x) => `${((x / p.totalMs) * 100).toFixed(0)} %`;
  let md = `Profile of the miss: \`node --cpu-prof\` of our verifier with ${p.inFlight} in flight (${p.file}; ${Math.round(p.perSecond).toLocaleString('en-US')}/s while profiled). `;
  md += `Of ${ms(p.totalMs)} sampled on the main thread, ${ms(p.idleMs)} (${share(p.idleMs)}) is idle, and ${ms(p.targetInclusiveMs)} (${share(p.targetInclusiveMs)}) has our runtime or jose on the stack. `;
  md += 'jose verifies through WebCrypto (`crypto.subtle.verify`), which runs each RSA verification as a job on the libuv thread pool and settles a promise when it is done: ';
  md += 'with one call in flight the main thread waits for every job (the idle time), while @okta/jwt-verifier (njwt) verifies synchronously with `crypto.createVerify` on the main thread. ';
  md += 'With calls in flight concurrently, the jobs overlap with the JavaScript of the next calls and both cores work, hence the wide margin at 32 in flight.\n\n';
  md += table(['Function (top self time)', 'self ms', 'inclusive ms'], p.topSelf.map((r) => [`\`${p.annotate(r.fn)}\``, r.selfMs.toFixed(0), r.inclusiveMs.toFixed(0)]), ['l', 'r', 'r']);
  return `${md}\n\n`;
}

function combine(throughput, flood, smoke) {
  const holdsThroughput = throughput.ratios[1] >= TARGET && throughput.ratios[32] >= TARGET;
  const throughputVerdict = holdsThroughput
    ? 'holds'
    : throughput.ratios[32] >= TARGET
      ? `holds with 32 in flight, MISSED with 1 in flight (${times(throughput.ratios[1])})`
      : 'MISSED';
  let md = '### verify() throughput, warm key cache\n\n';
  md += `Both verifiers are pointed at a plain-JS issuer on 127.0.0.1 laid out like an Okta custom authorization server (issuer \`http://127.0.0.1:<port>/oauth2/default\`, discovery and \`/v1/keys\`; \`allowHttpForLoopback\` for ours, \`testing.disableHttpsCheck\` for Okta's). `;
  md += `The same ${throughput.tokens} RS256 (2048-bit) access tokens, with Okta's claims (\`cid\`, \`scp\`, \`uid\`), are verified in turn; every verification must succeed. `;
  md += `Each run is a fresh process: one verify() to fetch discovery and keys, ${throughput.warmupMs} ms of warm-up, then ${throughput.durationMs} ms counted; `;
  md += `${throughput.runs} runs per case in rotating order, medians. "In flight" is how many verify() calls are awaited concurrently (1: one request at a time; 32: a busy API server).\n\n`;
  md += table(['In flight', 'ours, verify()/s', 'min–max', '@okta/jwt-verifier, /s', 'min–max', 'ours vs Okta'], throughput.rows, ['r', 'r', 'r', 'r', 'r', 'r']);
  md += `\n\nTarget: at least 2× Okta's verifications per second. **${throughputVerdict[0].toUpperCase()}${throughputVerdict.slice(1)}**.\n\n`;
  if (throughput.profile) md += throughputProfileMarkdown(throughput.profile);

  md += '### JWKS fetches under a flood of unknown `kid`s\n\n';
  md += `After one valid token (discovery + first JWKS fetch), ${int(flood.count)} tokens with random \`kid\`s (valid-looking claims, random signature bytes) are sent over ${ms(flood.durationMs)}, `;
  md += `in batches every 25 ms without waiting for answers. JWKS requests are counted at the issuer, the warm-up fetch included; calls still unanswered ${ms(flood.graceMs)} after the last token are counted as pending and the process ends.\n\n`;
  const floodRows = flood.cases.map((c) => {
    const outcomes = Object.entries(c.result.outcomes)
      .map(([k, v]) => `${k}: ${int(v)}`)
      .join(', ');
    return [
      c.label,
      int(c.jwks),
      c.bound === undefined ? '—' : `≤ ${c.bound}`,
      c.result.stats ? `${c.result.stats.jwksFetches} fetch${c.result.stats.jwksFetches === 1 ? "" : "es"}, ${int(c.result.stats.jwksCooldownRefusals)} refused in cooldown` : '—',
      outcomes + (c.result.pending ? `, still pending: ${int(c.result.pending)}` : ''),
      ms(c.result.windowMs),
      c.result.validAfter ? 'yes' : 'no',
    ];
  });
  md += table(['Verifier', 'JWKS requests at the issuer', 'one per cooldown window', 'verifier.stats', 'outcomes', 'warm-up to last answer', 'valid token verifies after'], floodRows, ['l', 'r', 'r', 'l', 'l', 'r', 'l']);
  const ours = flood.cases.filter((c) => c.lib === 'oidc');
  const okta = flood.cases.find((c) => c.lib === 'okta');
  const floodHolds = ours.every((c) => c.jwks <= c.bound && c.result.stats.jwksFetches === c.jwks && !c.result.outcomes.accepted);
  md += `\n\nTarget: at most one JWKS fetch per cooldown window (the bound counts the windows between the warm-up fetch and the last answer). **${floodHolds ? 'Holds' : 'MISSED'}**. `;
  md += `@okta/jwt-verifier sent ${int(okta.jwks)} JWKS requests under the same flood: jwks-rsa caches keys by \`kid\`, so every unknown \`kid\` is a cache miss and a fetch, held back only by its limiter of 10 requests per minute`;
  md += okta.result.pending ? `, which also queues callers: ${int(okta.result.pending)} verify() calls were still waiting ${ms(flood.graceMs)} after the flood.\n` : '.\n';
  return {
    markdown: md,
    summary: [
      {
        what: 'verify() throughput, warm keys (1 / 32 in flight)',
        ours: throughput.rows.map((r) => `${r[1]}/s`).join(' / '),
        baseline: `Okta: ${throughput.rows.map((r) => `${r[3]}/s`).join(' / ')}`,
        target: '≥ 2×',
        verdict: `${holdsThroughput ? 'holds' : throughputVerdict.startsWith('holds') ? 'partly' : 'MISSED'}: ${times(throughput.ratios[1])} / ${times(throughput.ratios[32])}`,
      },
      {
        what: `JWKS fetches, ${int(flood.count)} forged kids in ${ms(flood.durationMs)}`,
        ours: ours.map((c) => `${c.jwks} (cooldown ${ms(c.cooldown)}, bound ${c.bound})`).join('; '),
        baseline: `Okta: ${okta.jwks}`,
        target: 'one per cooldown window',
        verdict: floodHolds ? 'holds' : 'MISSED',
      },
    ],
    data: { throughput, flood, smoke },
  };
}
