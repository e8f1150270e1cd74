// introspectingFastifyHook in a real Fastify app, replacing @fastify/jwt at an org authorization server site.
import Fastify from 'fastify';
import { expect } from 'vitest';
import { FASTIFY, introspectingFastifyHook, introspectingFastifyJwt } from '../../../src/runtime/index.js';
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

describeIntrospectingMiddleware({
  framework: 'fastify (introspectingFastifyJwt in place of @fastify/jwt, answered by Fastify\'s error handler)',
  property: 'request.user, through await request.jwtVerify()',
  async start(introspector) {
    const app = Fastify();
    // Registered at the root but decorating it (skip-override), as @fastify/jwt does: the route sees request.jwtVerify.
    await app.register(introspectingFastifyJwt as never, { introspector });
    app.get('/orders', async (request) => {
      const answer = await (request as unknown as { jwtVerify(): Promise<unknown> }).jwtVerify();
      expect((request as unknown as { user: unknown }).user).toBe(answer);
      return answer;
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}/orders`, close: () => app.close() };
  },
});

describeIntrospectingMiddleware({
  framework: 'fastify (introspectingFastifyJwt, jwtVerify with a callback in an onRequest hook)',
  property: 'request.user',
  async start(introspector) {
    const app = Fastify();
    await app.register(introspectingFastifyJwt as never, { introspector });
    app.addHook('onRequest', (request, reply, done) => {
      (request as unknown as { jwtVerify(callback: (error: Error | null) => void): void }).jwtVerify((error) => done(error ?? undefined));
    });
    app.get('/orders', async (request) => (request as unknown as { user: unknown }).user);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}/orders`, close: () => app.close() };
  },
});
