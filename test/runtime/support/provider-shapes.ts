// Real oidc-provider instances on one 127.0.0.1 server, each mounted and configured to issue tokens of one
// provider's shape (Entra ID tenants and versions, Auth0, Keycloak realms, Cognito pools): issuer paths,
// claims through `extraTokenClaims`, audiences through resource indicators, headers through the JWT customizer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider, { type OidcContext } from 'oidc-provider';
import { newSigningKey } from './provider.js';

export const SHAPED_CLIENT_ID = 'shaped-client';
const SHAPED_CLIENT_SECRET = 'shaped-client-secret-0123456789';
const ID_TOKEN_GRANT = 'urn:test:shaped-id-token';

/** The JWT an access token is built from, as the customizer may change it. */
export interface AccessTokenDraft {
  header: Record<string, unknown> | undefined;
  payload: Record<string, unknown>;
}

export interface IssuerSpec {
  /** Where the provider answers, e.g. `/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0`. */
  readonly mountPath: string;
  /** The issuer's path when it is not the mount path (Entra's `common` tenant names `/{tenantid}/v2.0`). */
  readonly issuerPath?: string;
  /** Resource indicators the provider issues JWT access tokens for, with their scopes (a function of the issuer for its own APIs). */
  readonly resources: Readonly<Record<string, string>> | ((issuer: string) => Readonly<Record<string, string>>);
  /** Claims every access token gets, through oidc-provider's `extraTokenClaims`. */
  readonly claims?: (context: { issuer: string; resource: string; clientId: string }) => Record<string, unknown>;
  /** Last changes to the access token (audience arrays, header parameters), through the JWT customizer. */
  readonly shape?: (draft: AccessTokenDraft, context: { issuer: string; resource: string }) => void;
}

export interface ShapedIssuer {
  readonly issuer: string;
  /** An access token from the client credentials grant for this resource. */
  accessToken(resource: string, scope?: string): Promise<string>;
  /** An ID token from the provider's own IdToken model (aud = the client id), with these claims added. */
  idToken(claims?: Record<string, unknown>): Promise<string>;
  /** Signs claims with the providers' key, for shapes oidc-provider will not issue (a JWT without aud). */
  sign(claims: JWTPayload, header?: Record<string, unknown>): Promise<string>;
}

export interface ShapedProviders<Name extends string> {
  readonly origin: string;
  readonly issuers: Readonly<Record<Name, ShapedIssuer>>;
  /** Request paths received, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export async function startShapedProviders<Name extends string>(specs: Readonly<Record<Name, IssuerSpec>>): Promise<ShapedProviders<Name>> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One key for every issuer, as Entra ID signs every tenant's tokens with the same keys.
  const signingKey: JWK = await newSigningKey('shaped-key-1');
  const requests: string[] = [];

  const mounts: { path: string; handler: (req: IncomingMessage, res: ServerResponse) => void }[] = [];
  const issuers = {} as Record<Name, ShapedIssuer>;
  for (const [name, spec] of Object.entries(specs) as [Name, IssuerSpec][]) {
    const issuer = `${origin}${spec.issuerPath ?? spec.mountPath}`;
    const resources = typeof spec.resources === 'function' ? spec.resources(issuer) : spec.resources;
    const provider = buildProvider(issuer, spec, resources, signingKey);
    mounts.push({ path: spec.mountPath.replace(/\/+$/, ''), handler: provider.callback() });
    const tokenEndpoint = `${origin}${spec.mountPath.replace(/\/+$/, '')}/token`;
    issuers[name] = {
      issuer,
      async accessToken(resource, scope) {
        const body = await tokenRequest(tokenEndpoint, { grant_type: 'client_credentials', resource, scope: scope ?? resources[resource] ?? '' });
        return body.access_token as string;
      },
      async idToken(claims = {}) {
        const body = await tokenRequest(tokenEndpoint, { grant_type: ID_TOKEN_GRANT, claims: JSON.stringify(claims) });
        return body.id_token as string;
      },
      async sign(claims, header = {}) {
        return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signingKey.kid!, ...header }).sign(await importJWK(signingKey, 'RS256'));
      },
    };
  }
  // Longest mount first: `/{tid}/v2.0` before the v1 issuer `/{tid}/`.
  mounts.sort((a, b) => b.path.length - a.path.length);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? url;
    requests.push(path);
    const mount = mounts.find((candidate) => path === candidate.path || path.startsWith(`${candidate.path}/`));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    // The provider derives its mount path from originalUrl minus url, as behind express.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(mount.path.length) || '/';
    mount.handler(req, res);
  });

  return {
    origin,
    issuers,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function buildProvider(issuer: string, spec: IssuerSpec, resources: Readonly<Record<string, string>>, signingKey: JWK): Provider {
  const provider = new Provider(issuer, {
    jwks: { keys: [signingKey] },
    clients: [
      {
        client_id: SHAPED_CLIENT_ID,
        client_secret: SHAPED_CLIENT_SECRET,
        grant_types: ['client_credentials', ID_TOKEN_GRANT],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    scopes: ['openid', ...new Set(Object.values(resources).flatMap((scope) => scope.split(' ')))],
    ttl: { ClientCredentials: 300, IdToken: 300 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          const scope = resources[resource];
          if (scope === undefined) throw new Provider.errors.InvalidTarget!();
          return { scope, accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { clientId: string; aud?: string | string[]; resourceServer?: { identifier(): string } }) => {
      const resource = token.resourceServer?.identifier() ?? resourceOf(token);
      return spec.claims?.({ issuer, resource, clientId: token.clientId }) ?? {};
    },
    formats: {
      customizers: {
        jwt: (_ctx: unknown, token: { aud?: string | string[]; resourceServer?: { identifier(): string } }, jwt: AccessTokenDraft) => {
          spec.shape?.(jwt, { issuer, resource: token.resourceServer?.identifier() ?? resourceOf(token) });
        },
      },
    },
  });
  provider.registerGrantType(
    ID_TOKEN_GRANT,
    async (ctx: OidcContext & { oidc: { params?: Record<string, unknown> } }) => {
      const idToken = new ctx.oidc.provider.IdToken({ sub: 'alice' }, { ctx });
      idToken.scope = 'openid';
      const extra = JSON.parse(String(ctx.oidc.params?.claims ?? '{}')) as Record<string, unknown>;
      for (const [claim, value] of Object.entries(extra)) idToken.set(claim, value);
      ctx.body = { id_token: await idToken.issue({ use: 'idtoken' }), token_type: 'Bearer' };
    },
    ['claims'],
  );
  return provider;
}

function resourceOf(token: { aud?: string | string[] }): string {
  return Array.isArray(token.aud) ? token.aud[0]! : (token.aud ?? '');
}

async function tokenRequest(endpoint: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${SHAPED_CLIENT_ID}:${SHAPED_CLIENT_SECRET}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(params).toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`token endpoint ${endpoint} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}
