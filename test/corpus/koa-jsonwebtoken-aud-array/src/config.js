module.exports = {
  okta: {
    issuer: process.env.OKTA_ISSUER || 'https://acme.okta.com/oauth2/default',
    audience: process.env.OKTA_AUDIENCE || 'api://default',
    clientId: process.env.OKTA_CLIENT_ID || '0oa1b2c3d4e5f6g7h8i9',
  },
  port: Number(process.env.PORT || 3000),
};
