// introspectionHapiScheme in a real hapi server, replacing hapi-auth-jwt2 at an org authorization server site.
import Hapi from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIntrospector, HAPI, HAPI_INTROSPECTION_SCHEME, introspectionHapiScheme, introspectionHapiStrategy } from '../../../src/runtime/index.js';
import { CLIENT_ID, CLIENT_SECRET, OPAQUE_RESOURCE, startProvider, type ProviderHarness } from '../support/provider.js';
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

describeIntrospectingMiddleware({
  framework: 'hapi (introspectionHapiStrategy, validate naming the credentials, as hapi-auth-jwt2\'s did)',
  property: 'request.auth.credentials',
  async start(introspector) {
    const server = Hapi.server({ host: '127.0.0.1', port: 0 });
    introspectionHapiStrategy(server, 'jwt', { introspector, validate: async (claims) => ({ isValid: true, credentials: { ...claims, validated: true } }) });
    server.route({ method: 'GET', path: '/orders', options: { auth: 'jwt' }, handler: (request) => request.auth.credentials });
    await server.start();
    return { url: `${server.info.uri}/orders`, close: () => server.stop() };
  },
});

describeIntrospectingMiddleware({
  framework: 'hapi (introspectionHapiStrategy with complete: true, as hapi-auth-jwt2 with jwks-rsa\'s helper had it)',
  property: 'request.auth.credentials.payload',
  async start(introspector) {
    const server = Hapi.server({ host: '127.0.0.1', port: 0 });
    introspectionHapiStrategy(server, 'jwt', {
      introspector,
      complete: true,
      validate: (decoded) => ({ isValid: (decoded as unknown as { payload: { active: boolean } }).payload.active }),
    });
    server.route({ method: 'GET', path: '/orders', options: { auth: 'jwt' }, handler: (request) => (request.auth.credentials as { payload: object }).payload });
    await server.start();
    return { url: `${server.info.uri}/orders`, close: () => server.stop() };
  },
});

describe('introspectionHapiStrategy: validate refuses a token with 401 and the challenge', () => {
  let harness: ProviderHarness;
  let server: Hapi.Server;

  beforeAll(async () => {
    harness = await startProvider();
    server = Hapi.server({ host: '127.0.0.1', port: 0 });
    const introspector = createTokenIntrospector({ issuer: harness.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowHttpForLoopback: true });
    // Two strategies on one server: each gets a scheme of its own.
    introspectionHapiStrategy(server, 'writers', { introspector, validate: (claims) => String(claims.scope).split(' ').includes('write') });
    introspectionHapiStrategy(server, 'readers', { introspector });
    server.route({ method: 'GET', path: '/orders', options: { auth: 'writers' }, handler: (request) => request.auth.credentials });
    server.route({ method: 'GET', path: '/catalog', options: { auth: 'readers' }, handler: () => ({ ok: true }) });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    await harness?.close();
  });

  it('answers 401 when validate says isValid false, 200 when it says true', async () => {
    const readOnly = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read');
    const refused = await fetch(`${server.info.uri}/orders`, { headers: { authorization: `Bearer ${readOnly}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const writer = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write');
    expect((await fetch(`${server.info.uri}/orders`, { headers: { authorization: `Bearer ${writer}` } })).status).toBe(200);
    expect((await fetch(`${server.info.uri}/catalog`, { headers: { authorization: `Bearer ${readOnly}` } })).status).toBe(200);
  });
});
