/** Construction-time checks of a configured issuer: a well-formed https URL, and an issuer rather than an endpoint. */
import {
  classifyIssuer,
  customAuthorizationServerIssuer,
  isOrgIssuer,
  orgEndpointUrl,
  type IssuerShape,
} from '../knowledge/issuers.js';
import { ConfigurationError } from './errors.js';
import { insecureUrlProblem } from './http.js';

/** Refuses an issuer that cannot be fetched safely or is not an issuer (RFC 8414 §2: no query, no fragment). */
export function checkIssuerUrl(issuer: unknown, allowHttpForLoopback: boolean): asserts issuer is string {
  if (typeof issuer !== 'string' || issuer.trim() === '') {
    throw new ConfigurationError('invalid_option', 'issuer must be the authorization server issuer URL, e.g. https://acme.okta.com/oauth2/default');
  }
  const problem = insecureUrlProblem(issuer, allowHttpForLoopback);
  if (problem) throw new ConfigurationError('insecure_url', `issuer ${issuer} ${problem}`);
  const url = new URL(issuer);
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigurationError('not_an_issuer', `issuer ${issuer} has a query or fragment; an issuer identifier has neither`);
  }

  const shape = classifyIssuer(issuer);
  const endpoint = endpointOf(shape);
  if (endpoint !== undefined) {
    throw new ConfigurationError(
      'not_an_issuer',
      `${issuer} is the ${endpoint} endpoint of an authorization server, not its issuer; configure the issuer (the URL the discovery document names)`,
    );
  }
  if (shape.kind === 'okta-malformed') {
    const why = {
      'missing-server-id': 'lacks the authorization server id (…/oauth2/default or …/oauth2/aus…)',
      'admin-host': 'is the Okta admin host (…-admin.okta.com); the issuer is on the org host',
      placeholder: 'still contains a placeholder',
    }[shape.problem];
    throw new ConfigurationError('not_an_issuer', `issuer ${issuer} ${why}`);
  }
}

function endpointOf(shape: IssuerShape): string | undefined {
  if (shape.kind === 'okta-org' || shape.kind === 'okta-custom') return shape.endpoint;
  return undefined;
}

/**
 * Access tokens of an Okta org authorization server are for Okta's own APIs: their signing keys and format
 * may change without notice, so a local signature check is not a supported way to trust them.
 */
export function refuseOrgIssuer(issuer: string): void {
  const shape = classifyIssuer(issuer);
  if (!isOrgIssuer(shape)) return;
  const origin = shape.kind === 'okta-org' && shape.origin !== undefined ? shape.origin : issuer;
  throw new ConfigurationError(
    'org_authorization_server',
    `${issuer} is an Okta org authorization server: its access tokens are meant for Okta's APIs and cannot be verified locally. ` +
      `Use introspection (createTokenIntrospector with this issuer, which posts to ${orgEndpointUrl(origin, 'introspect')}) ` +
      `or issue tokens from a custom authorization server such as ${customAuthorizationServerIssuer(origin)} and verify those.`,
  );
}

/** A `jwks_uri` at `/oauth2/v1/keys` is the org server's key set, whatever the host (org servers on custom domains). */
export function refuseOrgKeySet(issuer: string, jwksUri: string): void {
  const shape = classifyIssuer(jwksUri);
  if (shape.kind !== 'okta-org') return;
  throw new ConfigurationError(
    'org_authorization_server',
    `${issuer} publishes its keys at ${jwksUri}, the key set of an Okta org authorization server: its access tokens cannot be verified locally. ` +
      'Use introspection (createTokenIntrospector) or a custom authorization server (…/oauth2/default).',
  );
}

/** The introspection endpoint of an Okta org authorization server, known without discovery. */
export function orgIntrospectionEndpoint(issuer: string): string | undefined {
  const shape = classifyIssuer(issuer);
  if (!isOrgIssuer(shape) || shape.kind !== 'okta-org' || shape.origin === undefined) return undefined;
  return orgEndpointUrl(shape.origin, 'introspect');
}
