import { describe, expect, it } from 'vitest';
import {
  classifyIssuer,
  customAuthorizationServerIssuer,
  discoveryUrls,
  isOrgIssuer,
  orgEndpointUrl,
  repairedOktaIssuerText,
} from '../../src/knowledge/issuers.js';
import { hole } from '../../src/knowledge/partial-string.js';

describe('classifyIssuer: plain URLs', () => {
  it.each([
    ['https://acme.okta.com', 'okta-org'],
    ['https://acme.okta.com/', 'okta-org'],
    ['https://dev-123456.oktapreview.com', 'okta-org'],
    ['https://acme.okta-emea.com', 'okta-org'],
    ['https://acme.okta-gov.com', 'okta-org'],
    ['https://acme.okta.mil', 'okta-org'],
    ['HTTPS://ACME.OKTA.COM', 'okta-org'],
    ['https://acme.okta.com/oauth2/default', 'okta-custom'],
    ['https://acme.okta.com/oauth2/default/', 'okta-custom'],
    ['https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9', 'okta-custom'],
    ['https://login.acme.com/oauth2/default', 'okta-custom'],
    ['https://acme.okta.com/oauth2', 'okta-malformed'],
    ['https://acme-admin.okta.com', 'okta-malformed'],
    ['https://{yourOktaDomain}/oauth2/default', 'okta-malformed'],
    ['https://${yourOktaDomain}', 'okta-malformed'],
    ['https://tenant.auth0.com/', 'other-provider'],
    ['https://tenant.eu.auth0.com', 'other-provider'],
    ['https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123', 'other-provider'],
    ['https://login.microsoftonline.com/7f1c2d3e/v2.0', 'other-provider'],
    ['https://sts.windows.net/7f1c2d3e/', 'other-provider'],
    ['https://keycloak.acme.com/realms/acme', 'other-provider'],
    ['https://accounts.google.com', 'other-provider'],
    ['https://www.googleapis.com/oauth2/v3/certs', 'other-provider'],
    ['https://acme.okta.com.', 'okta-org'],
    ['https://login.acme.com', 'unknown'],
    ['https://example.com/oauth2', 'unknown'],
    ['not a url', 'unknown'],
    ['', 'unknown'],
  ])('%s is %s', (url, kind) => {
    expect(classifyIssuer(url).kind).toBe(kind);
  });

  it('keeps the origin and the custom server id', () => {
    expect(classifyIssuer('https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9')).toEqual({
      kind: 'okta-custom',
      origin: 'https://acme.okta.com',
      authorizationServerId: 'aus1a2b3c4d5e6f7g8h9',
    });
    expect(classifyIssuer('https://acme.okta.com')).toEqual({ kind: 'okta-org', evidence: 'okta-host', origin: 'https://acme.okta.com' });
  });

  it('tells endpoints from issuers', () => {
    const keys = classifyIssuer('https://acme.okta.com/oauth2/v1/keys');
    expect(keys).toMatchObject({ kind: 'okta-org', endpoint: 'keys' });
    expect(isOrgIssuer(keys)).toBe(false);
    expect(isOrgIssuer(classifyIssuer('https://acme.okta.com'))).toBe(true);
    expect(classifyIssuer('https://acme.okta.com/oauth2/default/v1/keys')).toMatchObject({ kind: 'okta-custom', authorizationServerId: 'default', endpoint: 'keys' });
    expect(classifyIssuer('https://acme.okta.com/.well-known/openid-configuration')).toMatchObject({ kind: 'okta-org', endpoint: '.well-known' });
  });

  it('recognises org servers on custom domains by their keys and introspect paths', () => {
    expect(classifyIssuer('https://login.acme.com/oauth2/v1/keys')).toMatchObject({ kind: 'okta-org', evidence: 'org-endpoint-path', endpoint: 'keys' });
    expect(classifyIssuer('https://login.acme.com/oauth2/v1/introspect')).toMatchObject({ kind: 'okta-org', endpoint: 'introspect' });
    // Other /oauth2/v1 paths on an unknown host are not evidence enough.
    expect(classifyIssuer('https://login.acme.com/oauth2/v1/authorize').kind).toBe('unknown');
  });

  it('accepts org servers on custom domains declared by the user', () => {
    expect(classifyIssuer('https://login.acme.com', { orgIssuers: ['https://login.acme.com/'] })).toMatchObject({ kind: 'okta-org', evidence: 'declared' });
    expect(classifyIssuer('https://login.acme.com/oauth2/default', { orgIssuers: ['https://login.acme.com'] }).kind).toBe('okta-custom');
    expect(classifyIssuer('https://other.acme.com', { orgIssuers: ['https://login.acme.com'] }).kind).toBe('unknown');
  });
});

describe('classifyIssuer: partly known URLs', () => {
  it('an org URL built from a variable named for the Okta domain', () => {
    expect(classifyIssuer(['https://', hole('OKTA_DOMAIN')])).toMatchObject({ kind: 'okta-org', evidence: 'okta-domain-variable' });
    expect(classifyIssuer(['https://', hole('oktaOrgHost'), '/'])).toMatchObject({ kind: 'okta-org' });
  });

  it('a custom server however its parts are built', () => {
    expect(classifyIssuer(['https://', hole('OKTA_DOMAIN'), '/oauth2/', hole('AUTH_SERVER_ID')])).toEqual({ kind: 'okta-custom' });
    expect(classifyIssuer(['https://', hole('OKTA_DOMAIN'), '/oauth2/default'])).toMatchObject({ kind: 'okta-custom', authorizationServerId: 'default' });
    expect(classifyIssuer([hole('OKTA_ISSUER'), '/v1/keys']).kind).toBe('unknown');
  });

  it('org keys built on an unknown origin', () => {
    expect(classifyIssuer([hole('ORG'), '/oauth2/v1/keys'])).toMatchObject({ kind: 'okta-org', endpoint: 'keys' });
    expect(classifyIssuer([hole('OKTA_ORG_URL'), '/oauth2/v1/introspect'])).toMatchObject({ kind: 'okta-org', endpoint: 'introspect' });
  });

  it('a host under an Okta domain with an unknown tenant', () => {
    expect(classifyIssuer(['https://', hole('tenant'), '.okta.com'])).toMatchObject({ kind: 'okta-org', evidence: 'okta-host' });
  });

  it('never guesses from names that do not say Okta, or from a whole unknown value', () => {
    expect(classifyIssuer(['https://', hole('domain')]).kind).toBe('unknown');
    expect(classifyIssuer(['https://', hole('OKTA_ISSUER')]).kind).toBe('unknown');
    expect(classifyIssuer([hole('OKTA_DOMAIN')]).kind).toBe('unknown');
    expect(classifyIssuer(['https://', hole('AUTH0_DOMAIN'), '/']).kind).toBe('unknown');
  });
});

describe('issuer URLs built from knowledge', () => {
  it('org endpoints, custom servers and discovery documents', () => {
    expect(orgEndpointUrl('https://acme.okta.com/', 'keys')).toBe('https://acme.okta.com/oauth2/v1/keys');
    expect(orgEndpointUrl('https://acme.okta.com', 'introspect')).toBe('https://acme.okta.com/oauth2/v1/introspect');
    expect(customAuthorizationServerIssuer('https://acme.okta.com')).toBe('https://acme.okta.com/oauth2/default');
    expect(discoveryUrls('https://acme.okta.com/oauth2/default/')).toEqual([
      'https://acme.okta.com/oauth2/default/.well-known/oauth-authorization-server',
      'https://acme.okta.com/oauth2/default/.well-known/openid-configuration',
    ]);
  });
});

describe('jwksUriOf', async () => {
  const { jwksUriOf } = await import('../../src/knowledge/issuers.js');
  it.each([
    ['https://acme.okta.com/oauth2/default', 'https://acme.okta.com/oauth2/default/v1/keys'],
    ['https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9/', 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9/v1/keys'],
    ['https://tenant.auth0.com/', 'https://tenant.auth0.com/.well-known/jwks.json'],
    ['https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC', 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/jwks.json'],
    ['https://sso.acme.com/realms/acme', 'https://sso.acme.com/realms/acme/protocol/openid-connect/certs'],
    ['https://login.microsoftonline.com/7f1c2d3e/v2.0', 'https://login.microsoftonline.com/7f1c2d3e/discovery/v2.0/keys'],
  ])('%s publishes %s', (issuer, jwksUri) => {
    expect(jwksUriOf(issuer)).toBe(jwksUri);
  });

  it('is silent where only discovery can tell, and for org servers', () => {
    expect(jwksUriOf('https://acme.okta.com')).toBeUndefined();
    expect(jwksUriOf('https://login.acme.com')).toBeUndefined();
    expect(jwksUriOf('https://acme.okta.com/oauth2/default/v1/keys')).toBeUndefined();
  });
});

describe('repairedOktaIssuerText', () => {
  it('takes -admin out of an Admin Console host, in source text, quotes and template holes kept', () => {
    expect(repairedOktaIssuerText("'https://acme-admin.okta.com/oauth2/default'", 'admin-host', 'org')).toBe("'https://acme.okta.com/oauth2/default'");
    expect(repairedOktaIssuerText('"https://acme-admin.oktapreview.com"', 'admin-host', 'org')).toBe('"https://acme.oktapreview.com"');
    expect(repairedOktaIssuerText('`https://${TENANT}-admin.okta-emea.com/oauth2/aus1`', 'admin-host', 'org')).toBe('`https://${TENANT}.okta-emea.com/oauth2/aus1`');
    // The repaired text is of the shape it should be.
    expect(classifyIssuer('https://acme.okta.com/oauth2/default')).toMatchObject({ kind: 'okta-custom' });
  });

  it('reads /oauth2 without a server id as the default custom server or the org, as asked', () => {
    expect(repairedOktaIssuerText("'https://acme.okta.com/oauth2'", 'missing-server-id', 'default-custom-server')).toBe("'https://acme.okta.com/oauth2/default'");
    expect(repairedOktaIssuerText("'https://acme.okta.com/oauth2/'", 'missing-server-id', 'org')).toBe("'https://acme.okta.com'");
    expect(repairedOktaIssuerText('`${ORG_URL}/oauth2`', 'missing-server-id', 'org')).toBe('`${ORG_URL}`');
  });

  it('leaves what it cannot repair for certain: placeholders, and text of another form', () => {
    expect(repairedOktaIssuerText("'https://{yourOktaDomain}/oauth2/default'", 'placeholder', 'org')).toBeUndefined();
    expect(repairedOktaIssuerText("'https://acme-admin.example.com'", 'admin-host', 'org')).toBeUndefined();
    expect(repairedOktaIssuerText("'https://acme.okta.com/oauth2' + SUFFIX", 'missing-server-id', 'org')).toBeUndefined();
  });
});
