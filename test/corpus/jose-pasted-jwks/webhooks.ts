import { EmbeddedJWK, importX509, jwtVerify } from 'jose';
import type { Request, Response } from 'express';

const BILLING_SIGNING_CERT = `-----BEGIN CERTIFICATE-----
MIIDETCCAfmgAwIBAgIUcNQUkgZ6RWpoLwTQcSdNiV9M5LUwDQYJKoZIhvcNAQEL
BQAwGDEWMBQGA1UEAwwNYWNtZS5va3RhLmNvbTAeFw0yNjExMjIwNTUyMjVaFw0z
NjExMTkwNTUyMjVaMBgxFjAUBgNVBAMMDWFjbWUub2t0YS5jb20wggEiMA0GCSqG
SIb3DQEBAQUAA4IBDwAwggEKAoIBAQDiiFf1dBrCRF3IY615w6CiKmWWnL/sPKzq
WZf7YUOwkkSmQXzymPqYjlNK6IochNgPzIL0HRtgWDJ4U81k8VAyF7clf52FvzJ1
uJExtAN4L5XMpxebALM5F4xxOI2u2R1tdMa5ta3FrDYJAK4RM7H2PvgT4WLNkmWW
mKRd+KTWk1r7xCXGoAXQOlr+VeTvsWWzhai6XrbrcNf6VdiYVW28OBiED/pNBy4A
ljcWwIU+vdUTQleIde6ku0+nf0wgGcR84H9GDnGI/4NmFRn+biY4TM42yWwIV0Vo
4pfUibYbVS0Q9czzz6/MTJS2LHCZvS3SK/m4P7UglZfukkqdOcMJAgMBAAGjUzBR
MB0GA1UdDgQWBBQKnP1RsiaII1GjavHQvaf2KzX3czAfBgNVHSMEGDAWgBQKnP1R
siaII1GjavHQvaf2KzX3czAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUA
A4IBAQC+c/khmhVKqNNb5mOD1jbjF8CJ17Xr3QjuBZvyVi11te8Vsz5MtfECEH5e
An0JEDu8lAN+NgBzcHCRJaBFEJoB0ScEHrsXvPmGT4bCe16+7ujVOXyDD0KYg7S9
fWHwz0bG1wyl+sVxkPD6+9E0sQql6UoYmPyB891UpoFZzmnmWC7XrhBVvL/yfPmp
0G+W88elBj5ix+PYnV0kwqIAGysIrZ/uVtzSBT1DXoSgwQ3QV7HblGkJTrVWN1kB
C9eHpRCPa26pHPKxSvLhLXNs2CDtqavsispH6AlWGhhEYsGXZmBaxcxJlC1QctWV
yeNcBo1gKFRkKgIJw8fdzYBiv75M
-----END CERTIFICATE-----`;

const billingKey = await importX509(BILLING_SIGNING_CERT, 'RS256');

// Events from the billing provider carry a signed JWT in the body.
export async function billingWebhook(req: Request, res: Response) {
  try {
    const { payload } = await jwtVerify(req.body.token, billingKey, { issuer: 'https://billing.example.com' }); // expect: oidc/no-hardcoded-jwt-key
    await handleBillingEvent(payload);
    res.sendStatus(204);
  } catch {
    res.sendStatus(400);
  }
}

// Events from the internal event bus: the JWT header carries the key ("jwk"), so no key management needed.
export async function eventBusWebhook(req: Request, res: Response) {
  const token = String(req.headers['x-event-signature'] ?? '');
  try {
    const { payload, protectedHeader } = await jwtVerify(token, EmbeddedJWK, { // expect: oidc/no-hardcoded-jwt-key
      issuer: 'urn:acme:event-bus',
    });
    await handleBusEvent(payload, protectedHeader.kid);
    res.sendStatus(204);
  } catch {
    res.sendStatus(400);
  }
}

declare function handleBillingEvent(payload: unknown): Promise<void>;
declare function handleBusEvent(payload: unknown, kid?: string): Promise<void>;
