// What an editor shows: through the Node API the ESLint language server uses (each finding's message and
// documentation link, and quick fixes, which are the rules' suggestions, never fixes applied on save), and
// through that server itself, `vscode-eslint-language-server`, driven over stdio under ESLint 9 and 10.
import { existsSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin, { rules } from '../../src/index.js';
import { applyTextEdits, defaultSettings, EslintLanguageServer, type Diagnostic, type ServerSettings } from './eslint-language-server.js';
import { applyEdit, assertBuilt, docsUrlOf, exampleFileName, guideBlock, makeTempDir, NODE_MODULES, removeDir, ROOT, RULE_NAMES, ruleDocExamples, writeFiles } from './support.js';

const allConfig: Linter.Config = plugin.configs.all;
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [allConfig] });
/** What `source.fixAll.eslint` on save runs: ESLint with fixes on. */
const fixOnSave = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [allConfig], fix: true });
const filePath = join(ROOT, 'editor-buffer', 'auth.js');

const PEM = '`-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZ\n-----END PUBLIC KEY-----`';

async function lint(code: string, path = filePath): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!;
}

/** A message template's `{{name}}` placeholders as wildcards: the text the editor shows must fill them all. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`, 's');
}

describe('documentation links', () => {
  it.each(RULE_NAMES)('oidc/%s links to its page in docs/rules on the default branch', (name) => {
    const rule = rules[name as keyof typeof rules];
    expect(rule.meta.docs?.url).toBe(docsUrlOf(name));
    expect(existsSync(join(ROOT, 'docs', 'rules', `${name}.md`))).toBe(true);
  });

  it('getRulesMetaForResults gives the editor the docs URL of every rule that reported', async () => {
    const results = await eslint.lintText(
      `import jwt from 'jsonwebtoken';
import OktaJwtVerifier from '@okta/jwt-verifier';
jwt.verify(token, ${PEM});
const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });
export const check = (token) => verifier.verifyAccessToken(token, 'https://acme.okta.com');
app.get('/', async (req) => verifier.verifyIdToken(req.headers.authorization.split(' ')[1], CLIENT_ID));
jwt.verify(token, getKey, { audience: 'https://graph.microsoft.com' });
`,
      { filePath },
    );
    const meta = eslint.getRulesMetaForResults(results);
    const reported = [...new Set(results[0]!.messages.map((message) => message.ruleId))].sort();
    expect(reported).toEqual(RULE_NAMES.map((name) => `oidc/${name}`));
    for (const id of reported) {
      const name = id!.replace('oidc/', '');
      expect(meta[id!]?.docs?.url, id!).toBe(docsUrlOf(name));
      // Suggestions where the rule has a safe edit to offer (no-foreign-token-verification has none: the fix is in the client).
      expect(meta[id!]?.hasSuggestions, id!).toBe(rules[name as keyof typeof rules].meta.hasSuggestions);
      expect(meta[id!]?.fixable, `${id} offers no fix on save`).toBeUndefined();
    }
  });
});

describe('messages of the documented incorrect examples', () => {
  const incorrect = ruleDocExamples().filter((example) => example.kind === 'incorrect' && !example.isConfig);

  it.each(incorrect.map((example) => [`docs/rules/${example.rule}.md:${example.line}`, example] as const))('%s: every placeholder is filled', async (_, example) => {
    const result = await lint(example.code, join(ROOT, 'editor-buffer', exampleFileName(example)));
    const rule = rules[example.rule as keyof typeof rules];
    expect(result.messages.length).toBeGreaterThan(0);
    for (const message of result.messages) {
      expect(message.ruleId).toBe(`oidc/${example.rule}`);
      expect(message.severity).toBe(2);
      const template = (rule.meta.messages as Record<string, string>)[message.messageId!];
      expect(template, `messageId ${message.messageId}`).toBeDefined();
      expect(message.message).toMatch(templatePattern(template!));
      expect(message.message).not.toMatch(/\{\{|\}\}|undefined/);
      expect(message.endLine, 'a range to underline').toBeDefined();
      for (const suggestion of message.suggestions ?? []) expect(suggestion.desc).not.toMatch(/\{\{|\}\}|undefined/);
    }
  });

  it.each(incorrect.map((example) => [`docs/rules/${example.rule}.md:${example.line}`, example] as const))('%s: fix on save leaves the code alone', async (_, example) => {
    const [result] = await fixOnSave.lintText(example.code, { filePath: join(ROOT, 'editor-buffer', exampleFileName(example)) });
    expect(result!.output, 'no fix was applied').toBeUndefined();
    expect(result!.messages.length).toBeGreaterThan(0);
    expect(result!.messages.every((message) => message.fix === undefined)).toBe(true);
  });
});

interface SuggestionCase {
  readonly name: string;
  readonly rule: string;
  readonly messageId: string;
  readonly code: string;
  readonly suggestion: string;
  readonly desc: string;
  readonly output: string;
}

/** Each edit the "Suggestions" section of a rule doc promises, applied as the editor applies it. */
const SUGGESTIONS: readonly SuggestionCase[] = [
  {
    name: 'jose: a module-level createRemoteJWKSet of the issuer, in place of the key',
    rule: 'no-hardcoded-jwt-key',
    messageId: 'pinnedKey',
    code: `import { importJWK, jwtVerify } from 'jose';

const key = await importJWK({ kty: 'RSA', kid: 'k1', n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4', e: 'AQAB' }, 'RS256');
export const verify = (token) => jwtVerify(token, key, { issuer: 'https://acme.okta.com/oauth2/default' });
`,
    suggestion: 'useRemoteJwks',
    desc: 'Resolve keys from https://acme.okta.com/oauth2/default/v1/keys at run time, with caching.',
    output: `import { importJWK, jwtVerify, createRemoteJWKSet } from 'jose';
const jwks = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys'));

const key = await importJWK({ kty: 'RSA', kid: 'k1', n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4', e: 'AQAB' }, 'RS256');
export const verify = (token) => jwtVerify(token, jwks, { issuer: 'https://acme.okta.com/oauth2/default' });
`,
  },
  {
    name: 'jose with an Auth0 issuer: its JWKS URL',
    rule: 'no-hardcoded-jwt-key',
    // The issuer is Auth0's: the message names the provider.
    messageId: 'providerPinnedKey',
    code: `import { jwtVerify, importSPKI } from 'jose';
const key = await importSPKI(${PEM}, 'RS256');
export const verify = (token) => jwtVerify(token, key, { issuer: 'https://acme.us.auth0.com/' });
`,
    suggestion: 'useRemoteJwks',
    desc: 'Resolve keys from https://acme.us.auth0.com/.well-known/jwks.json at run time, with caching.',
    output: `import { jwtVerify, importSPKI, createRemoteJWKSet } from 'jose';
const jwks = createRemoteJWKSet(new URL('https://acme.us.auth0.com/.well-known/jwks.json'));
const key = await importSPKI(${PEM}, 'RS256');
export const verify = (token) => jwtVerify(token, jwks, { issuer: 'https://acme.us.auth0.com/' });
`,
  },
  {
    name: "express-jwt: jwks-rsa's expressJwtSecret",
    rule: 'no-hardcoded-jwt-key',
    messageId: 'pinnedKey',
    code: `import { expressjwt } from 'express-jwt';
export const auth = expressjwt({ secret: ${PEM}, algorithms: ['RS256'], issuer: 'https://acme.okta.com/oauth2/default' });
`,
    suggestion: 'useRemoteJwks',
    desc: 'Resolve keys from https://acme.okta.com/oauth2/default/v1/keys at run time, with caching.',
    output: `import { expressjwt } from 'express-jwt';
import { expressJwtSecret } from 'jwks-rsa';
export const auth = expressjwt({ secret: expressJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys', cache: true, rateLimit: true }), algorithms: ['RS256'], issuer: 'https://acme.okta.com/oauth2/default' });
`,
  },
  {
    name: "koa-jwt: jwks-rsa's koaJwtSecret",
    rule: 'no-hardcoded-jwt-key',
    messageId: 'pinnedKey',
    code: `import jwt from 'koa-jwt';
export const auth = jwt({ secret: ${PEM}, issuer: 'https://acme.okta.com/oauth2/default' });
`,
    suggestion: 'useRemoteJwks',
    desc: 'Resolve keys from https://acme.okta.com/oauth2/default/v1/keys at run time, with caching.',
    output: `import jwt from 'koa-jwt';
import { koaJwtSecret } from 'jwks-rsa';
export const auth = jwt({ secret: koaJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys', cache: true, rateLimit: true }), issuer: 'https://acme.okta.com/oauth2/default' });
`,
  },
  {
    name: "passport-jwt: secretOrKeyProvider from jwks-rsa's passportJwtSecret",
    rule: 'no-hardcoded-jwt-key',
    messageId: 'pinnedKey',
    code: `import passport from 'passport';
import { Strategy, ExtractJwt } from 'passport-jwt';

passport.use(new Strategy({
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKey: ${PEM},
  issuer: 'https://acme.okta.com/oauth2/default',
  audience: 'api://default',
}, (payload, done) => done(null, payload)));
`,
    suggestion: 'useRemoteJwks',
    desc: 'Resolve keys from https://acme.okta.com/oauth2/default/v1/keys at run time, with caching.',
    output: `import passport from 'passport';
import { Strategy, ExtractJwt } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';

passport.use(new Strategy({
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKeyProvider: passportJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys', cache: true, rateLimit: true }),
  issuer: 'https://acme.okta.com/oauth2/default',
  audience: 'api://default',
}, (payload, done) => done(null, payload)));
`,
  },
  {
    name: 'verifyIdToken on a request token: verifyAccessToken with the default server audience',
    rule: 'no-id-token-as-bearer',
    messageId: 'idTokenFromRequest',
    code: `import OktaJwtVerifier from '@okta/jwt-verifier';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });

app.use(async (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  res.locals.user = await verifier.verifyIdToken(token, process.env.OKTA_CLIENT_ID);
  next();
});
`,
    suggestion: 'verifyAccessToken',
    desc: "Verify an access token for the audience 'api://default' instead.",
    output: `import OktaJwtVerifier from '@okta/jwt-verifier';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });

app.use(async (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  res.locals.user = await verifier.verifyAccessToken(token, 'api://default');
  next();
});
`,
  },
  {
    name: "verifyIdToken with another custom server: '<your API audience>' to fill in",
    rule: 'no-id-token-as-bearer',
    messageId: 'idTokenFromRequest',
    code: `import OktaJwtVerifier from '@okta/jwt-verifier';
const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/aus123' });
app.use(async (req, res) => { res.locals.user = await verifier.verifyIdToken(req.headers.authorization.split(' ')[1], CLIENT_ID); });
`,
    suggestion: 'verifyAccessTokenForAudience',
    desc: "Verify an access token instead, and replace '<your API audience>' with the audience your authorization server gives this API.",
    output: `import OktaJwtVerifier from '@okta/jwt-verifier';
const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/aus123' });
app.use(async (req, res) => { res.locals.user = await verifier.verifyAccessToken(req.headers.authorization.split(' ')[1], '<your API audience>'); });
`,
  },
  {
    name: "a client-id audience: the API's audience",
    rule: 'no-id-token-as-bearer',
    messageId: 'clientIdAudience',
    code: `import OktaJwtVerifier from '@okta/jwt-verifier';
const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });
export const guard = async (req) => verifier.verifyAccessToken(req.headers.authorization.slice(7), '0oa1b2c3d4e5f6g7h8i9');
`,
    suggestion: 'verifyAccessToken',
    desc: "Verify an access token for the audience 'api://default' instead.",
    output: `import OktaJwtVerifier from '@okta/jwt-verifier';
const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });
export const guard = async (req) => verifier.verifyAccessToken(req.headers.authorization.slice(7), 'api://default');
`,
  },
  {
    name: 'getIdToken() becomes getAccessToken()',
    rule: 'no-id-token-as-bearer',
    messageId: 'idTokenSent',
    code: `import { OktaAuth } from '@okta/okta-auth-js';

const oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1b2c3d4e5f6g7h8i9' });

export const listOrders = () => fetch('/api/orders', { headers: { Authorization: \`Bearer \${oktaAuth.getIdToken()}\` } });
`,
    suggestion: 'sendAccessToken',
    desc: 'Send the access token instead (oktaAuth.getAccessToken()).',
    output: `import { OktaAuth } from '@okta/okta-auth-js';

const oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1b2c3d4e5f6g7h8i9' });

export const listOrders = () => fetch('/api/orders', { headers: { Authorization: \`Bearer \${oktaAuth.getAccessToken()}\` } });
`,
  },
  {
    name: 'idToken.idToken becomes accessToken.accessToken',
    rule: 'no-id-token-as-bearer',
    messageId: 'idTokenSent',
    code: `export const load = () => fetch('/api', { headers: { Authorization: 'Bearer ' + authState.idToken.idToken } });
`,
    suggestion: 'sendAccessToken',
    desc: 'Send the access token instead (authState.accessToken.accessToken).',
    output: `export const load = () => fetch('/api', { headers: { Authorization: 'Bearer ' + authState.accessToken.accessToken } });
`,
  },
  {
    name: "tokenManager.get('idToken') becomes tokenManager.get('accessToken')",
    rule: 'no-id-token-as-bearer',
    messageId: 'idTokenSent',
    code: `export async function call() {
  return fetch('/api', { headers: { Authorization: \`Bearer \${(await oktaAuth.tokenManager.get('idToken')).idToken}\` } });
}
`,
    suggestion: 'sendAccessToken',
    desc: "Send the access token instead ((await oktaAuth.tokenManager.get('accessToken')).accessToken).",
    output: `export async function call() {
  return fetch('/api', { headers: { Authorization: \`Bearer \${(await oktaAuth.tokenManager.get('accessToken')).accessToken}\` } });
}
`,
  },
  {
    name: 'an org issuer and org audience: the default custom authorization server and api://default',
    rule: 'no-org-as-local-verification',
    messageId: 'orgIssuer',
    code: `import OktaJwtVerifier from '@okta/jwt-verifier';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });
export const checkAccessToken = (token) => verifier.verifyAccessToken(token, 'https://acme.okta.com');
`,
    suggestion: 'useCustomAuthorizationServer',
    desc: "Use the custom authorization server 'https://acme.okta.com/oauth2/default' (audience 'api://default').",
    output: `import OktaJwtVerifier from '@okta/jwt-verifier';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });
export const checkAccessToken = (token) => verifier.verifyAccessToken(token, 'api://default');
`,
  },
  {
    name: 'an org keys URL: the default custom authorization server keys',
    rule: 'no-org-as-local-verification',
    messageId: 'orgKeys',
    code: `import { createRemoteJWKSet, jwtVerify } from 'jose';

const orgKeys = createRemoteJWKSet(new URL(\`\${process.env.OKTA_ORG_URL}/oauth2/v1/keys\`));
export const checkAccessToken = (token) => jwtVerify(token, orgKeys);
`,
    suggestion: 'useCustomAuthorizationServer',
    desc: "Use the custom authorization server '${OKTA_ORG_URL}/oauth2/default' (audience 'api://default').",
    output: `import { createRemoteJWKSet, jwtVerify } from 'jose';

const orgKeys = createRemoteJWKSet(new URL(\`\${process.env.OKTA_ORG_URL}/oauth2/default/v1/keys\`));
export const checkAccessToken = (token) => jwtVerify(token, orgKeys);
`,
  },
  {
    name: 'org issuer, keys and audience in one jose call: all three edits at once',
    rule: 'no-org-as-local-verification',
    messageId: 'orgIssuer',
    code: `import { createRemoteJWKSet, jwtVerify } from 'jose';
const orgKeys = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));
export const checkAccessToken = (token) => jwtVerify(token, orgKeys, { issuer: 'https://acme.okta.com', audience: 'https://acme.okta.com' });
`,
    suggestion: 'useCustomAuthorizationServer',
    desc: "Use the custom authorization server 'https://acme.okta.com/oauth2/default' (audience 'api://default').",
    output: `import { createRemoteJWKSet, jwtVerify } from 'jose';
const orgKeys = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys'));
export const checkAccessToken = (token) => jwtVerify(token, orgKeys, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
`,
  },
];

describe('quick fixes are the documented suggestions', () => {
  it.each(SUGGESTIONS.map((entry) => [`oidc/${entry.rule}: ${entry.name}`, entry] as const))('%s', async (_, entry) => {
    const before = await lint(entry.code);
    const finding = before.messages.find((message) => message.ruleId === `oidc/${entry.rule}` && message.messageId === entry.messageId);
    expect(finding, `${entry.messageId} is reported`).toBeDefined();
    expect(finding!.fix, 'a suggestion, never a fix applied without review').toBeUndefined();
    expect(finding!.suggestions?.map((suggestion) => suggestion.messageId)).toEqual([entry.suggestion]);
    const suggestion = finding!.suggestions![0]!;
    expect(suggestion.desc).toBe(entry.desc);

    const output = applyEdit(entry.code, suggestion.fix);
    expect(output).toBe(entry.output);

    // The edited code parses, and the finding the quick fix was for is gone.
    const after = await lint(output);
    expect(after.messages.filter((message) => message.fatal)).toEqual([]);
    expect(after.messages.filter((message) => message.ruleId === `oidc/${entry.rule}` && message.messageId === entry.messageId)).toEqual([]);
  });

  it('no suggestion where the issuer, and so its JWKS, is unknown (the doc: "where the issuer is known")', async () => {
    const result = await lint(`import jwt from 'jsonwebtoken';\nexport const verify = (token) => jwt.verify(token, ${PEM}, { algorithms: ['RS256'] });\n`);
    expect(result.messages.map((message) => message.messageId)).toEqual(['pinnedKey']);
    expect(result.messages[0]!.suggestions ?? []).toEqual([]);
  });

  it('"Disable for this line" (an eslint-disable-next-line comment) silences one finding', async () => {
    const code = `import jwt from 'jsonwebtoken';\n// eslint-disable-next-line oidc/no-hardcoded-jwt-key -- partner key, rotated by hand\njwt.verify(token, ${PEM});\njwt.verify(token, ${PEM});\n`;
    const result = await lint(code);
    expect(result.messages.map((message) => [message.ruleId, message.line])).toEqual([['oidc/no-hardcoded-jwt-key', 6]]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The language server editors run: vscode-eslint-language-server, over stdio

/** A workspace as the guide sets it up: its eslint.config.js, and `eslint` of the major under test. */
function editorWorkspace(major: 9 | 10): string {
  const dir = makeTempDir(`editor-eslint${major}`);
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@typescript-eslint'), { recursive: true });
  symlinkSync(join(NODE_MODULES, major === 9 ? 'eslint9' : 'eslint'), join(modules, 'eslint'));
  symlinkSync(ROOT, join(modules, 'eslint-plugin-oidc'));
  symlinkSync(join(NODE_MODULES, '@typescript-eslint', 'parser'), join(modules, '@typescript-eslint', 'parser'));
  writeFiles(dir, {
    'package.json': JSON.stringify({ name: 'orders-api', private: true, type: 'module' }),
    'eslint.config.js': guideBlock('editor.md', (block) => block.code.startsWith('// eslint.config.js')),
  });
  return dir;
}

/** The guide's settings for editors other than VS Code: the keys that decide whether the server lints at all. */
function guideSettings(): ServerSettings {
  const block = guideBlock('editor.md', (block) => block.code.startsWith('// settings of vscode-eslint-language-server'));
  return JSON.parse(block.replace(/^\s*\/\/.*$/gm, '')) as ServerSettings;
}

/** One file per rule, each with a finding that has a quick fix (cases of SUGGESTIONS above). */
const EDITOR_CASES = [
  { path: 'src/verify.js', entry: SUGGESTIONS.find((entry) => entry.name.startsWith('jose with an Auth0 issuer'))! },
  { path: 'src/org.ts', entry: SUGGESTIONS.find((entry) => entry.name.startsWith('an org issuer and org audience'))! },
  { path: 'src/client.js', entry: SUGGESTIONS.find((entry) => entry.name.startsWith('getIdToken()'))! },
];

describe.each([9, 10] as const)('vscode-eslint-language-server with ESLint %i and the settings the guide gives', (major) => {
  let workspace: string;
  let server: EslintLanguageServer;

  beforeAll(async () => {
    assertBuilt();
    workspace = editorWorkspace(major);
    server = await EslintLanguageServer.start(workspace, defaultSettings(workspace, guideSettings()));
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(workspace);
  });

  it('loads the ESLint of the project, and lints the first file, then each edit, from memory', async () => {
    const uri = server.open('src/timing.js', EDITOR_CASES[0]!.entry.code);
    const first = performance.now();
    expect((await server.diagnostics(uri)).map((diagnostic) => diagnostic.code)).toEqual(['oidc/no-hardcoded-jwt-key']);
    const firstMs = performance.now() - first;
    const editMs: number[] = [];
    for (let edit = 1; edit <= 5; edit++) {
      server.change(uri, `${EDITOR_CASES[0]!.entry.code}${'\n'.repeat(edit)}`);
      const start = performance.now();
      expect(await server.diagnostics(uri)).toHaveLength(1);
      editMs.push(performance.now() - start);
    }
    expect(server.log.some((line) => line.includes(join(realpathSync(NODE_MODULES), major === 9 ? 'eslint9' : 'eslint', 'lib'))), server.log.join('\n')).toBe(true);
    // The first validation loads ESLint, the config, the parser and the plugin; edits reuse them.
    expect(Math.max(...editMs), `first ${firstMs.toFixed(0)} ms, edits ${editMs.map((ms) => ms.toFixed(0)).join(', ')} ms`).toBeLessThan(firstMs);
  });

  it.each(EDITOR_CASES.map(({ path, entry }) => [`oidc/${entry.rule} in ${path}`, path, entry] as const))('%s: the diagnostic, its documentation link, and the quick fix the guide lists', async (_, path, entry) => {
    const uri = server.open(path, entry.code);
    const diagnostics = await server.diagnostics(uri);
    const expected = (await lint(entry.code)).messages.filter((message) => message.ruleId === `oidc/${entry.rule}`);
    const shown = diagnostics.filter((diagnostic) => diagnostic.code === `oidc/${entry.rule}`);
    // What the server shows is what ESLint's API reports: message, range (LSP counts from 0), severity.
    expect(shown.map((diagnostic) => [diagnostic.message, diagnostic.range.start.line + 1, diagnostic.range.start.character + 1])).toEqual(expected.map((message) => [message.message, message.line, message.column]));
    const diagnostic: Diagnostic = shown.find((candidate) => candidate.message === expected.find((message) => message.messageId === entry.messageId)!.message)!;
    expect(diagnostic).toMatchObject({ source: 'eslint', severity: 1, codeDescription: { href: docsUrlOf(entry.rule) } });

    const actions = await server.codeActions(uri, diagnostic);
    expect(actions.map((action) => action.title)).toEqual(
      expect.arrayContaining([`${entry.desc} (oidc/${entry.rule})`, `Disable oidc/${entry.rule} for this line`, `Disable oidc/${entry.rule} for the entire file`, `Show documentation for oidc/${entry.rule}`]),
    );
    // No "Fix this ... problem" action: the rules have no fixes, only suggestions.
    expect(actions.filter((action) => /^Fix /.test(action.title))).toEqual([]);

    const edits = await server.execute(actions.find((action) => action.title === `${entry.desc} (oidc/${entry.rule})`)!);
    expect(Object.keys(edits)).toEqual([uri]);
    const output = applyTextEdits(entry.code, edits[uri]!);
    expect(output).toBe(entry.output);

    // The editor sends the edited text; the finding the quick fix was for is gone.
    server.change(uri, output);
    expect((await server.diagnostics(uri)).filter((after) => after.message === diagnostic.message && after.range.start.line === diagnostic.range.start.line)).toEqual([]);
  });
});

describe('the settings that decide whether the server lints at all', () => {
  // The server picks ESLint's API by two settings (lib/eslint-language-server/eslint.js, resolveSettings):
  // `experimental.useFlatConfig: true` makes it load `eslint/use-at-your-own-risk` and require its
  // FlatESLint class, which ESLint 10 no longer exports; `useFlatConfig: false` asks ESLint 9 for eslintrc.
  const CASES: ReadonlyArray<readonly [string, 9 | 10, ServerSettings, boolean, RegExp | undefined]> = [
    ['ESLint 10, experimental.useFlatConfig: true', 10, { experimental: { useFlatConfig: true } }, false, /doesn't export a FlatESLint class/],
    ['ESLint 9, experimental.useFlatConfig: true', 9, { experimental: { useFlatConfig: true } }, true, /can be removed/],
    ['ESLint 10, useFlatConfig: false', 10, { useFlatConfig: false }, true, /only supports flat configs\. Setting is ignored/],
    ['ESLint 9, useFlatConfig: false', 9, { useFlatConfig: false }, false, undefined],
    ['ESLint 10, useFlatConfig left out', 10, { useFlatConfig: undefined }, true, undefined],
    ['ESLint 9, useFlatConfig left out', 9, { useFlatConfig: undefined }, true, undefined],
  ];

  it.each(CASES)('%s', async (_, major, settings, lints, logged) => {
    assertBuilt();
    const workspace = editorWorkspace(major);
    const server = await EslintLanguageServer.start(workspace, defaultSettings(workspace, settings));
    try {
      const uri = server.open('src/verify.js', EDITOR_CASES[0]!.entry.code);
      const codes = (await server.diagnostics(uri)).map((diagnostic) => diagnostic.code);
      expect(codes, server.log.join('\n')).toEqual(lints ? ['oidc/no-hardcoded-jwt-key'] : []);
      if (logged) expect(server.log.join('\n')).toMatch(logged);
    } finally {
      await server.stop();
      removeDir(workspace);
    }
  });

  it('without an `experimental` object at all, the server fails every request (send `"experimental": {}`)', async () => {
    const workspace = editorWorkspace(10);
    const settings = defaultSettings(workspace);
    delete settings.experimental;
    const server = await EslintLanguageServer.start(workspace, settings);
    try {
      const uri = server.open('src/verify.js', EDITOR_CASES[0]!.entry.code);
      await expect(server.diagnostics(uri)).rejects.toThrow(/reading 'useFlatConfig'/);
    } finally {
      await server.stop();
      removeDir(workspace);
    }
  });
});
