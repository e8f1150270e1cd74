/**
 * Tokens for a provider's own APIs verified locally: an expected audience that names Microsoft Graph (or
 * another Microsoft API), the Auth0 userinfo endpoint or the Auth0 Management API. Only the provider may
 * validate those tokens. What `oidc/no-foreign-token-verification` reports.
 */
import { foreignAudienceOf, type ForeignAudienceMatch } from '../knowledge/providers/index.js';
import { describePartialString } from '../knowledge/partial-string.js';
import type { AstNode } from './syntax.js';
import { knownString, possibleStrings } from './values.js';
import type { VerificationAnalysis, VerificationSite } from './verify-sites.js';

export interface ForeignTokenFinding {
  /** The expected audience as the site passes it. */
  readonly node: AstNode;
  readonly site: VerificationSite;
  /** The audience value that names the provider's API, as written (holes as `${NAME}`). */
  readonly audience: string;
  readonly match: ForeignAudienceMatch;
}

export function foreignTokenFindings(analysis: VerificationAnalysis): ForeignTokenFinding[] {
  const findings: ForeignTokenFinding[] = [];
  const atNode = new Set<AstNode>();
  for (const site of analysis.sites()) {
    const maker = site.call.maker;
    const slots = [site.audience, maker ? analysis.slot(maker, maker.api.audience) : undefined];
    const issuerOrigin = knownString(site.issuer?.value);
    for (const slot of slots) {
      if (!slot || atNode.has(slot.node)) continue;
      for (const parts of possibleStrings(slot.value)) {
        const match = foreignAudienceOf(parts, issuerOrigin === undefined ? {} : { issuerOrigin });
        if (!match) continue;
        atNode.add(slot.node);
        findings.push({ node: slot.node, site, audience: describePartialString(parts), match });
        break;
      }
    }
  }
  return findings;
}
