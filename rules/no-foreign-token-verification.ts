/**
 * oidc/no-foreign-token-verification: tokens issued for an identity provider's own APIs (Microsoft Graph and
 * other Microsoft APIs, the Auth0 userinfo endpoint and Management API) are for that API alone. Validating
 * them locally fails by design (Graph tokens) or accepts tokens meant for someone else; an API accepts
 * tokens issued for its own audience.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { textFactsOf, valueOracleOf } from '../src/analysis/eslint.js';
import { foreignTokenFindings } from '../src/analysis/foreign-tokens.js';
import type { AstNode } from '../src/analysis/syntax.js';
import { verificationAnalysisFor } from '../src/analysis/verify-sites.js';
import { createRule } from '../src/create-rule.js';
import { providerProfile } from '../src/knowledge/providers/index.js';

export type Options = [];

export type MessageIds = 'foreignAudience';

export default createRule<Options, MessageIds>({
  name: 'no-foreign-token-verification',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow local verification of tokens issued for an identity provider's own APIs (Microsoft Graph, Auth0 userinfo and Management API); accept tokens for your API's audience",
      recommended: 'recommended',
    },
    messages: {
      foreignAudience: "The expected audience '{{audience}}' is {{api}}: such tokens are for {{provider}} and that API alone, not for this code to validate. {{advice}}",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    if (!textFactsOf(context).mentionsKnownModule) return {};
    return {
      Program(program) {
        const analysis = verificationAnalysisFor(program as unknown as AstNode, valueOracleOf(context));
        for (const finding of foreignTokenFindings(analysis)) {
          const profile = providerProfile(finding.match.provider);
          const api = finding.match.audience.api;
          context.report({
            node: finding.node as unknown as TSESTree.Node,
            messageId: 'foreignAudience',
            data: { audience: finding.audience, api, provider: profile.name, advice: (profile.advice.foreignToken ?? '').replaceAll('{{api}}', api) },
          });
        }
      },
    };
  },
});
