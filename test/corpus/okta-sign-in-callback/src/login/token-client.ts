export interface TokenResponse {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: 'Bearer';
}

export const ORG_URL = 'https://acme.okta.com';
export const CLIENT_ID = process.env.OKTA_CLIENT_ID!;

export async function exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<TokenResponse> {
  const response = await fetch(`${ORG_URL}/oauth2/v1/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${process.env.OKTA_CLIENT_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri }),
  });
  if (!response.ok) throw new Error(`token endpoint: ${response.status}`);
  return (await response.json()) as TokenResponse;
}
