import { PublicClientApplication } from '@azure/msal-browser';

export const msal = new PublicClientApplication({
  auth: { clientId: import.meta.env.VITE_AZURE_CLIENT_ID, authority: 'https://login.microsoftonline.com/7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f' },
});
