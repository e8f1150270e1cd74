import type { FastifyInstance } from 'fastify';

export default async function orderRoutes(fastify: FastifyInstance) {
  fastify.get('/orders', { onRequest: [fastify.authenticate] }, async (request) => {
    const { sub } = request.user as { sub: string };
    return fastify.db.orders.listFor(sub);
  });

  fastify.delete<{ Params: { id: string } }>('/orders/:id', { onRequest: [fastify.authenticate] }, async (request, reply) => {
    await fastify.db.orders.cancel(request.params.id);
    reply.code(204).send();
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    db: { orders: { listFor(sub: string): Promise<unknown[]>; cancel(id: string): Promise<void> } };
  }
}
