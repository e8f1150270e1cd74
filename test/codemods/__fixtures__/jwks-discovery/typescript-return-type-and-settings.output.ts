import jwt from 'jsonwebtoken';
import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: the issuer is not in the code: set OIDC_ISSUER, or run again with --issuer; the old verification did not check the audience: set OIDC_AUDIENCE to the API's audience, or run again with --audience
const accessTokenVerifier = createAccessTokenVerifier({ issuer: process.env.OIDC_ISSUER!, audience: process.env.OIDC_AUDIENCE!, algorithms: ['RS256'] });
// oidc-codemod: review: the issuer is not in the code: set OIDC_ISSUER, or run again with --issuer; the old verification did not check the audience: set OIDC_AUDIENCE to the API's audience, or run again with --audience
const accessTokenVerifier2 = createAccessTokenVerifier({ issuer: process.env.OIDC_ISSUER!, audience: process.env.OIDC_AUDIENCE! });

export async function check(token: string): Promise<jwt.JwtPayload> {
  return await accessTokenVerifier.verify(token) as jwt.JwtPayload;
}

export const subject = async (token: string): Promise<string> => String((await accessTokenVerifier2.verify(token) as jwt.JwtPayload).sub);
