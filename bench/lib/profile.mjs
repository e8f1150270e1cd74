// Reads a V8 .cpuprofile (node --cpu-prof) into self and inclusive times by function.
import { readFileSync } from 'node:fs';

const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\//, '')
    .replace(/^.*\/work\/main\//, '');

/**
 * `isTarget(url)` marks the code under study (e.g. the plugin's bundle). Returns total sampled time, the time
 * of samples with a target frame anywhere on the stack (inclusive), and the top functions by self time,
 * overall and within the target, each with its inclusive time.
 */
export function summarizeProfile(path, isTarget, top = 15) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  let targetInclusive = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = nodes.get(profile.samples[i]);
    total += dt;
    if (leaf.callFrame.functionName === '(idle)') idle += dt;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
    const seen = new Set();
    let onTarget = false;
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const n = nodes.get(id);
      if (isTarget(n.callFrame.url)) onTarget = true;
      const k = key(n);
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      }
    }
    if (onTarget) targetInclusive += dt;
  }
  const rows = (filter) =>
    [...self]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => ({ fn: k, selfMs: ms, inclusiveMs: inclusive.get(k) ?? ms }));
  const targetKeys = new Set(profile.nodes.filter((n) => isTarget(n.callFrame.url)).map(key));
  const topTargetInclusive = [...inclusive]
    .filter(([k]) => targetKeys.has(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => ({ fn: k, selfMs: self.get(k) ?? 0, inclusiveMs: ms }));
  return {
    self,
    totalMs: total,
    idleMs: idle,
    targetInclusiveMs: targetInclusive,
    topSelf: rows(() => true),
    topTargetSelf: rows((k) => targetKeys.has(k)),
    topTargetInclusive,
  };
}

/**
 * For a tsup/esbuild bundle, which source file each line came from (the bundle marks each module with a
 * `// src/…` comment). Returns `(text) => text` that appends the source file to every `<bundle>:<line>`.
 */
export function bundleSourceAnnotator(bundlePath, bundleLabel) {
  let marks = [];
  try {
    marks = readFileSync(bundlePath, 'utf8')
      .split('\n')
      .map((line, i) => [i + 1, /^\/\/ ((?:src|rules)\/\S+\.ts)$/.exec(line)?.[1]])
      .filter(([, file]) => file);
  } catch {
    return (text) => text;
  }
  const sourceOf = (line) => {
    let found;
    for (const [start, file] of marks) if (start <= line) found = file;
    return found;
  };
  const pattern = new RegExp(`${bundleLabel.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:(\\d+)`);
  return (text) => {
    const m = pattern.exec(text);
    const file = m && sourceOf(Number(m[1]));
    return file ? `${text} (${file})` : text;
  };
}

/** Functions whose self time differs most between two profiles (b − a), e.g. a run with rules and one without. */
export function diffProfiles(a, b, top = 12) {
  const keys = new Set([...a.self.keys(), ...b.self.keys()]);
  return [...keys]
    .map((fn) => ({ fn, aMs: a.self.get(fn) ?? 0, bMs: b.self.get(fn) ?? 0 }))
    .map((r) => ({ ...r, deltaMs: r.bMs - r.aMs }))
    .sort((x, y) => Math.abs(y.deltaMs) - Math.abs(x.deltaMs))
    .slice(0, top);
}
