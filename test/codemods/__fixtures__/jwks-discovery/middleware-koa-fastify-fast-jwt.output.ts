import koaJwt from 'koa-jwt';
import fastifyJwt from '@fastify/jwt';
import { createVerifier } from 'fast-jwt';
import { createIssuerKeySource, koaJwtSecret, fastifyJwtSecret, fastJwtKey } from 'oidc-token-guard';
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders' });

export const koa = koaJwt({ secret: koaJwtSecret(issuerKeySource), issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders', algorithms: ['RS256'] });
export const register = (app: { register: Function }) => app.register(fastifyJwt, { secret: { public: fastifyJwtSecret(issuerKeySource) }, decode: { complete: true }, verify: { algorithms: ['RS256'], allowedIss: 'https://acme.okta.com/oauth2/ausorders', allowedAud: 'api://orders' } });
const verify = createVerifier({ key: fastJwtKey(issuerKeySource), allowedIss: 'https://acme.okta.com/oauth2/ausorders', allowedAud: 'api://orders', algorithms: ['RS256'] });

export async function subjectOf(authorization: string): Promise<string> {
  return (await verify(authorization.replace(/^Bearer /, ''))).sub;
}
