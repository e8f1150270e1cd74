import { ManagementClient } from 'auth0';

/** Calls the Management API with a token issued for it: correct. */
export const management = new ManagementClient({
  domain: process.env.AUTH0_DOMAIN!,
  clientId: process.env.AUTH0_M2M_CLIENT_ID!,
  clientSecret: process.env.AUTH0_M2M_CLIENT_SECRET!,
  audience: `https://${process.env.AUTH0_DOMAIN}/api/v2/`,
});

export async function tokenForManagementApi() {
  const response = await fetch(`https://${process.env.AUTH0_DOMAIN}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: process.env.AUTH0_M2M_CLIENT_ID, client_secret: process.env.AUTH0_M2M_CLIENT_SECRET, audience: `https://${process.env.AUTH0_DOMAIN}/api/v2/` }),
  });
  return (await response.json()).access_token as string;
}
