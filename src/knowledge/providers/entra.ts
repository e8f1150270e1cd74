/**
 * Microsoft Entra ID (formerly Azure AD), B2C and External ID.
 * - Issuers: v1 tokens `https://sts.windows.net/{tenant}/`, v2 tokens `https://login.microsoftonline.com/{tenant}/v2.0`;
 *   keys at `https://login.microsoftonline.com/{tenant}/discovery/keys` (v1) and `.../discovery/v2.0/keys` (v2).
 *   https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 * - An API's v2 access tokens carry its own application (client) id as `aud` (v1: its App ID URI), so an
 *   audience equal to a client id does not mark an ID token here.
 *   https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference#payload-claims
 * - Tokens for Microsoft Graph and other Microsoft APIs are not for the app to validate: "only validate tokens
 *   for your own API"; Graph tokens carry a `nonce` in the header and fail signature checks by design.
 *   https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 *   https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/issues/609
 * - First-party application ids: https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in
 * - MSAL's AuthenticationResult has `idToken` and `accessToken`; a request with only OpenID scopes gets an access
 *   token for Microsoft Graph, `{resource}/.default` asks for the API's own:
 *   https://learn.microsoft.com/entra/identity-platform/scopes-oidc#the-default-scope
 *   https://learn.microsoft.com/javascript/api/@azure/msal-browser/authenticationresult
 */
import { knownSegments, trimTrailingSlashes, type ProviderProfile, type UrlParts } from './profile.js';

const LOGIN_HOSTS = ['login.microsoftonline.com', 'login.microsoft.com', 'login.windows.net'];
const V1_ISSUER_HOST = 'sts.windows.net';
/** B2C (`{tenant}.b2clogin.com`) and External ID (`{tenant}.ciamlogin.com`) tenants. */
const TENANT_HOST = /\.(b2clogin|ciamlogin)\.com$/;

function matchEntraUrl({ host, path }: UrlParts) {
  if (host === undefined) return undefined;
  const [tenant, second, third, fourth] = knownSegments(path);
  const tenantField = tenant === undefined ? {} : { tenant };
  if (host === V1_ISSUER_HOST) return { provider: 'entra-id' as const, version: 'v1' as const, ...tenantField, ...(path.length > 1 ? { endpoint: 'other' as const } : {}) };
  if (LOGIN_HOSTS.includes(host) || TENANT_HOST.test(host)) {
    if (second === 'v2.0') {
      if (path.length === 2) return { provider: 'entra-id' as const, version: 'v2' as const, ...tenantField };
      if (third === '.well-known') return { provider: 'entra-id' as const, version: 'v2' as const, ...tenantField, endpoint: 'discovery' as const };
    }
    if (second === 'discovery') {
      const version = third === 'v2.0' ? ('v2' as const) : ('v1' as const);
      const last = version === 'v2' ? fourth : third;
      return { provider: 'entra-id' as const, version, ...tenantField, endpoint: last === 'keys' ? ('keys' as const) : ('other' as const) };
    }
    if (second === '.well-known') return { provider: 'entra-id' as const, version: 'v1' as const, ...tenantField, endpoint: 'discovery' as const };
    return { provider: 'entra-id' as const, ...tenantField, ...(path.length > 1 ? { endpoint: 'other' as const } : {}) };
  }
  return undefined;
}

export const entra: ProviderProfile = {
  id: 'entra-id',
  name: 'Microsoft Entra ID',
  sources: [
    'https://learn.microsoft.com/entra/identity-platform/access-tokens',
    'https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference',
    'https://learn.microsoft.com/entra/identity-platform/id-tokens',
    'https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in',
    'https://learn.microsoft.com/javascript/api/@azure/msal-browser/authenticationresult',
  ],
  issuers: ['https://sts.windows.net/{tenant}/', 'https://login.microsoftonline.com/{tenant}/v2.0'],
  keys: ['https://login.microsoftonline.com/{tenant}/discovery/keys', 'https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys'],
  matchUrl: matchEntraUrl,
  jwksUriOf(issuer) {
    const base = trimTrailingSlashes(issuer);
    const v2 = /^(https:\/\/(?:login\.microsoftonline\.com|[^/]+\.(?:b2clogin|ciamlogin)\.com)\/[^/]+)\/v2\.0$/i.exec(base);
    if (v2) return `${v2[1]}/discovery/v2.0/keys`;
    const v1 = /^https:\/\/sts\.windows\.net\/([^/]+)$/i.exec(base);
    return v1 ? `https://login.microsoftonline.com/${v1[1]}/discovery/keys` : undefined;
  },
  nameHint: /azure|entra|(^|[^a-z])aad|msal|microsoft/i,
  clientId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  clientIdAudienceMeansIdToken: false,
  idTokensAreBearerCredentials: false,
  foreignAudiences: [
    { api: 'Microsoft Graph', values: ['00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.com', 'https://graph.microsoft.us', 'https://dod-graph.microsoft.us', 'https://microsoftgraph.chinacloudapi.cn'] },
    { api: 'Azure AD Graph', values: ['00000002-0000-0000-c000-000000000000', 'https://graph.windows.net'] },
    { api: 'Azure Resource Manager', values: ['797f4846-ba00-4fd7-ba43-dac1f8f63013', 'https://management.azure.com', 'https://management.core.windows.net'] },
    { api: 'Azure Key Vault', values: ['cfa8b339-82a2-471a-a3c9-0fc0be7a4093', 'https://vault.azure.net'] },
    { api: 'Azure Storage', values: ['e406a681-f3d4-42a8-90b6-c2b029497af1', 'https://storage.azure.com'] },
    { api: 'Azure SQL Database', values: ['022907d3-0f1b-48f7-badc-1ba6abab6d66', 'https://database.windows.net'] },
    { api: 'Exchange Online', values: ['00000002-0000-0ff1-ce00-000000000000', 'https://outlook.office365.com', 'https://outlook.office.com'] },
    { api: 'SharePoint Online', values: ['00000003-0000-0ff1-ce00-000000000000'] },
    { api: 'Power BI', values: ['00000009-0000-0000-c000-000000000000', 'https://analysis.windows.net/powerbi/api'] },
  ],
  tokenSpellings: [
    { kind: 'sdk-member', member: 'idToken', tokenType: 'id', example: '(await msal.acquireTokenSilent(request)).idToken' },
    { kind: 'sdk-member', member: 'accessToken', tokenType: 'access', example: '(await msal.acquireTokenSilent(request)).accessToken' },
  ],
  accessTokenTwins: [
    {
      kind: 'request-result',
      methods: ['acquireTokenSilent', 'acquireTokenPopup', 'ssoSilent'],
      member: { id: 'idToken', access: 'accessToken' },
      scopesOption: 'scopes',
      apiScope: '{audience}/.default',
      openIdScopes: ['openid', 'profile', 'email', 'offline_access'],
      defaultApi: 'Microsoft Graph',
      example: "(await msal.acquireTokenSilent({ scopes: ['api://orders/.default'] })).accessToken",
    },
  ],
  pinnedKeys: [{ kind: 'x5c-certificate', example: '`-----BEGIN CERTIFICATE-----\\n${X5C}\\n-----END CERTIFICATE-----`' }],
  advice: {
    pinnedKey: "Entra ID rotates its signing keys without notice: resolve them from the tenant's keys URL (https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys) at run time.",
    idTokenAsBearer: "Request an access token for your API's scope (api://<app id>/.default, or a scope it exposes) with acquireTokenSilent and send result.accessToken.",
    foreignToken:
      'Tokens for {{api}} are for that API alone and fail signature checks by design: have clients request a token for your own API (its App ID URI or application id as audience), and call {{api}} on the user\'s behalf (on-behalf-of) if needed.',
  },
  leftAlone: [
    "An API verifying its own tokens: audience its App ID URI (api://…) or its application id, which v2 access tokens carry as aud.",
    'On-behalf-of and daemon (client credentials) calls to Microsoft Graph: requesting and sending a Graph token to Graph is correct.',
    'Reading idTokenClaims for display.',
    'A web app validating the ID token of its own sign-in (MSAL Node, passport-azure-ad OIDCStrategy).',
  ],
};
