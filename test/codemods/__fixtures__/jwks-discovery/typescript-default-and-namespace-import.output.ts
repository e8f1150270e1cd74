import * as everything from 'jsonwebtoken';
import type * as Types from 'jsonwebtoken';
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export const version = everything.TokenExpiredError.name;
export type { Types };

export async function authenticate(token: string) {
  return await accessTokenVerifier.verify(token) as Types.JwtPayload;
}
