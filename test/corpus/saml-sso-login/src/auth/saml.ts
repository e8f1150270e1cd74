import { Strategy as SamlStrategy, type Profile, type VerifiedCallback } from '@node-saml/passport-saml';
import passport from 'passport';

// The Okta SAML app's signing certificate, from the app's "Sign On" tab.
const OKTA_SAML_CERT = `-----BEGIN CERTIFICATE-----
MIIDHTCCAgWgAwIBAgIUWDveOZtnFFNsrykOhxXykUJo0dowDQYJKoZIhvcNAQEL
BQAwHjEcMBoGA1UEAwwTc3NvLnBhcnRuZXIuZXhhbXBsZTAeFw0yNjExMjIwNTUy
MjVaFw0zNjExMTkwNTUyMjVaMB4xHDAaBgNVBAMME3Nzby5wYXJ0bmVyLmV4YW1w
bGUwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCLK81rBWuBmWCgoTR8
YF4TfZeiN3lv4DEOHWGjc7wTgx0Ebg8vHuj9uKrOFc+YnEShYlA16haggaHAIyhd
Q/mhBktNrcXSWKu6m++mUlA7fr9rG7Wowccz0jzUtgq4eEMR8hjnh4Ho3Fu8wTEE
zmAlO4IKa0yG/eWVAc0FcKRJskT9YOZzlW2lf+PwaJFZ0OhpT/3ZEzNfSXIaNSAs
d3AtYyTCEXspHf1tVz5442xv6UyTIJaUqsMLPdRt2P8nF0YN2oZdNRW225X4C3hg
ipuogIblrMskmPA3kDQjD8hAwuTBLlLQgOlMX2s8gdpk6ZUc/IZDxnsm9+1JgtJc
/b07AgMBAAGjUzBRMB0GA1UdDgQWBBSy5mL1m3c49fGx2GeM2nYt9itNJTAfBgNV
HSMEGDAWgBSy5mL1m3c49fGx2GeM2nYt9itNJTAPBgNVHRMBAf8EBTADAQH/MA0G
CSqGSIb3DQEBCwUAA4IBAQAnfj5ccFHDVcgvJTLY94vCcFbHW9unL8DLUaAcUnYq
3/q7sLEnfShklUOfASsmsmGXD4/cBaXe7vWoOsQ5Sz5aTC85Ydv+4m3s/NiC2nEC
sZnwlJl48UWcHJmeg5oTNJKB5RjtTJU6K3gma/EY8nxc2Uj/E3as49BF1eX3aCvx
T31jCQM8hvh87cA8wKjBdx5/fErDe92jt7iY/u2sp4IRNPTBvq0XJKqLWOwkhlJY
8vGYDLaMGZ+fYaJ+UojVWu3sJYAYSW4QLePED1Nsv/O0PdGd+p+oK2EBe4Vo/hFy
6/0SytJbT9KS6kUVc4w7Cl2fQ5E5NWFVGHdie51V2/nG
-----END CERTIFICATE-----`;

passport.use(
  'okta-saml',
  new SamlStrategy(
    {
      entryPoint: 'https://acme.okta.com/app/acme_portal_1/exk1a2b3c4d5e6f7g8h9/sso/saml',
      issuer: 'urn:acme:portal',
      callbackUrl: 'https://portal.acme.com/login/saml/callback',
      idpCert: OKTA_SAML_CERT,
      wantAssertionsSigned: true,
      acceptedClockSkewMs: 5000,
    },
    (profile: Profile | null | undefined, done: VerifiedCallback) => done(null, { email: profile?.nameID, groups: profile?.groups }),
    (profile: Profile | null | undefined, done: VerifiedCallback) => done(null, { email: profile?.nameID }),
  ),
);

export default passport;
