import buildGetJwks from 'get-jwks';

export const getJwks = buildGetJwks({ max: 10, ttl: 60 * 60 * 1000, providerDiscovery: true });
