import type { Server } from '@hapi/hapi';
import HapiAuthJwt2 from 'hapi-auth-jwt2';
import jwksRsa from 'jwks-rsa';
import settings from '../config/okta-settings';

export async function registerJwt2(server: Server) {
  await server.register(HapiAuthJwt2);
  server.auth.strategy('okta', 'jwt', {
    complete: true,
    key: jwksRsa.hapiJwt2KeyAsync({
      cache: true,
      rateLimit: true,
      jwksUri: settings.jwksUri, // expect: oidc/no-org-as-local-verification
    }),
    verifyOptions: { audience: settings.audience, algorithms: ['RS256'] },
    validate: async (decoded: { sub?: string }) => ({ isValid: !!decoded.sub }),
  });
}
