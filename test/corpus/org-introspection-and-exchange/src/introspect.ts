import type { NextFunction, Request, Response } from 'express';

const ORG_URL = 'https://acme.okta.com';
const CLIENT_ID = process.env.OKTA_CLIENT_ID!;
const CLIENT_SECRET = process.env.OKTA_CLIENT_SECRET!;

interface IntrospectionResponse {
  active: boolean;
  sub?: string;
  scope?: string;
  client_id?: string;
  exp?: number;
}

// Org access tokens are opaque to us: ask Okta whether they are active.
export async function introspectOrgToken(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  if (!token) return res.sendStatus(401);
  const response = await fetch(`${ORG_URL}/oauth2/v1/introspect`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
  });
  const result = (await response.json()) as IntrospectionResponse;
  if (!result.active) return res.sendStatus(401);
  res.locals.introspection = result;
  return next();
}
