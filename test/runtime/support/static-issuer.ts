// An issuer on 127.0.0.1 that serves a discovery document and a JWKS the test writes, with tokens signed by
// jose: for key sets and token shapes oidc-provider would not publish or issue (10 000 keys, Cognito tokens).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';

export interface StaticIssuer {
  readonly origin: string;
  /** origin + path, e.g. `http://127.0.0.1:PORT/us-east-1_AbCdEf123`. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** Replaces the published key set (public JWKs). */
  setKeys(keys: readonly JWK[]): void;
  jwksRequests(): number;
  sign(claims: JWTPayload, key: JWK, header?: { alg?: string; kid?: string | null; typ?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startStaticIssuer(options: { path?: string; keys?: readonly JWK[] } = {}): Promise<StaticIssuer> {
  const path = options.path ?? '/issuer';
  let keys: readonly JWK[] = options.keys ?? [];
  let jwksRequests = 0;
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === `${path}/.well-known/openid-configuration`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer, jwks_uri: jwksUri }));
      return;
    }
    if (url === `${path}/.well-known/jwks.json`) {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}${path}`;
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  return {
    origin,
    issuer,
    jwksUri,
    setKeys(next) {
      keys = next;
    },
    jwksRequests: () => jwksRequests,
    async sign(claims, key, header = {}) {
      const alg = header.alg ?? key.alg ?? ({ RSA: 'RS256', EC: 'ES256', OKP: 'EdDSA' } as Record<string, string>)[key.kty ?? 'RSA'] ?? 'RS256';
      const kid = header.kid === null ? undefined : (header.kid ?? key.kid);
      return new SignJWT(claims)
        .setProtectedHeader({ alg, ...(kid === undefined ? {} : { kid }), ...(header.typ ? { typ: header.typ } : {}) })
        .sign(await importJWK(key, alg));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
