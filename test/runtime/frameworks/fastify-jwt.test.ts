// @fastify/jwt in a real Fastify app, with fastifyJwtSecret (decode: { complete: true }).
import { expect, it } from 'vitest';
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { FASTIFY_JWT, fastifyJwtSecret } from '../../../src/runtime/index.js';
import { API_AUDIENCE } from '../support/provider.js';
import { call, describeKeyAdapter, type AppUnderTest } from './support/key-adapter-suite.js';
import type { IssuerKeySource } from '../../../src/runtime/index.js';

async function fastifyApp(source: IssuerKeySource, issuer: string, audience: string, complete: boolean): Promise<AppUnderTest> {
  const app = Fastify();
  await app.register(fastifyJwt, {
    secret: { public: fastifyJwtSecret(source) as never },
    ...(complete ? { decode: { complete: true } } : {}),
    verify: { algorithms: ['RS256'], allowedIss: issuer, allowedAud: audience },
  });
  app.get('/orders', async (request) => {
    await request.jwtVerify();
    return request.user;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/orders`, close: () => app.close() };
}

describeKeyAdapter({
  library: FASTIFY_JWT,
  start: ({ source, issuer, audience }) => fastifyApp(source, issuer, audience, true),
  extra: (state) => {
    it('without decode: { complete: true }, refuses every token with a 500 that says to set it', async () => {
      const { harness, source } = state();
      const incomplete = await fastifyApp(source, harness.issuer, API_AUDIENCE, false);
      try {
        const { status, body } = await call(incomplete.url, await harness.clientCredentialsToken(API_AUDIENCE));
        expect(status).toBe(500);
        expect(JSON.stringify(body)).toContain('complete: true');
      } finally {
        await incomplete.close();
      }
    });
  },
});
