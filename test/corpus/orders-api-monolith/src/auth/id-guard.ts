import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = 'https://acme.okta.com/oauth2/default';
const CLIENT_ID = '0oa1b2c3d4e5f6g7h8i9';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/v1/keys`));

// v3 reports: the SPA sends the token it has at hand.
export async function requireIdentity(req: Request, res: Response, next: NextFunction) {
  const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
  try {
    const { payload } = await jwtVerify(bearer, jwks, {
      issuer: ISSUER,
      audience: CLIENT_ID, // expect: oidc/no-id-token-as-bearer
    });
    res.locals.email = payload.email;
    return next();
  } catch {
    return res.sendStatus(401);
  }
}
