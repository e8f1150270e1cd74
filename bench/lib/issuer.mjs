// A plain-JS authorization server on 127.0.0.1, laid out like an Okta custom authorization server
// (issuer <origin>/oauth2/default, keys at <issuer>/v1/keys): discovery documents and a JWKS, nothing else.
// It counts every request so that JWKS fetches are seen at the server, whatever the client says.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const AUDIENCE = 'api://default';
export const CLIENT_ID = '0oabenchclient';

export async function startIssuer({ mountPath = '/oauth2/default', jwksMaxAge = 3600, fillerKeys = 0 } = {}) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'bench-key-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  // fillerKeys: that many Ed25519 keys (one key under as many kids) published before the signing key, for key selection in a large JWKS.
  const filler = fillerKeys > 0 ? await exportJWK((await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })).publicKey) : undefined;
  const fillers = Array.from({ length: fillerKeys }, (_, i) => ({ ...filler, kid: `filler-${i}` }));
  const counts = new Map();
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const issuer = `${origin}${mountPath}`;
  const metadata = JSON.stringify({
    issuer,
    jwks_uri: `${issuer}/v1/keys`,
    authorization_endpoint: `${issuer}/v1/authorize`,
    token_endpoint: `${issuer}/v1/token`,
    introspection_endpoint: `${issuer}/v1/introspect`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  });
  const jwks = JSON.stringify({ keys: [...fillers, jwk] });

  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (path === `${mountPath}/.well-known/oauth-authorization-server` || path === `${mountPath}/.well-known/openid-configuration`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(metadata);
    } else if (path === `${mountPath}/v1/keys`) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': `max-age=${jwksMaxAge}` }).end(jwks);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
    }
  });

  const count = (predicate) => [...counts].reduce((sum, [path, n]) => sum + (predicate(path) ? n : 0), 0);
  return {
    issuer,
    kid,
    jwksRequests: () => count((p) => p.endsWith('/v1/keys')),
    discoveryRequests: () => count((p) => p.includes('/.well-known/')),
    allRequests: () => count(() => true),
    resetCounts: () => counts.clear(),
    /** RS256 access tokens as an Okta custom authorization server issues them (cid, scp, uid, jti). */
    async mintTokens(n) {
      const now = Math.floor(Date.now() / 1000);
      const tokens = [];
      for (let i = 0; i < n; i++) {
        tokens.push(
          await new SignJWT({ ver: 1, cid: CLIENT_ID, scp: ['orders:read'], uid: `00u${i}`, sub: `user${i}@example.com` })
            .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
            .setIssuer(issuer)
            .setAudience(AUDIENCE)
            .setIssuedAt(now)
            .setExpirationTime(now + 3600)
            .setJti(`AT.${randomUUID()}`)
            .sign(privateKey),
        );
      }
      return tokens;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
