/**
 * What each identity provider needs of a verifier the codemods write: the issuer as the provider's discovery
 * document spells it (Auth0's trailing slash, Entra ID's tenant v2 issuer or multi-tenant template, Keycloak's
 * realm), Entra's audiences, and the sites that verify tokens of the provider's own APIs (Microsoft Graph,
 * Auth0's /userinfo and Management API), which are left for review with the provider's fix.
 */
import { quoted } from '../../src/analysis/edits.js';
import { foreignTokenFindings, type ForeignTokenFinding } from '../../src/analysis/foreign-tokens.js';
import { siteProvider } from '../../src/analysis/site-providers.js';
import { knownString, type StaticValue } from '../../src/analysis/values.js';
import type { VerificationSite } from '../../src/analysis/verify-sites.js';
import {
  ENTRA_LOGIN_HOST,
  ENTRA_TENANT_ID,
  ENTRA_TENANT_PLACEHOLDER,
  ENTRA_V1_ISSUER_HOST,
  KEYCLOAK_DEFAULT_AUDIENCE,
  keycloakRealmOf,
} from '../../src/knowledge/provider-tokens.js';
import { providerOfIssuer, providerOfUrl, providerProfile, type ProviderId } from '../../src/knowledge/providers/index.js';
import type { HelperConfig } from './helper-config.js';
import { environmentSetting, type TransformContext } from './transformer.js';

/** What a provider changes in a rewrite: nothing, the issuer and audience texts, or the rewrite itself (review). */
export type ProviderPlan =
  | { readonly kind: 'review'; readonly reason: string }
  | { readonly kind: 'rewrite'; readonly provider: ProviderId | undefined; readonly issuer?: string; readonly audience?: string };

/** Tenant segments of Entra endpoints that serve many tenants and never appear in a token's `iss`. */
const ENTRA_MULTI_TENANT_ENDPOINTS = ['common', 'organizations', 'consumers'];

/**
 * The plan for one verification site whose key is pinned: `config.notes` gets what a person must check.
 * Sites of no known provider, or whose issuer is not written out, get `{ kind: 'rewrite' }` with nothing changed.
 */
export function providerPlanFor(context: TransformContext, site: VerificationSite, config: HelperConfig): ProviderPlan {
  const issuerValue = site.issuer ? knownString(site.issuer.value) : context.options.issuer;
  const provider = site.issuer ? siteProvider(site) : context.options.issuer ? providerOfIssuer(context.options.issuer) : siteProvider(site);
  const foreign = foreignTokenFindings(context.analysis).find((finding) => finding.site.call.node === site.call.node);
  if (foreign) return { kind: 'review', reason: foreignTokenReason(foreign) };

  const plan: { kind: 'rewrite'; provider: ProviderId | undefined; issuer?: string; audience?: string } = { kind: 'rewrite', provider };
  if (provider === 'keycloak' && audienceIs(site.audience?.value, KEYCLOAK_DEFAULT_AUDIENCE)) {
    if (!context.options.audience) {
      return {
        kind: 'review',
        reason:
          `the audience is Keycloak's default '${KEYCLOAK_DEFAULT_AUDIENCE}', which every token of the realm carries and which names no API: ` +
          'add an audience mapper for the API\'s client, then run again with --audience set to that client',
      };
    }
    plan.audience = quoted(context.source, context.options.audience);
    config.notes.push(`the audience '${KEYCLOAK_DEFAULT_AUDIENCE}' (Keycloak's default, which names no API) became --audience: make sure an audience mapper puts it in the realm's access tokens`);
  }
  if (issuerValue === undefined) {
    if (provider === 'entra-id' && !site.audience && !context.options.audience) entraAudienceFromEnvironment(context, plan, config);
    return plan;
  }

  switch (provider) {
    case 'auth0': {
      // Auth0 spells its issuers with a trailing slash; a check without it refused every token.
      if (!issuerValue.endsWith('/')) {
        plan.issuer = `${issuerValue}/`;
        config.notes.push(`the issuer is now '${plan.issuer}', as Auth0's discovery document spells it (the old check without the trailing slash refused every token): check it`);
      }
      break;
    }
    case 'keycloak': {
      const realm = keycloakRealmOf(issuerValue);
      if (!realm) break;
      const issuer = issuerValue.slice(0, issuerValue.indexOf(`/realms/`) + '/realms/'.length) + encodeURIComponent(realm.realm);
      if (issuer !== issuerValue) {
        plan.issuer = issuer;
        config.notes.push(
          realm.endpoint !== undefined
            ? `the realm issuer '${issuer}' replaces its endpoint '${issuerValue}': check it`
            : `the issuer is now '${issuer}', as Keycloak's discovery document spells it (the old check refused every token): check it`,
        );
      }
      break;
    }
    case 'entra-id': {
      const entra = entraIssuerPlan(issuerValue);
      if (entra.kind === 'review') return entra;
      if (entra.issuer !== issuerValue) plan.issuer = entra.issuer;
      if (entra.note) config.notes.push(entra.note);
      if (!site.audience) {
        if (context.options.audience) {
          const audiences = entraAudiences(context.options.audience);
          plan.audience = audiences.length === 1 ? quoted(context.source, audiences[0]!) : `[${audiences.map((audience) => quoted(context.source, audience)).join(', ')}]`;
          if (audiences.length > 1) {
            config.notes.push(`'${audiences[0]}' is the default App ID URI of the application '${audiences[1]}', assumed: check it in the API's app registration (v1 tokens carry the App ID URI, v2 tokens the application id)`);
          }
        } else {
          entraAudienceFromEnvironment(context, plan, config);
        }
      }
      break;
    }
    default:
      break;
  }
  if (plan.issuer !== undefined) plan.issuer = quoted(context.source, plan.issuer);
  return plan;
}

function audienceIs(value: StaticValue | undefined, audience: string): boolean {
  return value !== undefined && knownString(value) === audience;
}

/**
 * Tokens for a provider's own API are the provider's to validate: the site needs another token, not another key.
 * The reason every transform gives for such a site.
 */
export function foreignTokenReason(finding: ForeignTokenFinding): string {
  const profile = providerProfile(finding.match.provider);
  const { api } = finding.match.audience;
  const advice = profile.advice.foreignToken?.replaceAll('{{api}}', api) ?? '';
  return `the audience is ${api}, one of ${profile.name}'s own APIs, whose tokens only ${profile.name} may validate: switch the clients to access tokens for your own API and verify those. ${advice}`.trim();
}

type EntraIssuerPlan = { readonly kind: 'review'; readonly reason: string } | { readonly kind: 'rewrite'; readonly issuer: string; readonly note?: string };

/**
 * The issuer an Entra site gets: the one written when it is a tenant's v1 or v2 issuer; the tenant's v2 issuer
 * when an endpoint of the tenant was written; the multi-tenant template for `common` and its kin.
 */
export function entraIssuerPlan(written: string): EntraIssuerPlan {
  const match = providerOfUrl(written);
  const tenant = match?.tenant;
  if (!match || tenant === undefined) return { kind: 'rewrite', issuer: written };
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return { kind: 'rewrite', issuer: written };
  }
  const v2Issuer = (tenantSegment: string) => `https://${url.host === ENTRA_V1_ISSUER_HOST ? ENTRA_LOGIN_HOST : url.host}/${tenantSegment}/v2.0`;
  if (ENTRA_MULTI_TENANT_ENDPOINTS.includes(tenant.toLowerCase())) {
    const issuer = v2Issuer(ENTRA_TENANT_PLACEHOLDER);
    return {
      kind: 'rewrite',
      issuer,
      note: `'${tenant}' names no tenant and no token carries it as iss: the multi-tenant issuer '${issuer}' accepts each tenant's tokens whose iss names their own tid; set tenantId to the tenants you serve, or check that any tenant may call this API`,
    };
  }
  if (!ENTRA_TENANT_ID.test(tenant)) {
    return {
      kind: 'review',
      reason: `the issuer names the Entra tenant '${tenant}' by alias, while tokens carry its id (a GUID): replace it with the issuer of the tenant's discovery document (https://${ENTRA_LOGIN_HOST}/${tenant}/v2.0/.well-known/openid-configuration), then run again`,
    };
  }
  if (match.endpoint === undefined && match.version === 'v2') return { kind: 'rewrite', issuer: v2Issuer(tenant) };
  if (match.endpoint === undefined && match.version === 'v1') return { kind: 'rewrite', issuer: `https://${ENTRA_V1_ISSUER_HOST}/${tenant}/` };
  const issuer = v2Issuer(tenant);
  return {
    kind: 'rewrite',
    issuer,
    note: `'${written}' is not an issuer: the tenant's v2 issuer '${issuer}' is assumed; check that the API's app registration issues v2 tokens (accessTokenAcceptedVersion: 2), or use https://${ENTRA_V1_ISSUER_HOST}/${tenant}/ for v1 tokens`,
  };
}

/** `--audience` for an Entra API: an application id, or the default App ID URI `api://<application id>`, means both. */
export function entraAudiences(audience: string): string[] {
  const appId = ENTRA_TENANT_ID.test(audience) ? audience : /^api:\/\/([0-9a-f-]{36})$/i.exec(audience)?.[1];
  if (appId === undefined || !ENTRA_TENANT_ID.test(appId)) return [audience];
  return [`api://${appId}`, appId];
}

function entraAudienceFromEnvironment(context: TransformContext, plan: { audience?: string }, config: HelperConfig): void {
  plan.audience = environmentSetting(context, 'OIDC_AUDIENCE');
  config.notes.push('the old verification did not check the audience: set OIDC_AUDIENCE to the API\'s App ID URI (api://…) or application id from its Entra app registration, or run again with --audience');
}
