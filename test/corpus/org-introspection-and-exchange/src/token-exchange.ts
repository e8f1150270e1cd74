const TOKEN_ENDPOINT = 'https://acme.okta.com/oauth2/v1/token';

export interface ExchangedToken {
  access_token: string;
  issued_token_type: string;
  expires_in: number;
}

// The mobile app hands us the user's ID token in the request body; we exchange it for an access token
// for the ledger API (RFC 8693), which is what the ledger accepts.
export async function exchangeIdToken(idToken: string): Promise<ExchangedToken> {
  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      client_id: process.env.LEDGER_BRIDGE_CLIENT_ID!,
      subject_token: idToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      audience: 'api://ledger',
      scope: 'ledger:read',
    }),
  });
  if (!response.ok) throw new Error(`token exchange failed: ${response.status}`);
  return (await response.json()) as ExchangedToken;
}
