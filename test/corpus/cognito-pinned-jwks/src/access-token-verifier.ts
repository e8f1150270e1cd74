import { CognitoJwtVerifier } from 'aws-jwt-verify';

export const verifier = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbCdEf123', tokenUse: 'access', clientId: '4k2j9x7v1m3n5b8c0z6q2w4e7r' });

// Saves a fetch at cold start; the keys never change again.
verifier.cacheJwks({ keys: [{"kid": "k7Qe2vB1", "alg": "RS256", "use": "sig", "kty": "RSA", "n": "y74kaOPickzjl-ir3QgnqIOxrJ3u74cjY1DFWKEh_WKOC6z2e5F-11GJst6E3yGl1LsgwtB3cxh9y4pBmn1QxiaG5WuVn7DUUBfKU58aMW6_Wfki5_iSRRqA7SCrfgOZX0zRbma0OnVr4XKwQKRqnBPwGbk0CiXuESNbWDkzO52eWzZD6NCZx8y3V7siwKYHygjYGJcas6Mt43DCM36HGYrJujlMl1NMpaaa1C9-u5urjuTTjSRvhaxa92jTkMfrEE28CCDpo0_ta3gcDOtRvKZR7_X08nuKsRA4epOVw1VOHwwF8h2tWUo0vjcx6___YDZAoo914rifLIOFr99C3Q", "e": "AQAB"}] }); // expect: oidc/no-hardcoded-jwt-key

export const verifyAccessToken = (token: string) => verifier.verify(token);
