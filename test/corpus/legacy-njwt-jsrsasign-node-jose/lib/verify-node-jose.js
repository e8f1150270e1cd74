'use strict';

const jose = require('node-jose');

const JWKS = {
  keys: [
    { kty: 'RSA', kid: 'legacy-1', use: 'sig', alg: 'RS256', e: 'AQAB', n: 'kOj3w38B6Jdk0Ylrv4AaTXQoRS1EUYXfHX2BqUe1M9OPjPpW5htkZPnW-UgrXzWxKigYJCson86_QFAfTFhHwR7S_vySe-z_HbSLnvjzzoFayDJJbswwWS87EJga4VZxUP2q2pNm4k1f6tfyZCswcnRMUrXeeP6Ly4OgyPE287yzOKCJPD0pv9hikNX4yz7AQZc63PN9tuY3s3sXrv27tC9asZxdbof-buOnjdjdexcYwQm_yHLr90QdgbZpDTmnGMFZMRyeb0R-UdZGGxWrLdeW8TzbAKIRs8CGXf5gJwfP3mx05w2aLs9RscQBl3MaaCXL73AbR19N_0PMvW2OGQ' },
    { kty: 'RSA', kid: 'legacy-2', use: 'sig', alg: 'RS256', e: 'AQAB', n: 'qplepNjA_kT-MjEanPZEk1ZDw7cSvL4hNb_f0HSEopnpM2no2CmRal133mRjOoQ-UVLkJnivgY6R8BDt5ewMsPEW8YaereWOriEHwn5lEh-4YWYLp2mrEbThY8slzDoAFBPhgzkLy8SkTMDLGIH_Bx5_E75JzLYTIfpRyd4m7ManN4Bm_21GgCvUcvz7LialGgA4BZ8RJRBrABZMlIEyDX5HFaZfn7Tjx9c-mJ4bPaewZIBAz7EmAYaqY9xdtVF33XCChmmXURRS36QZvUjyrgNzZusXybv-1nDq_Cp3I9nodypDl3E4m9W-UQDLhmPkvcJ1KOmcv_nDylyiAZMuaw' },
  ],
};

const keystorePromise = jose.JWK.asKeyStore(JWKS);

module.exports = async function verifyWithNodeJose(token) {
  const keystore = await keystorePromise;
  const result = await jose.JWS.createVerify(keystore).verify(token); // expect: oidc/no-hardcoded-jwt-key
  return JSON.parse(result.payload.toString('utf8'));
};
