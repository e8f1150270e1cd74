import OktaJwtVerifier from '@okta/jwt-verifier';
import { headers } from 'next/headers';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });

export async function GET() {
  const token = headers().get('authorization')?.split(' ')[1] ?? '';
  const { claims } = await verifier.verifyAccessToken(token, 'api://default');
  return Response.json({ sub: claims.sub });
}

export const handler = async (event: { authorizationToken: string }) => {
  const jwt = await verifier.verifyAccessToken(event.authorizationToken.replace(/^Bearer /, ''), 'api://default');
  return jwt.claims.sub;
};
