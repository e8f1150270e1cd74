import jwt from "jsonwebtoken";
import jwkToPem from "jwk-to-pem";

const pem = jwkToPem({"kty":"RSA","n":"vLJH3dzTA76FqGtX7K66ByMWo-M-gf_fy9jNJ-FXWjyBh0ftxSsRjwwZmF_eYxtNN8E4ffaSFzM_zIQzGYoZrmpJ5qu_vNUTfH8_NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1VzsLjVitE58SfK5cUJeQGganvAwPZXMfRTPz-JClPbY7QSciELhdgDz4alFiwkSqw69gwESHM52EZp9Mmtl07d6kLAMjJhjRpn-CE-GZLNHjP1bACJPPjykSc3NMUauNunRs_QknabnKQ5-1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm-dszNZAonPLfw","e":"AQAB","kid":"k1","alg":"RS256","use":"sig"});

export function check(token) {
  return jwt.verify(token, pem);
}
