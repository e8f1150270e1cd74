// express-jwt 8 in a real Express app, with expressJwtSecret.
import { expect, it } from 'vitest';
import express, { type ErrorRequestHandler } from 'express';
import { expressjwt, type Request as JwtRequest } from 'express-jwt';
import { createServer } from 'node:http';
import { EXPRESS_JWT, expressJwtSecret } from '../../../src/runtime/index.js';
import { call, describeKeyAdapter, listen } from './support/key-adapter-suite.js';

let lastError: (Error & { statusCode?: number; code?: string }) | undefined;

describeKeyAdapter({
  library: EXPRESS_JWT,
  async start({ source, issuer, audience }) {
    const app = express();
    app.get(
      '/orders',
      expressjwt({ secret: expressJwtSecret(source), algorithms: ['RS256'], issuer, audience }),
      (req, res) => {
        res.json((req as JwtRequest).auth);
      },
    );
    const onError: ErrorRequestHandler = (error: Error & { statusCode?: number; status?: number }, _req, res, _next) => {
      lastError = error;
      res.status(error.status ?? error.statusCode ?? 500).json({ error: error.name });
    };
    app.use(onError);
    const server = await listen(createServer(app));
    return { url: server.url('/orders'), close: server.close };
  },
  extra: (state) => {
    it('reports a refusal of the adapter as a TokenValidationError naming express-jwt, with statusCode 401', async () => {
      const { harness, app } = state();
      lastError = undefined;
      expect((await call(app.url, await harness.idToken())).status).toBe(401);
      const error = lastError as (Error & { statusCode?: number; code?: string }) | undefined;
      expect(error?.name).toBe('TokenValidationError');
      expect(error?.message).toMatch(/^express-jwt: /);
      expect(error?.code).toBe('id_token');
      expect(error?.statusCode).toBe(401);
    });
  },
});
