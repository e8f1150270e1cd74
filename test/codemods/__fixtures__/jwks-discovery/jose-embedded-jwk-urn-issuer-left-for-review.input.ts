import { EmbeddedJWK, jwtVerify } from 'jose';

// The event bus is no OpenID provider: its issuer is a URN, with no discovery document behind it.
export async function eventBusEvent(token: string) {
  const { payload, protectedHeader } = await jwtVerify(token, EmbeddedJWK, { issuer: 'urn:acme:event-bus' });
  return { payload, kid: protectedHeader.kid };
}
