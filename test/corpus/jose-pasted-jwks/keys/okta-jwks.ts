// Okta's signing keys, pasted from https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9/v1/keys so that CI
// can run without network access. Refresh by hand when Okta rotates (TODO: automate).
export const OKTA_JWKS = { // expect: oidc/no-hardcoded-jwt-key
  keys: [
    {
      kty: 'RSA',
      alg: 'RS256',
      kid: 'Xk3pQm2vR8sT1uW5yZ7aB9cD0eF4gH6iJ8kL1mN3oP5',
      use: 'sig',
      e: 'AQAB',
      n: 'kOj3w38B6Jdk0Ylrv4AaTXQoRS1EUYXfHX2BqUe1M9OPjPpW5htkZPnW-UgrXzWxKigYJCson86_QFAfTFhHwR7S_vySe-z_HbSLnvjzzoFayDJJbswwWS87EJga4VZxUP2q2pNm4k1f6tfyZCswcnRMUrXeeP6Ly4OgyPE287yzOKCJPD0pv9hikNX4yz7AQZc63PN9tuY3s3sXrv27tC9asZxdbof-buOnjdjdexcYwQm_yHLr90QdgbZpDTmnGMFZMRyeb0R-UdZGGxWrLdeW8TzbAKIRs8CGXf5gJwfP3mx05w2aLs9RscQBl3MaaCXL73AbR19N_0PMvW2OGQ',
    },
    {
      kty: 'EC',
      crv: 'P-256',
      kid: 'ec-2024-03',
      use: 'sig',
      x: 'TvQnizO0o-ZmPNr3pOkyug5onZ3ikphWCX8_jf4K0TQ',
      y: 'xDljKrIi0C_aZxiOq8bhZK_H2ijsHpbr-Q8-b_9UNPk',
    },
  ],
} as const;

export const OKTA_ISSUER = 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9';
