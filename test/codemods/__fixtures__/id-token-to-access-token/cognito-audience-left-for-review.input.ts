import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Request } from 'express';

const POOL = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz';
const jwks = createRemoteJWKSet(new URL(`${POOL}/.well-known/jwks.json`));

export async function user(req: Request) {
  const token = req.headers.authorization?.replace('Bearer ', '') ?? '';
  const { payload } = await jwtVerify(token, jwks, { issuer: POOL, audience: process.env.COGNITO_CLIENT_ID });
  return payload;
}
