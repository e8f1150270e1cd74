// The Node.js versions a project declares, read from real folders: package.json engines, .nvmrc,
// .node-version, Serverless and SAM runtimes, nearest first, up to the git root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { oldestInRange, targetNodeOf } from '../../codemods/lib/target-node.js';
import { jwksDiscovery } from '../../codemods/jwks-discovery.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project in a temporary folder: `files` maps relative paths to contents; a `.git` folder marks its root. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oidc-target-node-'));
  folders.push(root);
  mkdirSync(join(root, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('oldestInRange', () => {
  it.each([
    ['>=16', '16.0.0'],
    ['>=20.19', '20.19.0'],
    ['>=20.19.0 <23', '20.19.0'],
    ['^18.17.0', '18.17.0'],
    ['~20.19.1', '20.19.1'],
    ['20.x', '20.0.0'],
    ['18 || >=20.19', '18.0.0'],
    ['>=22 || ^20.19.0', '20.19.0'],
    ['>20.18', '20.19.0'],
    ['>20', '21.0.0'],
    ['<=22', '0.0.0'],
    ['*', '0.0.0'],
    ['16.0.0 - 22', '16.0.0'],
    ['v18.1.0', '18.1.0'],
  ])('%s admits %s and later', (range, oldest) => {
    expect(oldestInRange(range)?.join('.')).toBe(oldest);
  });

  it('cannot read what is not a range', () => {
    expect(oldestInRange('latest and greatest')).toBeUndefined();
  });
});

describe('targetNodeOf', () => {
  it('reads the nearest package.json engines', () => {
    const root = project({ 'package.json': JSON.stringify({ engines: { node: '>=16' } }), 'src/auth.ts': '' });
    const target = targetNodeOf(join(root, 'src/auth.ts'));
    expect(target.guaranteed).toBe(false);
    expect(target.tooOld).toMatchObject({ file: join(root, 'package.json'), field: 'engines.node', declared: '>=16', oldest: '16.0.0' });
  });

  it('guarantees Node 20.19 when every declaration does', () => {
    const root = project({ 'package.json': JSON.stringify({ engines: { node: '>=20.19' } }), '.nvmrc': 'lts/jod\n', 'src/auth.ts': '' });
    const target = targetNodeOf(join(root, 'src/auth.ts'));
    expect(target.declarations.map((declaration) => declaration.field)).toEqual(['engines.node', '.nvmrc']);
    expect(target).toMatchObject({ guaranteed: true });
    expect(target.tooOld).toBeUndefined();
  });

  it('reads .nvmrc and .node-version: a major line means its latest release', () => {
    expect(targetNodeOf(join(project({ '.nvmrc': 'v20\n', 'a.js': '' }), 'a.js')).guaranteed).toBe(true);
    expect(targetNodeOf(join(project({ '.nvmrc': '18\n', 'a.js': '' }), 'a.js')).tooOld?.declared).toBe('18');
    expect(targetNodeOf(join(project({ '.nvmrc': 'lts/hydrogen\n', 'a.js': '' }), 'a.js')).tooOld?.oldest).toBe('18.0.0');
    expect(targetNodeOf(join(project({ '.node-version': '20.11.1\n', 'a.js': '' }), 'a.js')).tooOld?.field).toBe('.node-version');
    expect(targetNodeOf(join(project({ '.node-version': '22.12.0', 'a.js': '' }), 'a.js')).guaranteed).toBe(true);
  });

  it('reads Serverless and SAM runtimes, per provider and per function', () => {
    const serverless = 'service: api\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n  authorizer:\n    handler: src/authorizer.handler\n    runtime: nodejs12.x # legacy\n';
    const target = targetNodeOf(join(project({ 'serverless.yml': serverless, 'src/authorizer.js': '' }), 'src/authorizer.js'));
    expect(target.declarations.map((declaration) => declaration.declared)).toEqual(['nodejs22.x', 'nodejs12.x']);
    expect(target.tooOld?.declared).toBe('nodejs12.x');
    const sam = "Resources:\n  Authorizer:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: 'nodejs16.x'\n";
    expect(targetNodeOf(join(project({ 'template.yaml': sam, 'a.js': '' }), 'a.js')).tooOld?.declared).toBe('nodejs16.x');
    expect(targetNodeOf(join(project({ 'serverless.yml': 'provider:\n  runtime: nodejs20.x\n', 'a.js': '' }), 'a.js')).guaranteed).toBe(true);
  });

  it('walks up to the git root and no further', () => {
    const outer = project({ 'package.json': JSON.stringify({ engines: { node: '>=14' } }) });
    const inner = join(outer, 'nested');
    mkdirSync(join(inner, '.git'), { recursive: true });
    mkdirSync(join(inner, 'packages/api/src'), { recursive: true });
    writeFileSync(join(inner, 'package.json'), JSON.stringify({ engines: { node: '>=16' } }));
    writeFileSync(join(inner, 'packages/api/package.json'), JSON.stringify({ name: 'api' }));
    const target = targetNodeOf(join(inner, 'packages/api/src/auth.ts'));
    expect(target.declarations.map((declaration) => declaration.declared)).toEqual(['>=16']);
  });

  it('says nothing is guaranteed when nothing is declared, and nothing is too old either', () => {
    const root = project({ 'package.json': '{ "name": "x" }', 'a.js': '' });
    expect(targetNodeOf(join(root, 'a.js'))).toEqual({ declarations: [], guaranteed: false });
  });

  it('ignores a package.json that does not parse', () => {
    const root = project({ 'package.json': '{ engines: ', 'a.js': '' });
    expect(targetNodeOf(join(root, 'a.js')).declarations).toEqual([]);
  });
});

describe('transforms on a project pinned to an old Node', () => {
  const input = `import jwt from 'jsonwebtoken';
const KEY = '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\\n-----END PUBLIC KEY-----';
export const check = (token) => jwt.verify(token, KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' }, (error, claims) => claims);
`;

  it('leaves the site unchanged and names the Node the runtime needs', () => {
    const root = project({ 'package.json': JSON.stringify({ engines: { node: '>=16' } }), 'src/auth.js': input });
    const outcome = jwksDiscovery(input, join(root, 'src/auth.js'), {}, { targetNode: targetNodeOf(join(root, 'src/auth.js')) });
    expect(outcome.source).toBeUndefined();
    expect(outcome.review.map((note) => note.reason)).toEqual([expect.stringMatching(/declares Node >=16 \(engines\.node\).*needs Node 20\.19 or later/)]);
  });

  it('rewrites where Node 20.19 is guaranteed', () => {
    const root = project({ '.nvmrc': '22\n', 'src/auth.js': input });
    const outcome = jwksDiscovery(input, join(root, 'src/auth.js'), {}, { targetNode: targetNodeOf(join(root, 'src/auth.js')) });
    expect(outcome.source).toContain('accessTokenVerifier.verify(token, (error, claims) => claims)');
  });
});
