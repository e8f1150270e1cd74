import Hapi from '@hapi/hapi';
import HapiAuthJwt2 from 'hapi-auth-jwt2';
import { createIssuerKeySource, hapiAuthJwt2Key } from 'oidc-token-guard';
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders', algorithms: ['RS256'] });

export async function start() {
  const server = Hapi.server({ port: 3000 });
  await server.register(HapiAuthJwt2);
  server.auth.strategy('jwt', 'jwt', {
    key: hapiAuthJwt2Key(issuerKeySource),
    validate: async (payload: any, request: any, h: any) => ({ credentials: payload, ...(await (async (decoded: { sub?: string }) => ({ isValid: !!decoded.sub }))(payload, request, h)) }),
    verifyOptions: { algorithms: ['RS256'], issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders' },
    complete: true,
  });
  server.auth.default('jwt');
  return server;
}
