const nJwt = require('njwt');
const { KJUR, KEYUTIL } = require('jsrsasign');
const nodeJose = require('node-jose');

const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\nByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ\nrmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs\nLjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69\ngwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR\ns/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL\nfwIDAQAB\n-----END PUBLIC KEY-----';

exports.withNjwt = (token) => nJwt.verify(token, PUBLIC_KEY, 'RS256');
exports.withJsrsasign = (token) => KJUR.jws.JWS.verifyJWT(token, KEYUTIL.getKey(PUBLIC_KEY), { alg: ['RS256'] });
exports.withNodeJose = async (token) => nodeJose.JWS.createVerify(await nodeJose.JWK.asKey(PUBLIC_KEY, 'pem')).verify(token);
