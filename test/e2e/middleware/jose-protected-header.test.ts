// jose's jwtVerify in a real Express app, its result destructured into { payload, protectedHeader } and a JWK
// pinned with importJWK: migrated to the verifier's verifyWithHeader, which resolves with both.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'jose-protected-header',
  packages: ['express', 'jose'],
  files: ({ issuer, audience, pinnedJwk }) => ({
    'server.js': `const express = require('express');
const { importJWK, jwtVerify } = require('jose');

const ORDERS_KEY = importJWK(${JSON.stringify(pinnedJwk)}, 'RS256');

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/orders', async (req, res) => {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  try {
    const { payload, protectedHeader } = await jwtVerify(token, await ORDERS_KEY, { issuer: '${issuer}', audience: '${audience}' });
    if (typeof protectedHeader.alg !== 'string') throw new Error('no header');
    res.json({ ...payload, signedWith: protectedHeader.kid });
  } catch (error) {
    res.status(401).json({ error: error.message });
  }
});

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ["require('oidc-token-guard')", 'const { payload, protectedHeader } = await accessTokenVerifier.verifyWithHeader(token)'], lacks: ['importJWK', 'pinned-key'] },
});
