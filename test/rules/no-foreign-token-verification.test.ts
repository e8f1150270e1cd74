import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/no-foreign-token-verification.js';
import { at } from '../support/positions.js';

const ruleTester = new RuleTester();
const js = { languageOptions: { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } } };

const ENTRA_KEYS = `import { expressjwt } from 'express-jwt'; import jwksRsa from 'jwks-rsa';
const secret = jwksRsa.expressJwtSecret({ jwksUri: 'https://login.microsoftonline.com/7f1c2d3e-0000-4000-8000-000000000001/discovery/v2.0/keys', cache: true });`;
const AUTH0_KEYS = `import { jwtVerify, createRemoteJWKSet } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://acme.auth0.com/.well-known/jwks.json'));`;

function invalid(code: string, needle: string, data: { audience: string; api: string; provider: string }) {
  return { code, errors: [{ messageId: 'foreignAudience' as const, ...at(code, needle), data: expectData(data) }] };
}
/** The advice comes from the provider's profile; the test pins the parts the message is built from. */
function expectData({ audience, api, provider }: { audience: string; api: string; provider: string }) {
  return { audience, api, provider, advice: advice(provider, api) };
}
function advice(provider: string, api: string): string {
  return provider === 'Auth0'
    ? "Tokens for {{api}} are Auth0's to check, and without an API audience they are opaque: register your API in Auth0, request tokens with its identifier as audience, and verify that audience.".replaceAll('{{api}}', api)
    : "Tokens for {{api}} are for that API alone and fail signature checks by design: have clients request a token for your own API (its App ID URI or application id as audience), and call {{api}} on the user's behalf (on-behalf-of) if needed.".replaceAll('{{api}}', api);
}

ruleTester.run('no-foreign-token-verification', rule, {
  valid: [
    // An Entra API verifying tokens for its own App ID URI, or its application id (v2 access tokens).
    `${ENTRA_KEYS} export const auth = expressjwt({ secret, audience: 'api://7f1c2d3e-0000-4000-8000-000000000002', issuer: 'https://sts.windows.net/7f1c2d3e-0000-4000-8000-000000000001/', algorithms: ['RS256'] });`,
    `${ENTRA_KEYS} export const auth = expressjwt({ secret, audience: process.env.AZURE_CLIENT_ID, issuer: 'https://login.microsoftonline.com/7f1c2d3e-0000-4000-8000-000000000001/v2.0', algorithms: ['RS256'] });`,
    // On-behalf-of and daemon calls to Graph: requesting and sending a Graph token is correct.
    `import { ConfidentialClientApplication } from '@azure/msal-node';
     const cca = new ConfidentialClientApplication({ auth: { clientId, authority: 'https://login.microsoftonline.com/tid', clientSecret } });
     export async function me(userToken) {
       const { accessToken } = await cca.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: ['https://graph.microsoft.com/.default'] });
       return fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: \`Bearer \${accessToken}\` } });
     }`,
    `import { ConfidentialClientApplication } from '@azure/msal-node';
     const cca = new ConfidentialClientApplication({ auth: { clientId, clientSecret, authority } });
     export const graphToken = () => cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });`,
    // Auth0 with an API audience; calling the Management API with a token issued for it.
    `${AUTH0_KEYS} export const check = (token) => jwtVerify(token, JWKS, { issuer: 'https://acme.auth0.com/', audience: 'https://api.acme.com' });`,
    `import { ManagementClient } from 'auth0'; export const management = new ManagementClient({ domain: 'acme.auth0.com', clientId, clientSecret, audience: 'https://acme.auth0.com/api/v2/' });`,
    `export const token = await fetch('https://acme.auth0.com/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'client_credentials', audience: 'https://acme.auth0.com/api/v2/' }) });`,
    // A path of the API that is not the Management API's root; a custom domain without an Auth0 issuer.
    `${AUTH0_KEYS} jwtVerify(token, JWKS, { audience: 'https://acme.auth0.com/api/v2/users' });`,
    `${AUTH0_KEYS} jwtVerify(token, JWKS, { issuer: 'https://login.other.com/', audience: 'https://login.acme.com/userinfo' });`,
    // Hosts that only look like Microsoft's.
    `import jwt from 'jsonwebtoken'; jwt.verify(token, getKey, { audience: 'https://graph.microsoft.com.example.net' });`,
    // A local module named like a JWT library.
    `import jwt from './jsonwebtoken'; jwt.verify(token, getKey, { audience: 'https://graph.microsoft.com' });`,
    // Audiences the rule cannot know.
    `import jwt from 'jsonwebtoken'; jwt.verify(token, getKey, { audience: process.env.AUTH0_AUDIENCE });`,
  ],
  invalid: [
    (() => {
      const code = `${ENTRA_KEYS}\nexport const auth = expressjwt({ secret, audience: 'https://graph.microsoft.com', algorithms: ['RS256'] });`;
      return invalid(code, `'https://graph.microsoft.com'`, { audience: 'https://graph.microsoft.com', api: 'Microsoft Graph', provider: 'Microsoft Entra ID' });
    })(),
    (() => {
      const code = `import jwt from 'jsonwebtoken';\nexport const check = (token, cb) => jwt.verify(token, getKey, {\n  issuer: 'https://sts.windows.net/tid/',\n  audience: ['api://orders', '00000003-0000-0000-c000-000000000000'],\n}, cb);`;
      return invalid(code, `['api://orders', '00000003-0000-0000-c000-000000000000']`, { audience: '00000003-0000-0000-c000-000000000000', api: 'Microsoft Graph', provider: 'Microsoft Entra ID' });
    })(),
    (() => {
      const code = `const { Strategy } = require('passport-jwt');\nconst GRAPH = 'https://graph.microsoft.com/';\nmodule.exports = new Strategy({ secretOrKeyProvider, jwtFromRequest, audience: GRAPH }, verify);`;
      return { ...invalid(code, 'GRAPH }', { audience: 'https://graph.microsoft.com/', api: 'Microsoft Graph', provider: 'Microsoft Entra ID' }), ...js, errors: [{ messageId: 'foreignAudience' as const, ...at(code, 'GRAPH', 2), data: expectData({ audience: 'https://graph.microsoft.com/', api: 'Microsoft Graph', provider: 'Microsoft Entra ID' }) }] };
    })(),
    (() => {
      const code = `import fastifyJwt from '@fastify/jwt';\nexport default async function (app) {\n  app.register(fastifyJwt, { secret: getKey, verify: { allowedAud: 'https://vault.azure.net' } });\n}`;
      return invalid(code, `'https://vault.azure.net'`, { audience: 'https://vault.azure.net', api: 'Azure Key Vault', provider: 'Microsoft Entra ID' });
    })(),
    (() => {
      const code = `import { expressjwt } from 'express-jwt';\nexport const auth = expressjwt({ secret, issuer: 'https://acme.auth0.com/', audience: 'https://acme.auth0.com/userinfo', algorithms: ['RS256'] });`;
      return invalid(code, `'https://acme.auth0.com/userinfo'`, { audience: 'https://acme.auth0.com/userinfo', api: 'the Auth0 userinfo endpoint', provider: 'Auth0' });
    })(),
    (() => {
      const code = `${AUTH0_KEYS}\nexport const check = (token) => jwtVerify(token, JWKS, { audience: \`https://\${process.env.AUTH0_DOMAIN}/api/v2/\` });`;
      return invalid(code, '`https://${process.env.AUTH0_DOMAIN}/api/v2/`', { audience: 'https://${AUTH0_DOMAIN}/api/v2/', api: 'the Auth0 Management API', provider: 'Auth0' });
    })(),
    (() => {
      // Userinfo on the tenant's custom domain: the issuer says whose it is.
      const code = `import { auth } from 'express-oauth2-jwt-bearer';\nexport const checkJwt = auth({ issuerBaseURL: 'https://login.acme.com/', audience: 'https://login.acme.com/userinfo' });`;
      return invalid(code, `'https://login.acme.com/userinfo'`, { audience: 'https://login.acme.com/userinfo', api: 'the Auth0 userinfo endpoint', provider: 'Auth0' });
    })(),
  ],
});
