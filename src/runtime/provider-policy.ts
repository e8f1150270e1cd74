/**
 * The checks an access token needs beyond issuer, audience and expiry, per identity provider: Entra ID tenants
 * and issuer versions, multi-tenant issuers, Microsoft Graph tokens; Auth0's and Keycloak's client claim and
 * their own audiences; Keycloak's token kinds. The facts come from src/knowledge; this file decides.
 */
import { foreignAudienceOf, providerOfIssuer, providerProfile, tokenKindClaims } from '../knowledge/providers/index.js';
import {
  CLIENT_CLAIMS,
  ENTRA_ACCESS_TOKEN_CLAIMS,
  ENTRA_TENANT_CLAIM,
  ENTRA_TENANT_ID,
  entraDiscoveryUrls,
  entraSiblingIssuer,
  entraTenantIssuer,
  GRAPH_HEADER_NONCE,
  KEYCLOAK_DEFAULT_AUDIENCE,
  keycloakRealmOf,
  parseEntraIssuer,
  TOKEN_PROVIDERS,
  type EntraIssuer,
  type TokenProvider,
} from '../knowledge/provider-tokens.js';
import { ConfigurationError, TokenValidationError } from './errors.js';
import { quote } from './http.js';
import { checkStringList } from './options.js';

export type { TokenProvider } from '../knowledge/provider-tokens.js';

/** The provider options of the verifier and key sources. */
export interface ProviderOptions {
  /**
   * The identity provider, for its own checks. Default: told by the issuer's host (`*.okta.com`, `*.auth0.com`,
   * `cognito-idp.*`, `login.microsoftonline.com` / `sts.windows.net`, a `/realms/` path). Set it for custom
   * domains (Auth0, Okta, Entra External ID) and local test providers.
   */
  readonly provider?: TokenProvider;
  /**
   * Entra ID, multi-tenant issuer (`https://login.microsoftonline.com/{tenantid}/v2.0`) only: the tenants whose
   * tokens are accepted. Without it, any tenant's token issued for this API's audience is.
   */
  readonly tenantId?: string | readonly string[];
}

/** A provider's own API, named as an error message names it. */
interface ForeignAudience {
  readonly what: string;
  readonly fix: string;
  /** `foreign_token` for another API's token; `audience_mismatch` for a default audience that names no API. */
  readonly code: 'foreign_token' | 'audience_mismatch';
}

export interface ProviderPolicy {
  readonly issuer: string;
  readonly provider: TokenProvider | undefined;
  readonly entra: EntraPolicy | undefined;
  /** Where to discover the issuer's metadata, when not below the issuer itself. */
  readonly discoveryUrls: readonly string[] | undefined;
  /** Claims that name the client, in order; the first present one is judged. */
  readonly clientClaims: readonly string[];
  /** Claims whose value names the kind of token (Keycloak's `typ`): the access-token value, and the ID-token ones. */
  readonly kindClaims: readonly KindClaim[];
}

interface KindClaim {
  readonly claim: string;
  readonly access: string;
  readonly id: readonly string[];
}

interface EntraPolicy {
  readonly issuer: EntraIssuer;
  /** The configured issuer when it is a multi-tenant template. */
  readonly template: string | undefined;
  /** Accepted tenants: the issuer's one, or those of `tenantId` under a template (undefined: any). */
  readonly tenantIds: readonly string[] | undefined;
}

const KEYCLOAK_ACCOUNT: ForeignAudience = {
  code: 'audience_mismatch',
  what: 'Keycloak\'s account console (the audience every token gets by default)',
  fix: 'it names no API; add an audience mapper to the client scope so that tokens for this API carry its audience',
};

export function readProviderPolicy(options: ProviderOptions, issuer: string, audiences: readonly string[] | undefined): ProviderPolicy {
  const provider = providerOf(options.provider, issuer);
  const clientClaims = provider === undefined ? CLIENT_CLAIMS.okta : CLIENT_CLAIMS[provider];
  if (options.tenantId !== undefined && provider !== 'entra-id') {
    throw new ConfigurationError('invalid_option', 'tenantId is an Entra ID option (for a multi-tenant issuer https://login.microsoftonline.com/{tenantid}/v2.0)');
  }
  if (/\{tenantid\}/i.test(issuer) && provider !== 'entra-id') {
    throw new ConfigurationError('not_an_issuer', `issuer ${issuer} has a {tenantid} placeholder, which only Entra ID multi-tenant issuers have (set provider: 'entra-id')`);
  }

  let entra: EntraPolicy | undefined;
  let discoveryUrls: string[] | undefined;
  if (provider === 'entra-id') {
    entra = readEntraPolicy(options, issuer);
    discoveryUrls = entraDiscoveryUrls(issuer);
  } else if (provider === 'keycloak') {
    const realm = keycloakRealmOf(issuer);
    if (!realm || realm.endpoint !== undefined) {
      throw new ConfigurationError(
        'not_an_issuer',
        `issuer ${issuer} is not a Keycloak realm issuer; configure https://<host>[/auth]/realms/<realm> (the issuer of the realm's discovery document)`,
      );
    }
  }
  const policy: ProviderPolicy = { issuer, provider, entra, discoveryUrls, clientClaims, kindClaims: kindClaimsOf(provider) };
  for (const audience of audiences ?? []) {
    const foreign = foreignAudience(audience, policy);
    if (foreign) throw new ConfigurationError('invalid_option', `audience ${quote(audience)} is ${foreign.what}, not this API: ${foreign.fix}`);
  }
  return policy;
}

/** The provider's own API (or default audience) an audience names, for this issuer's provider only. */
function foreignAudience(audience: string, policy: ProviderPolicy): ForeignAudience | undefined {
  if (policy.provider === undefined) return undefined;
  if (policy.provider === 'keycloak' && audience === KEYCLOAK_DEFAULT_AUDIENCE) return KEYCLOAK_ACCOUNT;
  const match = foreignAudienceOf(audience, { issuerOrigin: policy.issuer });
  if (!match || match.provider !== policy.provider) return undefined;
  const advice = providerProfile(match.provider).advice.foreignToken;
  return {
    code: 'foreign_token',
    what: match.audience.api,
    fix: advice === undefined ? 'only the provider can validate it; request an access token for this API' : advice.replaceAll('{{api}}', match.audience.api),
  };
}

function providerOf(configured: unknown, issuer: string): TokenProvider | undefined {
  if (configured !== undefined) {
    if (!(TOKEN_PROVIDERS as readonly unknown[]).includes(configured)) {
      throw new ConfigurationError('invalid_option', `provider must be one of ${TOKEN_PROVIDERS.join(', ')}, not ${quote(configured)}`);
    }
    return configured as TokenProvider;
  }
  const provider = providerOfIssuer(issuer);
  return provider !== undefined && (TOKEN_PROVIDERS as readonly string[]).includes(provider) ? (provider as TokenProvider) : undefined;
}

function readEntraPolicy(options: ProviderOptions, issuer: string): EntraPolicy {
  const parsed = parseEntraIssuer(issuer);
  if (!parsed) {
    throw new ConfigurationError(
      'not_an_issuer',
      `issuer ${issuer} is not an Entra ID issuer: v2 issuers are https://login.microsoftonline.com/<tenant id>/v2.0, v1 issuers https://sts.windows.net/<tenant id>/`,
    );
  }
  if (parsed.multiTenant) {
    const tenantIds = options.tenantId === undefined ? undefined : checkStringList(options.tenantId, 'tenantId', true);
    for (const tenantId of tenantIds ?? []) {
      if (!ENTRA_TENANT_ID.test(tenantId)) throw new ConfigurationError('invalid_option', `tenantId ${quote(tenantId)} is not a tenant id (a GUID)`);
    }
    return { issuer: parsed, template: issuer, tenantIds: tenantIds?.map((id) => id.toLowerCase()) };
  }
  if (!ENTRA_TENANT_ID.test(parsed.tenant)) {
    const multi = ['common', 'organizations', 'consumers'].includes(parsed.tenant.toLowerCase());
    throw new ConfigurationError(
      'not_an_issuer',
      multi
        ? `issuer ${issuer} names the ${parsed.tenant} endpoint, which no token carries as iss; for a multi-tenant API configure ` +
            `issuer ${issuer.replace(parsed.tenant, '{tenantid}')} (and tenantId to list the tenants you accept)`
        : `issuer ${issuer} names the tenant ${quote(parsed.tenant)} by alias; tokens carry its tenant id (a GUID): ` +
            'take the issuer from the tenant\'s discovery document',
    );
  }
  if (options.tenantId !== undefined) {
    throw new ConfigurationError('invalid_option', `tenantId is for a multi-tenant issuer ({tenantid}); issuer ${issuer} already names its tenant`);
  }
  return { issuer: parsed, template: undefined, tenantIds: [parsed.tenant.toLowerCase()] };
}

/** Header checks of the provider, before any key is looked up. */
export function checkProviderHeader(header: Record<string, unknown>): void {
  // Only Microsoft Graph tokens carry a header nonce; they fail any signature check but Graph's by design.
  if (header[GRAPH_HEADER_NONCE] !== undefined) {
    throw new TokenValidationError(
      'foreign_token',
      `the token header carries a nonce, as Microsoft Graph access tokens do: the token is for Graph, which alone can validate it. ${graphAdvice()}`,
      GRAPH_HEADER_NONCE,
    );
  }
}

function graphAdvice(): string {
  const api = 'Microsoft Graph';
  return providerProfile('entra-id').advice.foreignToken?.replaceAll('{{api}}', api) ?? 'Request an access token for this API.';
}

/** `iss` against the configured issuer; for Entra, against the tenant too. */
export function checkIssuerClaim(claims: Record<string, unknown>, issuer: string, policy: ProviderPolicy): void {
  const { iss } = claims;
  if (typeof iss !== 'string') throw missing('iss');
  const { entra } = policy;
  if (!entra) {
    if (iss !== issuer) throw issuerMismatch(iss, issuer, policy);
    return;
  }
  const tid = claims[ENTRA_TENANT_CLAIM];
  if (typeof tid !== 'string' || !ENTRA_TENANT_ID.test(tid)) throw missing(ENTRA_TENANT_CLAIM);
  // A multi-tenant issuer is a template: the token must carry exactly the issuer of the tenant it names.
  const expected = entra.template === undefined ? issuer : entraTenantIssuer(entra.template, tid);
  if (iss !== expected) throw issuerMismatch(iss, expected, policy);
  if (entra.tenantIds && !entra.tenantIds.includes(tid.toLowerCase())) {
    throw new TokenValidationError('tenant_mismatch', `tid ${quote(tid)} is not one of the accepted tenants`, ENTRA_TENANT_CLAIM);
  }
}

function issuerMismatch(iss: string, expected: string, policy: ProviderPolicy): TokenValidationError {
  let hint = '';
  if (policy.entra) {
    const parsed = parseEntraIssuer(iss);
    if (parsed && parsed.version !== policy.entra.issuer.version) {
      hint =
        ` (it is a ${parsed.version} token: the API's app registration sets the version of the tokens it receives ` +
        `(accessTokenAcceptedVersion); configure the ${parsed.version} issuer, ${entraSiblingIssuer(policy.entra.issuer)} for this tenant, or change the manifest)`;
    }
  } else if (policy.provider === 'keycloak') {
    const theirs = keycloakRealmOf(iss);
    if (theirs) hint = ` (a token of realm ${quote(theirs.realm)})`;
  }
  return new TokenValidationError('issuer_mismatch', `iss ${quote(iss)} is not the configured issuer ${quote(expected)}${hint}`, 'iss');
}

/** Whether `aud` equal to a configured client id is by itself the mark of an ID token (not for Entra: v2 access tokens carry the API's app id). */
export function audienceClientIdMeansIdToken(policy: ProviderPolicy): boolean {
  return policy.provider === undefined || providerProfile(policy.provider).clientIdAudienceMeansIdToken;
}

/** ID tokens (and other non-access tokens) in each provider's own marking. */
export function rejectProviderNonAccessToken(claims: Record<string, unknown>, policy: ProviderPolicy): void {
  if (policy.provider === 'entra-id' && !ENTRA_ACCESS_TOKEN_CLAIMS.some((claim) => claims[claim] !== undefined)) {
    throw new TokenValidationError(
      'id_token',
      'the token has neither scp nor roles, as an Entra ID token: send an access token requested for this API\'s scope (api://<app id>/.default)',
      'scp',
    );
  }
  // Keycloak names the kind in a claim (typ: 'ID', 'Bearer'; refresh and logout tokens have their own).
  for (const kind of policy.kindClaims) {
    const value = claims[kind.claim];
    if (value === undefined || value === kind.access) continue;
    const isId = kind.id.includes(value as string);
    throw new TokenValidationError(
      isId ? 'id_token' : 'not_an_access_token',
      `the token says ${kind.claim}: ${quote(value)}, not ${quote(kind.access)}: it is ${isId ? 'an ID token; send the access token' : 'not an access token'}`,
      kind.claim,
    );
  }
}

function kindClaimsOf(provider: TokenProvider | undefined): KindClaim[] {
  const spellings = tokenKindClaims().filter((spelling) => spelling.provider === provider);
  return spellings
    .filter((spelling) => spelling.tokenType === 'access')
    .map((access) => ({
      claim: access.claim,
      access: access.value,
      id: spellings.filter((spelling) => spelling.claim === access.claim && spelling.tokenType === 'id').map((spelling) => spelling.value),
    }));
}

/** The error for a token that names none of the configured audiences: for one of the provider's own APIs, one that says so. */
export function audienceFailure(aud: readonly string[], audiences: readonly string[], policy: ProviderPolicy, raw: unknown): TokenValidationError {
  const foreign = aud.map((value) => foreignAudience(value, policy)).find((found) => found !== undefined);
  if (foreign) {
    return new TokenValidationError(
      foreign.code,
      `aud ${quote(raw)} is ${foreign.what}, not the configured audience ${quote(audiences)}: ${foreign.fix}`,
      'aud',
    );
  }
  return new TokenValidationError('audience_mismatch', `aud ${quote(raw)} does not include the configured audience ${quote(audiences)}`, 'aud');
}

/** The client claim to judge, and its value: the first of the provider's client claims the token carries. */
export function clientClaimOf(claims: Record<string, unknown>, policy: ProviderPolicy): { claim: string; value: unknown } {
  const claim = policy.clientClaims.find((name) => claims[name] !== undefined) ?? policy.clientClaims[0]!;
  return { claim, value: claims[claim] };
}

function missing(claim: string): TokenValidationError {
  return new TokenValidationError('missing_claim', `the token has no ${claim} claim of the expected type`, claim);
}
