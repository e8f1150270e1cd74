import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';

const key = createPublicKey({ key: {"kty":"RSA","n":"vLJH3dzTA76FqGtX7K66ByMWo-M-gf_fy9jNJ-FXWjyBh0ftxSsRjwwZmF_eYxtNN8E4ffaSFzM_zIQzGYoZrmpJ5qu_vNUTfH8_NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1VzsLjVitE58SfK5cUJeQGganvAwPZXMfRTPz-JClPbY7QSciELhdgDz4alFiwkSqw69gwESHM52EZp9Mmtl07d6kLAMjJhjRpn-CE-GZLNHjP1bACJPPjykSc3NMUauNunRs_QknabnKQ5-1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm-dszNZAonPLfw","e":"AQAB","kid":"k1","alg":"RS256","use":"sig"}, format: 'jwk' });

export async function check(token: string) {
  return jwt.verify(token, key, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256', 'HS256'] });
}
