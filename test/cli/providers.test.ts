// The CLI on a small project per provider (issue 22): pinned keys rewritten with each provider's discovery,
// tokens of the provider's own APIs left for review with its fix, one run to a fixed point, and every verifier
// it writes accepted by the runtime as configured (a configuration the runtime refuses would fail at start-up).
import { describe, expect, it } from 'vitest';
import { createAccessTokenVerifier, type AccessTokenVerifierOptions } from '../../src/runtime/index.js';
import { cli, commitAll, json, project, read } from './support.js';
import keys from '../fixtures/keys.json' with { type: 'json' };

const KEY = JSON.stringify(keys.rsaSpki);
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP_ID = '6e74172b-be56-4843-9ff4-e66a39bb12e3';

const pinned = (options: string) => `import jwt from 'jsonwebtoken';

const KEY = ${KEY};

export async function check(token: string) {
  return jwt.verify(token, KEY, ${options});
}
`;

/** The options of each `createAccessTokenVerifier({...})` a file declares, when written as literals. */
function verifierOptions(source: string): AccessTokenVerifierOptions[] {
  return [...source.matchAll(/createAccessTokenVerifier\((\{.*\})\);/g)].map((match) => new Function(`return (${match[1]});`)() as AccessTokenVerifierOptions);
}

async function migrate(files: Record<string, string>, ...args: string[]) {
  const folder = project(files);
  const report = await json(folder, ...args, '.');
  expect(report.code).toBe(0);
  commitAll(folder, 'migrated');
  // One run reaches the fixed point.
  expect((await cli(folder, '--check', ...args, '.')).code).toBe(0);
  const reviewOf = (path: string) => report.files.find((file) => file.path === path)?.review.map((item) => item.reason) ?? [];
  const rewritesOf = (path: string) => report.files.find((file) => file.path === path)?.rewrites.length ?? 0;
  return { folder, report, reviewOf, rewritesOf };
}

function expectAcceptedByRuntime(source: string, count: number): AccessTokenVerifierOptions[] {
  const all = verifierOptions(source);
  expect(all).toHaveLength(count);
  for (const options of all) expect(() => createAccessTokenVerifier(options), JSON.stringify(options)).not.toThrow();
  return all;
}

describe('oidc-codemod per provider', () => {
  it('Entra ID: the tenant\'s v2 issuer and the API\'s audiences from --issuer/--audience; the common endpoint becomes the multi-tenant issuer; a Graph audience is left for review', async () => {
    const { folder, reviewOf, rewritesOf } = await migrate(
      {
        'src/api.ts': pinned('{ algorithms: [\'RS256\'] }'),
        'src/multi-tenant.ts': pinned(`{ issuer: 'https://login.microsoftonline.com/organizations/v2.0', audience: '${APP_ID}' }`),
        'src/graph.ts': pinned(`{ issuer: 'https://login.microsoftonline.com/${TENANT}/v2.0', audience: 'https://graph.microsoft.com' }`),
        'src/graph-jwks.ts': `import { createRemoteJWKSet, jwtVerify } from 'jose';

const JWKS = createRemoteJWKSet(new URL('https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys'));

export async function check(token: string) {
  return (await jwtVerify(token, JWKS, { audience: '00000003-0000-0000-c000-000000000000' })).payload;
}
`,
      },
      '--issuer',
      `https://login.microsoftonline.com/${TENANT}`,
      '--audience',
      APP_ID,
    );
    const [api] = expectAcceptedByRuntime(read(folder, 'src/api.ts'), 1);
    expect(api).toEqual({ issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, audience: [`api://${APP_ID}`, APP_ID], algorithms: ['RS256'] });
    expect(reviewOf('src/api.ts').join('\n')).toContain('default App ID URI');
    const [multi] = expectAcceptedByRuntime(read(folder, 'src/multi-tenant.ts'), 1);
    expect(multi!.issuer).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
    expect(reviewOf('src/multi-tenant.ts').join('\n')).toContain('set tenantId');
    expect(rewritesOf('src/graph.ts')).toBe(0);
    expect(read(folder, 'src/graph.ts')).toContain('jwt.verify(token, KEY');
    // Each Graph site is reported once, by the transform that owns it (pinned key or not), and left as it was.
    for (const path of ['src/graph.ts', 'src/graph-jwks.ts']) {
      expect(reviewOf(path), path).toHaveLength(1);
      expect(reviewOf(path)[0], path).toMatch(/Microsoft Graph.*request a token for your own API/);
    }
    expect(rewritesOf('src/graph-jwks.ts')).toBe(0);
  });

  it('Auth0: the issuer gets its trailing slash; Management API and /userinfo audiences are left for review', async () => {
    const { folder, reviewOf, rewritesOf } = await migrate({
      'src/api.ts': pinned('{ issuer: \'https://acme.us.auth0.com\', audience: \'https://orders.example.com\' }'),
      'src/management.ts': pinned('{ issuer: \'https://acme.us.auth0.com/\', audience: \'https://acme.us.auth0.com/api/v2/\' }'),
      'src/userinfo.ts': pinned('{ issuer: \'https://acme.us.auth0.com/\', audience: \'https://acme.us.auth0.com/userinfo\' }'),
    });
    const [api] = expectAcceptedByRuntime(read(folder, 'src/api.ts'), 1);
    expect(api).toEqual({ issuer: 'https://acme.us.auth0.com/', audience: 'https://orders.example.com' });
    for (const [path, api] of [['src/management.ts', 'Auth0 Management API'], ['src/userinfo.ts', 'Auth0 userinfo endpoint']] as const) {
      expect(rewritesOf(path), path).toBe(0);
      expect(reviewOf(path).join('\n'), path).toContain(api);
      expect(reviewOf(path).join('\n'), path).toContain('request tokens with its identifier as audience');
    }
  });

  it('AWS Cognito: tokenUse \'access\' and the app client instead of an audience', async () => {
    const { folder, reviewOf } = await migrate({
      'src/api.ts': pinned('{ issuer: \'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123\', audience: \'3n4b5urk1ft4fl3mg5e62d9ado\' }'),
    });
    const [api] = expectAcceptedByRuntime(read(folder, 'src/api.ts'), 1);
    expect(api).toEqual({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123', tokenUse: 'access', clientId: '3n4b5urk1ft4fl3mg5e62d9ado' });
    expect(api).not.toHaveProperty('audience');
    expect(reviewOf('src/api.ts').join('\n')).toContain('Cognito app client id');
  });

  it('Keycloak: the realm issuer; the default account audience becomes --audience, or is left for review without it; keycloak-connect loses realm-public-key', async () => {
    const files = {
      'src/api.ts': pinned('{ issuer: \'https://sso.example.com/realms/shop/\', audience: \'orders-api\' }'),
      'src/account.ts': pinned('{ issuer: \'https://sso.example.com/realms/shop\', audience: \'account\' }'),
    };
    const without = await migrate(files);
    const [api] = expectAcceptedByRuntime(read(without.folder, 'src/api.ts'), 1);
    expect(api).toEqual({ issuer: 'https://sso.example.com/realms/shop', audience: 'orders-api' });
    expect(without.rewritesOf('src/account.ts')).toBe(0);
    expect(without.reviewOf('src/account.ts').join('\n')).toContain('add an audience mapper');

    // keycloak-connect with a pinned realm key: the option goes, the adapter fetches the realm's keys, no runtime is added.
    const adapter = await migrate({
      'src/keycloak.js': `import Keycloak from 'keycloak-connect';\n\nexport const keycloak = new Keycloak({}, { realm: 'shop', 'auth-server-url': 'https://sso.example.com/', 'bearer-only': true, 'realm-public-key': ${JSON.stringify(keys.rsaSpki.replace(/-----[A-Z ]+-----|\n/g, ''))} });\n`,
    });
    expect(adapter.rewritesOf('src/keycloak.js')).toBe(1);
    expect(read(adapter.folder, 'src/keycloak.js')).toBe(`import Keycloak from 'keycloak-connect';\n\nexport const keycloak = new Keycloak({}, { realm: 'shop', 'auth-server-url': 'https://sso.example.com/', 'bearer-only': true });\n`);
    expect(JSON.parse(read(adapter.folder, 'package.json')).dependencies).toEqual({});

    const withAudience = await migrate({ 'src/account.ts': files['src/account.ts'] }, '--audience', 'orders-api');
    const [account] = expectAcceptedByRuntime(read(withAudience.folder, 'src/account.ts'), 1);
    expect(account).toEqual({ issuer: 'https://sso.example.com/realms/shop', audience: 'orders-api' });
  });
});
