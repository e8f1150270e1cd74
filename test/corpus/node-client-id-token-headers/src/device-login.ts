const ISSUER = 'https://acme.okta.com/oauth2/default';
const CLIENT_ID = '0oa5q6r7s8t9u0v1w2x3';

export interface TokenResponse {
  token_type: 'Bearer';
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
}

export async function deviceLogin(print: (message: string) => void): Promise<TokenResponse> {
  const authorization = await post(`${ISSUER}/v1/device/authorize`, { client_id: CLIENT_ID, scope: 'openid profile offline_access' });
  print(`Open ${authorization.verification_uri_complete} and confirm the code ${authorization.user_code}`);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, authorization.interval * 1000));
    const response = await fetch(`${ISSUER}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        device_code: authorization.device_code,
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      }),
    });
    if (response.ok) return (await response.json()) as TokenResponse;
    const { error } = (await response.json()) as { error: string };
    if (error !== 'authorization_pending' && error !== 'slow_down') throw new Error(error);
  }
}

async function post(url: string, form: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form) });
  return (await response.json()) as { device_code: string; user_code: string; verification_uri_complete: string; interval: number };
}
