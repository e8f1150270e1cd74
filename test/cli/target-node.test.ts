// Issue 19 item 8 through the CLI: a project that declares a Node.js older than the runtime needs keeps its
// verification, and the report says which Node the runtime needs; the same file in a current project is
// migrated.
import { describe, expect, it } from 'vitest';
import { json, PINNED, project, read } from './support.js';

describe('oidc-codemod: the target project\'s Node.js version', () => {
  it.each([
    ['engines.node', { 'src/verify.ts': PINNED }, { name: 'authorizer', private: true, engines: { node: '>=12' } }],
    ['.nvmrc', { 'src/verify.ts': PINNED, '.nvmrc': 'v16.20.2\n' }, undefined],
    ['serverless.yml', { 'src/verify.ts': PINNED, 'serverless.yml': 'service: authorizer\nprovider:\n  name: aws\n  runtime: nodejs14.x\n' }, undefined],
  ])('a project pinned by %s is left unchanged, with the Node.js the runtime needs', async (_, files, packageJson) => {
    const folder = project(files, packageJson ? { packageJson } : {});
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    expect(read(folder, 'src/verify.ts')).toBe(PINNED);
    const reasons = report.files.flatMap((file) => file.review.map((note) => note.reason));
    expect(reasons.join('\n')).toMatch(/20\.19/);
    expect(report.summary.filesChanged).toBe(0);
  });

  it('a project on a current Node.js is migrated', async () => {
    const folder = project({ 'src/verify.ts': PINNED }, { packageJson: { name: 'api', private: true, engines: { node: '>=20.19' } } });
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    expect(read(folder, 'src/verify.ts')).not.toBe(PINNED);
    expect(read(folder, 'src/verify.ts')).toMatch(/createAccessTokenVerifier/);
  });
});
