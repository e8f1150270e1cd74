// CI: the real ESLint CLI writes SARIF through @microsoft/eslint-formatter-sarif for code scanning, and
// `--max-warnings 0` fails the job. The project loads the built plugin by name, as a user's does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, childEnv, docsUrlOf, guideBlock, linkNodeModules, makeTempDir, removeDir, run, writeFiles } from './support.js';

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string; shortDescription?: { text: string } }> } };
    artifacts?: Array<{ location: { uri: string } }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number; startColumn: number } } }>;
    }>;
  }>;
}

const PEM = '`-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZ\n-----END PUBLIC KEY-----`';

const FILES = {
  'package.json': JSON.stringify({ name: 'orders-api', private: true, type: 'module' }, null, 2),
  // The flat config the editor guide (and the README) give.
  'eslint.config.js': guideBlock('editor.md', (block) => block.code.startsWith('// eslint.config.js')),
  'src/legacy-verify.js': `import jwt from 'jsonwebtoken';

const OKTA_PUBLIC_KEY = ${PEM};

export const verify = (token) => jwt.verify(token, OKTA_PUBLIC_KEY, { algorithms: ['RS256'] });
`,
  'src/org-verifier.ts': `import OktaJwtVerifier from '@okta/jwt-verifier';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });
export const checkAccessToken = (token: string) => verifier.verifyAccessToken(token, 'api://default');
`,
  'src/client/orders.js': `import { OktaAuth } from '@okta/okta-auth-js';

const oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1b2c3d4e5f6g7h8i9' });
export const listOrders = () => fetch('/api/orders', { headers: { Authorization: \`Bearer \${oktaAuth.getIdToken()}\` } });
`,
  'src/safe.js': `import { createRemoteJWKSet, jwtVerify } from 'jose';

const issuer = 'https://acme.okta.com/oauth2/default';
const jwks = createRemoteJWKSet(new URL(\`\${issuer}/v1/keys\`));
export const verify = (token) => jwtVerify(token, jwks, { issuer, audience: 'api://default' });
`,
};

/** Where each finding must be: file, line and column of the text the rule points at. */
const EXPECTED = [
  { file: 'src/legacy-verify.js', rule: 'no-hardcoded-jwt-key', at: 'OKTA_PUBLIC_KEY, {' },
  { file: 'src/org-verifier.ts', rule: 'no-org-as-local-verification', at: "'https://acme.okta.com' }" },
  { file: 'src/client/orders.js', rule: 'no-id-token-as-bearer', at: 'oktaAuth.getIdToken()' },
];

function positionOf(file: string, text: string): { line: number; column: number } {
  const lines = FILES[file as keyof typeof FILES].split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(text));
  if (line < 0) throw new Error(`${text} not in ${file}`);
  return { line: line + 1, column: lines[line]!.indexOf(text) + 1 };
}

let dir: string;

function eslint(args: string[]) {
  return run(process.execPath, ['node_modules/eslint/bin/eslint.js', ...args], { cwd: dir, env: childEnv() });
}

beforeAll(() => {
  assertBuilt();
  dir = makeTempDir('sarif');
  linkNodeModules(dir);
  writeFiles(dir, FILES);
});

afterAll(() => removeDir(dir));

describe('SARIF for code scanning', () => {
  let sarif: SarifLog;
  let status: number | null;
  let output: string;

  beforeAll(() => {
    // The command of the workflow in docs/guides/ci.md, word for word.
    const workflow = guideBlock('ci.md', (block) => block.lang === 'yaml' && block.code.includes('upload-sarif'));
    const command = /run: npx eslint (.+)$/m.exec(workflow)?.[1];
    expect(command, 'the workflow runs npx eslint').toBeDefined();
    const args = command!.trim().split(/\s+/);
    expect(args).toEqual(expect.arrayContaining(['--max-warnings', '0', '--format', '@microsoft/eslint-formatter-sarif', '--output-file']));
    const result = eslint(args);
    status = result.status;
    output = result.output;
    sarif = JSON.parse(readFileSync(join(dir, args[args.indexOf('--output-file') + 1]!), 'utf8')) as SarifLog;
  });

  it('the job fails: errors were found', () => {
    expect(status, output).toBe(1);
  });

  it('is a SARIF 2.1.0 log of one ESLint run', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.tool.driver.name).toBe('ESLint');
  });

  it("describes each reporting rule with its id and its docs page as help URI", () => {
    const rules = sarif.runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => rule.id).sort()).toEqual(EXPECTED.map((entry) => `oidc/${entry.rule}`).sort());
    for (const rule of rules) {
      expect(rule.helpUri).toBe(docsUrlOf(rule.id.replace('oidc/', '')));
      expect(rule.shortDescription?.text).toMatch(/^Disallow /);
    }
  });

  it('has one result per finding, with rule id, level and the file and line of the finding', () => {
    const run0 = sarif.runs[0]!;
    const results = run0.results.map((result) => {
      const location = result.locations[0]!.physicalLocation;
      return {
        rule: result.ruleId,
        ruleOfIndex: run0.tool.driver.rules[result.ruleIndex]!.id,
        level: result.level,
        file: fileURLToPath(location.artifactLocation.uri),
        line: location.region.startLine,
        column: location.region.startColumn,
        message: result.message.text,
      };
    });
    const expected = EXPECTED.map((entry) => ({ rule: `oidc/${entry.rule}`, file: join(dir, entry.file), ...positionOf(entry.file, entry.at) }));
    expect(results.map(({ rule, file, line, column }) => ({ rule, file, line, column })).sort((a, b) => a.file.localeCompare(b.file))).toEqual(
      expected.sort((a, b) => a.file.localeCompare(b.file)),
    );
    for (const result of results) {
      expect(result.ruleOfIndex).toBe(result.rule);
      expect(result.level).toBe('error');
      expect(result.message.length).toBeGreaterThan(40);
    }
    // Absolute file URIs inside the checkout: github/codeql-action/upload-sarif makes them relative.
    for (const artifact of run0.artifacts ?? []) expect(artifact.location.uri.startsWith(`file://${dir}/`)).toBe(true);
  });

  it('says what the JSON formatter says', () => {
    const json = eslint(['--format', 'json', '.']);
    const results = JSON.parse(json.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
    const fromJson = results.flatMap((result) => result.messages.map((message) => `${result.filePath}:${message.line}:${message.column} ${message.ruleId}`)).sort();
    const fromSarif = sarif.runs[0]!.results
      .map((result) => {
        const location = result.locations[0]!.physicalLocation;
        return `${fileURLToPath(location.artifactLocation.uri)}:${location.region.startLine}:${location.region.startColumn} ${result.ruleId}`;
      })
      .sort();
    expect(fromSarif).toEqual(fromJson);
  });
});

describe('findings silenced in the source', () => {
  it('are in the SARIF log as suppressed, with the reason given in the directive', () => {
    writeFiles(dir, {
      'partner/verify.js': `import jwt from 'jsonwebtoken';

// eslint-disable-next-line oidc/no-hardcoded-jwt-key -- partner key, rotated by hand every quarter
export const verify = (token) => jwt.verify(token, ${PEM});
`,
    });
    const result = eslint(['--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'reports/partner.sarif', '--max-warnings', '0', 'partner/verify.js']);
    expect(result.status, result.output).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports', 'partner.sarif'), 'utf8')) as SarifLog & {
      runs: Array<{ results: Array<{ suppressions?: Array<{ kind: string; justification?: string }> }> }>;
    };
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(1);
    expect(results[0]!.ruleId).toBe('oidc/no-hardcoded-jwt-key');
    expect(results[0]!.suppressions).toEqual([{ kind: 'inSource', justification: 'partner key, rotated by hand every quarter' }]);
  });
});

describe('--max-warnings 0', () => {
  it('fails the job on findings downgraded to warnings, which SARIF marks as warnings', () => {
    const downgrade = ['no-hardcoded-jwt-key', 'no-org-as-local-verification', 'no-id-token-as-bearer'].flatMap((rule) => ['--rule', `oidc/${rule}: warn`]);
    const result = eslint([...downgrade, '--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'reports/warnings.sarif', '--max-warnings', '0', 'src']);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toMatch(/too many warnings \(maximum: 0\)/);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports', 'warnings.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]!.results.map((result) => result.level)).toEqual(['warning', 'warning', 'warning']);
  });

  it('passes, with an empty SARIF log to upload, when the code is clean', () => {
    const result = eslint(['--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'reports/clean.sarif', '--max-warnings', '0', 'src/safe.js']);
    expect(result.status, result.output).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports', 'clean.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]!.results).toEqual([]);
  });
});
