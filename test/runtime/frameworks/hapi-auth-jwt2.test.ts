// hapi-auth-jwt2 in a real hapi server, with hapiAuthJwt2Key (complete: true).
import { expect, it } from 'vitest';
import Hapi from '@hapi/hapi';
import * as hapiAuthJwt2Module from 'hapi-auth-jwt2';
import { HAPI_AUTH_JWT2, hapiAuthJwt2Key, type IssuerKeySource } from '../../../src/runtime/index.js';
import { API_AUDIENCE } from '../support/provider.js';
import { call, describeKeyAdapter, type AppUnderTest } from './support/key-adapter-suite.js';

// Its types say `export =`, in a package of type module: the default import is the plugin at run time.
const hapiAuthJwt2 = (hapiAuthJwt2Module as unknown as { default: Hapi.Plugin<unknown> }).default;

let lastExtraInfo: Record<string, unknown> | undefined;

async function hapiApp(source: IssuerKeySource, issuer: string, audience: string, options: { complete: boolean }): Promise<AppUnderTest> {
  const server = Hapi.server({ host: '127.0.0.1', port: 0 });
  await server.register(hapiAuthJwt2);
  server.auth.strategy('jwt', 'jwt', {
    key: hapiAuthJwt2Key(source),
    complete: options.complete,
    // With complete: true the credentials would be { header, payload, signature }; the payload keeps their old shape.
    validate: async (payload: unknown) => ({ isValid: true, credentials: payload }),
    verifyOptions: { algorithms: ['RS256'], issuer, audience },
  } as never);
  server.ext('onPreResponse', (request, h) => {
    lastExtraInfo = (request.plugins as Record<string, { extraInfo?: Record<string, unknown> }>)['hapi-auth-jwt2']?.extraInfo;
    return h.continue;
  });
  server.route({ method: 'GET', path: '/orders', options: { auth: 'jwt' }, handler: (request) => request.auth.credentials });
  await server.start();
  return { url: `${server.info.uri}/orders`, close: () => server.stop() };
}

describeKeyAdapter({
  library: HAPI_AUTH_JWT2,
  start: ({ source, issuer, audience }) => hapiApp(source, issuer, audience, { complete: true }),
  extra: (state) => {
    it('answers a refused token with hapi-auth-jwt2\'s own 401 and keeps the reason, naming the library, in extraInfo', async () => {
      const { harness, app } = state();
      lastExtraInfo = undefined;
      expect((await call(app.url, await harness.idToken())).status).toBe(401);
      const refusal = (lastExtraInfo as Record<string, unknown> | undefined)?.refusal as { code?: string; message?: string } | undefined;
      expect(refusal?.code).toBe('id_token');
      expect(refusal?.message).toMatch(/^hapi-auth-jwt2: /);
    });

    it('without complete: true, refuses every token (500: the key function cannot find a key without the header)', async () => {
      const { harness, source } = state();
      const incomplete = await hapiApp(source, harness.issuer, API_AUDIENCE, { complete: false });
      try {
        expect((await call(incomplete.url, await harness.clientCredentialsToken(API_AUDIENCE))).status).toBe(500);
      } finally {
        await incomplete.close();
      }
    });
  },
});
