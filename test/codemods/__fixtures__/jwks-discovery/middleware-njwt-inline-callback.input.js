'use strict';

const nJwt = require('njwt');

const SIGNING_CERT = '-----BEGIN CERTIFICATE-----\nMIIDETCCAfmgAwIBAgIUcNQUkgZ6RWpoLwTQcSdNiV9M5LUwDQYJKoZIhvcNAQEL\nBQAwGDEWMBQGA1UEAwwNYWNtZS5va3RhLmNvbTAeFw0yNjExMjIwNTUyMjVaFw0z\nNjExMTkwNTUyMjVaMBgxFjAUBgNVBAMMDWFjbWUub2t0YS5jb20wggEiMA0GCSqG\nSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDiiFf1dBrCRF3IY615w6CiKmWWnL/sPKzq\nWZf7YUOwkkSmQXzymPqYjlNK6IochNgPzIL0HRtgWDJ4U81k8VAyF7clf52FvzJ1\nuJExtAN4L5XMpxebALM5F4xxOI2u2R1tdMa5ta3FrDYJAK4RM7H2PvgT4WLNkmWW\nmKRd+KTWk1r7xCXGoAXQOlr+VeTvsWWzhai6XrbrcNf6VdiYVW28OBiED/pNBy4A\nljcWwIU+vdUTQleIde6ku0+nf0wgGcR84H9GDnGI/4NmFRn+biY4TM42yWwIV0Vo\n4pfUibYbVS0Q9czzz6/MTJS2LHCZvS3SK/m4P7UglZfukkqdOcMJAgMBAAGjUzBR\nMB0GA1UdDgQWBBQKnP1RsiaII1GjavHQvaf2KzX3czAfBgNVHSMEGDAWgBQKnP1R\nsiaII1GjavHQvaf2KzX3czAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUA\nA4IBAQC+c/khmhVKqNNb5mOD1jbjF8CJ17Xr3QjuBZvyVi11te8Vsz5MtfECEH5e\nAn0JEDu8lAN+NgBzcHCRJaBFEJoB0ScEHrsXvPmGT4bCe16+7ujVOXyDD0KYg7S9\nfWHwz0bG1wyl+sVxkPD6+9E0sQql6UoYmPyB891UpoFZzmnmWC7XrhBVvL/yfPmp\n0G+W88elBj5ix+PYnV0kwqIAGysIrZ/uVtzSBT1DXoSgwQ3QV7HblGkJTrVWN1kB\nC9eHpRCPa26pHPKxSvLhLXNs2CDtqavsispH6AlWGhhEYsGXZmBaxcxJlC1QctWV\nyeNcBo1gKFRkKgIJw8fdzYBiv75M\n-----END CERTIFICATE-----\n';

module.exports = function verifyWithNjwt(token) {
  return new Promise((resolve, reject) => {
    nJwt.verify(token, SIGNING_CERT, 'RS256', (err, verified) => {
      if (err) return reject(err);
      return resolve(verified.body);
    });
  });
};
