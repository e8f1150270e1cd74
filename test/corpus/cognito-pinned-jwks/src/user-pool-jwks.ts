// Copied from https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/jwks.json
const USER_POOL_JWKS = { // expect: oidc/no-hardcoded-jwt-key
  keys: [
    {"kid": "k7Qe2vB1", "alg": "RS256", "use": "sig", "kty": "RSA", "n": "y74kaOPickzjl-ir3QgnqIOxrJ3u74cjY1DFWKEh_WKOC6z2e5F-11GJst6E3yGl1LsgwtB3cxh9y4pBmn1QxiaG5WuVn7DUUBfKU58aMW6_Wfki5_iSRRqA7SCrfgOZX0zRbma0OnVr4XKwQKRqnBPwGbk0CiXuESNbWDkzO52eWzZD6NCZx8y3V7siwKYHygjYGJcas6Mt43DCM36HGYrJujlMl1NMpaaa1C9-u5urjuTTjSRvhaxa92jTkMfrEE28CCDpo0_ta3gcDOtRvKZR7_X08nuKsRA4epOVw1VOHwwF8h2tWUo0vjcx6___YDZAoo914rifLIOFr99C3Q", "e": "AQAB"},
  ],
};

export default USER_POOL_JWKS;
