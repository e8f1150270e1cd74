/**
 * Which identity provider a verification site talks to: told by its issuer, its keys URL, the library
 * (aws-jwt-verify's CognitoJwtVerifier, keycloak-connect), or, failing those, the names its settings come
 * from (`process.env.AZURE_CLIENT_ID`). Rules use it to judge by the provider's profile and to name the
 * provider in their messages.
 */
import { providerOfIssuerShape, providerOfName, providerOfUrl, type ProviderId } from '../knowledge/providers/index.js';
import type { IssuerClassificationOptions } from '../knowledge/issuers.js';
import { issuerFactsOf } from './issuer-facts.js';
import type { ApiCall } from './imports.js';
import type { StaticValue } from './values.js';
import type { SlotFact, VerificationSite } from './verify-sites.js';

/** Libraries that belong to one provider. */
const LIBRARY_PROVIDERS: Readonly<Record<string, ProviderId>> = {
  '@okta/jwt-verifier': 'okta',
  'keycloak-connect': 'keycloak',
  'google-auth-library': 'google',
  'firebase-admin': 'google',
};

export function siteProvider(site: VerificationSite, options: IssuerClassificationOptions = {}): ProviderId | undefined {
  for (const fact of issuerFactsOf(site.issuer?.value, options)) {
    const provider = providerOfIssuerShape(fact.shape);
    if (provider) return provider;
  }
  for (const slot of keysUrlSlots(site)) {
    for (const fact of issuerFactsOf(slot.value, options)) {
      const provider = providerOfIssuerShape(fact.shape);
      if (provider) return provider;
    }
  }
  const byApi = callProvider(site.call);
  if (byApi) return byApi;
  for (const slot of [site.issuer, site.audience, site.clientId, ...keysUrlSlots(site)]) {
    const provider = slot ? providerOfValueNames(slot.value) : undefined;
    if (provider) return provider;
  }
  return undefined;
}

/** The provider an API call belongs to by its library alone (CognitoJwtVerifier and what it makes, keycloak-connect). */
export function callProvider(call: ApiCall): ProviderId | undefined {
  const api = call.maker?.api ?? call.api;
  if (api.id.startsWith('aws-jwt-verify.CognitoJwtVerifier')) return 'cognito';
  return LIBRARY_PROVIDERS[call.api.library];
}

/** The JWKS URL slots of a site: its remote key set, key resolver, or `jwksUri` option. */
export function keysUrlSlots(site: VerificationSite): SlotFact[] {
  const key = site.key;
  const remote = key?.kind === 'remote-jwks' ? key : key?.kind === 'resolver' ? key.remote : undefined;
  return [remote?.url, site.jwksUri].filter((slot): slot is SlotFact => slot !== undefined);
}

/** The provider the names of an unknown value speak of (`process.env.AZURE_AD_AUDIENCE`, `config.auth0.domain`). */
function providerOfValueNames(value: StaticValue): ProviderId | undefined {
  switch (value.kind) {
    case 'unknown':
      return [value.hint, value.path].map((name) => (name ? providerOfName(name) : undefined)).find(Boolean);
    case 'partial-string':
      return value.parts.map((part) => (typeof part === 'string' ? providerOfUrl(part)?.provider : part.hint ? providerOfName(part.hint) : undefined)).find(Boolean);
    case 'either':
    case 'array': {
      const values = value.kind === 'either' ? value.options : value.elements;
      return values.map(providerOfValueNames).find(Boolean);
    }
    default:
      return undefined;
  }
}
