import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { OKTA, PINNED_JWKS } from './settings';

export const customVerifier = JwtRsaVerifier.create({
  issuer: OKTA.customIssuer,
  audience: 'api://default',
  jwksUri: `${OKTA.customIssuer}/v1/keys`,
});
customVerifier.cacheJwks(PINNED_JWKS); // expect: oidc/no-hardcoded-jwt-key

export const cognitoVerifier = CognitoJwtVerifier.create({
  userPoolId: 'us-east-1_AbC123dEf',
  tokenUse: 'access',
  clientId: '1example23456789',
});

export const checkCustom = (token: string) => customVerifier.verify(token);
