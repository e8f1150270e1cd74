import Jwt from '@hapi/jwt';
import type { Server } from '@hapi/hapi';
import settings from '../config/okta-settings';

export async function registerHapiJwt(server: Server) {
  await server.register(Jwt);
  server.auth.strategy('okta-org', 'jwt', {
    keys: { uri: settings.jwksUri },
    verify: {
      aud: settings.audience,
      iss: settings.orgUrl, // expect: oidc/no-org-as-local-verification
      sub: false,
      nbf: true,
      exp: true,
      maxAgeSec: 3600,
    },
    validate: () => ({ isValid: true }),
  });

  // The partner's custom authorization server: local verification is right there.
  server.auth.strategy('partner', 'jwt', {
    keys: { uri: `${settings.partnerIssuer}/v1/keys` },
    verify: { aud: 'api://partner', iss: settings.partnerIssuer, sub: false, nbf: true, exp: true, maxAgeSec: 3600 },
    validate: () => ({ isValid: true }),
  });
}
