// hapi-auth-jwt2 with jwks-rsa's helper on the org's keys (which needs complete: true): validate and the credentials
// keep seeing { payload }.
import type { Server } from '@hapi/hapi';
import HapiAuthJwt2 from 'hapi-auth-jwt2';
import jwksRsa from 'jwks-rsa';

export async function registerJwt2(server: Server) {
  await server.register(HapiAuthJwt2);
  server.auth.strategy('okta', 'jwt', {
    complete: true,
    key: jwksRsa.hapiJwt2KeyAsync({ cache: true, jwksUri: 'https://acme.okta.com/oauth2/v1/keys' }),
    verifyOptions: { algorithms: ['RS256'] },
    validate: async (decoded: { payload: { sub?: string } }) => ({ isValid: !!decoded.payload.sub }),
  });
}
