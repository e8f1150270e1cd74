import { WebSocketServer } from 'ws';
import { createVerifier } from 'fast-jwt';

const REALM_PUBLIC_KEY = `-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAkOj3w38B6Jdk0Ylrv4AaTXQoRS1EUYXfHX2BqUe1M9OPjPpW5htk
ZPnW+UgrXzWxKigYJCson86/QFAfTFhHwR7S/vySe+z/HbSLnvjzzoFayDJJbsww
WS87EJga4VZxUP2q2pNm4k1f6tfyZCswcnRMUrXeeP6Ly4OgyPE287yzOKCJPD0p
v9hikNX4yz7AQZc63PN9tuY3s3sXrv27tC9asZxdbof+buOnjdjdexcYwQm/yHLr
90QdgbZpDTmnGMFZMRyeb0R+UdZGGxWrLdeW8TzbAKIRs8CGXf5gJwfP3mx05w2a
Ls9RscQBl3MaaCXL73AbR19N/0PMvW2OGQIDAQAB
-----END RSA PUBLIC KEY-----`;

const verifyToken = createVerifier({
  key: REALM_PUBLIC_KEY, // expect: oidc/no-hardcoded-jwt-key
  algorithms: ['RS256'],
  allowedIss: 'https://sso.acme.io/realms/customers',
  allowedAud: 'gateway',
  cache: true,
});

export function attachRealtime(server) {
  const wss = new WebSocketServer({ server, path: '/realtime' });
  wss.on('connection', (socket, request) => {
    const url = new URL(request.url, 'http://localhost');
    try {
      const claims = verifyToken(url.searchParams.get('access_token') ?? '');
      socket.send(JSON.stringify({ type: 'welcome', sub: claims.sub }));
    } catch {
      socket.close(4401, 'unauthorized');
    }
  });
}
