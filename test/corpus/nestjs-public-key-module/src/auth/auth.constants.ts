// Shared by the HTTP strategy and the module registration below.
export const JWT_ISSUER = 'https://acme.okta.com/oauth2/default';
export const JWT_AUDIENCE = 'api://default';

export const JWT_PUBLIC_KEY = [ // expect: oidc/no-hardcoded-jwt-key
  '-----BEGIN PUBLIC KEY-----',
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqplepNjA/kT+MjEanPZE',
  'k1ZDw7cSvL4hNb/f0HSEopnpM2no2CmRal133mRjOoQ+UVLkJnivgY6R8BDt5ewM',
  'sPEW8YaereWOriEHwn5lEh+4YWYLp2mrEbThY8slzDoAFBPhgzkLy8SkTMDLGIH/',
  'Bx5/E75JzLYTIfpRyd4m7ManN4Bm/21GgCvUcvz7LialGgA4BZ8RJRBrABZMlIEy',
  'DX5HFaZfn7Tjx9c+mJ4bPaewZIBAz7EmAYaqY9xdtVF33XCChmmXURRS36QZvUjy',
  'rgNzZusXybv+1nDq/Cp3I9nodypDl3E4m9W+UQDLhmPkvcJ1KOmcv/nDylyiAZMu',
  'awIDAQAB',
  '-----END PUBLIC KEY-----',
].join('\n');
