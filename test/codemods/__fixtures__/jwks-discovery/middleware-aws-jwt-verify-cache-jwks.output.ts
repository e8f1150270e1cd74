import { JwtRsaVerifier } from 'aws-jwt-verify';

export const customVerifier = JwtRsaVerifier.create({
  issuer: 'https://acme.okta.com/oauth2/default',
  audience: 'api://default',
  jwksUri: 'https://acme.okta.com/oauth2/default/v1/keys',
});

export const checkCustom = (token: string) => customVerifier.verify(token);
