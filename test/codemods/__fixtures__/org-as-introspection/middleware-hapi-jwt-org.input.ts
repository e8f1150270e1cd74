// @hapi/jwt at the org: the strategy keeps its name; validate gets the introspection answer as the payload.
import Hapi from '@hapi/hapi';
import Jwt from '@hapi/jwt';

export async function init(): Promise<Hapi.Server> {
  const server = Hapi.server({ port: 0 });
  await server.register(Jwt);
  server.auth.strategy('org', 'jwt', {
    keys: { key: process.env.OKTA_ORG_PUBLIC_KEY!, algorithms: ['RS256'] },
    verify: { aud: false, iss: 'https://acme.okta.com', sub: false },
    validate: (artifacts: { decoded: { payload: { sub: string } } }) => ({ isValid: true, credentials: { user: artifacts.decoded.payload.sub } }),
  });
  return server;
}
