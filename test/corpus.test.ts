/**
 * Scores the plugin's rules against the labelled corpus in test/corpus (see its README): realistic
 * multi-file project fragments where every line a rule must report ends with `// expect: oidc/<rule>`.
 * Each rule the plugin has must find every label (recall 100%) and report nothing else. Labels of a rule
 * the plugin does not have yet are counted, not scored.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const CORPUS = fileURLToPath(new URL('./corpus', import.meta.url));
const SOURCE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.ts', '.tsx']);
const MIN_POSITIVE_CASES = 8;
const MIN_NEGATIVE_CASES = 8;
const MIN_SOURCE_FILES = 2;

/** The rules the corpus is labelled for, whether or not the plugin has them yet. */
const CORPUS_RULES = ['oidc/no-hardcoded-jwt-key', 'oidc/no-org-as-local-verification', 'oidc/no-id-token-as-bearer', 'oidc/no-foreign-token-verification'] as const;
type CorpusRule = (typeof CORPUS_RULES)[number];

/**
 * What each rule must not report, as its documentation lists it. Every item must be shown by at least one
 * case that exercises the rule; cases name the items they show in case.json.
 */
const SAFE_LOOK_ALIKES: Record<CorpusRule, { required: Record<string, string>; extra: Record<string, string> }> = {
  'oidc/no-hardcoded-jwt-key': {
    required: {
      'pem-around-fetched-x5c': 'PEM assembled at run time around the x5c of a fetched JWKS',
      'pem-around-env-var': 'PEM assembled at run time around an environment variable',
      'generated-keys': 'keys generated at run time (generateKeyPairSync, jose generateKeyPair)',
      'hmac-secret': 'HMAC secrets',
      'private-signing-key': 'private keys used for signing',
      'saml-certificate': 'SAML certificates passed to SAML libraries',
      'empty-placeholder': 'empty placeholders',
      'key-from-env': 'keys from process.env',
      'keycloak-runtime-certs': 'keycloak-connect without realm-public-key, fetching the realm certs at run time',
    },
    extra: {
      'local-module-look-alike': 'a local module named like a JWT library (matched by binding, not by name)',
      'remote-jwks': 'keys resolved from the issuer JWKS at run time',
    },
  },
  'oidc/no-org-as-local-verification': {
    required: {
      'custom-as-default': 'custom authorization server /oauth2/default',
      'custom-as-id': 'custom authorization server /oauth2/aus...',
      'custom-as-template': 'https://${OKTA_DOMAIN}/oauth2/${AUTH_SERVER_ID}',
      'auth0-issuer': 'Auth0 issuer',
      'cognito-issuer': 'Amazon Cognito issuer',
      'entra-issuer': 'Microsoft Entra ID issuer',
      'keycloak-issuer': 'Keycloak issuer',
      'google-issuer': 'Google issuer',
      'okta-auth-sign-in-client': 'sign-in client new OktaAuth({ issuer })',
      'openid-client-discovery': 'sign-in client via openid-client discovery',
      'next-auth-provider': 'sign-in client via a next-auth provider',
      'verify-id-token-at-sign-in': 'verifyIdToken at sign-in',
      'jose-id-token-client-audience': 'jwtVerify(tokens.id_token, orgKeys, { audience: clientId })',
      introspection: 'introspection calls',
      'token-exchange': 'token exchange',
    },
    extra: {},
  },
  'oidc/no-foreign-token-verification': {
    required: {
      'entra-own-audience': "an Entra API verifying tokens for its own App ID URI or application id",
      'graph-obo-or-daemon': 'on-behalf-of and daemon (client credentials) calls to Microsoft Graph',
      'auth0-api-audience': "an Auth0 API verifying its own API identifier",
      'auth0-management-client': 'the Auth0 Management API called with a token issued for it',
    },
    extra: {},
  },
  'oidc/no-id-token-as-bearer': {
    required: {
      'sign-in-callback-id-token': 'ID token verified in a sign-in callback (token endpoint response, nonce)',
      'firebase-admin': 'firebase-admin verifyIdToken',
      'token-exchange-subject-token': 'token exchange sending the ID token as subject_token',
      'logout-id-token-hint': 'logout with id_token_hint',
      'misnamed-access-token': 'variables named idToken that hold an access token by data flow',
      'get-access-token-header': 'getAccessToken() in the Authorization header',
      'google-id-token-services': 'Google ID tokens for Cloud Run, Cloud Functions, IAP and Pub/Sub push (getIdTokenClient, fetchIdToken, verifyIdToken)',
      'entra-client-id-audience': 'an Entra API whose expected audience is its own application (client) id',
      'cognito-access-token-use': "CognitoJwtVerifier with tokenUse: 'access'",
      'id-token-claims-display': 'ID-token claims read for display (idTokenClaims, idTokenParsed, getIdTokenClaims().name)',
    },
    extra: {
      'access-token-audience': 'access tokens verified with an API audience',
      'keycloak-refuses-id-tokens': "a check that refuses Keycloak ID tokens (typ === 'ID' refused, typ !== 'Bearer' refused)",
    },
  },
};

interface Label {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

interface Case {
  readonly name: string;
  readonly summary: string;
  /** The case has a tsconfig.json and is linted a second time with type information: same reports. */
  readonly typeAware: boolean;
  /** Rules the case exercises, with the safe look-alikes it shows for each. */
  readonly rules: Readonly<Record<string, readonly string[]>>;
  readonly sourceFiles: readonly string[];
  readonly labels: readonly Label[];
  readonly problems: readonly string[];
}

interface Report {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly message: string;
}

const LABEL = /\/\/\s*expect:\s*(.*?)\s*$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}

/** Corpus-relative path with forward slashes, as ESLint results are keyed here. */
function corpusPath(absolute: string): string {
  return relative(CORPUS, absolute).split(sep).join('/');
}

function loadCase(name: string): Case {
  const dir = join(CORPUS, name);
  const problems: string[] = [];
  let summary = '';
  let typeAware = false;
  let rules: Record<string, readonly string[]> = {};
  const manifest = join(dir, 'case.json');
  if (!existsSync(manifest)) {
    problems.push(`${name}: no case.json`);
  } else {
    try {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { summary?: unknown; rules?: unknown; typeAware?: unknown };
      summary = typeof parsed.summary === 'string' ? parsed.summary : '';
      typeAware = parsed.typeAware === true;
      if (typeAware && !existsSync(join(dir, 'tsconfig.json'))) problems.push(`${name}/case.json: "typeAware" needs a tsconfig.json in the case`);
      if (!summary) problems.push(`${name}/case.json: "summary" must be a non-empty string`);
      if (parsed.rules && typeof parsed.rules === 'object' && !Array.isArray(parsed.rules)) {
        rules = parsed.rules as Record<string, readonly string[]>;
      } else {
        problems.push(`${name}/case.json: "rules" must map rule names to arrays of look-alike ids`);
      }
    } catch (error) {
      problems.push(`${name}/case.json: ${(error as Error).message}`);
    }
  }
  for (const [rule, items] of Object.entries(rules)) {
    if (!(CORPUS_RULES as readonly string[]).includes(rule)) {
      problems.push(`${name}/case.json: unknown rule "${rule}"`);
      continue;
    }
    if (!Array.isArray(items)) {
      problems.push(`${name}/case.json: rules["${rule}"] must be an array`);
      continue;
    }
    const known = SAFE_LOOK_ALIKES[rule as CorpusRule];
    for (const item of items) {
      if (!(item in known.required) && !(item in known.extra)) problems.push(`${name}/case.json: unknown look-alike "${item}" for ${rule}`);
    }
  }

  const sourceFiles = walk(dir)
    .filter((file) => SOURCE_EXTENSIONS.has(extname(file)))
    .map(corpusPath)
    .sort();
  const labels: Label[] = [];
  for (const file of sourceFiles) {
    if (/\.test\.[cm]?[jt]sx?$/.test(file)) problems.push(`${file}: vitest would run a corpus file named *.test.*; use .spec.*`);
    readFileSync(join(CORPUS, file), 'utf8')
      .split(/\r?\n/)
      .forEach((text, index) => {
        const match = LABEL.exec(text);
        if (!match) return;
        const names = match[1]!.split(',').map((part) => part.trim()).filter(Boolean);
        if (names.length === 0) problems.push(`${file}:${index + 1}: empty label`);
        for (const rule of names) {
          if (!(CORPUS_RULES as readonly string[]).includes(rule)) problems.push(`${file}:${index + 1}: label names unknown rule "${rule}"`);
          else if (!(rule in rules)) problems.push(`${file}:${index + 1}: label for ${rule}, which ${name}/case.json does not list`);
          labels.push({ file, line: index + 1, rule, text: text.trim() });
        }
      });
  }
  return { name, summary, typeAware, rules, sourceFiles, labels, problems };
}

const cases: Case[] = readdirSync(CORPUS)
  .filter((entry) => statSync(join(CORPUS, entry)).isDirectory())
  .sort()
  .map(loadCase);
const allLabels = cases.flatMap((c) => c.labels);
const builtRules = new Set(Object.keys(plugin.rules).map((name) => `${plugin.meta.namespace}/${name}`));
const isBuilt = (rule: CorpusRule) => builtRules.has(rule);

const key = (file: string, line: number) => `${file}:${line}`;
const positiveCases = (rule: CorpusRule) => cases.filter((c) => c.labels.some((label) => label.rule === rule));
const negativeCases = (rule: CorpusRule) => cases.filter((c) => rule in c.rules && !c.labels.some((label) => label.rule === rule));

/** Every rule at its default options: what the labels describe (strict options are tested with the rules). */
const defaultRules = (): Linter.Config => ({ plugins: { oidc: plugin as never }, rules: Object.fromEntries([...builtRules].map((rule) => [rule, 'error' as const])) });

// Filled by the single lint run in beforeAll.
let lintedFiles: string[] = [];
let fatal: string[] = [];
let reports: Report[] = [];

interface Score {
  readonly rule: CorpusRule;
  readonly labels: readonly Label[];
  readonly found: readonly Label[];
  readonly missed: readonly Label[];
  readonly falsePositives: readonly Report[];
}

function score(rule: CorpusRule): Score {
  const labels = allLabels.filter((label) => label.rule === rule);
  const reported = new Set(reports.filter((report) => report.rule === rule).map((report) => key(report.file, report.line)));
  const labelled = new Set(labels.map((label) => key(label.file, label.line)));
  return {
    rule,
    labels,
    found: labels.filter((label) => reported.has(key(label.file, label.line))),
    missed: labels.filter((label) => !reported.has(key(label.file, label.line))),
    falsePositives: reports.filter((report) => report.rule === rule && !labelled.has(key(report.file, report.line))),
  };
}

function table(): string {
  const header = ['rule', 'cases +/-', 'labels', 'found', 'missed', 'false positives', 'recall'];
  const rows = CORPUS_RULES.map((rule) => {
    const cases = `${positiveCases(rule).length}/${negativeCases(rule).length}`;
    const labels = allLabels.filter((label) => label.rule === rule).length;
    if (!isBuilt(rule)) return [rule, cases, String(labels), '-', '-', '-', 'not scored: rule not built yet'];
    const result = score(rule);
    const recall = labels === 0 ? 'n/a' : `${((100 * result.found.length) / labels).toFixed(1)}%`;
    return [rule, cases, String(labels), String(result.found.length), String(result.missed.length), String(result.falsePositives.length), recall];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [
    `Corpus: ${cases.length} cases, ${cases.reduce((sum, c) => sum + c.sourceFiles.length, 0)} source files, ${allLabels.length} labels`,
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n');
}

const lineText = (file: string, line: number) => readFileSync(join(CORPUS, file), 'utf8').split(/\r?\n/)[line - 1]?.trim() ?? '';

beforeAll(async () => {
  const eslint = new ESLint({
    cwd: CORPUS,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,cjs,mjs,ts,tsx}'],
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      defaultRules(),
    ],
  });
  const results = await eslint.lintFiles(['.']);
  lintedFiles = results.map((result) => corpusPath(result.filePath)).sort();
  fatal = [];
  reports = [];
  for (const result of results) {
    const file = corpusPath(result.filePath);
    for (const message of result.messages) {
      if (message.fatal || !message.ruleId) fatal.push(`${file}:${message.line}:${message.column} ${message.message}`);
      else if ((CORPUS_RULES as readonly string[]).includes(message.ruleId)) {
        reports.push({ file, line: message.line, column: message.column, rule: message.ruleId, message: message.message });
      }
    }
  }
  if (process.env.CORPUS_VERBOSE) {
    // Every report, for reviewing a corpus change: `CORPUS_VERBOSE=1 npx vitest run test/corpus.test.ts`.
    const labelled = new Set(allLabels.map((label) => `${key(label.file, label.line)} ${label.rule}`));
    for (const report of reports) {
      const status = labelled.has(`${key(report.file, report.line)} ${report.rule}`) ? 'labelled  ' : 'UNLABELLED';
      console.log(`${status} ${report.file}:${report.line}:${report.column} ${report.rule}: ${report.message}`);
    }
  }
  const uncovered = [...builtRules].filter((rule) => !(CORPUS_RULES as readonly string[]).includes(rule));
  console.log(
    `\n${table()}` + (uncovered.length ? `\nPlugin rules the corpus has no labels for (not scored): ${uncovered.join(', ')}` : '') + '\n',
  );
}, 120_000);

describe('corpus shape', () => {
  it('has well-formed cases and labels', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.flatMap((c) => c.problems)).toEqual([]);
  });

  it(`has at least ${MIN_SOURCE_FILES} source files in every case`, () => {
    const thin = cases.filter((c) => c.sourceFiles.length < MIN_SOURCE_FILES).map((c) => `${c.name}: ${c.sourceFiles.length} source file(s)`);
    expect(thin).toEqual([]);
  });

  it.each(CORPUS_RULES)(`has at least ${MIN_POSITIVE_CASES} positive and ${MIN_NEGATIVE_CASES} negative-only cases for %s`, (rule) => {
    expect(positiveCases(rule).length, `positive cases for ${rule}`).toBeGreaterThanOrEqual(MIN_POSITIVE_CASES);
    expect(negativeCases(rule).length, `negative-only cases for ${rule}`).toBeGreaterThanOrEqual(MIN_NEGATIVE_CASES);
  });

  it.each(CORPUS_RULES)('shows every look-alike that %s must not report', (rule) => {
    const shown = new Set(cases.flatMap((c) => [...(c.rules[rule] ?? [])]));
    const missing = Object.entries(SAFE_LOOK_ALIKES[rule].required)
      .filter(([id]) => !shown.has(id))
      .map(([id, description]) => `${id}: ${description}`);
    expect(missing).toEqual([]);
  });
});

describe('linting the corpus', () => {
  it('lints every source file', () => {
    expect(lintedFiles).toEqual(cases.flatMap((c) => c.sourceFiles).sort());
  });

  it('parses every file without fatal errors', () => {
    expect(fatal).toEqual([]);
  });
});

/**
 * Type information is optional: cases that follow values across modules are linted again with it (the
 * case's tsconfig.json), and the rules must report exactly what they report without it.
 */
describe.each(cases.filter((c) => c.typeAware).map((c) => [c.name, c] as const))('type-aware and untyped agree on %s', (_name, c) => {
  it('reports the same lines with and without type information', async () => {
    const dir = join(CORPUS, c.name);
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.{js,cjs,mjs,ts,tsx}'],
          languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: dir } },
        },
        defaultRules(),
      ],
    });
    const typed: string[] = [];
    const results = await eslint.lintFiles(['.']);
    expect(results.map((result) => corpusPath(result.filePath)).sort()).toEqual([...c.sourceFiles].sort());
    for (const result of results) {
      for (const message of result.messages) {
        expect(message.fatal, `${result.filePath}: ${message.message}`).toBeFalsy();
        typed.push(`${corpusPath(result.filePath)}:${message.line}:${message.column} ${message.ruleId}`);
      }
    }
    const untyped = reports.filter((report) => report.file.startsWith(`${c.name}/`)).map((report) => `${report.file}:${report.line}:${report.column} ${report.rule}`);
    expect(untyped.length, 'one report per label').toBe(new Set(c.labels.map((label) => `${label.file}:${label.line} ${label.rule}`)).size);
    expect(typed.sort()).toEqual(untyped.sort());
  }, 60_000);
});

describe.each(CORPUS_RULES)('%s', (rule) => {
  if (!isBuilt(rule)) {
    it('is not scored: rule not built yet', () => {
      const labels = allLabels.filter((label) => label.rule === rule);
      console.log(`${rule}: not scored: rule not built yet (${labels.length} labels in ${positiveCases(rule).length} cases)`);
      expect(labels.length).toBeGreaterThan(0);
      expect(reports.filter((report) => report.rule === rule)).toEqual([]);
    });
    return;
  }

  it('reports every labelled line (recall 100%)', () => {
    const { missed } = score(rule);
    expect(
      missed.map((label) => `${label.file}:${label.line}: expected ${rule}, got no report: ${label.text}`),
      `${missed.length} missed label(s) for ${rule}`,
    ).toEqual([]);
  });

  it('reports no unlabelled line (zero false positives)', () => {
    const { falsePositives } = score(rule);
    expect(
      falsePositives.map((report) => `${report.file}:${report.line}:${report.column}: unexpected ${rule}: ${report.message} | ${lineText(report.file, report.line)}`),
      `${falsePositives.length} false positive(s) for ${rule}`,
    ).toEqual([]);
  });
});
