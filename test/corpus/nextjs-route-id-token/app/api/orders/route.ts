import { jwtVerify } from 'jose';
import { NextResponse } from 'next/server';
import { JWKS, OKTA_ISSUER } from '../../../lib/okta';

export async function GET(request: Request) {
  const authorization = request.headers.get('authorization');
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
  if (!token) return NextResponse.json({ error: 'missing_token' }, { status: 401 });

  try {
    const { payload } = await jwtVerify(token, JWKS, {
      issuer: OKTA_ISSUER,
      audience: process.env.OKTA_CLIENT_ID, // expect: oidc/no-id-token-as-bearer
    });
    const orders = await listOrders(String(payload.sub));
    return NextResponse.json(orders);
  } catch {
    return NextResponse.json({ error: 'invalid_token' }, { status: 401 });
  }
}

async function listOrders(sub: string) {
  return [{ id: 'ord_1', owner: sub }];
}
