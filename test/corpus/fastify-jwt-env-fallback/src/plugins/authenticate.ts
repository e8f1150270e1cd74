import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

// Local development only: production sets OKTA_PUBLIC_KEY. (It is also what runs when someone forgets.)
const DEV_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqplepNjA/kT+MjEanPZE\nk1ZDw7cSvL4hNb/f0HSEopnpM2no2CmRal133mRjOoQ+UVLkJnivgY6R8BDt5ewM\nsPEW8YaereWOriEHwn5lEh+4YWYLp2mrEbThY8slzDoAFBPhgzkLy8SkTMDLGIH/\nBx5/E75JzLYTIfpRyd4m7ManN4Bm/21GgCvUcvz7LialGgA4BZ8RJRBrABZMlIEy\nDX5HFaZfn7Tjx9c+mJ4bPaewZIBAz7EmAYaqY9xdtVF33XCChmmXURRS36QZvUjy\nrgNzZusXybv+1nDq/Cp3I9nodypDl3E4m9W+UQDLhmPkvcJ1KOmcv/nDylyiAZMu\nawIDAQAB\n-----END PUBLIC KEY-----\n';

declare module 'fastify' {
  interface FastifyInstance {
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export default fp(async function authenticate(fastify: FastifyInstance) {
  await fastify.register(fastifyJwt, {
    secret: {
      public: process.env.OKTA_PUBLIC_KEY ?? DEV_PUBLIC_KEY, // expect: oidc/no-hardcoded-jwt-key
    },
    verify: {
      algorithms: ['RS256'],
      allowedIss: 'https://acme.okta.com/oauth2/default',
      allowedAud: 'api://default',
    },
  });

  fastify.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await request.jwtVerify();
    } catch (error) {
      reply.code(401).send({ error: 'invalid_token', message: (error as Error).message });
    }
  });
});
