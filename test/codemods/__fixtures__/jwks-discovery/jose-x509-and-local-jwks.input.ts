import * as jose from 'jose';

const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIC/zCCAeegAwIBAgIUR+M2Eet/V/9ahK6TThIx2f/VD3IwDQYJKoZIhvcNAQEL
BQAwDzENMAsGA1UEAwwEdGVzdDAeFw0yNjExMjIwNTM4NDNaFw0zNjExMTkwNTM4
NDNaMA8xDTALBgNVBAMMBHRlc3QwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDGluiOJqrzUgJPMmYboP4Mtv5P66APbTU+O2A4PkbCkl9VDjDV3epYuDo5
X3h+3RiyidNwarK9XVI4IWO6DZad+dlchraPK3vsz9kkEa8fdDCc62zzj7y6lPye
7z2RVwdbEfIURexqExCiKwVm+Yb7DTHcUvjNdVbePOfvSgXybninl/vaWFL8Zr1P
PXIaD5EdmCc/a3xJJzMUMt/uqPglQQAvmx2f2Crq5qc82ewE2UhPSrGUQnetnHR5
d8YtTEk9EetIpZSzTY3jXqGYMruBIHBRxawzODBMMSjr2kQXI7Ix1JqSZdTqd+lB
TT6Si4LbD3Kg1okdR7B4VGaBRzwvAgMBAAGjUzBRMB0GA1UdDgQWBBSUmd9u0tJ8
4XlDEeoBUMabtG/3zjAfBgNVHSMEGDAWgBSUmd9u0tJ84XlDEeoBUMabtG/3zjAP
BgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQCChunwVypcu2TnSOtt
zly+kV4+RgKaM4asWhq1gj5OEew2jn1m7SsiQS+E+AHfo1BRm9T2OOrMAYiM0EPT
xM6tZun8OEdmL4RV77JSgyI5E1il9o350ul1ZmzSzmOMwSGp+wGMI3UFKOqFVASf
g3LTqZjjl4hL5KtLzEaa9Tf0osLRzUP4w0AZVEafCopWLl54N8hFc+TIMhbk1PxR
yfwDLBrpliGPK8jdUDXUNaD51vPf1JesCb99TmkkbqyyVhGHBBM8W2h7gg3mrUkj
K1ce7KemDSDCz+BRwMLeTIygIENdv+q9FAG5svoBj+ioBzIxegImleh4E6AxkU6B
j2GK
-----END CERTIFICATE-----`;
const JWKS = jose.createLocalJWKSet({ keys: [{"kty":"RSA","n":"vLJH3dzTA76FqGtX7K66ByMWo-M-gf_fy9jNJ-FXWjyBh0ftxSsRjwwZmF_eYxtNN8E4ffaSFzM_zIQzGYoZrmpJ5qu_vNUTfH8_NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1VzsLjVitE58SfK5cUJeQGganvAwPZXMfRTPz-JClPbY7QSciELhdgDz4alFiwkSqw69gwESHM52EZp9Mmtl07d6kLAMjJhjRpn-CE-GZLNHjP1bACJPPjykSc3NMUauNunRs_QknabnKQ5-1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm-dszNZAonPLfw","e":"AQAB","kid":"k1","alg":"RS256","use":"sig"}, {"kty":"EC","x":"SMPaBTfreFfPeoBvCxHNIfbWAQafjZjeYds40ALrKak","y":"erbMJFgYwpEU1GHjoH87OqJ3adNktv3FkTCQ9W0dReQ","crv":"P-256","kid":"k2"}] });

export async function checkWithCertificate(token: string) {
  const key = await jose.importX509(CERTIFICATE, 'RS256');
  return (await jose.jwtVerify(token, key, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' })).payload;
}

export async function checkWithKeySet(token: string) {
  await jose.jwtVerify(token, JWKS, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
}
