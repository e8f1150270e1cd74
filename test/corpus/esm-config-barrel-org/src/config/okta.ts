const ORG_URL = 'https://acme.okta.com';

export const OKTA_ORG_URL = ORG_URL;
const audience = 'api://orders';
export { audience as API_AUDIENCE };

export default {
  clientId: '0oa1b2c3d4e5f6g7h8i9',
  issuer: ORG_URL,
};
