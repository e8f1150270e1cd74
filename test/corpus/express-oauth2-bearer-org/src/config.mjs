export default {
  okta: {
    orgUrl: 'https://acme.okta.com',
    ordersServer: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9',
  },
  auth0: { tenant: 'https://acme.eu.auth0.com/' },
  internalSecret: 'a-long-random-hmac-secret-for-internal-jobs',
};
