// @hapi/jwt in a real hapi server, with hapiJwtKeys.
import { expect, it } from 'vitest';
import Hapi from '@hapi/hapi';
import Jwt from '@hapi/jwt';
import { HAPI_JWT, hapiJwtKeys, type HapiJwtArtifacts, type HapiJwtKeys } from '../../../src/runtime/index.js';
import { call, describeKeyAdapter } from './support/key-adapter-suite.js';

let lastArtifacts: HapiJwtArtifacts | undefined;

/** The same key function, keeping the artifacts it was given for the test to read. */
function recording(keys: HapiJwtKeys): HapiJwtKeys {
  return (artifacts, request) => {
    lastArtifacts = artifacts;
    return keys(artifacts, request);
  };
}

describeKeyAdapter({
  library: HAPI_JWT,
  async start({ source, issuer, audience }) {
    const server = Hapi.server({ host: '127.0.0.1', port: 0 });
    await server.register(Jwt);
    server.auth.strategy('jwt', 'jwt', {
      keys: recording(hapiJwtKeys(source)),
      verify: { aud: audience, iss: issuer, sub: false, nbf: true, exp: true, maxAgeSec: 0, timeSkewSec: 5 },
      validate: () => ({ isValid: true }),
    } as never);
    server.route({ method: 'GET', path: '/orders', options: { auth: 'jwt' }, handler: (request) => request.auth.credentials });
    await server.start();
    return { url: `${server.info.uri}/orders`, close: () => server.stop() };
  },
  extra: (state) => {
    it('answers a refused token 401 with no key, keeping the reason, naming the library, in the artifacts', async () => {
      const { harness, app } = state();
      lastArtifacts = undefined;
      expect((await call(app.url, await harness.idToken())).status).toBe(401);
      const refusal = (lastArtifacts as HapiJwtArtifacts | undefined)?.oidcRefusal as { code?: string; message?: string } | undefined;
      expect(refusal?.code).toBe('id_token');
      expect(refusal?.message).toMatch(/^@hapi\/jwt: /);
    });
  },
});
