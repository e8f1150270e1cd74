// Project-shaped migrations, end to end, as a user runs them: each project of test/e2e/projects/__fixtures__
// is copied into a git repository of its own, migrated by the PACKED oidc-codemod (installed from its
// tarball into a scratch tool folder), built as the project builds itself (tsc -p, or node --check),
// given oidc-token-guard from its packed tarball, and its server run against a real oidc-provider on
// 127.0.0.1 (over HTTPS: the runtime refuses http issuers, see test/e2e/support/https-provider.ts). A
// second CLI run changes nothing.
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmInstall, packedTarballs, repositoryRoot, scratchProject } from '../support/packed.js';
import { CLIENT_ID, selfSignedCertificate, startHttpsProvider, type HttpsProvider, type TlsMaterial } from './support/https-provider.js';
import { startOrgProvider, type OrgProvider } from './middleware/support/provider.js';
import { installPackedRuntime } from './support/packed-runtime.js';
import { freePort, httpGet, run, startService, type RunResult, type Service } from './support/processes.js';

const NODE = process.execPath;
const TSC = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const FIXTURES = join(repositoryRoot, 'test', 'e2e', 'projects', '__fixtures__');
const VERSION = (JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface JsonReport {
  summary: { filesScanned: number; filesChanged: number; sitesRewritten: number; sitesForReview: number };
  files: { path: string; changed: boolean; rewrites: { transform: string; line: number }[]; review: { line: number; reason: string }[] }[];
  errors: { path: string; reason: string }[];
}

let scratch: string;
let tool: string | undefined;
let cli: string;
let tls: TlsMaterial;
let provider: HttpsProvider;
const tokens = { access: '', id: '' };

beforeAll(async () => {
  scratch = realpathSync(mkdtempSync(join(tmpdir(), 'oidc-e2e-projects-')));
  const tarballs = packedTarballs();
  tool = scratchProject('codemod-tool');
  await npmInstall(tool, [tarballs.codemod]);
  cli = join(tool, 'node_modules', 'oidc-codemod', 'dist', 'cli', 'oidc-codemod.js');
  tls = selfSignedCertificate(scratch);
  provider = await startHttpsProvider({ tls });
  [tokens.access, tokens.id] = await Promise.all([provider.clientCredentialsToken(), provider.idToken()]);
}, 240_000);

afterAll(async () => {
  await provider?.close();
  for (const folder of [scratch, tool]) if (folder) rmSync(folder, { recursive: true, force: true });
});

async function git(project: string, ...args: string[]): Promise<void> {
  const result = await run('git', ['-c', 'user.name=E2E', '-c', 'user.email=e2e@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd: project });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** The fixture as a git repository of its own, committed. */
async function checkout(name: string): Promise<string> {
  const project = join(scratch, name);
  cpSync(join(FIXTURES, name), project, { recursive: true });
  await git(project, 'init', '-q');
  await git(project, 'add', '-A');
  await git(project, 'commit', '-qm', `${name} before the migration`);
  return project;
}

function codemod(project: string, ...args: string[]): Promise<RunResult> {
  return run(NODE, [cli, '--json', ...args, '.'], { cwd: project, timeoutMs: 120_000 });
}

function parse(result: RunResult): JsonReport {
  try {
    return JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(`not a JSON report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

function sourcesOf(project: string, pattern: RegExp): string[] {
  return readdirSync(project, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !/(^|\/)(node_modules|dist|\.git)(\/|$)/.test(join(entry.parentPath, entry.name).slice(project.length)))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The second run, on the committed migration: nothing left to change. */
async function expectFixedPoint(project: string): Promise<void> {
  await git(project, 'add', '-A');
  await git(project, 'commit', '-qm', 'migrated');
  const check = await codemod(project, '--check');
  expect(check.status, check.stdout + check.stderr).toBe(0);
  expect(parse(check).summary).toMatchObject({ filesChanged: 0, sitesRewritten: 0 });
}

function environment(port: number): Record<string, string> {
  return { OKTA_ISSUER: provider.issuer, NODE_EXTRA_CA_CERTS: tls.certPath, PORT: String(port), NODE_NO_WARNINGS: '1' };
}

describe('(a) an Express API, its Okta settings in a CommonJS config module, verifying with an ID-token audience', () => {
  let project: string;
  let report: JsonReport;
  let server: Service | undefined;
  let port: number;
  const read = (path: string) => readFileSync(join(project, path), 'utf8');

  beforeAll(async () => {
    project = await checkout('express-config-module');
    const apply = await codemod(project);
    report = parse(apply);
    expect(apply.status, apply.stderr).toBe(0);
    installPackedRuntime(project);
    port = await freePort();
    server = await startService(NODE, ['src/server.js'], { cwd: project, port, probePath: '/health', env: environment(port) });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('migrates: the pinned key goes, oidc-token-guard comes in package.json, the caller awaits, and the JavaScript checks', async () => {
    expect(report.errors).toEqual([]);
    const auth = read('src/auth.js');
    expect(auth).not.toMatch(/jsonwebtoken|signingKey/);
    expect(auth).toContain("const { createAccessTokenVerifier } = require('oidc-token-guard');");
    expect(auth).toContain('req.user = await verifyBearer(req.headers.authorization);');
    expect(JSON.parse(read('package.json')).dependencies).toEqual({ express: '^5.3.0', jsonwebtoken: '^9.0.3', 'oidc-token-guard': `^${VERSION}` });
    // Express calls the middleware and ignores its promise: reported for a person to confirm.
    expect(report.files.find((file) => file.path === 'src/server.js')?.review.map((item) => item.reason).join('\n')).toMatch(/authenticate is passed on here as a value/);
    for (const file of sourcesOf(project, /\.js$/)) {
      const checked = await run(NODE, ['--check', file], { cwd: project });
      expect(checked.status, `${file}: ${checked.stderr}`).toBe(0);
    }
  });

  it('the running server refuses the ID token and a request without one', async () => {
    expect(await httpGet(port, '/orders', { authorization: `Bearer ${tokens.id}` })).toEqual({ status: 401, body: '{"error":"invalid_token"}' });
    expect((await httpGet(port, '/orders')).status).toBe(401);
  });

  // The config module's `clientId` is the single-page app's, the audience of ID tokens: the migrated verifier
  // checks the API's audience (api://default, as the issuer is the default custom server), said for review.
  it('the running server accepts a real access token from the provider', async () => {
    expect(read('src/auth.js')).toContain("createAccessTokenVerifier({ issuer: issuer, audience: 'api://default', algorithms: ['RS256'] })");
    expect(report.files.find((file) => file.path === 'src/auth.js')?.review.map((item) => item.reason).join('\n')).toMatch(/the old audience is a client id, which only ID tokens carry \(0oa1spaclient0000000\): 'api:\/\/default'.* is assumed/);
    const answer = await httpGet(port, '/orders', { authorization: `Bearer ${tokens.access}` });
    expect(answer, server?.output()).toEqual({ status: 200, body: JSON.stringify({ orders: [], caller: CLIENT_ID }) });
  });

  it('a second run changes nothing', async () => {
    await expectFixedPoint(project);
  }, 120_000);
});

describe('(b) a React single-page app (TypeScript, type-checked with tsc) sending the ID token as bearer', () => {
  let project: string;
  let report: JsonReport;
  let typecheck: RunResult;
  const read = (path: string) => readFileSync(join(project, path), 'utf8');
  const fixture = (path: string) => readFileSync(join(FIXTURES, 'react-client', path), 'utf8');

  beforeAll(async () => {
    project = await checkout('react-client');
    const apply = await codemod(project);
    report = parse(apply);
    expect(apply.status, apply.stderr).toBe(0);
    // React, its types and the Okta SDKs, for the type check (nothing of the runtime is imported).
    installPackedRuntime(project);
    typecheck = await run(NODE, [TSC, '-p', '.'], { cwd: project, timeoutMs: 120_000 });
  }, 180_000);

  it('sends the access token: the token manager\'s (its cast switched to AccessToken) and the auth state\'s', () => {
    expect(report.errors).toEqual([]);
    const api = read('src/api.ts');
    expect(api).toContain("import type { AccessToken } from '@okta/okta-auth-js';");
    expect(api).toContain("Authorization: `Bearer ${((await oktaAuth.tokenManager.get('accessToken')) as AccessToken).accessToken}`");
    expect(read('src/components/Invoice.tsx')).toContain('Authorization: `Bearer ${authState?.accessToken?.accessToken}`');
    for (const file of sourcesOf(project, /\.tsx?$/)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/idToken|IDToken/);
    expect(report.summary).toMatchObject({ filesChanged: 2, sitesRewritten: 2 });
    // A client change needs no runtime: package.json and the modules without an ID token stay as they were.
    for (const path of ['package.json', 'src/okta-auth.ts', 'src/components/Orders.tsx', 'src/App.tsx']) expect(read(path), path).toBe(fixture(path));
  });

  it('still type-checks with its own tsconfig (strict, noUnusedLocals)', () => {
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.status).toBe(0);
  });

  it('a second run changes nothing', async () => {
    await expectFixedPoint(project);
  }, 120_000);
});

describe('(c) a TypeScript serverless authorizer with a pinned PEM, built with tsc', () => {
  let project: string;
  let report: JsonReport;
  let build: RunResult;
  let gateway: Service | undefined;
  let port: number;
  const read = (path: string) => readFileSync(join(project, path), 'utf8');

  beforeAll(async () => {
    project = await checkout('serverless-authorizer');
    const apply = await codemod(project);
    report = parse(apply);
    expect(apply.status, apply.stderr).toBe(0);
    installPackedRuntime(project);
    build = await run(NODE, [TSC, '-p', '.'], { cwd: project, timeoutMs: 120_000 });
    port = await freePort();
    if (build.status === 0) gateway = await startService(NODE, ['dist/local-gateway.js'], { cwd: project, port, probePath: '/health', env: environment(port) });
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('migrates: discovery instead of the pinned key, the key module emptied of it, the handler awaits', () => {
    expect(report.errors).toEqual([]);
    const authorizer = read('src/authorizer.ts');
    expect(authorizer).toContain("import { createAccessTokenVerifier } from 'oidc-token-guard';");
    // jsonwebtoken stays imported for its JwtPayload type only.
    expect(authorizer).not.toMatch(/OKTA_PUBLIC_KEY|jwt\.verify/);
    expect(authorizer).toContain('export async function verifyToken(token: string): Promise<jwt.JwtPayload> {');
    expect(authorizer).toContain('const claims = await verifyToken(token);');
    expect(read('src/okta-key.ts')).not.toContain('BEGIN PUBLIC KEY');
    expect(JSON.parse(read('package.json')).dependencies['oidc-token-guard']).toBe(`^${VERSION}`);
  });

  it('builds with its own tsconfig (strict, noUnusedLocals)', () => {
    expect(build.stdout + build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it('the local gateway allows a real access token and denies the ID token', async () => {
    const allowed = await httpGet(port, '/orders', { authorization: `Bearer ${tokens.access}` });
    expect(allowed, gateway?.output()).toEqual({ status: 200, body: JSON.stringify({ principalId: CLIENT_ID }) });
    expect((await httpGet(port, '/orders', { authorization: `Bearer ${tokens.id}` })).status).toBe(403);
    expect((await httpGet(port, '/orders')).status).toBe(403);
    expect(provider.requests).toContain('/oauth2/default/jwks');
  });

  it('a second run changes nothing', async () => {
    await expectFixedPoint(project);
  }, 120_000);
});

describe('(d) a monorepo: backend/ and frontend/ as npm workspaces', () => {
  let project: string;
  let report: JsonReport;
  let server: Service | undefined;
  let port: number;
  const read = (path: string) => readFileSync(join(project, path), 'utf8');
  const rootManifest = () => JSON.parse(readFileSync(join(FIXTURES, 'monorepo', 'package.json'), 'utf8')) as unknown;

  beforeAll(async () => {
    project = await checkout('monorepo');
    const apply = await codemod(project);
    report = parse(apply);
    expect(apply.status, apply.stderr).toBe(0);
    // npm hoists workspace dependencies to the root's node_modules.
    installPackedRuntime(project);
    port = await freePort();
    server = await startService(NODE, ['backend/src/server.js'], { cwd: project, port, probePath: '/health', env: environment(port) });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('adds oidc-token-guard to backend/package.json only: not to the workspace root, not to the frontend', () => {
    expect(report.errors).toEqual([]);
    expect(JSON.parse(read('backend/package.json')).dependencies).toEqual({ express: '^5.3.0', jose: '^6.1.0', 'oidc-token-guard': `^${VERSION}` });
    expect(JSON.parse(read('package.json'))).toEqual(rootManifest());
    expect(read('frontend/package.json')).toBe(readFileSync(join(FIXTURES, 'monorepo', 'frontend', 'package.json'), 'utf8'));
    expect(read('backend/src/verify.js')).toContain("const { createAccessTokenVerifier } = require('oidc-token-guard');");
  });

  it('the frontend sends the access token and still type-checks', async () => {
    expect(read('frontend/src/Cart.tsx')).toContain('Authorization: `Bearer ${authState.accessToken?.accessToken}`');
    const checked = await run(NODE, [TSC, '-p', 'frontend'], { cwd: project, timeoutMs: 120_000 });
    expect(checked.stdout + checked.stderr).toBe('');
  }, 120_000);

  it('the backend accepts a real access token and refuses the ID token', async () => {
    expect(await httpGet(port, '/cart', { authorization: `Bearer ${tokens.access}` }), server?.output()).toEqual({ status: 200, body: JSON.stringify({ items: [], owner: CLIENT_ID }) });
    expect(await httpGet(port, '/cart', { authorization: `Bearer ${tokens.id}` })).toEqual({ status: 401, body: '{"error":"invalid_token"}' });
  });

  it('a second run changes nothing', async () => {
    await expectFixedPoint(project);
  }, 120_000);
});

describe('(f) a NestJS API: a service verifying with jsonwebtoken and a pinned key, behind a guard', () => {
  let project: string;
  let report: JsonReport;
  let build: RunResult;
  let server: Service | undefined;
  let port: number;
  const read = (path: string) => readFileSync(join(project, path), 'utf8');

  beforeAll(async () => {
    project = await checkout('nestjs-api');
    const apply = await codemod(project);
    report = parse(apply);
    expect(apply.status, apply.stderr).toBe(0);
    installPackedRuntime(project);
    build = await run(NODE, [TSC, '-p', '.'], { cwd: project, timeoutMs: 180_000 });
    port = await freePort();
    if (build.status === 0) server = await startService(NODE, ['dist/main.js'], { cwd: project, port, probePath: '/health', env: environment(port) });
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('migrates: the service verifies through discovery, the guard awaits it and returns a promise', () => {
    expect(report.errors).toEqual([]);
    const service = read('src/token.service.ts');
    expect(service).toContain("import { createAccessTokenVerifier } from 'oidc-token-guard';");
    expect(service).not.toMatch(/BEGIN PUBLIC KEY|jwt\.verify/);
    expect(service).toContain('async verify(token: string): Promise<jwt.JwtPayload> {');
    const guard = read('src/auth.guard.ts');
    expect(guard).toContain('async canActivate(context: ExecutionContext): Promise<boolean> {');
    expect(guard).toContain('request.user = await this.tokens.verify(token);');
    expect(JSON.parse(read('package.json')).dependencies['oidc-token-guard']).toBe(`^${VERSION}`);
  });

  it('builds with its own tsconfig (strict, decorators)', () => {
    expect(build.stdout + build.stderr).toBe('');
  });

  it('the running Nest server accepts a real access token and refuses the ID token', async () => {
    expect(await httpGet(port, '/products', { authorization: `Bearer ${tokens.access}` }), server?.output()).toEqual({ status: 200, body: JSON.stringify({ products: [], caller: CLIENT_ID }) });
    expect((await httpGet(port, '/products', { authorization: `Bearer ${tokens.id}` })).status).toBe(401);
    expect((await httpGet(port, '/products')).status).toBe(401);
  });

  it('a second run changes nothing', async () => {
    await expectFixedPoint(project);
  }, 120_000);
});

describe('(e) an MCP-style server (node:http, JSON-RPC, ESM) verifying org tokens with jose: migrated to introspection', () => {
  let project: string;
  let report: JsonReport;
  let org: OrgProvider;
  let server: Service | undefined;
  let port: number;
  const read = (path: string) => readFileSync(join(project, path), 'utf8');
  /** A JSON-RPC call to POST /mcp, with a bearer token when given. */
  const call = async (method: string, params: Record<string, unknown>, token?: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    // The org is the provider itself (the project reads it from OKTA_ISSUER, https://acme.okta.com otherwise):
    // discovery, /oauth2/v1/introspect and opaque access tokens, as an Okta org answers them.
    org = await startOrgProvider(tls, { issuer: (origin) => origin });
    project = await checkout('mcp-server');
    const apply = await codemod(project);
    report = parse(apply);
    expect(apply.status, apply.stderr).toBe(0);
    installPackedRuntime(project);
    port = await freePort();
    server = await startService(NODE, ['src/server.js'], {
      cwd: project,
      port,
      probePath: '/health',
      env: { ...environment(port), OKTA_ISSUER: org.issuer, OKTA_CLIENT_ID: org.clientId, OKTA_CLIENT_SECRET: org.clientSecret },
    });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await org?.close();
  });

  it('migrates: introspection at the org instead of its keys, oidc-token-guard in package.json, and node --check passes', async () => {
    expect(report.errors).toEqual([]);
    const auth = read('src/auth.js');
    expect(auth).toContain("import { createTokenIntrospector } from 'oidc-token-guard';");
    expect(auth).toContain('createTokenIntrospector({ issuer: OKTA_ORG, clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET })');
    expect(auth).toContain("const payload = await tokenIntrospector.introspect(authorization.slice('Bearer '.length));");
    expect(auth).not.toMatch(/jwtVerify|createRemoteJWKSet|oauth2\/v1\/keys/);
    expect(report.files.find((file) => file.path === 'src/auth.js')).toMatchObject({ rewrites: [{ transform: 'org-as-introspection' }] });
    expect(JSON.parse(read('package.json')).dependencies).toEqual({ jose: '^6.1.0', 'oidc-token-guard': `^${VERSION}` });
    for (const file of sourcesOf(project, /\.js$/)) {
      const checked = await run(NODE, ['--check', file], { cwd: project });
      expect(checked.status, `${file}: ${checked.stderr}`).toBe(0);
    }
  });

  it('answers a tool call with an active access token, as the introspection endpoint describes it', async () => {
    const answer = await call('tools/call', { name: 'list_orders', arguments: {} }, await org.accessToken());
    expect(answer, server?.output()).toEqual({ status: 200, body: { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: JSON.stringify({ orders: [], caller: CLIENT_ID }) }] } } });
    expect((await call('tools/list', {}, await org.accessToken())).body).toMatchObject({ result: { tools: [{ name: 'list_orders' }] } });
  });

  it('refuses an inactive (revoked) access token, an ID token and a request without a token', async () => {
    const token = await org.accessToken();
    expect((await call('tools/list', {}, token)).status).toBe(200);
    await org.revoke(token);
    expect(await call('tools/list', {}, token)).toEqual({ status: 401, body: { error: 'invalid_token' } });
    expect(await call('tools/list', {}, await org.idToken())).toEqual({ status: 401, body: { error: 'invalid_token' } });
    expect(await call('tools/list', {})).toEqual({ status: 401, body: { error: 'invalid_token' } });
  });

  it('a second run changes nothing', async () => {
    await expectFixedPoint(project);
  }, 120_000);
});
