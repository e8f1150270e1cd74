// Authentication for the orders API.
import jwt from 'jsonwebtoken';

// Okta's signing key, copied from https://acme.okta.com/oauth2/default/v1/keys
// (rotate by hand when Okta rotates).
const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`; // kid: abc123

/** The audience of the orders API. */
const AUDIENCE = 'api://orders';

export async function authenticate(token: string) {
  return jwt.verify(token, OKTA_PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: AUDIENCE });
}
