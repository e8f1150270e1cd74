// The reporting sub-app still runs on openid-client v5 (its own package.json).
const { Issuer, generators } = require('openid-client');

let clientPromise;

function reportsClient() {
  clientPromise =
    clientPromise ||
    Issuer.discover('https://acme.okta.com').then(
      (issuer) =>
        new issuer.Client({
          client_id: process.env.REPORTS_CLIENT_ID,
          client_secret: process.env.REPORTS_CLIENT_SECRET,
          redirect_uris: ['https://app.acme.com/reports/callback'],
          response_types: ['code'],
        }),
    );
  return clientPromise;
}

async function reportsCallback(req) {
  const client = await reportsClient();
  const params = client.callbackParams(req);
  const tokenSet = await client.callback('https://app.acme.com/reports/callback', params, {
    nonce: req.session.reportsNonce,
    code_verifier: req.session.reportsVerifier,
  });
  return tokenSet.claims();
}

module.exports = { reportsClient, reportsCallback, generators };
