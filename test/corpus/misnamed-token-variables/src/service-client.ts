import axios from 'axios';

const TOKEN_URL = 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9/v1/token';

// Machine-to-machine: client credentials. The variable name is a leftover of a copy-paste.
export async function callInventory(path: string) {
  const response = await fetch(TOKEN_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${process.env.CLIENT_ID}:${process.env.CLIENT_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'inventory:read' }),
  });
  const { access_token: idToken } = (await response.json()) as { access_token: string };
  const { data } = await axios.get(`https://inventory.acme.com${path}`, {
    headers: { Authorization: 'Bearer ' + idToken },
  });
  return data;
}
