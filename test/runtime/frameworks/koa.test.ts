// introspectingKoaMiddleware in a real Koa app, replacing koa-jwt at an org authorization server site.
import Koa from 'koa';
import jwt from 'koa-jwt';
import { createServer, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createTokenIntrospector, introspectingKoaMiddleware, KOA, type IntrospectingKoaMiddleware } from '../../../src/runtime/index.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';
import { listen } from './support/key-adapter-suite.js';

describeIntrospectingMiddleware({
  framework: KOA,
  property: 'ctx.state.user (as koa-jwt)',
  async start(introspector) {
    const app = new Koa();
    app.use(introspectingKoaMiddleware({ introspector }) as unknown as Koa.Middleware);
    app.use((ctx) => {
      ctx.body = ctx.state.user;
    });
    const server = await listen(createServer(app.callback()));
    return { url: server.url('/orders'), close: server.close };
  },
});

// `.unless()` as koa-jwt has it (koa-unless): the same options skip the same requests, checked against koa-jwt itself.
describe('introspectingKoaMiddleware(...).unless(): the requests koa-jwt(...).unless() skips, and no others', () => {
  type Unless = Parameters<IntrospectingKoaMiddleware['unless']>[0];
  const CASES: { name: string; options: Unless }[] = [
    { name: 'path (strings and a RegExp)', options: { path: ['/health', /^\/public\//] } },
    { name: 'path (one string)', options: { path: '/health' } },
    { name: 'ext', options: { ext: ['.css', '.js'] } },
    { name: 'method', options: { method: ['OPTIONS', 'HEAD'] } },
    { name: 'custom', options: { custom: (ctx) => (ctx.headers as Record<string, unknown>)['x-skip'] === 'yes' } },
    { name: 'a function', options: (ctx) => ctx.method === 'DELETE' },
    { name: 'useOriginalUrl: false (ctx.url rewritten by an earlier middleware)', options: { path: ['/health'], useOriginalUrl: false } },
    { name: 'useOriginalUrl: true (default) with the same rewrite', options: { path: ['/health'] } },
  ];
  const REQUESTS: { method: string; path: string; headers?: Record<string, string> }[] = [
    { method: 'GET', path: '/health' },
    { method: 'GET', path: '/health?probe=1' },
    { method: 'GET', path: '/health/' },
    { method: 'GET', path: '/Health' },
    { method: 'GET', path: '//health' },
    { method: 'GET', path: '/orders/../health' },
    { method: 'GET', path: '/health%2F' },
    { method: 'GET', path: '/public/logo.png' },
    { method: 'GET', path: '/publicity' },
    { method: 'GET', path: '/styles/app.css' },
    { method: 'GET', path: '/styles/app.css?v=2' },
    { method: 'GET', path: '/app.css/orders' },
    { method: 'GET', path: '/main.js' },
    { method: 'GET', path: '/orders' },
    { method: 'GET', path: '/alias' },
    { method: 'OPTIONS', path: '/orders' },
    { method: 'HEAD', path: '/orders' },
    { method: 'options', path: '/orders' },
    { method: 'DELETE', path: '/orders' },
    { method: 'GET', path: '/orders', headers: { 'x-skip': 'yes' } },
    { method: 'GET', path: '/orders', headers: { 'x-skip': 'no' } },
  ];

  const introspector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: 'client', clientSecret: 'secret' });

  async function appWith(guard: Koa.Middleware): Promise<{ status(request: (typeof REQUESTS)[number]): Promise<number>; close(): Promise<void> }> {
    const app = new Koa();
    app.use(async (ctx, next) => {
      // An alias route, rewritten before the guard: ctx.url changes, ctx.originalUrl does not.
      const context = ctx as unknown as { url: string };
      if (context.url === '/alias') context.url = '/health';
      await next();
    });
    app.use(guard);
    app.use((ctx) => {
      ctx.body = 'through';
    });
    const server = await listen(createServer(app.callback()));
    const port = Number(new URL(server.url('/')).port);
    return {
      status: ({ method, path, headers }) =>
        new Promise<number>((resolve, reject) => {
          // node:http sends the request target as written (fetch would normalise `/orders/../health`).
          const sent = request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
            response.resume();
            resolve(response.statusCode!);
          });
          sent.on('error', reject);
          sent.end();
        }),
      close: server.close,
    };
  }

  it.each(CASES)('$name', async ({ options }) => {
    const theirs = await appWith(jwt({ secret: 'not used: no request carries a token' }).unless(options as never) as unknown as Koa.Middleware);
    const ours = await appWith(introspectingKoaMiddleware({ introspector }).unless(options) as unknown as Koa.Middleware);
    try {
      const outcomes = async (app: typeof ours) => {
        const statuses: string[] = [];
        for (const requested of REQUESTS) statuses.push(`${requested.method} ${requested.path} ${JSON.stringify(requested.headers ?? {})}: ${await app.status(requested)}`);
        return statuses;
      };
      const expected = await outcomes(theirs);
      // Both skip some requests and guard others, so the comparison says something.
      expect(expected.some((line) => line.endsWith(': 200'))).toBe(true);
      expect(expected.some((line) => line.endsWith(': 401'))).toBe(true);
      expect(await outcomes(ours)).toEqual(expected);
    } finally {
      await theirs.close();
      await ours.close();
    }
  });

  it('refuses options that are not koa-unless options, with a clear error', () => {
    const middleware = introspectingKoaMiddleware({ introspector });
    expect(() => middleware.unless(undefined as never)).toThrow(/koa-unless options/);
    expect(() => middleware.unless({ custom: '/health' as never })).toThrow(/custom/);
  });
});
