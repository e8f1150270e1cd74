export const TENANT_ID = process.env.AZURE_TENANT_ID ?? '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
export const ISSUER = `https://login.microsoftonline.com/${TENANT_ID}/v2.0`;
export const JWKS_URI = `https://login.microsoftonline.com/${TENANT_ID}/discovery/v2.0/keys`;
