const samlify = require('samlify');
const validator = require('@authenio/samlify-node-xmllint');

samlify.setSchemaValidator(validator);

// Partner IdP for the B2B portal; they send their certificate with each renewal.
const PARTNER_SIGNING_CERT = 'MIIDHTCCAgWgAwIBAgIUWDveOZtnFFNsrykOhxXykUJo0dowDQYJKoZIhvcNAQELBQAwHjEcMBoGA1UEAwwTc3NvLnBhcnRuZXIuZXhhbXBsZTAeFw0yNjExMjIwNTUyMjVaFw0zNjExMTkwNTUyMjVaMB4xHDAaBgNVBAMME3Nzby5wYXJ0bmVyLmV4YW1wbGUwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCLK81rBWuBmWCgoTR8YF4TfZeiN3lv4DEOHWGjc7wTgx0Ebg8vHuj9uKrOFc+YnEShYlA16haggaHAIyhdQ/mhBktNrcXSWKu6m++mUlA7fr9rG7Wowccz0jzUtgq4eEMR8hjnh4Ho3Fu8wTEEzmAlO4IKa0yG/eWVAc0FcKRJskT9YOZzlW2lf+PwaJFZ0OhpT/3ZEzNfSXIaNSAsd3AtYyTCEXspHf1tVz5442xv6UyTIJaUqsMLPdRt2P8nF0YN2oZdNRW225X4C3hgipuogIblrMskmPA3kDQjD8hAwuTBLlLQgOlMX2s8gdpk6ZUc/IZDxnsm9+1JgtJc/b07AgMBAAGjUzBRMB0GA1UdDgQWBBSy5mL1m3c49fGx2GeM2nYt9itNJTAfBgNVHSMEGDAWgBSy5mL1m3c49fGx2GeM2nYt9itNJTAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQAnfj5ccFHDVcgvJTLY94vCcFbHW9unL8DLUaAcUnYq3/q7sLEnfShklUOfASsmsmGXD4/cBaXe7vWoOsQ5Sz5aTC85Ydv+4m3s/NiC2nECsZnwlJl48UWcHJmeg5oTNJKB5RjtTJU6K3gma/EY8nxc2Uj/E3as49BF1eX3aCvxT31jCQM8hvh87cA8wKjBdx5/fErDe92jt7iY/u2sp4IRNPTBvq0XJKqLWOwkhlJY8vGYDLaMGZ+fYaJ+UojVWu3sJYAYSW4QLePED1Nsv/O0PdGd+p+oK2EBe4Vo/hFy6/0SytJbT9KS6kUVc4w7Cl2fQ5E5NWFVGHdie51V2/nG';

const idp = samlify.IdentityProvider({
  entityID: 'https://sso.partner.example/idp',
  signingCert: PARTNER_SIGNING_CERT,
  singleSignOnService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: 'https://sso.partner.example/sso' }],
  wantAuthnRequestsSigned: false,
});

const sp = samlify.ServiceProvider({
  entityID: 'urn:acme:b2b-portal',
  assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: 'https://b2b.acme.com/saml/acs' }],
});

async function consume(req) {
  const { extract } = await sp.parseLoginResponse(idp, 'post', req);
  return { email: extract.nameID, attributes: extract.attributes };
}

module.exports = { idp, sp, consume };
