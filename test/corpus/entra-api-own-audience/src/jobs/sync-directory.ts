import { ConfidentialClientApplication } from '@azure/msal-node';

const daemon = new ConfidentialClientApplication({
  auth: { clientId: process.env.AZURE_CLIENT_ID!, clientSecret: process.env.AZURE_CLIENT_SECRET!, authority: `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}` },
});

export async function syncUsers() {
  const token = await daemon.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
  const users = await fetch('https://graph.microsoft.com/v1.0/users', { headers: { Authorization: `Bearer ${token!.accessToken}` } });
  return users.json();
}
