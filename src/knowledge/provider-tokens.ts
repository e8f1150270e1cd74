/**
 * How each identity provider shapes the access tokens an API receives: which claim names the client, how
 * its ID tokens differ, and the issuer shapes that need more than string equality (Entra ID tenants and
 * versions, Keycloak realms). What the provider profiles (./providers/) already say (own-API audiences, token kinds,
 * names) is asked of them, not repeated here.
 */
import type { ProviderId } from './providers/profile.js';

/** Providers whose access tokens an API may verify (Google's are ID tokens, judged elsewhere). */
export type TokenProvider = Exclude<ProviderId, 'google'>;
export const TOKEN_PROVIDERS: readonly TokenProvider[] = ['okta', 'auth0', 'cognito', 'entra-id', 'keycloak'];

/**
 * The claim an access token names its client (the app that requested it) in, per provider. Entra v2 tokens
 * use `azp`, v1 tokens `appid`; Okta `cid` (RFC 9068's `client_id` when there is no `cid`).
 */
export const CLIENT_CLAIMS: Readonly<Record<TokenProvider, readonly string[]>> = {
  okta: ['cid', 'client_id'],
  auth0: ['azp'],
  cognito: ['client_id'],
  'entra-id': ['azp', 'appid'],
  keycloak: ['azp'],
};

// ---------------------------------------------------------------------------------------------------------
// Microsoft Entra ID
// ---------------------------------------------------------------------------------------------------------

/** The placeholder Entra's multi-tenant discovery documents put in their issuer, in the casing Microsoft uses. */
export const ENTRA_TENANT_PLACEHOLDER = '{tenantid}';
/** The tenant segment that serves multi-tenant discovery (its document's issuer carries the placeholder). */
export const ENTRA_MULTI_TENANT_SEGMENT = 'common';
export const ENTRA_V1_ISSUER_HOST = 'sts.windows.net';
export const ENTRA_LOGIN_HOST = 'login.microsoftonline.com';
/** Entra tenant ids are GUIDs; `tid` always carries one, whatever alias (domain name) the issuer was asked for. */
export const ENTRA_TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The tenant claim. */
export const ENTRA_TENANT_CLAIM = 'tid';
/** Entra access tokens carry delegated scopes in `scp` or application roles in `roles`; its ID tokens carry neither. */
export const ENTRA_ACCESS_TOKEN_CLAIMS: readonly string[] = ['scp', 'roles'];

/**
 * The JWS header parameter that only Microsoft Graph access tokens carry: Graph hashes it before checking the
 * signature, so the token fails every other signature check by design.
 */
export const GRAPH_HEADER_NONCE = 'nonce';

export type EntraIssuerVersion = 'v1' | 'v2';

export interface EntraIssuer {
  readonly version: EntraIssuerVersion;
  /** The tenant id (a GUID, or an alias such as `contoso.onmicrosoft.com`), or the placeholder of a multi-tenant issuer. */
  readonly tenant: string;
  readonly multiTenant: boolean;
}

/**
 * Reads an Entra issuer: v2 `…/{tid}/v2.0`, v1 `…/{tid}/` (on `sts.windows.net`). Paths are read whatever the
 * host, so a local test provider can stand in for Microsoft's.
 */
export function parseEntraIssuer(issuer: string): EntraIssuer | undefined {
  let url: URL;
  try {
    url = new URL(issuer.replace(/\{tenantid\}/i, 'tenantid-placeholder'));
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const tenantOf = (segment: string): { tenant: string; multiTenant: boolean } =>
    segment === 'tenantid-placeholder' ? { tenant: ENTRA_TENANT_PLACEHOLDER, multiTenant: true } : { tenant: segment, multiTenant: false };
  if (segments.length === 2 && segments[1] === 'v2.0') return { version: 'v2', ...tenantOf(segments[0]!) };
  if (segments.length === 1 && url.pathname.endsWith('/')) return { version: 'v1', ...tenantOf(segments[0]!) };
  return undefined;
}

/** The issuer a token of `tenantId` carries under a multi-tenant (placeholder) issuer. */
export function entraTenantIssuer(template: string, tenantId: string): string {
  return template.replace(/\{tenantid\}/i, tenantId);
}

/** The other version's issuer of the same tenant, on Microsoft's hosts (for error messages that name it). */
export function entraSiblingIssuer(issuer: EntraIssuer): string {
  return issuer.version === 'v2'
    ? `https://${ENTRA_V1_ISSUER_HOST}/${issuer.tenant}/`
    : `https://${ENTRA_LOGIN_HOST}/${issuer.tenant}/v2.0`;
}

/**
 * Discovery documents of an Entra issuer: a multi-tenant issuer is discovered at the `common` tenant (whose
 * document names the placeholder issuer); a v1 issuer on `sts.windows.net` is discovered on the login host.
 */
export function entraDiscoveryUrls(issuer: string): string[] | undefined {
  const parsed = parseEntraIssuer(issuer);
  if (!parsed) return undefined;
  const url = new URL(issuer.replace(/\{tenantid\}/i, ENTRA_MULTI_TENANT_SEGMENT));
  if (parsed.version === 'v1' && url.hostname === ENTRA_V1_ISSUER_HOST) url.hostname = ENTRA_LOGIN_HOST;
  const base = url.href.replace(/\/+$/, '');
  return [`${base}/.well-known/openid-configuration`];
}

// ---------------------------------------------------------------------------------------------------------
// Keycloak
// ---------------------------------------------------------------------------------------------------------

/** The audience Keycloak puts in every access token by default (the account console client), which names no API. */
export const KEYCLOAK_DEFAULT_AUDIENCE = 'account';

/** `https://host[/auth]/realms/{realm}`: the realm, when the issuer is a realm issuer and not one of its endpoints. */
export function keycloakRealmOf(issuer: string): { realm: string; endpoint?: string } | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const at = segments.indexOf('realms');
  if (at === -1 || segments[at + 1] === undefined) return undefined;
  const rest = segments.slice(at + 2);
  return { realm: decodeURIComponent(segments[at + 1]!), ...(rest.length > 0 ? { endpoint: rest.join('/') } : {}) };
}
