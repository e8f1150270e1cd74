import * as client from 'openid-client';

export const CLIENT_ID = process.env.OKTA_CLIENT_ID!;
const CLIENT_SECRET = process.env.OKTA_CLIENT_SECRET!;

// Sign-in uses the org authorization server: the ID token is for this app, and Okta's own session.
export const config = await client.discovery(new URL('https://acme.okta.com'), CLIENT_ID, CLIENT_SECRET);
