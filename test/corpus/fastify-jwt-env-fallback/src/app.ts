import Fastify from 'fastify';
import authenticate from './plugins/authenticate';
import orderRoutes from './routes/orders';

export async function buildApp() {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  await app.register(authenticate);
  await app.register(orderRoutes, { prefix: '/api' });
  return app;
}

if (process.env.NODE_ENV !== 'test') {
  const app = await buildApp();
  await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
}
