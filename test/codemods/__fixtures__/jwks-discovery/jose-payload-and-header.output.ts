import { importJWK, jwtVerify } from 'jose';
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://partners.acme.com', audience: 'urn:acme:orders' });

const partnerKey = await importJWK({ kty: 'RSA', kid: 'partner-2023', alg: 'RS256', e: 'AQAB', n: 'qplepNjA_kT-MjEanPZEk1ZDw7cSvL4hNb_f0HSEopnpM2no2CmRal133mRjOoQ-UVLkJnivgY6R8BDt5ewMsPEW8YaereWOriEHwn5lEh-4YWYLp2mrEbThY8slzDoAFBPhgzkLy8SkTMDLGIH_Bx5_E75JzLYTIfpRyd4m7ManN4Bm_21GgCvUcvz7LialGgA4BZ8RJRBrABZMlIEyDX5HFaZfn7Tjx9c-mJ4bPaewZIBAz7EmAYaqY9xdtVF33XCChmmXURRS36QZvUjyrgNzZusXybv-1nDq_Cp3I9nodypDl3E4m9W-UQDLhmPkvcJ1KOmcv_nDylyiAZMuaw' }, 'RS256');

export async function verifyPartnerToken(token: string) {
  const { payload, protectedHeader: header } = await accessTokenVerifier.verifyWithHeader(token);
  return { subject: payload.sub, keyId: header.kid };
}

// Destructuring the key as well: the verifier does not resolve with it.
export async function verifyWithKey(token: string) {
  const { payload, key } = await jwtVerify(token, partnerKey, { issuer: 'https://partners.acme.com', audience: 'urn:acme:orders' });
  return { payload, key };
}
