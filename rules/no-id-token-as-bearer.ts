/**
 * oidc/no-id-token-as-bearer: only access tokens grant access to an API. An ID token tells a client who
 * signed in; its audience is that client. An API that accepts ID tokens lets in a token minted for any
 * client of the same issuer, and skips the scopes and policies of the authorization server.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { clientIdInAudience } from '../src/analysis/client-ids.js';
import { typeOracleOf } from '../src/analysis/eslint.js';
import { issuerFactsOf } from '../src/analysis/issuer-facts.js';
import { isCallExpression, isMemberExpression, memberName, stringLiteralValue, unwrap, type AstNode } from '../src/analysis/syntax.js';
import { isRequestToken, tokenSourcesFor, type TokenOrigin, type TokenSourceAnalysis } from '../src/analysis/token-sources.js';
import { knownString } from '../src/analysis/values.js';
import { verificationAnalysisFor, type SlotFact, type VerificationSite } from '../src/analysis/verify-sites.js';
import { createRule } from '../src/create-rule.js';
import { DEFAULT_CUSTOM_AS_AUDIENCE, DEFAULT_CUSTOM_AS_ID } from '../src/knowledge/issuers.js';
import { mentionsKnownModule } from '../src/knowledge/libraries.js';

export type Options = [];

export type MessageIds =
  | 'idTokenFromRequest'
  | 'clientIdAudience'
  | 'idTokenSent'
  | 'verifyAccessToken'
  | 'verifyAccessTokenForAudience'
  | 'sendAccessToken';

/** What the API's audience placeholder says where configuration does not tell it. */
const AUDIENCE_PLACEHOLDER = '<your API audience>';

export default createRule<Options, MessageIds>({
  name: 'no-id-token-as-bearer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ID tokens as API credentials, on the server that accepts them and on the client that sends them',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      idTokenFromRequest:
        'verifyIdToken checks a token taken from the request: an ID token is being used as an API credential, and any client of the same issuer could present one. Accept access tokens, verified with the API\'s audience.',
      clientIdAudience:
        "The expected audience '{{audience}}' is a client id, the audience of ID tokens: an ID token is being used as an API credential. Accept access tokens, with the API's own audience (such as 'api://default').",
      idTokenSent:
        'An ID token is sent as the bearer credential of an API call. ID tokens tell the client who signed in; send the access token, which the API verifies with its own audience.',
      verifyAccessToken: "Verify an access token for the audience '{{audience}}' instead.",
      verifyAccessTokenForAudience: "Verify an access token instead, and replace '<your API audience>' with the audience your authorization server gives this API.",
      sendAccessToken: 'Send the access token instead ({{replacement}}).',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    const serverCandidate = mentionsKnownModule(text);
    const clientCandidate = /bearer/i.test(text);
    if (!serverCandidate && !clientCandidate) return {};

    return {
      Program(program) {
        const root = program as unknown as AstNode;
        const tokens = tokenSourcesFor(root);
        const reported = new Set<AstNode>();
        const report = (node: AstNode, descriptor: Omit<TSESLint.ReportDescriptor<MessageIds>, 'node'>) => {
          if (reported.has(node)) return;
          reported.add(node);
          context.report({ ...descriptor, node: node as unknown as TSESTree.Node } as TSESLint.ReportDescriptor<MessageIds>);
        };

        if (serverCandidate) {
          const analysis = verificationAnalysisFor(root, typeOracleOf(context));
          for (const site of analysis.sites()) {
            if (!readsRequestToken(site, tokens)) continue;
            if (site.tokenKind === 'id') {
              report(site.call.node.callee as AstNode, {
                messageId: 'idTokenFromRequest',
                suggest: verifyAccessTokenSuggestion(site, sourceCode),
              });
              continue;
            }
            // The call's audience, and the one its verifier was made with (`assertClaims: { aud }`).
            const maker = site.call.maker;
            const audiences = [site.audience, maker ? analysis.slot(maker, maker.api.audience) : undefined];
            for (const audience of audiences) {
              const clientId = clientIdInAudience(audience?.value);
              if (!clientId || !audience) continue;
              report(audience.node, {
                messageId: 'clientIdAudience',
                data: { audience: clientId.text },
                suggest: apiAudienceSuggestion(site, audience),
              });
            }
          }
        }

        if (clientCandidate) {
          for (const header of tokens.bearerHeaderValues()) {
            if (!('tokenType' in header.origin) || header.origin.tokenType !== 'id') continue;
            report(header.token, { messageId: 'idTokenSent', suggest: sendAccessTokenSuggestion(header.token, header.origin, sourceCode) });
          }
        }
      },
    };
  },
});

/** The token comes from the request: a verify call on a request token, or middleware that reads the bearer header. */
function readsRequestToken(site: VerificationSite, tokens: TokenSourceAnalysis): boolean {
  if (site.token) return isRequestToken(tokens.originOf(site.token));
  if (site.tokenFrom) return isRequestToken(tokens.originOf(site.tokenFrom.node));
  return site.role === 'verifier' && site.readsBearerHeader;
}

/** The API audience that configuration shows: the default custom server's, when that is the issuer. */
function knownApiAudience(site: VerificationSite): string | undefined {
  const facts = issuerFactsOf(site.issuer?.value);
  const isDefaultServer = facts.length > 0 && facts.every((fact) => fact.shape.kind === 'okta-custom' && fact.shape.authorizationServerId === DEFAULT_CUSTOM_AS_ID);
  return isDefaultServer ? DEFAULT_CUSTOM_AS_AUDIENCE : undefined;
}

/** `verifier.verifyIdToken(token, clientId, nonce)` -> `verifier.verifyAccessToken(token, <audience>)`. */
function verifyAccessTokenSuggestion(
  site: VerificationSite,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const call = site.call.node;
  const callee = unwrap(call.callee as AstNode);
  const token = site.token;
  if (!isMemberExpression(callee) || memberName(callee) !== 'verifyIdToken' || callee.computed || !token) return [];
  const audience = knownApiAudience(site);
  const receiver = sourceCode.getText(callee.object as unknown as TSESTree.Node);
  const tokenText = sourceCode.getText(token as unknown as TSESTree.Node);
  const replacement = `${receiver}.verifyAccessToken(${tokenText}, '${audience ?? AUDIENCE_PLACEHOLDER}')`;
  return [
    {
      messageId: audience ? 'verifyAccessToken' : 'verifyAccessTokenForAudience',
      ...(audience ? { data: { audience } } : {}),
      fix: (fixer) => fixer.replaceText(call as unknown as TSESTree.Node, replacement),
    },
  ];
}

/** A client-id audience -> the default custom server's audience, when the issuer is that server. */
function apiAudienceSuggestion(site: VerificationSite, slot: SlotFact): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const audience = knownApiAudience(site);
  const node = slot.node;
  if (!audience || knownString(slot.value) === audience) return [];
  return [
    {
      messageId: 'verifyAccessToken',
      data: { audience },
      fix: (fixer) => fixer.replaceText(node as unknown as TSESTree.Node, `'${audience}'`),
    },
  ];
}

/** `getIdToken()` -> `getAccessToken()`, `x.idToken.idToken` -> `x.accessToken.accessToken`, `get('idToken')` -> `get('accessToken')`. */
function sendAccessTokenSuggestion(
  token: AstNode,
  origin: TokenOrigin,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  if (origin.kind !== 'sdk' || origin.node !== unwrap(token)) return [];
  const node = origin.node;
  const original = sourceCode.getText(node as unknown as TSESTree.Node);
  let replacement: string | undefined;
  if (isCallExpression(node)) {
    const callee = unwrap(node.callee as AstNode);
    if (isMemberExpression(callee) && memberName(callee) === 'getIdToken' && !callee.computed) {
      replacement = original.replace(/\bgetIdToken(\s*)\(/, 'getAccessToken$1(');
    }
  } else if (isMemberExpression(node) && memberName(node) === 'idToken') {
    const object = unwrap(node.object as AstNode);
    if (isMemberExpression(object) && memberName(object) === 'idToken' && !object.computed && !node.computed) {
      replacement = original.replace(/\.idToken(\??\.)idToken$/, '.accessToken$1accessToken');
    } else if (isCallOrAwaitOfTokenManagerGet(object)) {
      replacement = original.replace(/(['"`])idToken\1/, '$1accessToken$1').replace(/\.idToken$/, '.accessToken');
    }
  }
  if (!replacement || replacement === original) return [];
  return [
    {
      messageId: 'sendAccessToken',
      data: { replacement },
      fix: (fixer) => fixer.replaceText(node as unknown as TSESTree.Node, replacement),
    },
  ];
}

function isCallOrAwaitOfTokenManagerGet(node: AstNode): boolean {
  const inner = node.type === 'AwaitExpression' ? unwrap(node.argument as AstNode) : node;
  if (!isCallExpression(inner)) return false;
  const callee = unwrap(inner.callee as AstNode);
  return isMemberExpression(callee) && memberName(callee) === 'get' && stringLiteralValue((inner.arguments as AstNode[])[0]) === 'idToken';
}
