import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hole } from '../../src/knowledge/partial-string.js';
import {
  accessTokenTwins,
  adapterKeyOptions,
  classifyIssuer,
  foreignAudienceOf,
  jwksUriOf,
  PROVIDERS,
  providerOfIssuer,
  providerOfName,
  providerOfUrl,
  providerProfile,
  RAW_TOKEN_MEMBERS,
  tokenKindClaims,
  tokenKindOption,
  tokenOfGetterChain,
} from '../../src/knowledge/providers/index.js';

describe('provider profiles', () => {
  it('has one profile per provider, each with sources, issuers, keys and advice', () => {
    expect(PROVIDERS.map((profile) => profile.id)).toEqual(['okta', 'entra-id', 'auth0', 'cognito', 'keycloak', 'google']);
    for (const profile of PROVIDERS) {
      expect(profile.sources.length, profile.id).toBeGreaterThan(0);
      for (const source of profile.sources) expect(source).toMatch(/^https:\/\//);
      expect(profile.issuers.length).toBeGreaterThan(0);
      expect(profile.keys.length).toBeGreaterThan(0);
      expect(profile.advice.pinnedKey).toMatch(/\S/);
      expect(profile.advice.idTokenAsBearer).toMatch(/\S/);
      expect(profile.leftAlone.length).toBeGreaterThan(0);
      expect(providerProfile(profile.id)).toBe(profile);
    }
  });

  it.each([
    ['https://sts.windows.net/7f1c2d3e-0000-4000-8000-000000000001/', { provider: 'entra-id', version: 'v1', tenant: '7f1c2d3e-0000-4000-8000-000000000001' }],
    ['https://login.microsoftonline.com/7f1c2d3e/v2.0', { provider: 'entra-id', version: 'v2', tenant: '7f1c2d3e' }],
    ['https://login.microsoftonline.com/7f1c2d3e/discovery/v2.0/keys', { provider: 'entra-id', version: 'v2', endpoint: 'keys' }],
    ['https://login.microsoftonline.com/7f1c2d3e/discovery/keys', { provider: 'entra-id', version: 'v1', endpoint: 'keys' }],
    ['https://contoso.b2clogin.com/tid/v2.0/', { provider: 'entra-id', version: 'v2' }],
    ['https://acme.eu.auth0.com/', { provider: 'auth0', tenant: 'acme.eu.auth0.com' }],
    ['https://acme.auth0.com/.well-known/jwks.json', { provider: 'auth0', endpoint: 'keys' }],
    ['https://acme.auth0.com/api/v2/', { provider: 'auth0', endpoint: 'management-api' }],
    ['https://acme.auth0.com/userinfo', { provider: 'auth0', endpoint: 'userinfo' }],
    ['https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123', { provider: 'cognito', tenant: 'eu-west-1_AbC123' }],
    ['https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json', { provider: 'cognito', endpoint: 'keys' }],
    ['https://sso.acme.com/realms/acme', { provider: 'keycloak', tenant: 'acme' }],
    ['https://sso.acme.com/auth/realms/acme/protocol/openid-connect/certs', { provider: 'keycloak', tenant: 'acme', endpoint: 'keys' }],
    ['https://accounts.google.com', { provider: 'google' }],
    ['https://acme.okta.com/oauth2/default', { provider: 'okta' }],
  ])('%s belongs to %o', (url, match) => {
    expect(providerOfUrl(url)).toMatchObject(match);
  });

  it('knows no provider of a custom domain, nor of the Keycloak admin API', () => {
    expect(providerOfUrl('https://login.acme.com/')).toBeUndefined();
    expect(providerOfUrl('https://sso.acme.com/admin/realms/acme/users')).toBeUndefined();
    expect(providerOfUrl('https://graph.microsoft.com/v1.0/me')).toBeUndefined();
  });

  it('classifyIssuer keeps what the profile says of other providers', () => {
    expect(classifyIssuer('https://login.microsoftonline.com/7f1c2d3e/v2.0')).toEqual({ kind: 'other-provider', provider: 'entra-id', version: 'v2', tenant: '7f1c2d3e' });
    expect(classifyIssuer('https://acme.auth0.com/.well-known/jwks.json')).toMatchObject({ kind: 'other-provider', provider: 'auth0', endpoint: 'keys' });
    expect(providerOfIssuer('https://acme.okta.com')).toBe('okta');
    expect(providerOfIssuer('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x')).toBe('cognito');
  });

  it.each([
    ['https://sts.windows.net/tid/', 'https://login.microsoftonline.com/tid/discovery/keys'],
    ['https://login.microsoftonline.com/tid/v2.0/', 'https://login.microsoftonline.com/tid/discovery/v2.0/keys'],
    ['https://accounts.google.com', 'https://www.googleapis.com/oauth2/v3/certs'],
    ['https://sso.acme.com/auth/realms/acme', 'https://sso.acme.com/auth/realms/acme/protocol/openid-connect/certs'],
  ])('the keys of %s are at %s', (issuer, keys) => {
    expect(jwksUriOf(issuer)).toBe(keys);
  });

  it('has no keys URL for endpoints, nor for the common Entra endpoint', () => {
    expect(jwksUriOf('https://acme.auth0.com/.well-known/jwks.json')).toBeUndefined();
    expect(jwksUriOf('https://login.microsoftonline.com/common/oauth2/v2.0/token')).toBeUndefined();
  });

  it.each([
    ['AZURE_CLIENT_ID', 'entra-id'],
    ['msalConfig', 'entra-id'],
    ['AAD_TENANT_ID', 'entra-id'],
    ['auth0Domain', 'auth0'],
    ['COGNITO_USER_POOL_ID', 'cognito'],
    ['KEYCLOAK_URL', 'keycloak'],
    ['OKTA_CLIENT_ID', 'okta'],
    ['GOOGLE_CLIENT_ID', 'google'],
    ['CLIENT_ID', undefined],
    ['readTokens', undefined],
  ])('the name %s speaks of %s', (name, provider) => {
    expect(providerOfName(name)).toBe(provider);
  });
});

describe('foreign audiences', () => {
  it.each([
    ['00000003-0000-0000-c000-000000000000', 'entra-id', 'Microsoft Graph'],
    ['https://graph.microsoft.com', 'entra-id', 'Microsoft Graph'],
    ['https://graph.microsoft.com/', 'entra-id', 'Microsoft Graph'],
    ['https://graph.microsoft.com/.default', 'entra-id', 'Microsoft Graph'],
    ['HTTPS://GRAPH.MICROSOFT.COM', 'entra-id', 'Microsoft Graph'],
    ['https://management.azure.com/', 'entra-id', 'Azure Resource Manager'],
    ['https://acme.auth0.com/userinfo', 'auth0', 'the Auth0 userinfo endpoint'],
    ['https://acme.eu.auth0.com/api/v2/', 'auth0', 'the Auth0 Management API'],
  ])('%s is for %s (%s)', (audience, provider, api) => {
    expect(foreignAudienceOf(audience)).toMatchObject({ provider, audience: { api } });
  });

  it('knows Auth0 APIs on a host from a variable named for Auth0, or on the issuer origin', () => {
    expect(foreignAudienceOf(['https://', hole('AUTH0_DOMAIN'), '/api/v2/'])).toMatchObject({ provider: 'auth0' });
    expect(foreignAudienceOf('https://login.acme.com/userinfo', { issuerOrigin: 'https://login.acme.com/' })).toMatchObject({ provider: 'auth0' });
  });

  it.each([
    'api://7f1c2d3e-0000-4000-8000-000000000001',
    '7f1c2d3e-0000-4000-8000-000000000001',
    'https://api.acme.com',
    'https://acme.auth0.com/api/v2/users',
    'https://login.acme.com/userinfo',
    'https://graph.microsoft.com.evil.example',
    'api://default',
  ])('%s is an API of the app itself', (audience) => {
    expect(foreignAudienceOf(audience)).toBeUndefined();
  });

  it('looks at partial URLs only when the host says whose they are', () => {
    expect(foreignAudienceOf(['https://', hole('API_HOST'), '/api/v2/'])).toBeUndefined();
  });
});

describe('token spellings and pinned keys', () => {
  it('knows the raw ID token member of Auth0 claims', () => {
    expect(RAW_TOKEN_MEMBERS.get('__raw')).toEqual({ tokenType: 'id', provider: 'auth0' });
    expect(RAW_TOKEN_MEMBERS.get('idToken')).toBeUndefined();
  });

  it('knows the Cognito getter chains', () => {
    expect(tokenOfGetterChain('getIdToken', 'getJwtToken')).toEqual({ tokenType: 'id', provider: 'cognito' });
    expect(tokenOfGetterChain('getAccessToken', 'getJwtToken')).toEqual({ tokenType: 'access', provider: 'cognito' });
    expect(tokenOfGetterChain('getIdToken', 'toString')).toBeUndefined();
  });

  it('knows the option that chooses the token kind of aws-jwt-verify', () => {
    const option = tokenKindOption('aws-jwt-verify');
    expect(option?.option).toBe('tokenUse');
    expect(option?.values.get('id')).toBe('id');
    expect(option?.values.get('access')).toBe('access');
    expect(tokenKindOption('jsonwebtoken')).toBeUndefined();
  });

  it("knows Keycloak's typ claim", () => {
    expect(tokenKindClaims().map((claim) => [claim.claim, claim.value, claim.tokenType])).toEqual([
      ['typ', 'ID', 'id'],
      ['typ', 'Bearer', 'access'],
    ]);
  });

  it('knows the adapter option that pins a Keycloak realm key', () => {
    expect(adapterKeyOptions('keycloak-connect')).toEqual({ options: ['realm-public-key', 'realmPublicKey'], configFile: 'keycloak.json', provider: 'keycloak' });
    expect(adapterKeyOptions('express-jwt')).toBeUndefined();
  });

  it('names the access-token twin of every client-side ID-token spelling, in the profile that spells it', () => {
    const clientSpellings = new Set(['sdk-member', 'raw-member', 'getter-then-string']);
    for (const profile of PROVIDERS) {
      const spellsClientIdTokens = profile.tokenSpellings.some((spelling) => spelling.tokenType === 'id' && clientSpellings.has(spelling.kind));
      expect((profile.accessTokenTwins ?? []).length > 0, `${profile.id} has access-token twins`).toBe(spellsClientIdTokens);
    }
    expect(accessTokenTwins('method').map((twin) => [twin.provider, twin.method.id, twin.method.access])).toEqual([
      ['okta', 'getIdToken', 'getAccessToken'],
      ['cognito', 'getIdToken', 'getAccessToken'],
    ]);
    expect(accessTokenTwins('claims').map((twin) => [twin.provider, twin.method.access, twin.observable.access])).toEqual([['auth0', 'getTokenSilently', 'getAccessTokenSilently']]);
    expect(accessTokenTwins('instance-member').map((twin) => [twin.provider, twin.module, twin.member.access])).toEqual([['keycloak', 'keycloak-js', 'token']]);
    expect(accessTokenTwins('request-result').map((twin) => [twin.provider, twin.member.access, twin.defaultApi])).toEqual([['entra-id', 'accessToken', 'Microsoft Graph']]);
  });

  it('says which providers mark ID tokens by a client-id audience and which use ID tokens as bearer credentials', () => {
    expect(providerProfile('entra-id').clientIdAudienceMeansIdToken).toBe(false);
    expect(providerProfile('okta').clientIdAudienceMeansIdToken).toBe(true);
    expect(PROVIDERS.filter((profile) => profile.idTokensAreBearerCredentials).map((profile) => profile.id)).toEqual(['google']);
  });
});

describe('docs/providers.md', () => {
  const doc = readFileSync(new URL('../../docs/providers.md', import.meta.url), 'utf8');

  it.each(PROVIDERS.map((profile) => [profile.name, profile] as const))('has a section for %s that cites its sources and names its foreign audiences', (name, profile) => {
    const start = doc.indexOf(`\n## ${name}\n`);
    expect(start, `## ${name}`).toBeGreaterThan(-1);
    const next = doc.indexOf('\n## ', start + 1);
    const section = doc.slice(start, next === -1 ? undefined : next);
    for (const source of profile.sources) expect(section, source).toContain(source);
    for (const foreign of profile.foreignAudiences) expect(section, foreign.api).toContain(foreign.path ? `/${foreign.path.join('/')}` : foreign.api);
  });
});
