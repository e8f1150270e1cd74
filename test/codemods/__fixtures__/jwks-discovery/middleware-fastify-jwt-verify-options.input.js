import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';

const app = Fastify();
app.register(fastifyJwt, {
  secret: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\nByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ\nrmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs\nLjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69\ngwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR\ns/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL\nfwIDAQAB\n-----END PUBLIC KEY-----',
  verify: { allowedIss: 'https://acme.okta.com/oauth2/ausorders', allowedAud: 'api://orders' },
});
app.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});

export default app;
