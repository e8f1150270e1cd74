'use strict';

// Keys of the custom authorization server, fetched from its JWKS and cached for an hour.
const JWKS_URI = `${process.env.OKTA_ISSUER}/v1/keys`;
const TTL_MS = 60 * 60 * 1000;

let cache = { fetchedAt: 0, pems: new Map() };

function certToPem(x5c) {
  const body = x5c.match(/.{1,64}/g).join('\n');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

async function refresh() {
  const response = await fetch(JWKS_URI, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`JWKS fetch failed: ${response.status}`);
  const { keys } = await response.json();
  cache = {
    fetchedAt: Date.now(),
    pems: new Map(keys.filter((key) => key.use === 'sig' && key.x5c).map((key) => [key.kid, certToPem(key.x5c[0])])),
  };
}

async function pemForKid(kid) {
  if (Date.now() - cache.fetchedAt > TTL_MS || !cache.pems.has(kid)) await refresh();
  const pem = cache.pems.get(kid);
  if (!pem) throw new Error(`no signing key ${kid}`);
  return pem;
}

module.exports = { pemForKid };
