// createAccessTokenVerifier with each provider's token shapes (issue 22), issued by real oidc-provider instances
// laid out as Entra ID tenants (v1 and v2 issuers, the multi-tenant `common` discovery), Auth0, Keycloak realms
// and a Cognito user pool: what each accepts, and each refusal with the reason it gives.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
  ConfigurationError,
  createAccessTokenVerifier,
  createIssuerKeySource,
  TokenValidationError,
  type AccessTokenVerifierOptions,
} from '../../src/runtime/index.js';
import { SHAPED_CLIENT_ID, startShapedProviders, type ShapedProviders } from './support/provider-shapes.js';

const TENANT_A = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TENANT_B = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
/** The API's app registration: its app id (aud of v2 tokens) and App ID URI (aud of v1 tokens). */
const APP_ID = '6e74172b-be56-4843-9ff4-e66a39bb12e3';
const APP_ID_URI = 'api://orders-api';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const GRAPH_URI = 'https://graph.microsoft.com';

async function refusal(promise: Promise<unknown>): Promise<TokenValidationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TokenValidationError);
  return error as TokenValidationError;
}

function configurationError(create: () => unknown): ConfigurationError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('no ConfigurationError was thrown');
}

const now = () => Math.floor(Date.now() / 1000);

describe('Microsoft Entra ID', () => {
  let entra: ShapedProviders<'v2a' | 'v1a' | 'v2b' | 'common'>;
  const entraClaims =
    (tenant: string, version: '1.0' | '2.0') =>
    ({ resource, clientId }: { resource: string; clientId: string }) => ({
      tid: tenant,
      ver: version,
      oid: '00000000-0000-0000-66f3-3332eca7ea81',
      ...(version === '2.0' ? { azp: clientId } : { appid: clientId }),
      ...(resource === APP_ID_URI ? { scp: 'access_as_user' } : { scp: 'User.Read' }),
    });
  const entraShape =
    (version: '1.0' | '2.0') =>
    (draft: { header: Record<string, unknown> | undefined; payload: Record<string, unknown> }, { resource }: { resource: string }) => {
      // v2 access tokens name the API by app id, v1 tokens by App ID URI.
      if (resource === APP_ID_URI && version === '2.0') draft.payload.aud = APP_ID;
      if (resource === GRAPH_URI) {
        draft.payload.aud = GRAPH_APP_ID;
        draft.header = { nonce: 'kUcgxqyMJ8tDBMy-cFq3nxEulz3bDbKqVMhI3pb1Oc4' };
      }
    };
  const resources = { [APP_ID_URI]: 'access_as_user', [GRAPH_URI]: 'User.Read' };

  beforeAll(async () => {
    entra = await startShapedProviders({
      v2a: { mountPath: `/${TENANT_A}/v2.0`, resources, claims: entraClaims(TENANT_A, '2.0'), shape: entraShape('2.0') },
      v1a: { mountPath: `/${TENANT_A}/`, resources, claims: entraClaims(TENANT_A, '1.0'), shape: entraShape('1.0') },
      v2b: { mountPath: `/${TENANT_B}/v2.0`, resources, claims: entraClaims(TENANT_B, '2.0'), shape: entraShape('2.0') },
      // As login.microsoftonline.com/common/v2.0: its discovery document names the template issuer.
      common: { mountPath: '/common/v2.0', issuerPath: '/{tenantid}/v2.0', resources },
    });
  });
  afterAll(() => entra.close());

  const v2 = (overrides: Partial<AccessTokenVerifierOptions> = {}) =>
    createAccessTokenVerifier({
      issuer: entra.issuers.v2a.issuer,
      audience: [APP_ID_URI, APP_ID],
      provider: 'entra-id',
      allowHttpForLoopback: true,
      ...overrides,
    });

  it('accepts a v2 access token of the tenant, whose aud is the API\'s app id, and checks azp as the client', async () => {
    const token = await entra.issuers.v2a.accessToken(APP_ID_URI);
    const claims = await v2({ clientId: SHAPED_CLIENT_ID }).verify(token);
    expect(claims).toMatchObject({ iss: entra.issuers.v2a.issuer, aud: APP_ID, tid: TENANT_A, azp: SHAPED_CLIENT_ID, scp: 'access_as_user' });
    const other = await refusal(v2({ clientId: 'a-different-client' }).verify(token));
    expect([other.code, other.claim]).toEqual(['client_id_mismatch', 'azp']);
  });

  it('accepts a v1 access token (aud = App ID URI, iss on the v1 issuer) with the v1 issuer, judging appid as the client', async () => {
    const token = await entra.issuers.v1a.accessToken(APP_ID_URI);
    const v1 = v2({ issuer: entra.issuers.v1a.issuer, clientId: SHAPED_CLIENT_ID });
    await expect(v1.verify(token)).resolves.toMatchObject({ aud: APP_ID_URI, appid: SHAPED_CLIENT_ID, ver: '1.0' });
    const wrongClient = await refusal(v2({ issuer: entra.issuers.v1a.issuer, clientId: 'a-different-client' }).verify(token));
    expect(wrongClient.claim).toBe('appid');
  });

  it('refuses a v1 token at a v2-configured verifier, saying which issuer version the API receives', async () => {
    const error = await refusal(v2().verify(await entra.issuers.v1a.accessToken(APP_ID_URI)));
    expect(error.code).toBe('issuer_mismatch');
    expect(error.message).toContain('v1 token');
    expect(error.message).toContain('accessTokenAcceptedVersion');
  });

  it('refuses another tenant\'s token, and a token whose tid is not the issuer\'s tenant', async () => {
    expect((await refusal(v2().verify(await entra.issuers.v2b.accessToken(APP_ID_URI)))).code).toBe('issuer_mismatch');
    const base = { iss: entra.issuers.v2a.issuer, aud: APP_ID, azp: SHAPED_CLIENT_ID, scp: 'access_as_user', iat: now(), exp: now() + 300 };
    const otherTid = await refusal(v2().verify(await entra.issuers.v2a.sign({ ...base, tid: TENANT_B })));
    expect([otherTid.code, otherTid.claim]).toEqual(['tenant_mismatch', 'tid']);
    const noTid = await refusal(v2().verify(await entra.issuers.v2a.sign(base)));
    expect([noTid.code, noTid.claim]).toEqual(['missing_claim', 'tid']);
  });

  describe('multi-tenant ({tenantid} issuer)', () => {
    const multi = (overrides: Partial<AccessTokenVerifierOptions> = {}) => v2({ issuer: entra.issuers.common.issuer, ...overrides });

    it('discovers at the common tenant and accepts each tenant\'s token whose iss is the template with its own tid', async () => {
      const before = entra.requests.length;
      const verifier = multi();
      await expect(verifier.verify(await entra.issuers.v2a.accessToken(APP_ID_URI))).resolves.toMatchObject({ tid: TENANT_A });
      await expect(verifier.verify(await entra.issuers.v2b.accessToken(APP_ID_URI))).resolves.toMatchObject({ tid: TENANT_B });
      const discovery = entra.requests.slice(before).filter((path) => path.includes('/.well-known/'));
      expect(discovery).toEqual(['/common/v2.0/.well-known/openid-configuration']);
    });

    it('refuses a token whose iss is another tenant\'s than its tid (iss must equal the template filled with tid)', async () => {
      const claims = { aud: APP_ID, azp: SHAPED_CLIENT_ID, scp: 'access_as_user', iat: now(), exp: now() + 300 };
      // Tenant B's tid under tenant A's issuer: a check that only matched the issuer's shape would accept it.
      const mixed = await entra.issuers.v2a.sign({ ...claims, iss: entra.issuers.v2a.issuer, tid: TENANT_B });
      expect((await refusal(multi().verify(mixed))).code).toBe('issuer_mismatch');
      const notGuid = await entra.issuers.v2a.sign({ ...claims, iss: entra.issuers.v2a.issuer.replace(TENANT_A, 'common'), tid: 'common' });
      expect((await refusal(multi().verify(notGuid))).code).toBe('missing_claim');
    });

    it('with tenantId, refuses tenants not listed', async () => {
      const onlyA = multi({ tenantId: [TENANT_A.toUpperCase()] });
      await expect(onlyA.verify(await entra.issuers.v2a.accessToken(APP_ID_URI))).resolves.toBeDefined();
      const error = await refusal(onlyA.verify(await entra.issuers.v2b.accessToken(APP_ID_URI)));
      expect([error.code, error.claim]).toEqual(['tenant_mismatch', 'tid']);
    });
  });

  it('refuses a Microsoft Graph token (header nonce) before any key is fetched, saying it is for Graph', async () => {
    const before = entra.requests.length;
    const error = await refusal(v2().verify(await entra.issuers.v2a.accessToken(GRAPH_URI)));
    expect([error.code, error.claim]).toEqual(['foreign_token', 'nonce']);
    expect(error.message).toContain('Microsoft Graph');
    expect(error.message).toContain('request a token for your own API');
    expect(entra.requests.slice(before).filter((path) => !path.endsWith('/token'))).toEqual([]);
    // The same refusal from a key source (the middleware adapters' path).
    const source = createIssuerKeySource({ issuer: entra.issuers.v2a.issuer, audience: APP_ID, provider: 'entra-id', allowHttpForLoopback: true });
    expect((await refusal(source.getKeyForToken(await entra.issuers.v2a.accessToken(GRAPH_URI)))).code).toBe('foreign_token');
  });

  it('refuses a token whose aud is Graph even without the header nonce', async () => {
    const token = await entra.issuers.v2a.sign({
      iss: entra.issuers.v2a.issuer, aud: GRAPH_URI, tid: TENANT_A, azp: SHAPED_CLIENT_ID, scp: 'User.Read', iat: now(), exp: now() + 300,
    });
    const error = await refusal(v2().verify(token));
    expect(error.code).toBe('foreign_token');
    expect(error.message).toContain('Microsoft Graph');
  });

  it('refuses an Entra ID token (no scp, no roles) even when the API\'s app id is both audience and client', async () => {
    // An app registration that is its own client: its access tokens and its ID tokens both carry aud = its id.
    const verifier = v2({ audience: SHAPED_CLIENT_ID, clientId: SHAPED_CLIENT_ID });
    const idToken = await entra.issuers.v2a.idToken({ tid: TENANT_A, ver: '2.0', oid: '00000000-0000-0000-66f3-3332eca7ea81' });
    const error = await refusal(verifier.verify(idToken));
    expect(error.code).toBe('id_token');
    expect(error.message).toContain('scp nor roles');
    // The same registration's access token (aud = its own id, azp = itself) is accepted.
    const own = await entra.issuers.v2a.sign({
      iss: entra.issuers.v2a.issuer, aud: SHAPED_CLIENT_ID, tid: TENANT_A, azp: SHAPED_CLIENT_ID, scp: 'access_as_user', iat: now(), exp: now() + 300,
    });
    await expect(verifier.verify(own)).resolves.toMatchObject({ azp: SHAPED_CLIENT_ID });
  });

  it('accepts an app-only token carrying roles instead of scp', async () => {
    const token = await entra.issuers.v2a.sign({
      iss: entra.issuers.v2a.issuer, aud: APP_ID, tid: TENANT_A, azp: SHAPED_CLIENT_ID, roles: ['Orders.Read.All'], iat: now(), exp: now() + 300,
    });
    await expect(v2().verify(token)).resolves.toMatchObject({ roles: ['Orders.Read.All'] });
  });

  it('refuses, at construction, Graph as audience, the common endpoint or a tenant alias as issuer, and misplaced tenantId', () => {
    const entraOptions = { audience: APP_ID, provider: 'entra-id' as const };
    expect(configurationError(() => createAccessTokenVerifier({ ...entraOptions, issuer: `https://login.microsoftonline.com/${TENANT_A}/v2.0`, audience: GRAPH_URI })).message).toContain('Microsoft Graph');
    const common = configurationError(() => createAccessTokenVerifier({ ...entraOptions, issuer: 'https://login.microsoftonline.com/common/v2.0' }));
    expect([common.code, common.message.includes('https://login.microsoftonline.com/{tenantid}/v2.0')]).toEqual(['not_an_issuer', true]);
    expect(configurationError(() => createAccessTokenVerifier({ ...entraOptions, issuer: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0' })).message).toContain('alias');
    expect(configurationError(() => createAccessTokenVerifier({ ...entraOptions, issuer: `https://login.microsoftonline.com/${TENANT_A}/v2.0`, tenantId: TENANT_A })).code).toBe('invalid_option');
    expect(configurationError(() => createAccessTokenVerifier({ ...entraOptions, issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', tenantId: 'contoso' })).code).toBe('invalid_option');
    // The provider is told by the host; the placeholder is Entra's alone.
    expect(configurationError(() => createAccessTokenVerifier({ issuer: `https://sts.windows.net/${TENANT_A}/`, audience: GRAPH_APP_ID })).message).toContain('Microsoft Graph');
    expect(configurationError(() => createAccessTokenVerifier({ issuer: 'https://id.example.com/{tenantid}/v2.0', audience: APP_ID })).code).toBe('not_an_issuer');
  });
});

describe('Auth0', () => {
  let auth0: ShapedProviders<'tenant'>;
  const API = 'https://orders.example.com';

  beforeAll(async () => {
    auth0 = await startShapedProviders({
      tenant: {
        mountPath: '/',
        resources: (issuer) => ({ [API]: 'read:orders', [`${issuer}api/v2/`]: 'read:users' }),
        claims: ({ clientId }) => ({ azp: clientId, gty: 'client-credentials' }),
        // A token requested with `openid` and an API audience names both the API and /userinfo.
        shape: (draft, { issuer, resource }) => {
          if (resource === API) draft.payload.aud = [API, `${issuer}userinfo`];
        },
      },
    });
  });
  afterAll(() => auth0.close());

  const verifierFor = (overrides: Partial<AccessTokenVerifierOptions> = {}) =>
    createAccessTokenVerifier({ issuer: auth0.issuers.tenant.issuer, audience: API, provider: 'auth0', allowHttpForLoopback: true, ...overrides });

  it('accepts a token whose aud lists the API and /userinfo, and checks azp as the client', async () => {
    const token = await auth0.issuers.tenant.accessToken(API);
    await expect(verifierFor({ clientId: SHAPED_CLIENT_ID }).verify(token)).resolves.toMatchObject({ aud: [API, `${auth0.issuers.tenant.issuer}userinfo`], azp: SHAPED_CLIENT_ID });
    const error = await refusal(verifierFor({ clientId: 'another-client' }).verify(token));
    expect([error.code, error.claim]).toEqual(['client_id_mismatch', 'azp']);
  });

  it('refuses a Management API token and a /userinfo-only token, naming each and the fix', async () => {
    const management = await refusal(verifierFor().verify(await auth0.issuers.tenant.accessToken(`${auth0.issuers.tenant.issuer}api/v2/`)));
    expect(management.code).toBe('foreign_token');
    expect(management.message).toContain('Auth0 Management API');
    const userinfoOnly = await auth0.issuers.tenant.sign({
      iss: auth0.issuers.tenant.issuer, aud: `${auth0.issuers.tenant.issuer}userinfo`, azp: SHAPED_CLIENT_ID, scope: 'openid profile', iat: now(), exp: now() + 300,
    });
    const userinfo = await refusal(verifierFor().verify(userinfoOnly));
    expect(userinfo.code).toBe('foreign_token');
    expect(userinfo.message).toContain('userinfo');
    expect(userinfo.message).toContain('identifier as audience');
  });

  it('refuses an Auth0 ID token', async () => {
    const idToken = await auth0.issuers.tenant.idToken({ nonce: 'n-0S6_WzA2Mj' });
    expect((await refusal(verifierFor().verify(idToken))).code).toBe('id_token');
  });

  it('refuses, at construction, /userinfo or the Management API as the audience', () => {
    for (const audience of ['https://acme.us.auth0.com/userinfo', 'https://acme.us.auth0.com/api/v2/']) {
      const error = configurationError(() => createAccessTokenVerifier({ issuer: 'https://acme.us.auth0.com/', audience }));
      expect(error.message, audience).toMatch(/Auth0/);
    }
  });
});

describe('Keycloak', () => {
  let keycloak: ShapedProviders<'shop' | 'other'>;
  const API = 'https://orders.example.com';
  const ACCOUNT_ONLY = 'https://account.example.com';
  const realm = (name: string) => ({
    mountPath: `/realms/${name}`,
    resources: { [API]: 'orders', [ACCOUNT_ONLY]: 'profile' },
    claims: ({ clientId }: { clientId: string }) => ({ azp: clientId, typ: 'Bearer', realm_access: { roles: ['user'] } }),
    // Keycloak names clients, not URLs: with an audience mapper the token names the API client and the default `account`.
    shape: (draft: { payload: Record<string, unknown> }, { resource }: { resource: string }) => {
      draft.payload.aud = resource === API ? ['orders-api', 'account'] : 'account';
    },
  });

  beforeAll(async () => {
    keycloak = await startShapedProviders({ shop: realm('shop'), other: realm('other') });
  });
  afterAll(() => keycloak.close());

  // No provider option: a /realms/ issuer is Keycloak's.
  const verifierFor = (overrides: Partial<AccessTokenVerifierOptions> = {}) =>
    createAccessTokenVerifier({ issuer: keycloak.issuers.shop.issuer, audience: 'orders-api', allowHttpForLoopback: true, ...overrides });

  it('accepts a realm access token that names the API client beside account, and checks azp', async () => {
    const token = await keycloak.issuers.shop.accessToken(API);
    await expect(verifierFor({ clientId: SHAPED_CLIENT_ID }).verify(token)).resolves.toMatchObject({ aud: ['orders-api', 'account'], typ: 'Bearer' });
    expect((await refusal(verifierFor({ clientId: 'frontend' }).verify(token))).claim).toBe('azp');
  });

  it('refuses a token with only the default account audience, saying to add an audience mapper', async () => {
    const error = await refusal(verifierFor().verify(await keycloak.issuers.shop.accessToken(ACCOUNT_ONLY)));
    expect(error.code).toBe('audience_mismatch');
    expect(error.message).toContain('audience mapper');
  });

  it('refuses ID and refresh tokens by their typ claim, and another realm\'s token by name', async () => {
    const idToken = await keycloak.issuers.shop.idToken({ typ: 'ID', azp: SHAPED_CLIENT_ID, aud: 'orders-api' });
    const id = await refusal(verifierFor().verify(idToken));
    expect([id.code, id.claim]).toEqual(['id_token', 'typ']);
    const refreshLike = await keycloak.issuers.shop.sign({
      iss: keycloak.issuers.shop.issuer, aud: 'orders-api', azp: SHAPED_CLIENT_ID, typ: 'Refresh', scope: 'orders', iat: now(), exp: now() + 300,
    });
    expect((await refusal(verifierFor().verify(refreshLike))).code).toBe('not_an_access_token');
    const other = await refusal(verifierFor().verify(await keycloak.issuers.other.accessToken(API)));
    expect(other.code).toBe('issuer_mismatch');
    expect(other.message).toContain('realm "other"');
  });

  it('refuses, at construction, a realm endpoint as issuer and account as audience', () => {
    expect(configurationError(() => verifierFor({ issuer: `${keycloak.issuers.shop.issuer}/protocol/openid-connect/certs` })).code).toBe('not_an_issuer');
    expect(configurationError(() => verifierFor({ audience: 'account' })).message).toContain('audience mapper');
  });
});

describe('AWS Cognito', () => {
  let cognito: ShapedProviders<'pool'>;
  const APP_CLIENT = SHAPED_CLIENT_ID;
  const RESOURCE_SERVER = 'https://orders.example.com';

  beforeAll(async () => {
    cognito = await startShapedProviders({
      pool: {
        mountPath: '/us-east-1_AbCdEf123',
        resources: { [RESOURCE_SERVER]: 'orders/read' },
        claims: () => ({ token_use: 'access', username: 'alice', version: 2 }),
      },
    });
  });
  afterAll(() => cognito.close());

  const accessClaims = (overrides: Record<string, unknown> = {}) => ({
    iss: cognito.issuers.pool.issuer, sub: 'alice-sub', client_id: APP_CLIENT, token_use: 'access', scope: 'orders/read', iat: now(), exp: now() + 300, ...overrides,
  });
  const verifierFor = (overrides: Partial<AccessTokenVerifierOptions> = {}) =>
    createAccessTokenVerifier({ issuer: cognito.issuers.pool.issuer, tokenUse: 'access', clientId: APP_CLIENT, provider: 'cognito', allowHttpForLoopback: true, ...overrides });

  it('accepts the pool\'s access token (no aud) by token_use and client_id, and one with aud when audience is set too', async () => {
    await expect(verifierFor().verify(await cognito.issuers.pool.sign(accessClaims()))).resolves.toMatchObject({ token_use: 'access' });
    const issued = await cognito.issuers.pool.accessToken(RESOURCE_SERVER);
    await expect(verifierFor({ audience: RESOURCE_SERVER }).verify(issued)).resolves.toMatchObject({ client_id: APP_CLIENT, aud: RESOURCE_SERVER });
  });

  it('says precisely what is wrong: an ID token, no client_id, another app client, no token_use, an audience-only verifier', async () => {
    const id = await refusal(verifierFor().verify(await cognito.issuers.pool.idToken({ token_use: 'id' })));
    expect([id.code, id.message.includes('Cognito ID token')]).toEqual(['id_token', true]);
    const noClient = await refusal(verifierFor().verify(await cognito.issuers.pool.sign(accessClaims({ client_id: undefined }))));
    expect([noClient.code, noClient.claim, noClient.message.includes('app client')]).toEqual(['missing_claim', 'client_id', true]);
    const otherClient = await refusal(verifierFor().verify(await cognito.issuers.pool.sign(accessClaims({ client_id: 'another-app-client' }))));
    expect([otherClient.code, otherClient.claim]).toEqual(['client_id_mismatch', 'client_id']);
    const noUse = await refusal(verifierFor().verify(await cognito.issuers.pool.sign(accessClaims({ token_use: undefined }))));
    expect([noUse.code, noUse.claim]).toEqual(['missing_claim', 'token_use']);
    const byAudience = await refusal(
      createAccessTokenVerifier({ issuer: cognito.issuers.pool.issuer, audience: APP_CLIENT, allowHttpForLoopback: true }).verify(await cognito.issuers.pool.sign(accessClaims())),
    );
    expect([byAudience.code, byAudience.message.includes('tokenUse: \'access\' and clientId')]).toEqual(['missing_claim', true]);
  });
});
