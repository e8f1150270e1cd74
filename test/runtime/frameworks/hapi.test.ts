// introspectionHapiScheme in a real hapi server, replacing hapi-auth-jwt2 at an org authorization server site.
import Hapi from '@hapi/hapi';
import { HAPI, HAPI_INTROSPECTION_SCHEME, introspectionHapiScheme } from '../../../src/runtime/index.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';

describeIntrospectingMiddleware({
  framework: HAPI,
  property: 'request.auth.credentials',
  async start(introspector) {
    const server = Hapi.server({ host: '127.0.0.1', port: 0 });
    server.auth.scheme(HAPI_INTROSPECTION_SCHEME, introspectionHapiScheme);
    server.auth.strategy('okta', HAPI_INTROSPECTION_SCHEME, { introspector });
    server.route({ method: 'GET', path: '/orders', options: { auth: 'okta' }, handler: (request) => request.auth.credentials });
    await server.start();
    return { url: `${server.info.uri}/orders`, close: () => server.stop() };
  },
});
