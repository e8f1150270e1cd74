import OktaJwtVerifier from '@okta/jwt-verifier';
import { headers } from 'next/headers';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });

export async function GET() {
  const token = headers().get('authorization')?.split(' ')[1] ?? '';
  const { claims } = await verifier.verifyIdToken(token, process.env.OKTA_CLIENT_ID!);
  return Response.json({ sub: claims.sub });
}

export const handler = async (event: { authorizationToken: string }) => {
  const jwt = await verifier.verifyIdToken(event.authorizationToken.replace(/^Bearer /, ''), process.env.OKTA_CLIENT_ID!);
  return jwt.claims.sub;
};
