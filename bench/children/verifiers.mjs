// The two verifiers under test, built the way each one's documentation says, pointed at the bench issuer.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export async function makeVerifier(lib, { issuer, audience, cooldownMs }) {
  if (lib === 'oidc') {
    const { createAccessTokenVerifier } = await import(new URL('../../dist/runtime/index.js', import.meta.url).href);
    const verifier = createAccessTokenVerifier({
      issuer,
      audience,
      allowHttpForLoopback: true,
      ...(cooldownMs !== undefined ? { jwksCooldownMs: cooldownMs } : {}),
    });
    return { verify: (token) => verifier.verify(token), stats: () => verifier.stats };
  }
  if (lib === 'okta') {
    const OktaJwtVerifier = require('@okta/jwt-verifier');
    const warn = console.warn;
    console.warn = () => {}; // its "HTTPS check is disabled" notice, once per construction
    // jwksUri defaults to <issuer>/v1/keys, which is where the bench issuer serves it (as Okta does).
    const verifier = new OktaJwtVerifier({ issuer, testing: { disableHttpsCheck: true } });
    console.warn = warn;
    return { verify: (token) => verifier.verifyAccessToken(token, audience), stats: () => undefined };
  }
  throw new Error(`unknown verifier ${lib}`);
}
