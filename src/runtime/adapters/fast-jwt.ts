/** fast-jwt: `createVerifier({ key: async (decoded) => key })`. */
import { claimsFromLibrary, issuerKeySourceOf, keyFor, type IssuerKeySourceInput, type JoseHeaderInput } from '../issuer-key-source.js';

export const FAST_JWT = 'fast-jwt';

export interface FastJwtDecodedToken {
  readonly header: JoseHeaderInput;
  readonly payload: unknown;
  readonly signature?: string;
}

export type FastJwtKey = (decoded: FastJwtDecodedToken) => Promise<string>;

/**
 * `createVerifier({ key: fastJwtKey(source), algorithms: [...source.algorithms], allowedIss: issuer, allowedAud: audience })`:
 * the verifier then returns a Promise. The key is an SPKI PEM string (fast-jwt refuses KeyObjects). fast-jwt wraps
 * an error of the key function in its `FAST_JWT_KEY_FETCHING_ERROR`, with ours as `originalError`.
 */
export function fastJwtKey(input: IssuerKeySourceInput): FastJwtKey {
  const source = issuerKeySourceOf(input);
  return (decoded) => keyFor(FAST_JWT, async () => (await source.getKey(decoded?.header ?? {}, claimsFromLibrary(decoded?.payload))).pem);
}
