import { createAccessTokenVerifier } from "oidc-token-guard";
// oidc-codemod: review: the issuer is not in the code: set OIDC_ISSUER, or run again with --issuer; the old verification did not check the audience: set OIDC_AUDIENCE to the API's audience, or run again with --audience
const accessTokenVerifier = createAccessTokenVerifier({ issuer: process.env.OIDC_ISSUER, audience: process.env.OIDC_AUDIENCE });

export async function check(token) {
  return await accessTokenVerifier.verify(token);
}
