// Okta's signing keys, pasted from https://acme.okta.com/oauth2/default/v1/keys so that tests run offline.
export const OKTA_JWKS = {
  keys: [
    {"kty":"RSA","n":"vLJH3dzTA76FqGtX7K66ByMWo-M-gf_fy9jNJ-FXWjyBh0ftxSsRjwwZmF_eYxtNN8E4ffaSFzM_zIQzGYoZrmpJ5qu_vNUTfH8_NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1VzsLjVitE58SfK5cUJeQGganvAwPZXMfRTPz-JClPbY7QSciELhdgDz4alFiwkSqw69gwESHM52EZp9Mmtl07d6kLAMjJhjRpn-CE-GZLNHjP1bACJPPjykSc3NMUauNunRs_QknabnKQ5-1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm-dszNZAonPLfw","e":"AQAB","kid":"k1","alg":"RS256","use":"sig"},
    {"kty":"EC","x":"SMPaBTfreFfPeoBvCxHNIfbWAQafjZjeYds40ALrKak","y":"erbMJFgYwpEU1GHjoH87OqJ3adNktv3FkTCQ9W0dReQ","crv":"P-256","kid":"k2"},
  ],
};
