import { describe, expect, it } from 'vitest';
import { isRequestToken, tokenSourcesFor, type TokenOrigin } from '../../src/analysis/token-sources.js';
import { verificationAnalysisFor } from '../../src/analysis/verify-sites.js';
import { findNode, JS_FRONT_ENDS, TS_FRONT_ENDS, type FrontEnd } from '../support/front-ends.js';

/** The origin of the token passed to the file's `verify(<token>)` call of jsonwebtoken or Okta. */
function originOfVerifiedToken(frontEnd: FrontEnd, code: string): TokenOrigin {
  const root = frontEnd.parse(code);
  const [site] = verificationAnalysisFor(root).sites().filter((candidate) => candidate.token);
  expect(site, 'a verification site with a token').toBeDefined();
  return tokenSourcesFor(root).originOf(site!.token!);
}

const JWT = `const jwt = require('jsonwebtoken');`;

describe.each(JS_FRONT_ENDS)('token sources ($name)', (frontEnd) => {
  it.each([
    ['Express header', `${JWT} app.get('/', (req) => jwt.verify(req.headers.authorization.split(' ')[1], key));`],
    ['Express header, bracketed', `${JWT} app.get('/', (req) => jwt.verify(req.headers['authorization'].replace('Bearer ', ''), key));`],
    ['Express req.get()', `${JWT} app.get('/', (req) => { const header = req.get('Authorization'); const token = header.slice(7); jwt.verify(token, key); });`],
    ['Express req.header()', `${JWT} function mw(req) { const [, token] = req.header('authorization').split(' '); jwt.verify(token, key); }`],
    ['destructured headers', `${JWT} function mw(req) { const { authorization } = req.headers; jwt.verify(authorization.split(' ')[1], key); }`],
    ['Koa', `${JWT} app.use(async (ctx) => { const token = ctx.request.headers.authorization?.split(' ')[1]; jwt.verify(token, key); });`],
    ['Koa ctx.get()', `${JWT} app.use(async (ctx) => jwt.verify(ctx.get('Authorization').split(' ').pop(), key));`],
    ['Fastify', `${JWT} fastify.addHook('onRequest', async (request) => jwt.verify(request.headers.authorization.substring(7), key));`],
    ['Next.js route handler', `${JWT} export async function GET(request) { const token = request.headers.get('authorization')?.split(' ')[1]; jwt.verify(token, key); }`],
    ['Next.js headers()', `${JWT} import { headers } from 'next/headers'; export async function GET() { const auth = headers().get('authorization'); jwt.verify(auth.split(' ')[1], key); }`],
    ['Lambda authorizer', `${JWT} exports.handler = async (event) => { const token = event.authorizationToken.replace(/^Bearer /, ''); return jwt.verify(token, key); };`],
    ['Lambda headers', `${JWT} exports.handler = async (event) => jwt.verify(event.headers.Authorization.split(' ')[1], key);`],
    ['conditional extraction', `${JWT} function mw(req) { const h = req.headers.authorization; const token = h && h.startsWith('Bearer ') ? h.slice(7) : null; jwt.verify(token, key); }`],
  ])('%s', (_name, code) => {
    const origin = originOfVerifiedToken(frontEnd, code);
    expect(origin.kind).toBe('authorization-header');
    expect(isRequestToken(origin)).toBe(true);
  });

  it('query parameters', () => {
    expect(originOfVerifiedToken(frontEnd, `${JWT} app.get('/', (req) => jwt.verify(req.query.token, key));`).kind).toBe('query-parameter');
    expect(originOfVerifiedToken(frontEnd, `${JWT} export function GET(request) { const url = new URL(request.url); jwt.verify(url.searchParams.get('access_token'), key); }`).kind).toBe('query-parameter');
  });

  it('token endpoint responses and SDK tokens', () => {
    expect(originOfVerifiedToken(frontEnd, `${JWT} async function callback() { const tokens = await client.callback(); jwt.verify(tokens.id_token, key); }`)).toMatchObject({ kind: 'token-response', tokenType: 'id' });
    expect(originOfVerifiedToken(frontEnd, `${JWT} async function cb() { const { data } = await axios.post(tokenUrl, body); jwt.verify(data.access_token, key); }`)).toMatchObject({ kind: 'token-response', tokenType: 'access' });
  });

  it('unknown tokens, and names only when there is no data flow', () => {
    expect(originOfVerifiedToken(frontEnd, `${JWT} function check(token) { return jwt.verify(token, key); }`).kind).toBe('unknown');
    expect(originOfVerifiedToken(frontEnd, `${JWT} function check(idToken) { return jwt.verify(idToken, key); }`)).toMatchObject({ kind: 'named', tokenType: 'id' });
    // The data flow wins over the name: this `idToken` holds the request's bearer token.
    expect(originOfVerifiedToken(frontEnd, `${JWT} function mw(req) { const idToken = req.headers.authorization.split(' ')[1]; jwt.verify(idToken, key); }`).kind).toBe('authorization-header');
  });
});

function bearerOrigins(frontEnd: FrontEnd, code: string) {
  return tokenSourcesFor(frontEnd.parse(code))
    .bearerHeaderValues()
    .map((value) => value.origin.kind + (('tokenType' in value.origin && `:${value.origin.tokenType}`) || ''));
}

describe.each(TS_FRONT_ENDS)('bearer headers built by clients ($name)', (frontEnd) => {
  const OKTA = `import { OktaAuth } from '@okta/okta-auth-js'; const oktaAuth = new OktaAuth({ issuer, clientId });`;

  it.each([
    ['fetch headers', `${OKTA} fetch('/api', { headers: { Authorization: \`Bearer \${oktaAuth.getIdToken()}\` } });`],
    ['axios config, concatenation', `${OKTA} axios.get('/api', { headers: { 'Authorization': 'Bearer ' + oktaAuth.getIdToken() } });`],
    ['axios defaults', `${OKTA} axios.defaults.headers.common['Authorization'] = \`Bearer \${oktaAuth.getIdToken()}\`;`],
    ['Headers.set', `${OKTA} const headers = new Headers(); headers.set('Authorization', \`Bearer \${oktaAuth.getIdToken()}\`);`],
    ['tokenManager', `async function f(oktaAuth) { const t = await oktaAuth.tokenManager.get('idToken'); fetch(u, { headers: { Authorization: \`Bearer \${t.idToken}\` } }); }`],
    ['React auth state', `import { useOktaAuth } from '@okta/okta-react'; function C() { const { authState } = useOktaAuth(); fetch(u, { headers: { Authorization: \`Bearer \${authState.idToken.idToken}\` } }); }`],
    ['React oktaAuth', `import { useOktaAuth } from '@okta/okta-react'; function C() { const { oktaAuth } = useOktaAuth(); return { Authorization: 'Bearer ' + oktaAuth.getIdToken() }; }`],
    ['Angular setHeaders', `import { OktaAuth } from '@okta/okta-auth-js';
      class I { constructor(@Inject(OKTA_AUTH) private oktaAuth: OktaAuth) {}
        intercept(req, next) { return next.handle(req.clone({ setHeaders: { Authorization: \`Bearer \${this.oktaAuth.getIdToken()}\` } })); } }`],
    ['a header through a const', `${OKTA} const value = \`Bearer \${oktaAuth.getIdToken()}\`; fetch(u, { headers: { Authorization: value } });`],
    ['token response', `async function f() { const { id_token } = await exchange(); fetch(u, { headers: { Authorization: \`Bearer \${id_token}\` } }); }`],
  ])('%s', (_name, code) => {
    expect(bearerOrigins(frontEnd, code)).toEqual([expect.stringMatching(/^(sdk|token-response):id$/)]);
  });

  it('access tokens, and Bearer strings that are not headers', () => {
    expect(bearerOrigins(frontEnd, `${OKTA} fetch(u, { headers: { Authorization: \`Bearer \${oktaAuth.getAccessToken()}\` } });`)).toEqual(['sdk:access']);
    expect(bearerOrigins(frontEnd, `${OKTA} console.log(\`Bearer \${oktaAuth.getIdToken()}\`);`)).toEqual([]);
    expect(bearerOrigins(frontEnd, `${OKTA} fetch(logoutUrl + '?id_token_hint=' + oktaAuth.getIdToken());`)).toEqual([]);
    expect(bearerOrigins(frontEnd, `import { getAuth } from 'firebase/auth'; const t = await getAuth().currentUser.getIdToken(); fetch(u, { headers: { Authorization: \`Bearer \${t}\` } });`)).toEqual(['unknown']);
  });

  it('finds the header node and the token', () => {
    const root = frontEnd.parse(`${OKTA} fetch('/api', { headers: { Authorization: \`Bearer \${oktaAuth.getIdToken()}\` } });`);
    const [value] = tokenSourcesFor(root).bearerHeaderValues();
    expect(value?.token).toBe(findNode(root, 'CallExpression', (node) => node.callee.property?.name === 'getIdToken'));
    expect(value?.header.type).toMatch(/Property/);
  });
});

describe.each(TS_FRONT_ENDS)('SDK instances shared across modules ($name)', (frontEnd) => {
  it('an oktaAuth imported from a module of the project', () => {
    expect(bearerOrigins(frontEnd, `import { oktaAuth } from './auth'; fetch(u, { headers: { Authorization: \`Bearer \${oktaAuth.getIdToken()}\` } });`)).toEqual(['sdk:id']);
    expect(bearerOrigins(frontEnd, `import { oktaAuth } from './auth'; fetch(u, { headers: { Authorization: \`Bearer \${oktaAuth.getAccessToken()}\` } });`)).toEqual(['sdk:access']);
  });

  it('not any getIdToken(): Firebase users and packages are not Okta', () => {
    expect(bearerOrigins(frontEnd, `import { user } from './auth'; fetch(u, { headers: { Authorization: \`Bearer \${user.getIdToken()}\` } });`)).toEqual(['unknown']);
    expect(bearerOrigins(frontEnd, `import { oktaLike } from 'some-package'; fetch(u, { headers: { Authorization: \`Bearer \${oktaLike.getIdToken()}\` } });`)).toEqual(['unknown']);
  });
});
