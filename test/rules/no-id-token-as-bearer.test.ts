import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/no-id-token-as-bearer.js';
import { at } from '../support/positions.js';

const ruleTester = new RuleTester();
const js = { languageOptions: { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } } };
const OKTA = `import OktaJwtVerifier from '@okta/jwt-verifier';`;
const DEFAULT_VERIFIER = `${OKTA}\nconst verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });`;
const CLIENT = `import { OktaAuth } from '@okta/okta-auth-js';\nconst oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1b2c3d4e5f6g7h8i9' });`;

type MessageId = 'idTokenFromRequest' | 'clientIdAudience' | 'clientIdAudienceCognito' | 'idTokenSent';
type SuggestionId = 'verifyAccessToken' | 'verifyAccessTokenForAudience' | 'sendAccessToken';

/** One report at the first occurrence of `needle` (or its `occurrence`-th), with suggestions as [id, output]. */
function invalid(code: string, needle: string, messageId: MessageId, suggestions: [SuggestionId, string][] = [], extra: { occurrence?: number; data?: Record<string, string> } = {}) {
  return {
    code,
    errors: [
      {
        messageId,
        ...at(code, needle, extra.occurrence),
        ...(extra.data ? { data: extra.data } : {}),
        suggestions: suggestions.map(([id, output]) => ({ messageId: id, output })),
      },
    ],
  };
}

const swap = (code: string, from: string, to: string) => code.replace(from, to);

ruleTester.run('no-id-token-as-bearer', rule, {
  valid: [
    // ID tokens verified at sign-in: the token comes from the token endpoint, with a nonce.
    `${OKTA} const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });
     app.get('/callback', async (req, res) => { const tokens = await exchange(req.query.code); await verifier.verifyIdToken(tokens.id_token, process.env.OKTA_CLIENT_ID, req.session.nonce); });`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose'; const jwks = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));
     export async function callback(code) { const { id_token } = await exchange(code); return jwtVerify(id_token, jwks, { audience: process.env.OKTA_CLIENT_ID }); }`,
    // Access tokens, with the API's audience.
    `${DEFAULT_VERIFIER} app.use(async (req) => verifier.verifyAccessToken(req.headers.authorization.split(' ')[1], 'api://default'));`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose'; const jwks = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys'));
     export const GET = async (request) => jwtVerify(request.headers.get('authorization').slice(7), jwks, { audience: 'api://default' });`,
    // Other libraries' verifyIdToken: Firebase and Google sign-in are correct usage.
    `import admin from 'firebase-admin'; app.use(async (req) => admin.auth().verifyIdToken(req.headers.authorization.split(' ')[1]));`,
    `import { getAuth } from 'firebase-admin/auth'; app.use(async (req) => getAuth().verifyIdToken(req.headers.authorization.split(' ')[1]));`,
    `import { OAuth2Client } from 'google-auth-library'; const client = new OAuth2Client(); app.post('/login', async (req) => client.verifyIdToken({ idToken: req.body.credential, audience: CLIENT_ID }));`,
    // An audience named like a client id, on a token that is not the request's.
    `import jwt from 'jsonwebtoken'; export function check(token) { return jwt.verify(token, getKey, { audience: process.env.OKTA_CLIENT_ID }); }`,
    // Clients sending access tokens, and ID tokens where they belong.
    `${CLIENT} fetch('/api', { headers: { Authorization: \`Bearer \${oktaAuth.getAccessToken()}\` } });`,
    `${CLIENT} const idToken = await oktaAuth.getAccessToken(); fetch('/api', { headers: { Authorization: \`Bearer \${idToken}\` } });`,
    `${CLIENT} await fetch(tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: oktaAuth.getIdToken(), subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' }) });`,
    `${CLIENT} window.location.assign(\`https://acme.okta.com/oauth2/default/v1/logout?id_token_hint=\${oktaAuth.getIdToken()}\`);`,
    `${CLIENT} console.log(\`Bearer \${oktaAuth.getIdToken()}\`);`,
    // Firebase clients send Firebase ID tokens by design.
    `import { getAuth } from 'firebase/auth'; const token = await getAuth().currentUser.getIdToken(); fetch('/api', { headers: { Authorization: \`Bearer \${token}\` } });`,
    { code: `const verifier = new (require('@okta/jwt-verifier'))({ issuer }); module.exports = (token) => verifier.verifyIdToken(token, clientId, nonce);`, ...js },
  ],
  invalid: [
    (() => {
      // Express: verifyIdToken on the Authorization header; the default custom server gives the audience.
      const code = `${DEFAULT_VERIFIER}\napp.use(async (req, res, next) => {\n  const token = req.headers.authorization.split(' ')[1];\n  req.user = await verifier.verifyIdToken(token, process.env.OKTA_CLIENT_ID);\n});`;
      return invalid(code, 'verifier.verifyIdToken', 'idTokenFromRequest', [
        ['verifyAccessToken', swap(code, 'verifier.verifyIdToken(token, process.env.OKTA_CLIENT_ID)', "verifier.verifyAccessToken(token, 'api://default')")],
      ]);
    })(),
    ...[
      // Koa, Fastify, Next.js, Lambda, a query parameter: the API's audience is not known here.
      `app.use(async (ctx) => { ctx.state.user = await verifier.verifyIdToken(ctx.get('Authorization').split(' ')[1], CLIENT_ID); });`,
      `fastify.addHook('preHandler', async (request) => { await verifier.verifyIdToken(request.headers.authorization.replace('Bearer ', ''), CLIENT_ID); });`,
      `export async function middleware(request) { await verifier.verifyIdToken(request.headers.get('authorization')?.split(' ')[1], CLIENT_ID); }`,
      `export const handler = async (event) => { const claims = await verifier.verifyIdToken(event.authorizationToken.split(' ')[1], CLIENT_ID); return policy(claims); };`,
      `app.get('/download', async (req) => verifier.verifyIdToken(req.query.token, CLIENT_ID));`,
    ].map((handler) => {
      const code = `${OKTA}\nconst verifier = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER });\n${handler}`;
      const call = /verifier\.verifyIdToken\((.*), CLIENT_ID\)/.exec(code)!;
      return invalid(code, 'verifier.verifyIdToken', 'idTokenFromRequest', [
        ['verifyAccessTokenForAudience', swap(code, call[0], `verifier.verifyAccessToken(${call[1]}, '<your API audience>')`)],
      ]);
    }),
    (() => {
      // jose: a client id as audience, from the environment.
      const code = `import { jwtVerify, createRemoteJWKSet } from 'jose';\nconst jwks = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys'));\nexport const authenticate = (req) => jwtVerify(req.headers.authorization.slice(7), jwks, { issuer: 'https://acme.okta.com/oauth2/default', audience: process.env.OKTA_CLIENT_ID });`;
      return invalid(code, 'process.env.OKTA_CLIENT_ID', 'clientIdAudience', [['verifyAccessToken', swap(code, 'process.env.OKTA_CLIENT_ID', "'api://default'")]], {
        data: { audience: 'process.env.OKTA_CLIENT_ID' },
      });
    })(),
    (() => {
      // jsonwebtoken: an audience array that includes a literal client id.
      const code = `const jwt = require('jsonwebtoken');\napp.use((req) => jwt.verify(req.headers.authorization.split(' ')[1], getKey, { audience: ['api://orders', '0oa1b2c3d4e5f6g7h8i9'] }));`;
      return { ...invalid(code, `['api://orders', '0oa1b2c3d4e5f6g7h8i9']`, 'clientIdAudience', [], { data: { audience: '0oa1b2c3d4e5f6g7h8i9' } }), ...js };
    })(),
    (() => {
      // @okta/jwt-verifier: assertClaims.aud set to the client id.
      const code = `${OKTA}\nconst verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default', assertClaims: { aud: config.okta.clientId } });\napp.use((req) => verifier.verifyAccessToken(req.headers.authorization.split(' ')[1], 'api://default'));`;
      return invalid(code, 'config.okta.clientId', 'clientIdAudience', [['verifyAccessToken', swap(code, 'config.okta.clientId', "'api://default'")]], {
        data: { audience: 'config.okta.clientId' },
      });
    })(),
    (() => {
      // passport-jwt reading the bearer header, audience from a config object defined elsewhere.
      const code = `import { Strategy, ExtractJwt } from 'passport-jwt';\nimport config from './config';\npassport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKeyProvider, audience: config.oktaClientId }, verify));`;
      return invalid(code, 'config.oktaClientId', 'clientIdAudience');
    })(),
    ...[
      // express-jwt, @fastify/jwt and fast-jwt read the bearer header themselves; @nestjs/jwt verifies a request token.
      [`import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret, algorithms: ['RS256'], audience: CLIENT_ID }));`, 'CLIENT_ID'],
      [`import fastifyJwt from '@fastify/jwt';\nfastify.register(fastifyJwt, { secret, verify: { allowedAud: process.env.CLIENT_ID } });`, 'process.env.CLIENT_ID'],
      [`import { createVerifier } from 'fast-jwt';\nconst verify = createVerifier({ key, allowedAud: '0oa1b2c3d4e5f6g7h8i9' });\napp.use((req) => verify(req.headers.authorization.split(' ')[1]));`, `'0oa1b2c3d4e5f6g7h8i9'`],
      [`import { JwtService } from '@nestjs/jwt';\nexport class Guard {\n  constructor(private jwt: JwtService) {}\n  canActivate(context) {\n    const request = context.switchToHttp().getRequest();\n    return this.jwt.verify(request.headers.authorization.split(' ')[1], { audience: this.config.clientId });\n  }\n}`, 'this.config.clientId'],
    ].map(([code, needle]) => invalid(code!, needle!, 'clientIdAudience')),
    ...[
      // AWS Cognito: the client id is the audience of its ID tokens; its access tokens carry none (token_use and
      // client_id instead), so no API audience is offered.
      [`import { jwtVerify, createRemoteJWKSet } from 'jose';\nconst jwks = createRemoteJWKSet(new URL('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz/.well-known/jwks.json'));\nexport const authenticate = (req) => jwtVerify(req.headers.authorization.slice(7), jwks, { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz', audience: process.env.COGNITO_CLIENT_ID });`, 'process.env.COGNITO_CLIENT_ID', 'process.env.COGNITO_CLIENT_ID'],
      [`import { JwtVerifier } from 'aws-jwt-verify';\nconst verifier = JwtVerifier.create({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool42', audience: config.cognito.appClientId });\napp.use(async (req) => verifier.verify(req.headers.authorization.split(' ')[1]));`, 'config.cognito.appClientId', 'config.cognito.appClientId'],
    ].map(([code, needle, audience]) => invalid(code!, needle!, 'clientIdAudienceCognito', [], { data: { audience: audience! } })),
    (() => {
      // Clients: fetch with getIdToken().
      const code = `${CLIENT}\nexport const listOrders = () => fetch('/api/orders', { headers: { Authorization: \`Bearer \${oktaAuth.getIdToken()}\` } });`;
      return invalid(code, 'oktaAuth.getIdToken()', 'idTokenSent', [['sendAccessToken', swap(code, 'oktaAuth.getIdToken()', 'oktaAuth.getAccessToken()')]], { occurrence: 1 });
    })(),
    (() => {
      // TypeScript: the token manager's answer cast to Okta's IDToken; the suggestion casts to AccessToken, imported in its place.
      const code = `import { OktaAuth, type IDToken } from '@okta/okta-auth-js';\nexport const call = async (oktaAuth: OktaAuth) => fetch('/api', { headers: { Authorization: \`Bearer \${((await oktaAuth.tokenManager.get('idToken')) as IDToken).idToken}\` } });`;
      const output = code.replace('type IDToken', 'type AccessToken').replace(`((await oktaAuth.tokenManager.get('idToken')) as IDToken).idToken`, `((await oktaAuth.tokenManager.get('accessToken')) as AccessToken).accessToken`);
      return { ...invalid(code, `((await oktaAuth.tokenManager.get('idToken')) as IDToken).idToken`, 'idTokenSent', [['sendAccessToken', output]]), filename: 'api.ts' };
    })(),
    (() => {
      // React: axios defaults from the auth state.
      const code = `import { useOktaAuth } from '@okta/okta-react';\nimport axios from 'axios';\nexport function useApi() {\n  const { authState } = useOktaAuth();\n  axios.defaults.headers.common['Authorization'] = \`Bearer \${authState.idToken.idToken}\`;\n}`;
      return invalid(code, 'authState.idToken.idToken', 'idTokenSent', [['sendAccessToken', swap(code, 'authState.idToken.idToken', 'authState.accessToken.accessToken')]]);
    })(),
    (() => {
      // The token manager, through a variable.
      const code = `export async function callApi(oktaAuth) {\n  const idToken = await oktaAuth.tokenManager.get('idToken');\n  return fetch('/api', { headers: { Authorization: 'Bearer ' + idToken.idToken } });\n}`;
      return invalid(code, 'idToken.idToken', 'idTokenSent');
    })(),
    (() => {
      // A token response's id_token, in new Headers().set().
      const code = `export async function callApi(code) {\n  const { id_token } = await exchangeCode(code);\n  const headers = new Headers();\n  headers.set('Authorization', \`Bearer \${id_token}\`);\n  return fetch('/api', { headers });\n}`;
      return invalid(code, 'id_token', 'idTokenSent', [], { occurrence: 2 });
    })(),
    (() => {
      // Angular: req.clone({ setHeaders }) with the injected OktaAuth.
      const code = `import { OktaAuth } from '@okta/okta-auth-js';\nexport class AuthInterceptor {\n  constructor(@Inject(OKTA_AUTH) private oktaAuth: OktaAuth) {}\n  intercept(req, next) {\n    return next.handle(req.clone({ setHeaders: { Authorization: \`Bearer \${this.oktaAuth.getIdToken()}\` } }));\n  }\n}`;
      return invalid(code, 'this.oktaAuth.getIdToken()', 'idTokenSent', [['sendAccessToken', swap(code, 'this.oktaAuth.getIdToken()', 'this.oktaAuth.getAccessToken()')]]);
    })(),
    (() => {
      // A helper that returns the header object; and authState.idToken used as a string.
      const code = `${CLIENT}\nexport function authHeaders() {\n  return { Authorization: 'Bearer ' + oktaAuth.getIdToken() };\n}`;
      return invalid(code, 'oktaAuth.getIdToken()', 'idTokenSent', [['sendAccessToken', swap(code, 'oktaAuth.getIdToken()', 'oktaAuth.getAccessToken()')]]);
    })(),
    invalid(`export const headers = (authState) => ({ Authorization: \`Bearer \${authState.idToken}\` });`, 'authState.idToken', 'idTokenSent'),
  ],
});

// ID tokens from where browsers keep them, and client ids in audiences however they are written.
ruleTester.run('no-id-token-as-bearer', rule, {
  valid: [
    `fetch('/api', { headers: { Authorization: \`Bearer \${localStorage.getItem('access_token')}\` } });`,
    `const { accessToken } = JSON.parse(localStorage.getItem('okta-token-storage')); fetch('/api', { headers: { Authorization: \`Bearer \${accessToken.accessToken}\` } });`,
    `import Cookies from 'js-cookie'; fetch('/api', { headers: { Authorization: 'Bearer ' + Cookies.get('access_token') } });`,
    `import Cookies from 'js-cookie'; location.assign(\`\${issuer}/v1/logout?id_token_hint=\${Cookies.get('id_token')}\`);`,
    // An audience named like a client id on the API's own audience variable is not one.
    `${DEFAULT_VERIFIER} app.use(async (req) => verifier.verifyAccessToken(req.headers.authorization.split(' ')[1], \`\${process.env.API_AUDIENCE}\`));`,
  ],
  invalid: [
    (() => {
      const code = `const idToken = localStorage.getItem('id_token');\nfetch('/api', { headers: { Authorization: \`Bearer \${idToken}\` } });`;
      return invalid(code, 'idToken', 'idTokenSent', [], { occurrence: 2 });
    })(),
    (() => {
      const code = `const storage = JSON.parse(sessionStorage.getItem('okta-token-storage'));\nfetch('/api', { headers: { Authorization: \`Bearer \${storage.idToken.idToken}\` } });`;
      return invalid(code, 'storage.idToken.idToken', 'idTokenSent', [['sendAccessToken', code.replace('storage.idToken.idToken', 'storage.accessToken.accessToken')]]);
    })(),
    (() => {
      const code = `import Cookies from 'js-cookie';\naxios.defaults.headers.common.Authorization = 'Bearer ' + Cookies.get('id_token');`;
      return invalid(code, `Cookies.get('id_token')`, 'idTokenSent');
    })(),
    (() => {
      const code = `${DEFAULT_VERIFIER}\napp.use(async (req) => verifier.verifyAccessToken(req.headers.authorization.split(' ')[1], ['api://default', \`\${process.env.OKTA_CLIENT_ID}\`]));`;
      const audience = `['api://default', \`\${process.env.OKTA_CLIENT_ID}\`]`;
      return invalid(code, audience, 'clientIdAudience', [['verifyAccessToken', swap(code, audience, `'api://default'`)]], { data: { audience: 'OKTA_CLIENT_ID' } });
    })(),
    (() => {
      // Okta client ids in upper case, as some configuration writes them.
      const code = `${DEFAULT_VERIFIER}\napp.use(async (req) => verifier.verifyAccessToken(req.headers.authorization.split(' ')[1], '0OA1B2C3D4E5F6G7H8I9'));`;
      return invalid(code, `'0OA1B2C3D4E5F6G7H8I9'`, 'clientIdAudience', [['verifyAccessToken', code.replace(`'0OA1B2C3D4E5F6G7H8I9'`, `'api://default'`)]]);
    })(),
  ],
});

/** The advice each provider's profile gives, as the messages carry it. */
const ADVICE = {
  auth0: "Request an access token for your API (authorizationParams: { audience: '<API identifier>' }) and send the token getAccessTokenSilently() returns.",
  cognito: "Send the access token (session.tokens.accessToken, getAccessToken().getJwtToken()) and verify it with tokenUse: 'access' and your app client id.",
  keycloak: "Send keycloak.token (the access token) and accept tokens whose typ is 'Bearer', with your API as audience.",
};
const COGNITO = `import { CognitoJwtVerifier } from 'aws-jwt-verify';`;
const KEYCLOAK_JWKS = `import { jwtVerify, createRemoteJWKSet } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://sso.acme.com/realms/acme/protocol/openid-connect/certs'));`;

ruleTester.run('no-id-token-as-bearer: providers', rule, {
  valid: [
    // Entra: an API's v2 access tokens carry its own application (client) id as audience.
    `import { expressjwt } from 'express-jwt'; import jwksRsa from 'jwks-rsa';
     export const auth = expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri: 'https://login.microsoftonline.com/tid/discovery/v2.0/keys' }), audience: process.env.AZURE_CLIENT_ID, issuer: 'https://login.microsoftonline.com/tid/v2.0', algorithms: ['RS256'] });`,
    `import jwt from 'jsonwebtoken';
     app.use((req, res, next) => jwt.verify(req.headers.authorization.split(' ')[1], getKey, { audience: config.azure.clientId }, next));`,
    // MSAL: the access token sent, and ID-token claims read for display.
    `export async function call(msal) { const result = await msal.acquireTokenSilent({ scopes: ['api://orders/read'] }); return fetch('/api', { headers: { Authorization: \`Bearer \${result.accessToken}\` } }); }`,
    `export function Welcome({ account }) { return account.idTokenClaims.name; }`,
    // Google ID tokens are the documented bearer credential of Cloud Run, Cloud Functions, IAP and Pub/Sub push.
    `import { GoogleAuth } from 'google-auth-library';
     const auth = new GoogleAuth();
     export async function callService(url) { const client = await auth.getIdTokenClient(url); return client.request({ url }); }`,
    `import { GoogleAuth } from 'google-auth-library';
     export async function callService(url) { const client = await new GoogleAuth().getIdTokenClient(url); const idToken = await client.idTokenProvider.fetchIdToken(url); return fetch(url, { headers: { Authorization: \`Bearer \${idToken}\` } }); }`,
    `import { OAuth2Client } from 'google-auth-library';
     const client = new OAuth2Client();
     app.post('/push', async (req, res) => { const ticket = await client.verifyIdToken({ idToken: req.headers.authorization.split(' ')[1], audience: 'https://push.acme.com/push' }); res.sendStatus(204); });`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose';
     const GOOGLE = createRemoteJWKSet(new URL('https://www.googleapis.com/oauth2/v3/certs'));
     app.use(async (req) => jwtVerify(req.headers.authorization.slice(7), GOOGLE, { issuer: 'https://accounts.google.com', audience: process.env.GOOGLE_CLIENT_ID }));`,
    // Cognito: access tokens on the API; ID tokens verified at sign-in.
    `${COGNITO} const verifier = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123', tokenUse: 'access', clientId: '1example23456789' });
     export const handler = async (event) => verifier.verify(event.headers.authorization);`,
    `${COGNITO} const verifier = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123', tokenUse: 'id', clientId: '1example23456789' });
     export async function callback(code) { const tokens = await exchange(code); return verifier.verify(tokens.id_token); }`,
    `export function call(session) { return fetch('/api', { headers: { Authorization: 'Bearer ' + session.getAccessToken().getJwtToken() } }); }`,
    `export const email = (session) => session.getIdToken().payload.email;`,
    // Auth0: the access token sent; ID-token claims read for display.
    `export async function call(auth0) { const token = await auth0.getAccessTokenSilently(); return fetch('/api', { headers: { Authorization: \`Bearer \${token}\` } }); }`,
    `export async function greet(auth0) { const claims = await auth0.getIdTokenClaims(); return claims.name; }`,
    // Keycloak: checks that refuse ID tokens, and typ checks where no request token is verified.
    `${KEYCLOAK_JWKS} export async function auth(req, res, next) { const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS); if (payload.typ === 'ID') return res.sendStatus(401); next(); }`,
    `${KEYCLOAK_JWKS} export async function auth(req, res, next) { const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS); if (payload.typ !== 'Bearer') throw new Error('not an access token'); next(); }`,
    `${KEYCLOAK_JWKS} export async function callback(tokens) { const { payload } = await jwtVerify(tokens.id_token, JWKS); if (payload.typ !== 'ID') throw new Error('not an ID token'); return payload; }`,
    // Keycloak: refusals written with a list, a negation, or beside another condition.
    `${KEYCLOAK_JWKS} export async function auth(req, res, next) { const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS); if (['ID'].includes(payload.typ)) return res.sendStatus(401); next(); }`,
    `${KEYCLOAK_JWKS} export async function auth(req, res, next) { const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS); if (!(payload.typ !== 'ID')) throw new Error('ID tokens are refused'); next(); }`,
    `${KEYCLOAK_JWKS} export async function auth(req, res, next) { const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS); if (payload.typ === 'ID' || !payload.sub) return res.sendStatus(401); next(); }`,
    `export const call = (keycloak) => fetch('/api', { headers: { Authorization: \`Bearer \${keycloak.token}\` } });`,
  ],
  invalid: [
    (() => {
      const code = `export async function call(auth0) {\n  const claims = await auth0.getIdTokenClaims();\n  return fetch('/api', { headers: { Authorization: \`Bearer \${claims.__raw}\` } });\n}`;
      return { code, errors: [{ messageId: 'providerIdTokenSent' as const, ...at(code, 'claims.__raw'), data: { provider: 'Auth0', spelling: 'claims.__raw', advice: ADVICE.auth0 }, suggestions: [] }] };
    })(),
    (() => {
      // auth0-angular: the raw ID token from idTokenClaims$, in an HTTP interceptor.
      const code = `export class ApiInterceptor {\n  intercept(req, next) {\n    return this.auth.idTokenClaims$.pipe(switchMap((claims) => next.handle(req.clone({ setHeaders: { Authorization: \`Bearer \${claims?.__raw}\` } }))));\n  }\n}`;
      return { code, errors: [{ messageId: 'providerIdTokenSent' as const, ...at(code, 'claims?.__raw'), data: { provider: 'Auth0', spelling: 'claims?.__raw', advice: ADVICE.auth0 }, suggestions: [] }] };
    })(),
    (() => {
      const code = `export function call(session) {\n  return fetch('/api', { headers: { Authorization: 'Bearer ' + session.getIdToken().getJwtToken() } });\n}`;
      const token = 'session.getIdToken().getJwtToken()';
      return {
        code,
        errors: [{ messageId: 'providerIdTokenSent' as const, ...at(code, token), data: { provider: 'Amazon Cognito', spelling: token, advice: ADVICE.cognito }, suggestions: [{ messageId: 'sendAccessToken' as const, output: swap(code, token, 'session.getAccessToken().getJwtToken()') }] }],
      };
    })(),
    (() => {
      const code = `${COGNITO}\nconst verifier = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123', tokenUse: 'id', clientId: '1example23456789' });\nexport const handler = async (event) => verifier.verify(event.headers.authorization);`;
      return { code, errors: [{ messageId: 'idTokenVerifierOption' as const, ...at(code, `'id'`), data: { option: 'tokenUse', value: 'id', provider: 'Amazon Cognito', advice: ADVICE.cognito } }] };
    })(),
    (() => {
      // A Lambda authorizer: the token is the event's authorizationToken.
      const code = `const { CognitoJwtVerifier } = require('aws-jwt-verify');\nconst verifier = CognitoJwtVerifier.create({ userPoolId: process.env.USER_POOL_ID, tokenUse: "id", clientId: process.env.CLIENT_ID });\nexports.handler = async (event) => { await verifier.verify(event.authorizationToken); return allow(event); };`;
      return { code, ...js, errors: [{ messageId: 'idTokenVerifierOption' as const, ...at(code, `"id"`), data: { option: 'tokenUse', value: 'id', provider: 'Amazon Cognito', advice: ADVICE.cognito } }] };
    })(),
    (() => {
      const code = `${KEYCLOAK_JWKS}\nexport async function auth(req, res, next) {\n  const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS);\n  if (payload.typ !== 'ID') return res.sendStatus(401);\n  next();\n}`;
      return { code, errors: [{ messageId: 'idTokenClaimCheck' as const, ...at(code, `payload.typ !== 'ID'`), data: { provider: 'Keycloak', claim: 'typ', value: 'ID', advice: ADVICE.keycloak } }] };
    })(),
    (() => {
      const code = `${KEYCLOAK_JWKS}\nexport async function auth(req) {\n  const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS);\n  return payload.typ === 'ID' && payload.azp === 'web';\n}`;
      return { code, errors: [{ messageId: 'idTokenClaimCheck' as const, ...at(code, `payload.typ === 'ID'`), data: { provider: 'Keycloak', claim: 'typ', value: 'ID', advice: ADVICE.keycloak } }] };
    })(),
    (() => {
      const code = `${KEYCLOAK_JWKS}\nexport async function auth(req, res, next) {\n  const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS);\n  if (!['ID'].includes(payload.typ)) return res.sendStatus(401);\n  next();\n}`;
      return { code, errors: [{ messageId: 'idTokenClaimCheck' as const, ...at(code, `['ID'].includes(payload.typ)`), data: { provider: 'Keycloak', claim: 'typ', value: 'ID', advice: ADVICE.keycloak } }] };
    })(),
    (() => {
      const code = `${KEYCLOAK_JWKS}\nexport async function auth(req, res, next) {\n  const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS);\n  if (!(payload.typ === 'ID')) throw new Error('only ID tokens');\n  next();\n}`;
      return { code, errors: [{ messageId: 'idTokenClaimCheck' as const, ...at(code, `payload.typ === 'ID'`), data: { provider: 'Keycloak', claim: 'typ', value: 'ID', advice: ADVICE.keycloak } }] };
    })(),
    (() => {
      // Auth0 ID tokens carry the client id as audience: an API that expects it accepts ID tokens.
      const code = `import { jwtVerify, createRemoteJWKSet } from 'jose';\nconst JWKS = createRemoteJWKSet(new URL('https://acme.auth0.com/.well-known/jwks.json'));\napp.use(async (req) => jwtVerify(req.headers.authorization.slice(7), JWKS, { issuer: 'https://acme.auth0.com/', audience: process.env.AUTH0_CLIENT_ID }));`;
      return { code, errors: [{ messageId: 'providerClientIdAudience' as const, ...at(code, 'process.env.AUTH0_CLIENT_ID'), data: { audience: 'process.env.AUTH0_CLIENT_ID', provider: 'Auth0', advice: ADVICE.auth0 }, suggestions: [] }] };
    })(),
    (() => {
      // keycloak-js and MSAL hold the ID token as idToken: the name says what it is.
      const code = `export const call = (keycloak) => fetch('/api', { headers: { Authorization: \`Bearer \${keycloak.idToken}\` } });`;
      return invalid(code, 'keycloak.idToken', 'idTokenSent');
    })(),
    (() => {
      const code = `export async function call(msal) {\n  const result = await msal.acquireTokenSilent({ scopes: ['openid'] });\n  return fetch('/api', { headers: { Authorization: \`Bearer \${result.idToken}\` } });\n}`;
      return invalid(code, 'result.idToken', 'idTokenSent');
    })(),
  ],
});
