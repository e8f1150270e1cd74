/** @fastify/jwt: `secret: { public: (request, decoded) => Promise<key> }`, with `decode: { complete: true }`. */
import { ConfigurationError } from '../errors.js';
import { claimsFromLibrary, issuerKeySourceOf, keyFor, type IssuerKeySourceInput, type JoseHeaderInput } from '../issuer-key-source.js';

export const FASTIFY_JWT = '@fastify/jwt';

/** What @fastify/jwt hands to a secret function under `decode: { complete: true }`. */
export interface FastifyJwtDecodedToken {
  readonly header: JoseHeaderInput;
  readonly payload: unknown;
  readonly signature?: string;
}

export type FastifyJwtSecret = (request: unknown, decoded: FastifyJwtDecodedToken | unknown) => Promise<string>;

/**
 * `fastify.register(fastifyJwt, { secret: { public: fastifyJwtSecret(source) }, decode: { complete: true },
 * verify: { algorithms: [...source.algorithms], allowedIss: issuer, allowedAud: audience } })`, then
 * `await request.jwtVerify()` (a function secret is only used there). Without `decode: { complete: true }`
 * @fastify/jwt passes the payload alone, with no header to find the key by: refused with a ConfigurationError.
 * Errors keep their `statusCode` (401, 503), which Fastify's error handler answers with.
 */
export function fastifyJwtSecret(input: IssuerKeySourceInput): FastifyJwtSecret {
  const source = issuerKeySourceOf(input);
  return (_request, decoded) =>
    keyFor(FASTIFY_JWT, async () => {
      if (!isCompleteToken(decoded)) {
        throw new ConfigurationError(
          'invalid_option',
          'the secret function received the payload only; register @fastify/jwt with decode: { complete: true } so that it receives the header',
        );
      }
      return (await source.getKey(decoded.header, claimsFromLibrary(decoded.payload))).pem;
    });
}

function isCompleteToken(value: unknown): value is FastifyJwtDecodedToken {
  return typeof value === 'object' && value !== null && typeof (value as FastifyJwtDecodedToken).header === 'object' && 'payload' in value;
}
