// The built transforms run under jscodeshift's own runner, as users run them: same output as the fixtures.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/codemods/__fixtures__');

describe('jscodeshift runner', () => {
  it.each([
    ['jwks-discovery', 'jsonwebtoken-callback.input.js', 'the old verification did not check the audience'],
    ['jwks-discovery', 'jose-import-spki.input.ts', undefined],
    ['id-token-to-access-token', 'okta-auth-fetch.input.ts', 'requests the scopes the API needs'],
  ])('%s on %s', (transform, input, reported) => {
    const folder = mkdtempSync(join(tmpdir(), 'oidc-jscodeshift-'));
    const target = join(folder, input.replace('.input.', '.'));
    copyFileSync(join(fixtures, transform, input), target);
    const output = execFileSync(
      process.execPath,
      [join(root, 'node_modules/jscodeshift/bin/jscodeshift.js'), '-t', join(root, `dist/codemods/${transform}.cjs`), '--extensions=js,ts', '--parser=tsx', folder],
      { encoding: 'utf8' },
    );
    expect(output).toMatch(/0 errors/);
    expect(output).toMatch(/1 ok/);
    if (reported) expect(output).toContain(reported);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(fixtures, transform, input.replace('.input.', '.output.')), 'utf8'));
    rmSync(folder, { recursive: true, force: true });
  });
});
