import koaJwt from 'koa-jwt';
import fastifyJwt from '@fastify/jwt';

export const koa = koaJwt({ secret, issuer: 'https://acme.okta.com' });
export const register = (app: { register: Function }) => app.register(fastifyJwt, { secret, verify: { allowedIss: 'https://acme.okta.com' } });
