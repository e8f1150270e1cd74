/**
 * oidc/no-org-as-local-verification: access tokens of an Okta org authorization server are for Okta
 * alone. Their format may change without notice and local validation breaks ("The signature key was not
 * found"): introspect them, or issue them from a custom authorization server.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { textFactsOf, valueOracleOf } from '../src/analysis/eslint.js';
import { orgServerFindings, type OrgServerFinding } from '../src/analysis/org-server-use.js';
import type { AstNode } from '../src/analysis/syntax.js';
import { tokenSourcesFor } from '../src/analysis/token-sources.js';
import { verificationAnalysisFor } from '../src/analysis/verify-sites.js';
import { createRule } from '../src/create-rule.js';
import type { MalformedIssuerProblem } from '../src/knowledge/issuers.js';
import { fixerFor } from './fix/edits.js';

export type Options = [
  {
    orgIssuers?: string[];
  },
];

export type MessageIds = 'orgIssuer' | 'orgKeys' | 'orgAudience' | 'malformedIssuer' | 'useCustomAuthorizationServer';

const PROBLEMS: Record<MalformedIssuerProblem, string> = {
  'missing-server-id': '/oauth2 needs an authorization server id, such as /oauth2/default',
  'admin-host': 'the -admin host serves the Admin Console, not tokens; the org is the same host without -admin',
  placeholder: 'a placeholder was never filled in with your Okta domain',
};

export default createRule<Options, MessageIds>({
  name: 'no-org-as-local-verification',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow local verification of access tokens issued by an Okta org authorization server; introspect them or use a custom authorization server',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      orgIssuer:
        "'{{issuer}}' is an Okta org authorization server: its access tokens are meant for Okta alone and cannot be validated locally. Introspect them at /oauth2/v1/introspect (codemod org-as-introspection), or issue them from a custom authorization server such as '{{customIssuer}}'.",
      orgKeys:
        "'{{url}}' holds the keys of an Okta org authorization server, whose access tokens are meant for Okta alone and cannot be validated locally. Introspect them at /oauth2/v1/introspect (codemod org-as-introspection), or use a custom authorization server such as '{{customIssuer}}'.",
      orgAudience:
        "An expected audience of '{{audience}}' is the mark of an Okta org authorization server's access token, which cannot be validated locally. Introspect it at /oauth2/v1/introspect (codemod org-as-introspection), or use a custom authorization server and its audience ('api://default').",
      malformedIssuer: "'{{issuer}}' is not an Okta issuer: {{problem}}. Sign-in uses the org URL; APIs use a custom authorization server, '<org>/oauth2/<server id>'.",
      useCustomAuthorizationServer: "Use the custom authorization server '{{customIssuer}}' (audience 'api://default').",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          orgIssuers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Issuers of Okta org authorization servers on custom domains, such as "https://login.acme.com".',
          },
        },
      },
    ],
    defaultOptions: [{ orgIssuers: [] }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    if (!textFactsOf(context).mentionsKnownModule) return {};

    return {
      Program(program) {
        const root = program as unknown as AstNode;
        const analysis = verificationAnalysisFor(root, valueOracleOf(context));
        const findings = orgServerFindings(analysis, tokenSourcesFor(root), sourceCode.text, { orgIssuers: options.orgIssuers ?? [] });
        for (const finding of findings) context.report({ node: finding.node as unknown as TSESTree.Node, ...describe(finding) });
      },
    };
  },
});

function describe(finding: OrgServerFinding): Omit<TSESLint.ReportDescriptor<MessageIds>, 'node' | 'loc'> {
  if (finding.kind === 'malformed-issuer') {
    return { messageId: 'malformedIssuer', data: { issuer: finding.fact.text, problem: PROBLEMS[finding.problem] } };
  }
  const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
    finding.toCustomServer.length > 0
      ? [{ messageId: 'useCustomAuthorizationServer', data: { customIssuer: finding.customIssuer }, fix: fixerFor(finding.toCustomServer) }]
      : [];
  switch (finding.kind) {
    case 'org-issuer':
      return { messageId: 'orgIssuer', data: { issuer: finding.fact.text, customIssuer: finding.customIssuer }, suggest };
    case 'org-keys':
      return { messageId: 'orgKeys', data: { url: finding.fact.text, customIssuer: finding.customIssuer }, suggest };
    case 'org-audience':
      return { messageId: 'orgAudience', data: { audience: finding.fact.text }, suggest };
  }
}
