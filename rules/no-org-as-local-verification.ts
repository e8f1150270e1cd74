/**
 * oidc/no-org-as-local-verification: access tokens of an Okta org authorization server are for Okta
 * alone. Their format may change without notice and local validation breaks ("The signature key was not
 * found"): introspect them, or issue them from a custom authorization server.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { clientIdInAudience } from '../src/analysis/client-ids.js';
import { typeOracleOf } from '../src/analysis/eslint.js';
import type { FileIndex } from '../src/analysis/file-index.js';
import { issuerFactsOf, type IssuerFact } from '../src/analysis/issuer-facts.js';
import { unwrap, type AstNode } from '../src/analysis/syntax.js';
import { tokenSourcesFor } from '../src/analysis/token-sources.js';
import { verificationAnalysisFor, type SlotFact, type VerificationAnalysis, type VerificationSite } from '../src/analysis/verify-sites.js';
import { createRule } from '../src/create-rule.js';
import {
  customAuthorizationServerIssuer,
  DEFAULT_CUSTOM_AS_AUDIENCE,
  type IssuerClassificationOptions,
  type MalformedIssuerProblem,
} from '../src/knowledge/issuers.js';
import { mentionsKnownModule } from '../src/knowledge/libraries.js';

export type Options = [
  {
    orgIssuers?: string[];
  },
];

export type MessageIds = 'orgIssuer' | 'orgKeys' | 'orgAudience' | 'malformedIssuer' | 'useCustomAuthorizationServer';

const PROBLEMS: Record<MalformedIssuerProblem, string> = {
  'missing-server-id': '/oauth2 needs an authorization server id, such as /oauth2/default',
  'admin-host': 'the -admin host serves the Admin Console, not tokens',
  placeholder: 'a placeholder was never filled in',
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
    if (!mentionsKnownModule(sourceCode.text)) return {};
    const classification: IssuerClassificationOptions = { orgIssuers: options.orgIssuers ?? [] };

    return {
      Program(program) {
        const root = program as unknown as AstNode;
        const analysis = verificationAnalysisFor(root, typeOracleOf(context));
        const index = analysis.resolver.index;
        const tokens = tokenSourcesFor(root);
        const reported = new Set<AstNode>();
        const report = (node: AstNode, descriptor: Omit<TSESLint.ReportDescriptor<MessageIds>, 'node'>) => {
          if (reported.has(node)) return;
          reported.add(node);
          context.report({ ...descriptor, node: node as unknown as TSESTree.Node } as TSESLint.ReportDescriptor<MessageIds>);
        };

        const sites = analysis.sites();
        for (const site of sites) {
          const issuerFacts = issuerFactsOf(site.issuer?.value, classification);
          for (const fact of issuerFacts) {
            if (fact.shape.kind === 'okta-malformed') {
              report(site.issuer!.node, { messageId: 'malformedIssuer', data: { issuer: fact.text, problem: PROBLEMS[fact.shape.problem] } });
            }
          }
          if (!checksAccessTokens(site, sites, index, tokens, analysis)) continue;

          const orgIssuer = issuerFacts.find((fact) => fact.shape.kind === 'okta-org' && fact.shape.endpoint === undefined);
          const keysUrl = orgKeysFact(site, classification);
          const audience = issuerFactsOf(site.audience?.value, classification).find(
            (fact) => fact.shape.kind === 'okta-org' && fact.shape.endpoint === undefined && fact.node !== undefined,
          );
          const anchor = orgIssuer ?? keysUrl?.fact;
          const customIssuer = customIssuerText(anchor ?? audience);
          const suggest = customServerSuggestion(sourceCode, customIssuer, orgIssuer, keysUrl?.fact, audience);

          if (orgIssuer && site.issuer) {
            report(site.issuer.node, { messageId: 'orgIssuer', data: { issuer: orgIssuer.text, customIssuer }, suggest });
          } else if (keysUrl) {
            report(urlArgument(keysUrl.slot.node), { messageId: 'orgKeys', data: { url: keysUrl.fact.text, customIssuer }, suggest });
          } else if (audience && site.audience) {
            report(site.audience.node, { messageId: 'orgAudience', data: { audience: audience.text }, suggest });
          }
        }

        // Sign-in clients may use the org server, but not a malformed issuer.
        for (const call of analysis.resolver.apiCalls()) {
          if (call.api.role !== 'sign-in-client' || !call.api.issuer) continue;
          const issuer = analysis.slot(call, call.api.issuer);
          for (const fact of issuerFactsOf(issuer?.value, classification)) {
            if (fact.shape.kind === 'okta-malformed' && issuer) {
              report(issuer.node, { messageId: 'malformedIssuer', data: { issuer: fact.text, problem: PROBLEMS[fact.shape.problem] } });
            }
          }
        }
      },
    };
  },
});

/**
 * Whether the site checks access tokens: not `verifyIdToken`, not a token evidently an ID token (from a
 * token response, an SDK, a variable so named), not an audience that is a client id (ID tokens carry the
 * client id as audience). An `OktaJwtVerifier` counts through the methods called on it here, or when it
 * is exported for others to use.
 */
function checksAccessTokens(
  site: VerificationSite,
  sites: readonly VerificationSite[],
  index: FileIndex,
  tokens: ReturnType<typeof tokenSourcesFor>,
  analysis: VerificationAnalysis,
): boolean {
  if (site.tokenKind === 'id') return false;
  if (clientIdInAudience(site.audience?.value)) return false;
  if (site.token) {
    const origin = tokens.originOf(site.token);
    if ('tokenType' in origin && origin.tokenType === 'id') return false;
  }
  if (site.role === 'verifier' && site.library === '@okta/jwt-verifier') {
    const methods = sites.filter((other) => other.call.maker?.node === site.call.node);
    if (methods.length > 0) return false; // Judged at each method call instead.
    const declarator = index.parentOf(site.call.node);
    const binding = declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier' ? index.resolve(declarator.id as AstNode) : undefined;
    return !!binding && index.isExported(binding) && !usedOnlyForIdTokens(binding, analysis);
  }
  return true;
}

function usedOnlyForIdTokens(binding: Parameters<FileIndex['referencesOf']>[0], analysis: VerificationAnalysis): boolean {
  const index = analysis.resolver.index;
  const methods = index
    .referencesOf(binding)
    .map((reference) => index.parentOf(reference))
    .filter((parent): parent is AstNode => !!parent && parent.type === 'MemberExpression')
    .map((member) => (member.property as AstNode).name as string | undefined);
  return methods.length > 0 && methods.every((method) => method === 'verifyIdToken');
}

/** The org keys URL a site's key set, resolver or `jwksUri` option fetches from. */
function orgKeysFact(site: VerificationSite, options: IssuerClassificationOptions): { fact: IssuerFact; slot: SlotFact } | undefined {
  const key = site.key;
  const remote = key?.kind === 'remote-jwks' ? key : key?.kind === 'resolver' ? key.remote : undefined;
  const candidates = [remote?.url, site.jwksUri].filter((slot): slot is SlotFact => slot !== undefined);
  for (const slot of candidates) {
    const fact = issuerFactsOf(slot.value, options).find((candidate) => candidate.shape.kind === 'okta-org' && candidate.shape.endpoint === 'keys');
    if (fact) return { fact, slot };
  }
  return undefined;
}

/** `new URL(x)` is reported at `x`, the text the user wrote. */
function urlArgument(node: AstNode): AstNode {
  const inner = unwrap(node);
  if (inner.type === 'NewExpression' && inner.callee.type === 'Identifier' && inner.callee.name === 'URL' && inner.arguments.length === 1) {
    return inner.arguments[0] as AstNode;
  }
  return node;
}

function customIssuerText(fact: IssuerFact | undefined): string {
  if (!fact) return '<org>/oauth2/default';
  if ('origin' in fact.shape && fact.shape.origin) return customAuthorizationServerIssuer(fact.shape.origin);
  const text = fact.text.replace(/\/oauth2\/v1\/.*$/, '').replace(/\/+$/, '');
  return customAuthorizationServerIssuer(text);
}

/** Rewrites the literal that wrote an org URL so that it names the default custom authorization server. */
function customServerSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  customIssuer: string,
  issuer: IssuerFact | undefined,
  keys: IssuerFact | undefined,
  audience: IssuerFact | undefined,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const edits: { node: AstNode; text: string }[] = [];
  const literalText = (node: AstNode | undefined) => (node && isStringOrTemplate(node) ? sourceCode.getText(node as unknown as TSESTree.Node) : undefined);

  const issuerText = literalText(issuer?.node);
  if (issuer && issuerText !== undefined) {
    edits.push({ node: issuer.node!, text: issuerText.replace(/\/*(['"`])$/, '/oauth2/default$1') });
  }
  const keysText = literalText(keys?.node);
  if (keys && keysText !== undefined && keysText.includes('/oauth2/v1/')) {
    edits.push({ node: keys.node!, text: keysText.replace('/oauth2/v1/', '/oauth2/default/v1/') });
  }
  const audienceText = literalText(audience?.node);
  if (audience && audienceText !== undefined && audience.node !== issuer?.node) {
    edits.push({ node: audience.node!, text: `${audienceText[0] === '`' ? "'" : audienceText[0]}${DEFAULT_CUSTOM_AS_AUDIENCE}${audienceText[0] === '`' ? "'" : audienceText[0]}` });
  }
  // Without an edit to the issuer or the keys, the tokens would still come from the org server.
  if (!edits.some((edit) => edit.node === issuer?.node || edit.node === keys?.node)) return [];
  const unique = [...new Map(edits.map((edit) => [edit.node, edit])).values()];
  return [
    {
      messageId: 'useCustomAuthorizationServer',
      data: { customIssuer },
      fix: (fixer) => unique.map((edit) => fixer.replaceText(edit.node as unknown as TSESTree.Node, edit.text)),
    },
  ];
}

function isStringOrTemplate(node: AstNode): boolean {
  return node.type === 'TemplateLiteral' || node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string');
}
