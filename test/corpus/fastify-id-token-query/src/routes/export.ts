import OktaJwtVerifier from '@okta/jwt-verifier';
import type { FastifyInstance } from 'fastify';

const CLIENT_ID = process.env.OKTA_CLIENT_ID!;
const verifier = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER!, clientId: CLIENT_ID });

// Opened in a new tab by the SPA, so the token rides in the query string.
export default async function exportRoutes(fastify: FastifyInstance) {
  fastify.get<{ Querystring: { id_token: string; from: string; to: string } }>('/export.csv', async (request, reply) => {
    try {
      const jwt = await verifier.verifyIdToken(request.query.id_token, CLIENT_ID); // expect: oidc/no-id-token-as-bearer
      const rows = await fastify.reports.rowsFor(String(jwt.claims.sub), request.query.from, request.query.to);
      reply.type('text/csv').send(rows.map((row) => row.join(',')).join('\n'));
    } catch {
      reply.code(401).send();
    }
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    reports: { rowsFor(sub: string, from: string, to: string): Promise<string[][]> };
  }
}
