/**
 * id-token-to-access-token: clients send the access token (`getIdToken()` -> `getAccessToken()`,
 * `idToken.idToken` -> `accessToken.accessToken`, `tokenManager.get('idToken')` -> `get('accessToken')`);
 * servers verify access tokens with the API's audience (`--audience`, default `api://default`), verifiers told to
 * accept ID tokens accept access tokens (`tokenUse: 'access'`), and checks that let only ID tokens through let
 * access tokens through (Keycloak `typ: 'Bearer'`).
 */
import { idTokenFindings } from '../src/analysis/id-token-use.js';
import { isCognitoUserPool } from '../src/analysis/issuer-facts.js';
import { usesOrgServer } from '../src/analysis/org-server-use.js';
import { DEFAULT_CUSTOM_AS_AUDIENCE } from '../src/knowledge/issuers.js';
import { acceptAccessTokensClaim, acceptAccessTokensOption } from './lib/accept-access-tokens.js';
import { defineTransform, type TransformContext } from './lib/transformer.js';
import { orgAsIntrospection } from './org-as-introspection.js';

function rewrite(context: TransformContext): void {
  const audience = context.options.audience ?? DEFAULT_CUSTOM_AS_AUDIENCE;
  for (const finding of idTokenFindings(context.analysis, context.tokens, context.source, { audience, applyAll: true })) {
    if (finding.kind === 'id-token-verifier-option' || finding.kind === 'id-token-claim-check') {
      const problem = finding.kind === 'id-token-verifier-option' ? acceptAccessTokensOption(context, finding) : acceptAccessTokensClaim(context, finding);
      if (problem) context.review(finding.node, problem);
      continue;
    }
    const edit = finding.toAccessToken;
    if (finding.kind !== 'id-token-sent' && isCognitoUserPool(finding.site.issuer?.value)) {
      // Cognito access tokens carry no `aud`: an API audience would reject every one of them.
      context.review(
        finding.node,
        "the issuer is an AWS Cognito user pool, whose access tokens carry token_use and client_id instead of an audience: verify them with createAccessTokenVerifier({ issuer, tokenUse: 'access', clientId }) by hand",
      );
      continue;
    }
    if (!edit) {
      context.review(finding.node, reasonLeftAlone(finding.kind));
      continue;
    }
    context.edit(...edit.edits);
    context.rewrote(finding.node);
    if (finding.kind !== 'id-token-sent') {
      // Access tokens of an org server cannot be verified locally: org-as-introspection finishes the rewrite.
      const orgServer = usesOrgServer(finding.site, { orgIssuers: context.options.orgIssuers ?? [] });
      if (orgServer) context.handOff('org-as-introspection', finding.node, false);
      if (!context.options.audience && !edit.audienceFromConfiguration && (!orgServer || context.options.toCustomAs)) {
        context.review(finding.node, `the API's audience is assumed to be '${audience}': run again with --audience if it is another`);
      }
      if (finding.kind === 'id-token-from-request') {
        context.review(finding.node, 'the API now receives access-token claims: identity claims such as email or name are not in them (read those from /userinfo)');
      }
    } else {
      context.review(finding.node, 'the client now sends the access token: make sure it requests the scopes the API needs');
    }
  }
}

function reasonLeftAlone(kind: string): string {
  switch (kind) {
    case 'id-token-sent':
      return 'the ID token does not come from a call this transform can switch (getIdToken(), authState.idToken.idToken, tokenManager.get(\'idToken\')), or is cast to a type this transform cannot switch (only Okta\'s own IDToken): send the access token by hand';
    case 'client-id-audience':
      return 'the audience is a client id: replace it with the API\'s audience by hand';
    default:
      return 'verifyIdToken is not called on a verifier object here: verify an access token by hand';
  }
}

const transform = defineTransform('id-token-to-access-token', rewrite, () => ({ 'org-as-introspection': orgAsIntrospection }));
export const idTokenToAccessToken = transform.run;
export default transform.jscodeshiftTransform;
