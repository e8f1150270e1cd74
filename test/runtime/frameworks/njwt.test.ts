// njwt's verifier in a node:http server, with njwtKeyResolver and the claim checks njwt does not make.
import { expect, it } from 'vitest';
import nJwt from 'njwt';
import { ConfigurationError, createIssuerKeySource, NJWT, njwtKeyResolver } from '../../../src/runtime/index.js';
import { API_AUDIENCE } from '../support/provider.js';
import { describeKeyAdapter, plainHttpApp } from './support/key-adapter-suite.js';

describeKeyAdapter({
  library: NJWT,
  async start({ source }) {
    const verifier = nJwt.createVerifier().setSigningAlgorithm(source.algorithms[0]!).withKeyResolver(njwtKeyResolver(source));
    return plainHttpApp(
      (token) =>
        new Promise((resolve, reject) => {
          if (token === undefined) return reject(Object.assign(new Error('no token'), { statusCode: 401 }));
          verifier.verify(token, (error, jwt) => {
            if (error || !jwt) return reject(error ?? new Error('no jwt'));
            try {
              resolve(source.checkClaims(jwt.body as unknown as Record<string, unknown>));
            } catch (failure) {
              reject(failure);
            }
          });
        }),
    );
  },
  extra: (state) => {
    it('refuses a key source with more than one algorithm, since njwt verifies one', () => {
      const { harness } = state();
      const source = createIssuerKeySource({ issuer: harness.issuer, audience: API_AUDIENCE, algorithms: ['RS256', 'ES256'], allowHttpForLoopback: true });
      expect(() => njwtKeyResolver(source)).toThrow(ConfigurationError);
    });
  },
});
