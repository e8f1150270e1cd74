// A real oidc-provider over HTTPS on 127.0.0.1 whose signing keys the test can rotate, for migrated apps: their
// code names the issuer alone, and the runtime refuses http issuers unless told so in code. Set up as the runtime
// tests' provider (client credentials, JWT access tokens for `api://default` and `api://other`, Okta's `cid`, a real
// ID token from the provider's IdToken model); the certificate is trusted by the apps through NODE_EXTRA_CA_CERTS.
import { request as httpsRequest, createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';
import {
  API_AUDIENCE,
  CLIENT_ID,
  CLIENT_SECRET,
  ID_TOKEN_GRANT,
  newSigningKey,
  OTHER_API_AUDIENCE,
  registerIdTokenGrant,
  sharedConfiguration,
} from '../../../runtime/support/provider.js';
import type { TlsMaterial } from '../../support/https-provider.js';

export { API_AUDIENCE, CLIENT_ID, OTHER_API_AUDIENCE };

export interface RotatingProvider {
  readonly issuer: string;
  /** Private JWKs the provider signs with, newest first. */
  readonly signingKeys: readonly JWK[];
  clientCredentialsToken(resource?: string): Promise<string>;
  idToken(): Promise<string>;
  /** Signs claims with the provider's current key (for tokens it would not issue: expired ones). */
  sign(claims: JWTPayload): Promise<string>;
  /** A new signing key first, the old ones after; the port stays. */
  rotateKeys(): Promise<JWK>;
  close(): Promise<void>;
}

function postForm(url: string, form: Record<string, string>, authorization: string, ca: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const body = new URLSearchParams(form).toString();
    const headers = { authorization, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) };
    const req = httpsRequest(url, { method: 'POST', ca, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}: ${text}`));
        else resolve(text === '' ? {} : (JSON.parse(text) as Record<string, unknown>));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function startRotatingProvider(tls: TlsMaterial): Promise<RotatingProvider> {
  const server: Server = createServer({ key: tls.key, cert: tls.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mountPath = '/oauth2/default';
  const issuer = `${origin}${mountPath}`;
  const signingKeys: JWK[] = [await newSigningKey('key-1')];

  function buildProvider(): Provider {
    const provider = new Provider(issuer, {
      jwks: { keys: signingKeys },
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          grant_types: ['client_credentials', ID_TOKEN_GRANT],
          response_types: [],
          redirect_uris: [],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      ...sharedConfiguration({
        resources: { [OTHER_API_AUDIENCE]: { scope: 'read write', accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } } },
      }),
    });
    registerIdTokenGrant(provider);
    return provider;
  }
  let handler = buildProvider().callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? url;
    if (path !== mountPath && !path.startsWith(`${mountPath}/`)) {
      res.writeHead(404).end();
      return;
    }
    // The provider derives its mount path from originalUrl minus url, as behind express.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(mountPath.length) || '/';
    handler(req, res);
  });

  const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
  return {
    issuer,
    get signingKeys() {
      return signingKeys;
    },
    async clientCredentialsToken(resource = API_AUDIENCE) {
      return (await postForm(`${issuer}/token`, { grant_type: 'client_credentials', resource, scope: 'read' }, basic, tls.cert)).access_token as string;
    },
    async idToken() {
      return (await postForm(`${issuer}/token`, { grant_type: ID_TOKEN_GRANT }, basic, tls.cert)).id_token as string;
    },
    async sign(claims) {
      const key = signingKeys[0]!;
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid!, typ: 'at+jwt' }).sign(await importJWK(key, 'RS256'));
    },
    async rotateKeys() {
      const key = await newSigningKey(`key-${signingKeys.length + 1}`);
      signingKeys.unshift(key);
      handler = buildProvider().callback();
      return key;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const ORG_ISSUER = 'https://acme.okta.com';
/**
 * Another API of the look-alike org: its opaque access tokens are active at the introspection endpoint, for an
 * audience other than the org URL (which Okta's org server never issues; oidc-provider can, as a resource indicator).
 */
export const ORG_OTHER_AUDIENCE = 'urn:acme:other-api';
/** A scope of the org's own resource whose tokens live two seconds, for expired tokens of the same audience. */
const EXPIRING_SCOPE = 'expiring';

export interface OrgProvider {
  /** `https://127.0.0.1:<port>`, where the app's requests for https://acme.okta.com are routed. */
  readonly origin: string;
  /** The issuer it names in its discovery document and tokens: ORG_ISSUER unless the options say otherwise. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /**
   * The audience of its access tokens: the org URL (the issuer), as Okta's org authorization server issues them
   * (`aud` in the tokens and in the introspection answer).
   */
  readonly audience: string;
  /** Opaque access tokens, which only introspection can check. */
  accessToken(): Promise<string>;
  /** An access token that lives two seconds: expired once the caller has waited past it. Same audience. */
  shortLivedAccessToken(): Promise<string>;
  /** An access token of the same client for ORG_OTHER_AUDIENCE: active, for another audience. */
  otherAudienceAccessToken(): Promise<string>;
  /** The provider's own introspection answer for a token (as the org's client). */
  introspect(token: string): Promise<Record<string, unknown>>;
  idToken(): Promise<string>;
  revoke(token: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * An Okta org authorization server look-alike: issuer https://acme.okta.com, Okta's org routes
 * (/oauth2/v1/token, /oauth2/v1/introspect, /oauth2/v1/revoke, /oauth2/v1/keys), served on 127.0.0.1 over HTTPS.
 */
export async function startOrgProvider(tls: TlsMaterial, options: { readonly issuer?: (origin: string) => string } = {}): Promise<OrgProvider> {
  const server: Server = createServer({ key: tls.key, cert: tls.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // An app that reads its org from the environment is pointed at the provider itself: `issuer: (origin) => origin`.
  const issuer = options.issuer?.(origin) ?? ORG_ISSUER;
  // The org URL is the resource (and so the audience) of the org's access tokens, as at Okta.
  const audience = issuer;
  const shared = sharedConfiguration({
    introspection: true,
    resources: {
      [audience]: { scope: `read write ${EXPIRING_SCOPE}`, accessTokenFormat: 'opaque', accessTokenTTL: 300 },
      [ORG_OTHER_AUDIENCE]: { scope: 'read write', accessTokenFormat: 'opaque', accessTokenTTL: 300 },
    },
  });
  const provider = new Provider(issuer, {
    jwks: { keys: [await newSigningKey('org-key')] },
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        grant_types: ['client_credentials', ID_TOKEN_GRANT],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    routes: { token: '/oauth2/v1/token', introspection: '/oauth2/v1/introspect', revocation: '/oauth2/v1/revoke', jwks: '/oauth2/v1/keys' },
    ...shared,
    ttl: {
      ...shared.ttl,
      ClientCredentials: (ctx: unknown, token: { scope?: string; resourceServer?: { accessTokenTTL?: number } }) =>
        token.scope?.split(' ').includes(EXPIRING_SCOPE) ? 2 : shared.ttl.ClientCredentials(ctx, token),
    },
  });
  registerIdTokenGrant(provider);
  server.on('request', provider.callback());

  const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
  return {
    origin,
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    audience,
    async accessToken() {
      return (await postForm(`${origin}/oauth2/v1/token`, { grant_type: 'client_credentials', resource: audience, scope: 'read' }, basic, tls.cert)).access_token as string;
    },
    async shortLivedAccessToken() {
      return (await postForm(`${origin}/oauth2/v1/token`, { grant_type: 'client_credentials', resource: audience, scope: `read ${EXPIRING_SCOPE}` }, basic, tls.cert)).access_token as string;
    },
    async otherAudienceAccessToken() {
      return (await postForm(`${origin}/oauth2/v1/token`, { grant_type: 'client_credentials', resource: ORG_OTHER_AUDIENCE, scope: 'read' }, basic, tls.cert)).access_token as string;
    },
    async introspect(token) {
      return postForm(`${origin}/oauth2/v1/introspect`, { token, token_type_hint: 'access_token' }, basic, tls.cert);
    },
    async idToken() {
      return (await postForm(`${origin}/oauth2/v1/token`, { grant_type: ID_TOKEN_GRANT }, basic, tls.cert)).id_token as string;
    },
    async revoke(token) {
      await postForm(`${origin}/oauth2/v1/revoke`, { token, token_type_hint: 'access_token' }, basic, tls.cert);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
