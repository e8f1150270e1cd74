const session = require('express-session');
const Keycloak = require('keycloak-connect');

const store = new session.MemoryStore();

exports.keycloak = new Keycloak({ store }, {
  realm: 'acme',
  'auth-server-url': 'https://sso.acme.com/',
  resource: 'orders-api',
  'bearer-only': true,
  'realm-public-key': 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvu9sBYl0OR/k9v93OWDwha99m7WGAlfWIZXEFiFQAXV0FUJ+Hwi5exSPYsXt6QPa4W+0aOEWDUtsKzF0fuld+0mofPUIo9xvtElVxPanpAPLxXYrqiVOsBT7k9wlpmqyOg26y3ySyrPqizuvT+BWozP8D7pvGNN54I9QHS5cHWRz+Kn8JCKEOQ00Z+0Zkopega6WVGCH0NSroUYFQnlBR0uBjURbWBe8q+UthCAjsSMMt/slSJ0XOfYpDubGLYnXsdvMEt9NQ+SU513U/greSCmS1bEQ9RAdFMKzz/Zv/Ox74GLBUcUKLIXMFZ22Ugj6OfPzD26glYCxIZvY+nxdQQIDAQAB', // expect: oidc/no-hardcoded-jwt-key
});
