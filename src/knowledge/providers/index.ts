/**
 * Provider profiles: what rules, codemods and the runtime know of each identity provider (issuers, keys
 * URLs, audiences that belong to the provider's own APIs, how each SDK spells an ID token, how keys get
 * pinned), in one place. Okta's URL rules stay in ../issuers.ts, which this module re-exports for callers
 * that predate the profiles.
 */
import { classifyIssuer, urlPartsOf, type IssuerShape } from '../issuers.js';
import { isHole, normalizePartialString, type PartialString } from '../partial-string.js';
import type { TokenType } from '../tokens.js';
import { auth0 } from './auth0.js';
import { cognito } from './cognito.js';
import { entra } from './entra.js';
import { google } from './google.js';
import { keycloak } from './keycloak.js';
import { okta } from './okta.js';
import type { AccessTokenTwin, ForeignAudience, ProviderId, ProviderProfile, ProviderUrlMatch, TokenSpelling, UrlParts } from './profile.js';

export type * from './profile.js';
export { auth0, cognito, entra, google, keycloak, okta };
export * from '../issuers.js';

/** Every profile, Okta first. */
export const PROVIDERS: readonly ProviderProfile[] = [okta, entra, auth0, cognito, keycloak, google];

const byId = new Map<ProviderId, ProviderProfile>(PROVIDERS.map((profile) => [profile.id, profile]));

export function providerProfile(id: ProviderId): ProviderProfile {
  return byId.get(id)!;
}

/** Which provider (and which part of it) a URL, or a URL only partly known, belongs to. */
export function providerOfUrl(url: string | PartialString): ProviderUrlMatch | undefined {
  const parts = urlPartsOf(url);
  return parts ? providerOfUrlParts(parts) : undefined;
}

export function providerOfUrlParts(parts: UrlParts): ProviderUrlMatch | undefined {
  for (const profile of PROVIDERS) {
    const match = profile.matchUrl(parts);
    if (match) return match;
  }
  return undefined;
}

/** The provider an issuer shape (from classifyIssuer) names, if any. */
export function providerOfIssuerShape(shape: IssuerShape): ProviderId | undefined {
  switch (shape.kind) {
    case 'okta-org':
    case 'okta-custom':
    case 'okta-malformed':
      return 'okta';
    case 'other-provider':
      return shape.provider;
    default:
      return undefined;
  }
}

/** The provider a variable or setting name speaks of (`AZURE_CLIENT_ID`, `auth0Audience`), if exactly one. */
export function providerOfName(name: string): ProviderId | undefined {
  const matches = PROVIDERS.filter((profile) => profile.nameHint.test(name));
  return matches.length === 1 ? matches[0]!.id : undefined;
}

export interface ForeignAudienceMatch {
  readonly provider: ProviderId;
  readonly audience: ForeignAudience;
}

function normalizeAudience(text: string): string {
  return text.trim().toLowerCase().replace(/\/\.default$/, '').replace(/\/+$/, '');
}

const foreignValues = new Map<string, ForeignAudienceMatch>();
for (const profile of PROVIDERS) {
  for (const audience of profile.foreignAudiences) {
    for (const value of audience.values ?? []) foreignValues.set(normalizeAudience(value), { provider: profile.id, audience });
  }
}

/**
 * Whether an expected audience names one of a provider's own APIs (Microsoft Graph, the Auth0 Management API):
 * tokens for it are the provider's to check. Partly known URLs count when their host is the provider's or
 * comes from a variable named for it (`https://${AUTH0_DOMAIN}/api/v2/`), or is the issuer's origin.
 */
export function foreignAudienceOf(audience: string | PartialString, options: { readonly issuerOrigin?: string } = {}): ForeignAudienceMatch | undefined {
  const parts = normalizePartialString(typeof audience === 'string' ? [audience] : audience);
  if (parts.length === 1 && typeof parts[0] === 'string') {
    const exact = foreignValues.get(normalizeAudience(parts[0]));
    if (exact) return exact;
  }
  if (parts.length === 0) return undefined;
  const url = urlPartsOf(parts);
  if (!url) return undefined;
  const path = url.path.map((segment) => (isHole(segment) ? undefined : segment));
  for (const profile of PROVIDERS) {
    for (const foreign of profile.foreignAudiences) {
      if (!foreign.path || foreign.path.length !== path.length || !foreign.path.every((segment, index) => segment === path[index])) continue;
      const onHost = profile.matchUrl({ ...url, path: [] }) !== undefined || (url.host === undefined && url.hostHints.some((hint) => profile.nameHint.test(hint)));
      const sameOrigin = options.issuerOrigin !== undefined && url.host !== undefined && originOf(options.issuerOrigin) === url.host;
      if (onHost || sameOrigin) return { provider: profile.id, audience: foreign };
    }
  }
  return undefined;
}

function originOf(url: string): string | undefined {
  return urlPartsOf(url)?.host;
}

/** The spellings of each kind across providers, with the providers that use them. */
export function tokenSpellings<K extends TokenSpelling['kind']>(kind: K): (Extract<TokenSpelling, { kind: K }> & { provider: ProviderId })[] {
  return PROVIDERS.flatMap((profile) =>
    profile.tokenSpellings.filter((spelling): spelling is Extract<TokenSpelling, { kind: K }> => spelling.kind === kind).map((spelling) => ({ ...spelling, provider: profile.id })),
  );
}

/** Members whose value is a raw token wherever they are read (`claims.__raw`), by name. */
export const RAW_TOKEN_MEMBERS: ReadonlyMap<string, { tokenType: TokenType; provider: ProviderId }> = new Map(
  tokenSpellings('raw-member').map((spelling) => [spelling.member, { tokenType: spelling.tokenType, provider: spelling.provider }]),
);

/** `getIdToken` -> `getJwtToken`: getters whose result gives its token through a string method. */
export function tokenOfGetterChain(getter: string, stringMethod: string): { tokenType: TokenType; provider: ProviderId } | undefined {
  const spelling = tokenSpellings('getter-then-string').find((candidate) => candidate.getter === getter && candidate.toString === stringMethod);
  return spelling ? { tokenType: spelling.tokenType, provider: spelling.provider } : undefined;
}

/** The verifier options that choose the kind of token (`tokenUse` of aws-jwt-verify), per module. */
export function tokenKindOption(module: string): { option: string; values: ReadonlyMap<string, TokenType>; provider: ProviderId } | undefined {
  const spellings = tokenSpellings('verifier-option').filter((spelling) => spelling.module === module);
  if (spellings.length === 0) return undefined;
  return { option: spellings[0]!.option, values: new Map(spellings.map((spelling) => [spelling.value, spelling.tokenType])), provider: spellings[0]!.provider };
}

/** Claims whose value names the kind of token (`typ: 'ID'` with Keycloak). */
export function tokenKindClaims(): readonly (Extract<TokenSpelling, { kind: 'claim-value' }> & { provider: ProviderId })[] {
  return tokenSpellings('claim-value');
}

/** The adapter options that take a pinned realm key (`realm-public-key`), per module. */
export function adapterKeyOptions(module: string): { options: readonly string[]; configFile?: string; provider: ProviderId } | undefined {
  for (const profile of PROVIDERS) {
    for (const pinned of profile.pinnedKeys) {
      if (pinned.kind === 'adapter-option' && pinned.module === module) {
        return { options: pinned.options, ...(pinned.configFile ? { configFile: pinned.configFile } : {}), provider: profile.id };
      }
    }
  }
  return undefined;
}

/** The provider of an issuer or keys URL: classifyIssuer's answer, as a profile id. */
export function providerOfIssuer(url: string | PartialString): ProviderId | undefined {
  return providerOfIssuerShape(classifyIssuer(url)) ?? providerOfUrl(url)?.provider;
}

/** The access-token twins of one kind across providers, with the providers that use them. */
export function accessTokenTwins<K extends AccessTokenTwin['kind']>(kind: K): (Extract<AccessTokenTwin, { kind: K }> & { provider: ProviderId })[] {
  return PROVIDERS.flatMap((profile) =>
    (profile.accessTokenTwins ?? []).filter((twin): twin is Extract<AccessTokenTwin, { kind: K }> => twin.kind === kind).map((twin) => ({ ...twin, provider: profile.id })),
  );
}
