// The install stays installable: `npm ci` refuses a lock whose entry no longer satisfies a spec that some
// package asks for as a moving dist-tag (`latest`, `next`, ...), and warns about engines Node 20 lacks.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  engines?: { node?: string } | string[];
  optional?: boolean;
  link?: boolean;
}

const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  overrides?: Record<string, unknown>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, LockEntry> };

/** A spec npm resolves through the registry's dist-tags: it moves whenever the package publishes. */
export function isMovingTag(spec: string): boolean {
  const trimmed = spec.trim();
  if (/^(npm:|file:|link:|git\+|git:|github:|https?:|workspace:)/.test(trimmed) || trimmed.includes('/')) return false;
  // `*` and `''` are ranges every version satisfies, so a locked version never falls out of them.
  return semver.validRange(trimmed) === null;
}

function movingTagsNotPinned(): string[] {
  const pinned = new Set(Object.keys(root.overrides ?? {}));
  const problems: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies'] as const) {
      for (const [name, spec] of Object.entries(entry[field] ?? {})) {
        if (isMovingTag(spec) && !pinned.has(name)) problems.push(`${path || '(root)'} asks for ${name}@"${spec}", which the root package.json does not pin in overrides`);
      }
    }
  }
  return problems;
}

describe('package-lock.json', () => {
  it('tells moving tags from ranges', () => {
    for (const spec of ['latest', 'next', 'beta', ' latest ']) expect(isMovingTag(spec), spec).toBe(true);
    for (const spec of ['*', '', '^4.0.0', '4.1.0', '>=1 <2', 'npm:eslint@^9', 'file:../x', 'github:a/b', '1.2.3 || 2']) expect(isMovingTag(spec), spec).toBe(false);
  });

  it('has no dependency spec that is a moving tag the root does not pin', () => {
    expect(movingTagsNotPinned()).toEqual([]);
  });

  it('names the package when a moving tag is not pinned', () => {
    const overrides = root.overrides;
    root.overrides = {};
    try {
      expect(movingTagsNotPinned().join('\n')).toMatch(/eslint-formatter-sarif asks for jschardet@"latest"/);
    } finally {
      root.overrides = overrides;
    }
  });

  it('installs nothing that refuses the lowest Node versions the project supports', () => {
    // The lowest release of each major that `engines` admits: every required package must run there.
    const lowest = new semver.Range(root.engines.node).set.map((comparators) => semver.minVersion(new semver.Range(comparators.map(String).join(' ')))!.version);
    expect(lowest).toEqual(['20.19.0', '22.13.0']);
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      // npm skips an optional package whose engines do not match, without a warning.
      if (!path || entry.optional || entry.link || Array.isArray(entry.engines)) continue;
      const node = entry.engines?.node;
      if (!node) continue;
      for (const version of lowest) if (!semver.satisfies(version, node)) refusing.push(`${path}@${entry.version} needs node ${node} (not ${version})`);
    }
    expect(refusing).toEqual([]);
  });
});
