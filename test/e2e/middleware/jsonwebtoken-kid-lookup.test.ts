// jsonwebtoken in a real Express app that looks its key up by kid in a pasted key set and refuses unknown kids:
// migrated to createAccessTokenVerifier, the lookup, its guard and the key set gone.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'jsonwebtoken-kid-lookup',
  packages: ['express', 'jsonwebtoken'],
  pinnedKid: true,
  files: ({ issuer, audience, pinnedJwk }) => ({
    'server.js': `const { createPublicKey } = require('node:crypto');
const express = require('express');
const jwt = require('jsonwebtoken');

// The issuer's key set, pasted so that start-up does not wait for the network.
const JWKS = { keys: [${JSON.stringify(pinnedJwk)}] };
const KEYS_BY_KID = Object.fromEntries(JWKS.keys.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })]));

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/orders', (req, res) => {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  const decoded = jwt.decode(token, { complete: true });
  const key = decoded ? KEYS_BY_KID[decoded.header.kid] : undefined;
  if (!key) return res.status(401).json({ error: 'unknown signing key' });
  try {
    res.json(jwt.verify(token, key, { issuer: '${issuer}', audience: '${audience}', algorithms: ['RS256'] }));
  } catch (error) {
    res.status(401).json({ error: error.message });
  }
});

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ["require('oidc-token-guard')", 'await accessTokenVerifier.verify(token)'], lacks: ['KEYS_BY_KID', 'pinned-key', 'unknown signing key', 'jsonwebtoken'] },
});
