// A real oidc-provider served over HTTPS on 127.0.0.1, for code that cannot be told `allowHttpForLoopback`:
// code migrated by oidc-codemod builds its verifier with the issuer alone, and the runtime refuses http
// issuers without that option. The certificate is self-signed (made with the openssl program); the
// processes that talk to the provider trust it through NODE_EXTRA_CA_CERTS, and this process passes it
// as `ca` to node:https.
//
// The provider is set up as test/runtime/support/provider.ts sets up its own (client credentials,
// JWT access tokens for `api://default`, Okta's `cid`, a real ID token from the provider's IdToken
// model), with two differences: the transport is HTTPS, and the issuer may name another host than the one
// the server listens on (`https://acme.okta.com/oauth2/default` served on 127.0.0.1, for a child process
// whose `fetch` routes that host here).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpsRequest, createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { API_AUDIENCE, CLIENT_ID, CLIENT_SECRET, ID_TOKEN_GRANT, newSigningKey, registerIdTokenGrant, sharedConfiguration } from '../../runtime/support/provider.js';

export { API_AUDIENCE, CLIENT_ID };


export interface TlsMaterial {
  /** PEM of the self-signed certificate (also its own CA). */
  readonly cert: string;
  readonly key: string;
  /** Where the certificate is written, for NODE_EXTRA_CA_CERTS. */
  readonly certPath: string;
}

/** A self-signed certificate for 127.0.0.1 (subjectAltName IP:127.0.0.1), valid for a day. */
export function selfSignedCertificate(dir: string): TlsMaterial {
  const keyPath = join(dir, 'tls-key.pem');
  const certPath = join(dir, 'tls-cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-addext', 'basicConstraints=critical,CA:TRUE',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath };
}

export interface HttpsProvider {
  /** `https://127.0.0.1:<port>`: where the server listens. */
  readonly origin: string;
  /** The issuer the provider names in its tokens and discovery document. */
  readonly issuer: string;
  /** Paths of the requests received, in order. */
  readonly requests: readonly string[];
  /** A JWT access token for `resource` (client credentials). */
  clientCredentialsToken(resource?: string, scope?: string): Promise<string>;
  /** An ID token issued by the provider's own IdToken model (aud = client id, nonce, at_hash). */
  idToken(): Promise<string>;
  close(): Promise<void>;
}

export interface HttpsProviderOptions {
  readonly tls: TlsMaterial;
  /** The issuer, from the origin the server got; default `<origin>/oauth2/default`. */
  readonly issuer?: (origin: string) => string;
  /** The `kid` of the provider's signing key (each provider gets its own key). Default `e2e-key`. */
  readonly keyId?: string;
}

/** POSTs a form over https, trusting `ca`. */
function postForm(url: string, form: Record<string, string>, headers: Record<string, string>, ca: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const body = new URLSearchParams(form).toString();
    const req = httpsRequest(url, { method: 'POST', ca, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function startHttpsProvider(options: HttpsProviderOptions): Promise<HttpsProvider> {
  const server: Server = createServer({ key: options.tls.key, cert: options.tls.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.issuer ? options.issuer(origin) : `${origin}/oauth2/default`;
  const mountPath = new URL(issuer).pathname.replace(/\/+$/, '');
  const requests: string[] = [];

  const provider = new Provider(issuer, {
    jwks: { keys: [await newSigningKey(options.keyId ?? 'e2e-key')] },
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
    ...sharedConfiguration(),
  });
  registerIdTokenGrant(provider);
  const handler = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? url;
    requests.push(path);
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
  async function tokenRequest(form: Record<string, string>): Promise<Record<string, unknown>> {
    const { status, body } = await postForm(`${origin}${mountPath}/token`, form, { authorization: basic }, options.tls.cert);
    if (status !== 200) throw new Error(`token endpoint answered ${status}: ${JSON.stringify(body)}`);
    return body;
  }

  return {
    origin,
    issuer,
    requests,
    async clientCredentialsToken(resource = API_AUDIENCE, scope = 'read') {
      return (await tokenRequest({ grant_type: 'client_credentials', resource, scope })).access_token as string;
    },
    async idToken() {
      return (await tokenRequest({ grant_type: ID_TOKEN_GRANT })).id_token as string;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
