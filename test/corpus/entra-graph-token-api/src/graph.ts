import { ConfidentialClientApplication } from '@azure/msal-node';

const cca = new ConfidentialClientApplication({
  auth: { clientId: process.env.AZURE_CLIENT_ID!, authority: `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}`, clientSecret: process.env.AZURE_CLIENT_SECRET! },
});

/** On behalf of the signed-in user: a Graph token requested by this API, sent to Graph. */
export async function me(userAccessToken: string) {
  const result = await cca.acquireTokenOnBehalfOf({ oboAssertion: userAccessToken, scopes: ['https://graph.microsoft.com/.default'] });
  const response = await fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${result!.accessToken}` } });
  return response.json();
}
