import Keycloak from 'keycloak-connect';

const REALM_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZrmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1VzsLjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69gwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunRs/QknabnKQ5+1W9hg14DWmSXh1IDAQAB';

export const keycloak = new Keycloak({}, { realm: 'shop', 'auth-server-url': 'https://sso.example.com/', resource: 'orders-api', 'bearer-only': true, realmPublicKey: REALM_KEY });
