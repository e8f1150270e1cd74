import koaJwt from 'koa-jwt';
import fastifyJwt from '@fastify/jwt';
import { createVerifier } from 'fast-jwt';

const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\nByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ\nrmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs\nLjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69\ngwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR\ns/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL\nfwIDAQAB\n-----END PUBLIC KEY-----';

export const koa = koaJwt({ secret: PUBLIC_KEY });
export const register = (app: { register: Function }) => app.register(fastifyJwt, { secret: { public: PUBLIC_KEY } });
const verify = createVerifier({ key: PUBLIC_KEY });

export function subjectOf(authorization: string): string {
  return verify(authorization.replace(/^Bearer /, '')).sub;
}
