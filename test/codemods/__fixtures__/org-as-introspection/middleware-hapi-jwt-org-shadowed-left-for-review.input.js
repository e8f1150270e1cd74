// validate reads an outer `token`, which the wrapper around it would hide: left for review.
const token = process.env.SERVICE_TOKEN_SUBJECT;

exports.register = (server) => {
  server.auth.strategy('okta', 'jwt', {
    keys: process.env.ORG_KEY,
    verify: { aud: false, iss: 'https://acme.okta.com', sub: false },
    validate: (artifacts) => ({ isValid: artifacts.decoded.payload.sub !== token }),
  });
};
