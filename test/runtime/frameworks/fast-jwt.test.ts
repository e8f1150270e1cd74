// fast-jwt's async verifier in a node:http server, with fastJwtKey.
import { createVerifier } from 'fast-jwt';
import { FAST_JWT, fastJwtKey } from '../../../src/runtime/index.js';
import { describeKeyAdapter, plainHttpApp } from './support/key-adapter-suite.js';

describeKeyAdapter({
  library: FAST_JWT,
  async start({ source, issuer, audience }) {
    const verify = createVerifier({ key: fastJwtKey(source), algorithms: ['RS256'], allowedIss: issuer, allowedAud: audience });
    return plainHttpApp(async (token) => {
      if (token === undefined) throw Object.assign(new Error('no token'), { statusCode: 401 });
      return verify(token);
    });
  },
});
