/**
 * oidc/no-id-token-as-bearer: only access tokens grant access to an API. An ID token tells a client who
 * signed in; its audience is that client. An API that accepts ID tokens lets in a token minted for any
 * client of the same issuer, and skips the scopes and policies of the authorization server.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { textFactsOf, valueOracleOf } from '../src/analysis/eslint.js';
import { idTokenFindings, type IdTokenFinding } from '../src/analysis/id-token-use.js';
import { rangeOf, type AstNode } from '../src/analysis/syntax.js';
import { tokenSourcesFor } from '../src/analysis/token-sources.js';
import { verificationAnalysisFor } from '../src/analysis/verify-sites.js';
import { createRule } from '../src/create-rule.js';
import { providerProfile } from '../src/knowledge/providers/index.js';
import { fixerFor } from './fix/edits.js';

export type Options = [];

export type MessageIds =
  | 'idTokenFromRequest'
  | 'clientIdAudience'
  | 'clientIdAudienceCognito'
  | 'idTokenSent'
  | 'providerIdTokenSent'
  | 'providerClientIdAudience'
  | 'idTokenVerifierOption'
  | 'idTokenClaimCheck'
  | 'verifyAccessToken'
  | 'verifyAccessTokenForAudience'
  | 'sendAccessToken';

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
        "verifyIdToken checks a token taken from the request: an ID token is being used as an API credential, and any client of the same issuer could present one. Accept access tokens, verified with the API's audience.",
      clientIdAudience:
        "The expected audience '{{audience}}' is a client id, the audience of ID tokens: an ID token is being used as an API credential. Accept access tokens, with the API's own audience (such as 'api://default').",
      clientIdAudienceCognito:
        "The expected audience '{{audience}}' is a client id, which AWS Cognito puts only in ID tokens: an ID token is being used as an API credential. Accept access tokens, which carry no aud: check token_use 'access' and client_id instead (createAccessTokenVerifier({ issuer, tokenUse: 'access', clientId }), or aws-jwt-verify's CognitoJwtVerifier with tokenUse: 'access').",
      idTokenSent:
        'An ID token is sent as the bearer credential of an API call. ID tokens tell the client who signed in; send the access token, which the API verifies with its own audience.',
      providerIdTokenSent: 'A {{provider}} ID token ({{spelling}}) is sent as the bearer credential of an API call. ID tokens tell the client who signed in, and any client of the same issuer holds one: {{advice}}',
      providerClientIdAudience:
        "The expected audience '{{audience}}' is a {{provider}} client id, the audience of ID tokens: an ID token is being used as an API credential. {{advice}}",
      idTokenVerifierOption:
        "{{option}}: '{{value}}' makes this verifier accept {{provider}} ID tokens from the request: an ID token is being used as an API credential, and any client of the same issuer holds one. {{advice}}",
      idTokenClaimCheck:
        "This check lets only {{provider}} ID tokens ({{claim}} '{{value}}') through on a request: an ID token is being used as an API credential, and any client of the same issuer holds one. {{advice}}",
      verifyAccessToken: "Verify an access token for the audience '{{audience}}' instead.",
      verifyAccessTokenForAudience: "Verify an access token instead, and replace '<your API audience>' with the audience your authorization server gives this API.",
      sendAccessToken: 'Send the access token instead ({{replacement}}).',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    const facts = textFactsOf(context);
    const serverCandidate = facts.mentionsKnownModule;
    // Clients need no known module: an `oktaAuth` may be imported from the app's own code.
    if (!serverCandidate && !facts.mentionsBearer) return {};

    return {
      Program(program) {
        const root = program as unknown as AstNode;
        const analysis = serverCandidate ? verificationAnalysisFor(root, valueOracleOf(context)) : undefined;
        for (const finding of idTokenFindings(analysis, tokenSourcesFor(root), sourceCode.text)) {
          context.report({ node: finding.node as unknown as TSESTree.Node, ...describe(finding, sourceCode.text) });
        }
      },
    };
  },
});

function describe(finding: IdTokenFinding, source: string): Omit<TSESLint.ReportDescriptor<MessageIds>, 'node' | 'loc'> {
  switch (finding.kind) {
    case 'id-token-verifier-option': {
      const profile = finding.provider ? providerProfile(finding.provider) : undefined;
      return {
        messageId: 'idTokenVerifierOption',
        data: { option: finding.option, value: finding.value, provider: profile?.name ?? 'the provider\'s', advice: profile?.advice.idTokenAsBearer ?? 'Accept access tokens instead.' },
      };
    }
    case 'id-token-claim-check': {
      const profile = providerProfile(finding.provider);
      return { messageId: 'idTokenClaimCheck', data: { provider: profile.name, claim: finding.claim, value: finding.value, advice: profile.advice.idTokenAsBearer } };
    }
  }
  const edit = finding.toAccessToken;
  // Okta's advice is what the general messages say.
  const profile = finding.kind === 'client-id-audience' && finding.provider && finding.provider !== 'okta' ? providerProfile(finding.provider) : undefined;
  switch (finding.kind) {
    case 'id-token-from-request':
      return {
        messageId: 'idTokenFromRequest',
        suggest: edit
          ? [
              edit.audience
                ? { messageId: 'verifyAccessToken', data: { audience: edit.audience }, fix: fixerFor(edit.edits) }
                : { messageId: 'verifyAccessTokenForAudience', fix: fixerFor(edit.edits) },
            ]
          : [],
      };
    case 'client-id-audience':
      // Cognito access tokens carry no `aud`: no API audience is offered, the message says what to check instead.
      if (finding.cognito) return { messageId: 'clientIdAudienceCognito', data: { audience: finding.audience } };
      if (profile) {
        return { messageId: 'providerClientIdAudience', data: { audience: finding.audience, provider: profile.name, advice: profile.advice.idTokenAsBearer }, suggest: [] };
      }
      return {
        messageId: 'clientIdAudience',
        data: { audience: finding.audience },
        suggest: edit?.audience ? [{ messageId: 'verifyAccessToken', data: { audience: edit.audience }, fix: fixerFor(edit.edits) }] : [],
      };
    case 'id-token-sent':
      if (finding.provider) {
        const profile = providerProfile(finding.provider);
        return {
          messageId: 'providerIdTokenSent',
          data: { provider: profile.name, spelling: spellingOf(source, finding.node), advice: profile.advice.idTokenAsBearer },
          suggest: edit ? [{ messageId: 'sendAccessToken', data: { replacement: edit.replacement }, fix: fixerFor(edit.edits) }] : [],
        };
      }
      return {
        messageId: 'idTokenSent',
        suggest: edit ? [{ messageId: 'sendAccessToken', data: { replacement: edit.replacement }, fix: fixerFor(edit.edits) }] : [],
      };
  }
}

/** The expression as written, shortened for a message. */
function spellingOf(source: string, node: AstNode): string {
  const [start, end] = rangeOf(node);
  const text = source.slice(start, end).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
