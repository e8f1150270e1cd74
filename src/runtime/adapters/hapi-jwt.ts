/** @hapi/jwt: a `keys` function `(artifacts, request) => { key, algorithms }`, the algorithm pinned per key. */
import { TokenValidationError } from '../errors.js';
import { claimsFromLibrary, issuerKeySourceOf, keyFor, type IssuerKeySourceInput, type JoseHeaderInput } from '../issuer-key-source.js';
import type { AccessTokenAlgorithm } from '../access-token-policy.js';

export const HAPI_JWT = '@hapi/jwt';

/** The artifacts @hapi/jwt hands to a key function, as far as they are read here. */
export interface HapiJwtArtifacts {
  readonly decoded: { readonly header: JoseHeaderInput; readonly payload: unknown };
  [member: string]: unknown;
}

export interface HapiJwtKey {
  readonly key: string;
  readonly algorithms: readonly AccessTokenAlgorithm[];
  readonly kid?: string;
}

/** Resolves with the key, or with no key (`[]`) for a refused token, which @hapi/jwt answers 401. */
export type HapiJwtKeys = (artifacts: HapiJwtArtifacts, request?: unknown) => Promise<HapiJwtKey | readonly []>;

/**
 * `server.auth.strategy('jwt', 'jwt', { keys: hapiJwtKeys(source), verify: { aud: audience, iss: issuer, sub: false,
 * nbf: true, exp: true }, validate })`. A refused token yields no key, which @hapi/jwt answers 401 (its reason is
 * kept in `artifacts.oidcRefusal`); a provider outage is thrown, which @hapi/jwt answers 500 ("Failed to obtain keys").
 * Prefer this to @hapi/jwt's own `{ uri }` JWKS, which keeps only RSA keys with `use: "sig"` and a `kid`, and has no discovery.
 */
export function hapiJwtKeys(input: IssuerKeySourceInput): HapiJwtKeys {
  const source = issuerKeySourceOf(input);
  return async (artifacts) => {
    try {
      const key = await keyFor(HAPI_JWT, () => source.getKey(artifacts?.decoded?.header ?? {}, claimsFromLibrary(artifacts?.decoded?.payload)));
      return { key: key.pem, algorithms: [key.alg], ...(key.kid === undefined ? {} : { kid: key.kid }) };
    } catch (error) {
      if (!(error instanceof TokenValidationError)) throw error;
      if (artifacts && typeof artifacts === 'object') artifacts.oidcRefusal = error;
      return [];
    }
  };
}
