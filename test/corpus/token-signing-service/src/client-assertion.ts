import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';

const TOKEN_ENDPOINT = 'https://acme.okta.com/oauth2/default/v1/token';
const CLIENT_ID = '0oa9z8y7x6w5v4u3t2s1';

// The service app's private key (the public half is registered in Okta). Sandbox tenant only.
const signingKey = await importJWK(
  {
    kty: 'RSA',
    kid: 'svc-sandbox-1',
    alg: 'RS256',
    e: 'AQAB',
    n: '0_JCPDaGqC333nicNdtUIjEC0r9GZpJ4whOumxLxK1ogA5r10-pfMR-forCMgr8faXIgAERGTXq936aIv9wIHGVIFFYObD-3NJOZoZxxNbw7Y9a7vpyhVsHjTqv8IKPMVf-lveBuPKmZigJrGwlnybqEruyTV_yJlrp0FtBS-I0SRkdRDFeVQeAKQof_qyavuHrpdXG4poMwOYHKKw2IwDyZVqKGtHSbilTqg6Zx5TIcNHNaqbnCxkqwCNsbyZDdNylK2DT-KdLbD5Lbt6pvFjZvnI8YQFY83iSv8Q7CoWILuU0UeeQb7mcCycdo7cM3xckGTBJdfF2zXTuB-7nFRQ',
    d: 'Am-eIcWJqiyvFORDfV36O1NfYi83Hq4vy6FAyEEBOxuT0x7IlQk0U2L26X6Ieuc58_MPGZmvSiwvOv8VwsjDYhoq6CruCwH3d9f7c89RwMmbUCQzb7cqpo3fcDPLV8-yJUnlLIfEFJfpbxvkgcDLq9akOEN5VRFOvogBlhKKZZdqHpuCiXYhoHrbkzuBcJ_WHqxj-NApXiwte2b1woYtm4VsInNBXzB5sc1iU5cJ6gri7_Ijc_1BAg786xHXBF1Onn2QJDvB_iFjz3Ip2jI0rnXaP7R622-2EvjdMdFteuNyEORYwAybKK8Zm_BAYWLUOCvE6ghowqyzAHnGqGWZ6Q',
    p: '_jQtmEegR_BiiCET7MRG3LM1AIennaccHPiOekkbkah2bCNai4bbLeiW4t8vqZ3ZqvYpXyndAxHhcN7KIawunWwH_Nv-OGo5s0KkzrEfSNbf0_XQhPVq1IbqY-hT8KEQNyRMOrjvnEOrw1g1aqvgLTWX6tFnJJFBQXVvD4KTZpk',
    q: '1XGka7b6u_13CEKP-AI5YSn5ehCqLpiUTyCDcV1ALGIbxLyJjL4Bzg7Pkui8n0xBl_WeN5yCmgs_MmZjiJ3pLe9Dam7H_GtEjOE-1hnPloPPBHqR3NDi6FImnQdp6snh3J-9FcZFkdX5xHxogbyXIax9NQk3JS2RTAlZsuctO40',
    dp: 'sXVNiywdeXsX3f5xgW04JuQ4EQmies1pM9RU6otU4qdfHHjFwfe_1Nm1U-YIyPk4NkAoe5WnA3idEAWHyGACHsWHAf-2Bj4pz7mrgdtmgpv2n2rQSbFmBb21rU9IIgjeYBBH4wqtw0H-i51tlO0tz4HFbxkGTyHUE1Ve1c4LBqk',
    dq: 'iP1M980Sk8ETuntuB1D2HsRf19YGQ62t0jMd6Y5d955oEBapeWkho2yiELnLBbpdhvgfObX7pH5_awuH6lDfLZoYfKDpPbpi3sBaIfOi5glmvoskPsLaPx0qpzHw6r3zdjQXmXgNgpIAofju4gV2QiiAm590gyoBzPlbVpVE1Kk',
    qi: 'fpD4utftmHoaVLKNnkNn09HmvbMTMCDU3dKlUEXptM7QaHxgr0cU9NLvlWgX2awW8CGZQRUb5TlVgEZg48eVzIgmVf9xgVSfYEKgjxU42ZtzJEqnNiZKRniz2rNp6hNPuFvpJfUZUR6kSdCk2opffOUiqWjnQwlqpKBzGEIykgI',
  },
  'RS256',
);

export async function getServiceToken(scopes: string[]): Promise<string> {
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: 'svc-sandbox-1' })
    .setIssuer(CLIENT_ID)
    .setSubject(CLIENT_ID)
    .setAudience(TOKEN_ENDPOINT)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(signingKey);

  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: scopes.join(' '),
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  const { access_token } = (await response.json()) as { access_token: string };
  return access_token;
}
