import jwt from 'jsonwebtoken';

const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZ
-----END PUBLIC KEY-----`;

export const verify = (token: string) => jwt.verify(token, OKTA_PUBLIC_KEY, { algorithms: ['RS256'] });
