'use strict';

const { KJUR, KEYUTIL } = require('jsrsasign');

const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1ajiijtfZKP97lCoLyVs
KVSqIWorOGjuviazdqp5DTc0m0OsxDNLOXrjj5EruiT6NiWQxIrPyZtbx6O8aSN/
FNcbBKWPRi4WeEIG+8uRVGtUeLYiqvDdOOXTz4uRsTsas9TD93Yns8dMhopus0Q8
8mg1HEs9b/A7vulrPU9wg4/xnMK5S/YtuPQoUJUgPfDffrsv1gL6BkfpTBjnX63J
/DyqCd4z6z256z79+e/Ed8jMZVb4Jqijtz0Cdh5ZI6JpvUXwxJ+0undcboqnLbwL
ocXAacZKo4xlUgxZJccA0z6BS3YW4z+V+tDbhrctSG4FcZmyJHM+3+mtNqpuNiEq
0QIDAQAB
-----END PUBLIC KEY-----`;

const publicKey = KEYUTIL.getKey(OKTA_PUBLIC_KEY);

module.exports = function verifyWithJsrsasign(token) {
  const valid = KJUR.jws.JWS.verifyJWT(token, publicKey, { // expect: oidc/no-hardcoded-jwt-key
    alg: ['RS256'],
    iss: ['https://acme.okta.com/oauth2/default'],
    aud: ['api://default'],
    verifyAt: KJUR.jws.IntDate.getNow(),
  });
  if (!valid) throw new Error('invalid token');
  return KJUR.jws.JWS.readSafeJSONString(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
};
