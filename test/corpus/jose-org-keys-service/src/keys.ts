import { createRemoteJWKSet } from 'jose';

// Whatever JWKS the deployment points at.
export const keyResolver = createRemoteJWKSet(new URL(process.env.JWKS_URI ?? 'http://localhost:8080/jwks.json'));
