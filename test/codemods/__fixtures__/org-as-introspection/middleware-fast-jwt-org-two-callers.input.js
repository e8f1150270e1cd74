// One org verifier called from three functions: the two sync ones become async, the awaited call stays as it is.
import { createVerifier } from 'fast-jwt';

const verify = createVerifier({ key: process.env.ORG_KEY, allowedIss: 'https://acme.okta.com' });

export function subjectOf(token) {
  return verify(token).sub;
}

export function scopesOf(token) {
  const claims = verify(token);
  return claims.scp;
}

export async function clientOf(token) {
  return (await verify(token)).cid;
}
