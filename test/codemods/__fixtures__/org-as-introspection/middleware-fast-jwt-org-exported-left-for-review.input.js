// The org verifier is exported: its callers elsewhere would have to await it.
const { createVerifier } = require('fast-jwt');

const verify = createVerifier({ key: process.env.ORG_KEY, allowedIss: 'https://acme.okta.com' });

module.exports = { verify };
