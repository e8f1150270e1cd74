import OktaJwtVerifier from '@okta/jwt-verifier';
import { headers } from 'next/headers';

const CLIENT_ID = process.env.NEXT_PUBLIC_OKTA_CLIENT_ID!;
const verifier = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER!, clientId: CLIENT_ID });

export async function GET() {
  const token = (await headers()).get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  try {
    const { claims } = await verifier.verifyIdToken(token, CLIENT_ID); // expect: oidc/no-id-token-as-bearer
    return Response.json({ name: claims.name, email: claims.email });
  } catch {
    return new Response(null, { status: 401 });
  }
}
