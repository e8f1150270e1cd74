/** Client authentication at the introspection endpoint: client_secret_basic or private_key_jwt (RFC 7523). */
import { randomUUID, type KeyObject } from 'node:crypto';
import { importJWK, importPKCS8, SignJWT, type JWK } from 'jose';
import { ConfigurationError } from './errors.js';

/** A private key as a CryptoKey, a node KeyObject, a private JWK, or PKCS#8 PEM text. */
export type PrivateKeyInput = CryptoKey | KeyObject | JWK | string;

export const CLIENT_ASSERTION_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;
export type ClientAssertionAlgorithm = (typeof CLIENT_ASSERTION_ALGORITHMS)[number];

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly privateKey?: PrivateKeyInput;
  readonly privateKeyAlgorithm?: ClientAssertionAlgorithm;
  readonly privateKeyId?: string;
}

export interface AuthenticatedRequestParts {
  readonly headers: Record<string, string>;
  readonly params: Record<string, string>;
}

export type ClientAuthenticationMethod = 'client_secret_basic' | 'private_key_jwt';

export interface ClientAuthentication {
  readonly method: ClientAuthenticationMethod;
  /** Headers and form parameters that authenticate the client to `endpoint`. */
  forEndpoint(endpoint: string): Promise<AuthenticatedRequestParts>;
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined, so a `:` in either survives. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** Assertions live one minute: long enough for clock skew, short enough that a captured one is soon useless. */
const ASSERTION_LIFETIME_SECONDS = 60;

export function createClientAuthentication(credentials: ClientCredentials): ClientAuthentication {
  const { clientId, clientSecret, privateKey } = credentials;
  if (typeof clientId !== 'string' || clientId === '') {
    throw new ConfigurationError('invalid_option', 'clientId must be the client id registered for introspection');
  }
  if ((clientSecret === undefined) === (privateKey === undefined)) {
    throw new ConfigurationError('invalid_option', 'give exactly one of clientSecret (client_secret_basic) or privateKey (private_key_jwt)');
  }

  if (clientSecret !== undefined) {
    if (typeof clientSecret !== 'string' || clientSecret === '') {
      throw new ConfigurationError('invalid_option', 'clientSecret must be a non-empty string');
    }
    const authorization = `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64')}`;
    return {
      method: 'client_secret_basic',
      forEndpoint: () => Promise.resolve({ headers: { authorization }, params: {} }),
    };
  }

  const jwk = isJwk(privateKey) ? privateKey : undefined;
  const alg = credentials.privateKeyAlgorithm ?? (typeof jwk?.alg === 'string' ? jwk.alg : 'RS256');
  if (!(CLIENT_ASSERTION_ALGORITHMS as readonly string[]).includes(alg)) {
    throw new ConfigurationError('invalid_option', `privateKeyAlgorithm ${alg} is not an asymmetric JWS algorithm`);
  }
  const kid = credentials.privateKeyId ?? (typeof jwk?.kid === 'string' ? jwk.kid : undefined);
  if (jwk && typeof jwk.d !== 'string') {
    throw new ConfigurationError('invalid_option', 'privateKey is a public JWK; private_key_jwt needs the private key');
  }
  // Imported once, on first use: construction stays synchronous and a bad key still fails the first request.
  let signingKey: Promise<CryptoKey | KeyObject | Uint8Array> | undefined;
  const loadKey = (): Promise<CryptoKey | KeyObject | Uint8Array> => {
    signingKey ??= (async () => {
      if (typeof privateKey === 'string') return importPKCS8(privateKey, alg);
      if (jwk) return importJWK(jwk, alg);
      return privateKey as CryptoKey | KeyObject;
    })().catch((error: unknown) => {
      signingKey = undefined;
      throw new ConfigurationError('invalid_option', `privateKey could not be used for ${alg}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    });
    return signingKey;
  };

  return {
    method: 'private_key_jwt',
    async forEndpoint(endpoint) {
      const now = Math.floor(Date.now() / 1000);
      // Okta wants the endpoint itself as the audience; RFC 7523 servers accept it too.
      const assertion = await new SignJWT({})
        .setProtectedHeader(kid === undefined ? { alg } : { alg, kid })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(endpoint)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
        .sign(await loadKey());
      return {
        headers: {},
        params: {
          client_id: clientId,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
        },
      };
    },
  };
}

function isJwk(value: unknown): value is JWK {
  return typeof value === 'object' && value !== null && typeof (value as { kty?: unknown }).kty === 'string';
}
