// Callers of a verification that became async, reached through CommonJS: destructured require, members of
// the required module object, function expressions assigned to exports, re-exports through an index module
// and `module.exports = fn`; uses the pass cannot follow are reported with what to do.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type JsonReport } from '../../../src/cli/run.js';
import keys from '../../fixtures/keys.json' with { type: 'json' };

const ISSUER = 'https://acme.okta.com/oauth2/default';

const AUTH = `const jwt = require('jsonwebtoken');

const KEY = ${JSON.stringify(keys.rsaSpki)};

function verifyToken(token) {
  return jwt.verify(token, KEY, { issuer: '${ISSUER}', audience: 'api://default' });
}

module.exports = { verifyToken };
`;

const MIDDLEWARE = `const { verifyToken } = require('./auth');

function requireUser(req, res, next) {
  const claims = verifyToken(req.headers.authorization.slice(7));
  req.user = claims.sub;
  next();
}

module.exports = { requireUser };
`;

const MEMBERS = `const auth = require('./auth');

exports.whoIs = function whoIs(header) {
  return auth.verifyToken(header.slice(7)).sub;
};
`;

const INDEX = `exports.verifyToken = require('./auth').verifyToken;
`;

const SERVER = `const express = require('express');
const lib = require('./lib');
const { requireUser } = require('./lib/middleware');
const { whoIs } = require('./lib/members');

const app = express();
app.use(requireUser);

module.exports.check = (header) => lib.verifyToken(header).sub;

async function describeCaller(header) {
  return { caller: whoIs(header) };
}

module.exports.describeCaller = describeCaller;
`;

const REGISTRY = `const auth = require('./auth');
const plugins = require('./plugins');

plugins.register('auth', auth);
`;

const SCRIPT = `const { verifyToken: verify } = require('../lib/auth');

const claims = verify(process.argv[2]);
console.log(claims.sub);
`;

const DEFAULT_EXPORT = `const jwt = require('jsonwebtoken');

const KEY = ${JSON.stringify(keys.rsaSpki)};

module.exports = function verifyPartner(token) {
  return jwt.verify(token, KEY, { issuer: '${ISSUER}', audience: 'api://partners' });
};
`;

const PARTNER_ROUTE = `const verifyPartner = require('./partner-auth');

exports.partnerId = function partnerId(token) {
  const claims = verifyPartner(token);
  return claims.sub;
};
`;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function repository(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'oidc-cjs-')));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('add', '-A');
  git('commit', '-qm', 'initial');
  return root;
}

async function migrate(cwd: string): Promise<JsonReport & { code: number }> {
  let stdout = '';
  const code = await runCli(['--json', '.'], { stdout: (text) => (stdout += text), stderr: () => undefined, isTTY: false, cwd });
  return { ...(JSON.parse(stdout) as JsonReport), code };
}

describe('CommonJS callers of a verification made async', () => {
  let root: string;
  let report: JsonReport & { code: number };
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const reviewOf = (path: string) => report.files.find((file) => file.path === path)?.review.map((item) => `${item.line}: ${item.reason}`) ?? [];

  it('follows require: destructured, members of the module object, exports assigned a function, re-exports, module.exports = fn', async () => {
    root = repository({
      'package.json': JSON.stringify({ name: 'legacy-api' }),
      'lib/auth.js': AUTH,
      'lib/middleware.js': MIDDLEWARE,
      'lib/members.js': MEMBERS,
      'lib/index.js': INDEX,
      'lib/partner-auth.js': DEFAULT_EXPORT,
      'lib/partner-route.js': PARTNER_ROUTE,
      'server.js': SERVER,
      'scripts/whoami.js': SCRIPT,
      'lib/registry.js': REGISTRY,
    });
    report = await migrate(root);
    expect(report.code).toBe(0);
    expect(read('lib/auth.js')).toContain('async function verifyToken(token)');
    // Destructured require.
    expect(read('lib/middleware.js')).toContain('async function requireUser(req, res, next) {\n  const claims = await verifyToken(req.headers.authorization.slice(7));');
    // A member of the required module, inside a function expression assigned to exports.
    expect(read('lib/members.js')).toContain('exports.whoIs = async function whoIs(header) {\n  return (await auth.verifyToken(header.slice(7))).sub;');
    // Through the index module's re-export, in an arrow function assigned to module.exports.check.
    expect(read('server.js')).toContain('module.exports.check = async (header) => (await lib.verifyToken(header)).sub;');
    // whoIs() became async in its turn, and its caller in server.js awaits it.
    expect(read('server.js')).toContain('return { caller: await whoIs(header) };');
    // module.exports = function … : the required value is the function.
    expect(read('lib/partner-route.js')).toContain('exports.partnerId = async function partnerId(token) {\n  const claims = await verifyPartner(token);');
    for (const path of ['lib/auth.js', 'lib/middleware.js', 'lib/members.js', 'lib/index.js', 'lib/partner-route.js', 'server.js', 'scripts/whoami.js']) {
      execFileSync(process.execPath, ['--check', join(root, path)]);
    }
    expect(read('lib/index.js')).toBe(INDEX);
  });

  it('reports what it cannot follow: a function passed on as a value, the module object handed elsewhere, a top-level call', () => {
    expect(reviewOf('server.js')).toContain('7: requireUser() is async now and requireUser is passed on here as a value, which this run does not follow: make sure what calls it awaits its promise (Express 5 and Koa middleware may be async)');
    expect(reviewOf('scripts/whoami.js')).toContain('3: verifyToken() is async now and this top-level call in a CommonJS module cannot await it: update it by hand');
    expect(read('scripts/whoami.js')).toBe(SCRIPT);
    expect(reviewOf('lib/registry.js')).toEqual(['4: verifyToken() is async now and the module object of auth.js is used here in a way this run does not follow: await its calls by hand']);
    expect(read('lib/registry.js')).toBe(REGISTRY);
  });

  it('reaches a fixed point: a second run changes nothing', async () => {
    execFileSync('git', ['commit', '-qam', 'migrated'], { cwd: root });
    const again = await migrate(root);
    expect(again.summary.filesChanged).toBe(0);
  });

  it('a module that only shares a name is left alone', async () => {
    const other = repository({
      'package.json': JSON.stringify({ name: 'other' }),
      'lib/auth.js': AUTH,
      'lib/other-auth.js': 'function verifyToken(token) {\n  return { sub: token };\n}\nmodule.exports = { verifyToken };\n',
      'lib/uses-other.js': "const { verifyToken } = require('./other-auth');\n\nfunction who(token) {\n  return verifyToken(token).sub;\n}\n\nmodule.exports = { who };\n",
    });
    await migrate(other);
    expect(readFileSync(join(other, 'lib/uses-other.js'), 'utf8')).not.toContain('await');
  });
});
