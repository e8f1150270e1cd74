// introspectingFastifyHook in a real Fastify app, replacing @fastify/jwt at an org authorization server site.
import Fastify from 'fastify';
import { FASTIFY, introspectingFastifyHook } from '../../../src/runtime/index.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';

describeIntrospectingMiddleware({
  framework: FASTIFY,
  property: 'request.user (as @fastify/jwt)',
  async start(introspector) {
    const app = Fastify();
    // @fastify/jwt's types (loaded by another test) declare request.user; the value is replaced on each request.
    app.decorateRequest('user', null as never);
    app.addHook('onRequest', introspectingFastifyHook({ introspector }));
    app.get('/orders', async (request) => (request as unknown as { user: unknown }).user);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}/orders`, close: () => app.close() };
  },
});
