// hapi-auth-jwt2 with jwks-rsa's helper on the org's keys (which needs complete: true): validate and the credentials
// keep seeing { payload }.
import type { Server } from '@hapi/hapi';
import HapiAuthJwt2 from 'hapi-auth-jwt2';
import { createTokenIntrospector, introspectionHapiStrategy } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET! });

export async function registerJwt2(server: Server) {
  await server.register(HapiAuthJwt2);
  introspectionHapiStrategy(server, 'okta', {
    introspector: tokenIntrospector,
    complete: true,
    validate: async (decoded: { payload: { sub?: string } }) => ({ isValid: !!decoded.payload.sub }),
  });
}
