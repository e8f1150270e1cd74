module.exports = {
  domain: 'acme.us.auth0.com',
  apiIdentifier: 'https://orders.acme.com',
};
