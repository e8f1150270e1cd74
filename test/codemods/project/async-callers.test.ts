// Callers of a verification that became async, in its own module: the project pass awaits them, also where
// it skips its search (no module imports the function's module and its own module never names it again).
import { describe, expect, it } from 'vitest';
import keys from '../../fixtures/keys.json' with { type: 'json' };
import { json, project, read } from '../../cli/support.js';

const verification = (name: string) => `import jwt from 'jsonwebtoken';

const KEY = ${JSON.stringify(keys.rsaSpki)};

export function ${name}(token: string) {
  return jwt.verify(token, KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
}
`;

describe('callers of a function made async, in its own module', () => {
  it('an exported handler nothing calls: rewritten, nothing else touched, its callers left to the reader', async () => {
    const folder = project({ 'src/handler.ts': verification('handler') });
    const report = await json(folder, '.');
    expect(report.code).toBe(0);
    const text = read(folder, 'src/handler.ts');
    expect(text).toContain('export async function handler(token: string)');
    expect(text).not.toContain('await handler');
    expect(report.files.find((file) => file.path === 'src/handler.ts')?.review.map((note) => note.reason)).toContain(
      'handler became async: its callers must await it (the CLI\'s project pass updates those it can see)',
    );
  });

  it('a call in the same module is awaited, and the function around it made async', async () => {
    const folder = project({ 'src/check.ts': `${verification('check')}\nexport function subjectOf(token: string) {\n  return check(token).sub;\n}\n` });
    expect((await json(folder, '.')).code).toBe(0);
    expect(read(folder, 'src/check.ts')).toContain('export async function subjectOf(token: string) {\n  return (await check(token)).sub;\n}');
  });

  it('a caller in a module that imports it is awaited', async () => {
    const folder = project({
      'src/check.ts': verification('check'),
      'src/route.ts': `import { check } from './check';\n\nexport function route(header: string) {\n  return check(header.slice(7));\n}\n`,
    });
    expect((await json(folder, '.')).code).toBe(0);
    expect(read(folder, 'src/route.ts')).toContain('export async function route(header: string) {\n  return await check(header.slice(7));\n}');
  });
});
