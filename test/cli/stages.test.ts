// Each stage of the CLI pipeline alone: ignore patterns, the per-file fixed point, the write check and
// plan, the run lock, the Markdown report; and --ignore-pattern and --report-md through the CLI.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jwksDiscovery } from '../../codemods/jwks-discovery.js';
import type { CodemodOptions, TransformOutcome } from '../../codemods/lib/transformer.js';
import { ignoreMatcher } from '../../src/cli/ignore-patterns.js';
import { markdownReport, type JsonReport } from '../../src/cli/report.js';
import { acquireRunLock, RunInProgressError } from '../../src/cli/run-lock.js';
import { MAX_ROUNDS, transformToFixedPoint } from '../../src/cli/transform-file.js';
import { checkWritePath, workTreesOf } from '../../src/cli/work-tree.js';
import { planWrites } from '../../src/cli/write-plan.js';
import { json, PINNED, project, scratch, UNRELATED } from './support.js';

describe('ignore patterns', () => {
  const base = '/repo';
  it.each([
    ['legacy', '/repo/legacy/auth/verify.ts', true],
    ['legacy', '/repo/src/legacy/verify.ts', true],
    ['legacy', '/repo/src/legacyish/verify.ts', false],
    ['*.test.ts', '/repo/src/verify.test.ts', true],
    ['*.test.ts', '/repo/src/verify.ts', false],
    ['src/*.js', '/repo/src/a.js', true],
    ['src/*.js', '/repo/src/deep/a.js', false],
    ['src/**/*.js', '/repo/src/deep/er/a.js', true],
    ['src/**/*.js', '/repo/src/a.js', true],
    ['src/**/*.js', '/repo/lib/src/a.js', false],
    ['./vendor/', '/repo/vendor/x/y.ts', true],
    ['ver?fy.ts', '/repo/a/verify.ts', true],
    ['a.b', '/repo/axb', false],
  ])('%s on %s: %s', (glob, path, expected) => {
    expect(ignoreMatcher([glob], base)(path)).toBe(expected);
  });

  it('matches nothing without patterns', () => {
    expect(ignoreMatcher([], base)('/repo/anything.ts')).toBe(false);
  });
});

describe('per-file fixed point', () => {
  const options: CodemodOptions = { helperImport: 'oidc-token-guard' };

  it('runs the transforms until none changes the text, with lines of the final text', () => {
    const outcome = transformToFixedPoint('/p/src/verify.ts', PINNED, ['jwks-discovery', 'org-as-introspection', 'id-token-to-access-token'], options, {});
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.state.text).toContain('accessTokenVerifier.verify(token)');
    expect(outcome.state.rewrites).toEqual([{ transform: 'jwks-discovery', line: 5 }]);
    expect(outcome.state.text.split('\n')[4]).toContain('accessTokenVerifier.verify(token)');
    // The fixed point: a second pass over the result changes nothing.
    const again = transformToFixedPoint('/p/src/verify.ts', outcome.state.text, ['jwks-discovery', 'org-as-introspection', 'id-token-to-access-token'], options, {});
    expect(again.kind === 'done' && again.state.text).toBe(outcome.state.text);
    expect(again.kind === 'done' && again.state.rewrites).toEqual([]);
  });

  it('drops a note asking for a transform that the same run applies, and keeps it when that transform is not in the run', () => {
    const source = readFileSync(new URL('../codemods/__fixtures__/jwks-discovery/middleware-passport-jwt-client-id-audience.input.ts', import.meta.url), 'utf8');
    const stillNames = "the middleware's own audience option still names the client id";
    const all = transformToFixedPoint('/p/src/passport.ts', source, ['jwks-discovery', 'org-as-introspection', 'id-token-to-access-token'], options, {});
    expect(all.kind).toBe('done');
    if (all.kind !== 'done') return;
    expect(all.state.text).not.toContain("audience: '0oa1b2c3d4e5f6g7h8i9'");
    expect(all.state.review.map((note) => note.reason).join('\n')).not.toContain(stillNames);
    expect(all.state.review.every((note) => !('settledBy' in note))).toBe(true);
    const alone = transformToFixedPoint('/p/src/passport.ts', source, ['jwks-discovery'], options, {});
    expect(alone.kind === 'done' && alone.state.review.map((note) => note.reason).join('\n')).toContain(stillNames);
  });

  it("drops jwks-discovery's note about an org issuer when org-as-introspection is in the run", () => {
    const source = PINNED.replace("issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default'", "issuer: 'https://acme.okta.com'");
    const runOrg = 'run the org-as-introspection transform';
    const all = transformToFixedPoint('/p/src/verify.ts', source, ['jwks-discovery', 'org-as-introspection', 'id-token-to-access-token'], options, {});
    expect(all.kind === 'done' && all.state.text).toContain('.introspect(token)');
    expect(all.kind === 'done' && all.state.review.map((note) => note.reason).join('\n')).not.toContain(runOrg);
    const alone = transformToFixedPoint('/p/src/verify.ts', source, ['jwks-discovery'], options, {});
    expect(alone.kind === 'done' && alone.state.review.map((note) => note.reason).join('\n')).toContain(runOrg);
  });

  it('a file that does not settle within the bound is skipped, not returned half-way', () => {
    let calls = 0;
    // A transform that always appends: it never settles.
    const restless = (source: string): TransformOutcome => {
      calls++;
      return { source: `${source}// again\n`, rewrites: [{ transform: 'jwks-discovery', line: 1 }], review: [], madeAsync: [] };
    };
    const outcome = transformToFixedPoint('/p/a.ts', UNRELATED, ['jwks-discovery'], options, {}, { 'jwks-discovery': restless });
    expect(outcome).toEqual({ kind: 'skipped', reason: `the transforms did not settle (jwks-discovery changed it ${MAX_ROUNDS} times in one run); left unchanged` });
    expect(calls).toBe(MAX_ROUNDS + 1);
  });

  it('reports a parse error with its line', () => {
    const outcome = transformToFixedPoint('/p/a.ts', "import jwt from 'jsonwebtoken';\n\nfunction (\n", ['jwks-discovery'], options, {}, { 'jwks-discovery': jwksDiscovery });
    expect(outcome).toEqual({ kind: 'skipped', line: 3, reason: expect.stringMatching(/^does not parse; left unchanged \(.*\(3:\d+\)\)$/) });
  });
});

describe('the write check and plan', () => {
  function repository() {
    const folder = project({ 'src/verify.ts': PINNED });
    return { folder, trees: workTreesOf([folder]).trees };
  }

  it('accepts files and new files inside the work tree', () => {
    const { folder, trees } = repository();
    expect(checkWritePath(join(folder, 'src/verify.ts'), trees)).toMatchObject({ ok: true, exists: true });
    expect(checkWritePath(join(folder, 'src/new/deeper/helper.js'), trees)).toMatchObject({ ok: true, exists: false });
  });

  it('refuses paths outside, through links, links themselves, and the git directory', () => {
    const { folder, trees } = repository();
    const outside = scratch('oidc-cli-outside-');
    symlinkSync(outside, join(folder, 'out'));
    symlinkSync('verify.ts', join(folder, 'src/alias.ts'));
    expect(checkWritePath(join(folder, '..', 'escape.js'), trees)).toMatchObject({ ok: false, reason: expect.stringContaining('outside the work tree') });
    expect(checkWritePath(join(folder, 'out/new/helper.js'), trees)).toMatchObject({ ok: false, reason: expect.stringMatching(/out is a symbolic link to /) });
    expect(checkWritePath(join(folder, 'src/alias.ts'), trees)).toEqual({ ok: false, symbolicLink: true, reason: 'a symbolic link: not replaced' });
    expect(checkWritePath(join(folder, '.git/hooks/pre-commit'), trees)).toMatchObject({ ok: false, reason: 'inside the git directory; nothing is written there' });
  });

  it('drops the whole runtime and its dependants when one runtime file is refused', () => {
    const { folder, trees } = repository();
    const plan = planWrites(
      [
        { path: join(folder, 'src/oidc-runtime.js'), kind: 'runtime', before: undefined, text: '' },
        { path: join(folder, '..', 'package.json'), kind: 'manifest', before: '{}', text: '{}' },
        { path: join(folder, 'src/verify.ts'), kind: 'source', before: PINNED, text: 'x', needsRuntime: true },
        { path: join(folder, 'src/other.ts'), kind: 'source', before: PINNED, text: 'y', needsRuntime: false },
      ],
      trees,
    );
    expect(plan.writes.map((write) => write.path)).toEqual([join(folder, 'src/other.ts')]);
    expect(plan.refused.map((entry) => entry.path)).toEqual([join(folder, '..', 'package.json'), join(folder, 'src/oidc-runtime.js'), join(folder, 'src/verify.ts')]);
  });
});

describe('the run lock', () => {
  it('is exclusive while held and free once released', () => {
    const gitDirectory = scratch('oidc-cli-gitdir-');
    const lock = acquireRunLock(gitDirectory);
    expect(() => acquireRunLock(gitDirectory)).toThrow(RunInProgressError);
    lock.release();
    acquireRunLock(gitDirectory).release();
  });

  it('a lock folder still without an owner is being taken: not stale yet', () => {
    const gitDirectory = scratch('oidc-cli-gitdir-');
    mkdirSync(join(gitDirectory, 'oidc-codemod.lock'));
    expect(() => acquireRunLock(gitDirectory)).toThrow('another oidc-codemod run is starting in this repository');
  });
});

describe('the Markdown report', () => {
  const report: JsonReport = {
    tool: { name: 'oidc-codemod', version: '9.9.9' },
    summary: { filesScanned: 3, filesChanged: 1, sitesRewritten: 2, sitesForReview: 1 },
    files: [
      { path: 'src/verify.ts', changed: true, rewrites: [{ transform: 'jwks-discovery', line: 5 }, { transform: 'jwks-discovery', line: 9 }], review: [{ line: 5, reason: 'the audience <api> is *assumed*' }] },
    ],
    errors: [{ path: 'src/broken.ts', line: 3, reason: 'does not parse; left unchanged (Unexpected token (3:1))' }],
  };

  it('lists what changed, a review checklist with each reason, and what was skipped', () => {
    expect(markdownReport(report, true)).toBe(
      [
        '## Token validation migrated with oidc-codemod',
        '',
        '`oidc-codemod 9.9.9` scanned 3 files: 1 changed, 2 sites rewritten, 1 left for review, 1 skipped.',
        '',
        '### Changed',
        '',
        '- `src/verify.ts`: jwks-discovery (lines 5, 9)',
        '',
        '### Needs review',
        '',
        '- [ ] `src/verify.ts:5`: the audience \\<api\\> is \\*assumed\\*',
        '',
        '### Not processed (left unchanged)',
        '',
        '- `src/broken.ts:3`: does not parse; left unchanged (Unexpected token (3:1))',
        '',
      ].join('\n'),
    );
  });

  it('is written by --report-md, and --ignore-pattern leaves files out', async () => {
    const folder = project({ 'src/verify.ts': PINNED, 'legacy/verify.ts': PINNED, 'src/verify.test.ts': PINNED });
    const out = scratch('oidc-cli-report-');
    const run = await json(folder, '--report-md', join(out, 'pr.md'), '--ignore-pattern', 'legacy', '--ignore-pattern', '*.test.ts', '.');
    expect(run.code).toBe(0);
    expect(run.summary.filesScanned).toBe(1);
    expect(readFileSync(join(folder, 'legacy/verify.ts'), 'utf8')).toBe(PINNED);
    expect(readFileSync(join(folder, 'src/verify.test.ts'), 'utf8')).toBe(PINNED);
    const markdown = readFileSync(join(out, 'pr.md'), 'utf8');
    // The runtime is a dependency now: package.json gains oidc-token-guard, no copy is written.
    expect(markdown).toContain('scanned 1 files: 2 changed, 1 sites rewritten, 0 left for review.');
    expect(markdown).toContain('### Changed\n\n- `package.json`\n- `src/verify.ts`: jwks-discovery (line 5)\n');
    expect(markdown).not.toContain('legacy');
  });

  it('an empty --ignore-pattern is a usage error', async () => {
    const folder = project({ 'src/verify.ts': PINNED });
    writeFileSync(join(folder, 'x.ts'), UNRELATED);
    const run = await json(folder, '--ignore-pattern', '', '.');
    expect(run.code).toBe(2);
    expect(run.error).toBe('--ignore-pattern must not be empty');
  });
});
