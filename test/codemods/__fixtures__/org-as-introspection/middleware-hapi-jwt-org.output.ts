// @hapi/jwt at the org: the strategy keeps its name; validate gets the introspection answer as the payload.
import Hapi from '@hapi/hapi';
import Jwt from '@hapi/jwt';
import { createTokenIntrospector, introspectionHapiStrategy } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET! });

export async function init(): Promise<Hapi.Server> {
  const server = Hapi.server({ port: 0 });
  await server.register(Jwt);
  introspectionHapiStrategy(server, 'org', {
    introspector: tokenIntrospector,
    validate: (claims, request, h, token) => ((artifacts: { decoded: { payload: { sub: string } } }) => ({ isValid: true, credentials: { user: artifacts.decoded.payload.sub } }))({ token, decoded: { payload: claims } } as any, request, h),
  });
  return server;
}
