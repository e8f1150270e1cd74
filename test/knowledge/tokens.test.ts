import { describe, expect, it } from 'vitest';
import { accessTokenNameFor, isClientIdName, isOktaAuthorizationServerId, isOktaClientId, tokenTypeOfName } from '../../src/knowledge/tokens.js';

describe('token knowledge', () => {
  it('Okta client ids and authorization server ids', () => {
    expect(isOktaClientId('0oa1b2c3d4e5f6g7h8i9')).toBe(true);
    expect(isOktaClientId('0oa1b2c3d4')).toBe(false);
    expect(isOktaClientId('aus1b2c3d4e5f6g7h8i9')).toBe(false);
    expect(isOktaAuthorizationServerId('aus1b2c3d4e5f6g7h8i9')).toBe(true);
    expect(isOktaAuthorizationServerId('default')).toBe(false);
  });

  it.each(['clientId', 'CLIENT_ID', 'OKTA_CLIENT_ID', 'oktaClientId', 'client_id', 'spaClientID', 'clientID'])('%s names a client id', (name) => {
    expect(isClientIdName(name)).toBe(true);
  });

  it.each(['clientIds', 'clientIdp', 'client', 'audience', 'CLIENT_SECRET', 'apiId'])('%s does not', (name) => {
    expect(isClientIdName(name)).toBe(false);
  });

  it('token types from names', () => {
    expect(tokenTypeOfName('idToken')).toBe('id');
    expect(tokenTypeOfName('id_token')).toBe('id');
    expect(tokenTypeOfName('oktaIdToken')).toBe('id');
    expect(tokenTypeOfName('ACCESS_TOKEN')).toBe('access');
    expect(tokenTypeOfName('token')).toBeUndefined();
    expect(tokenTypeOfName('idTokenHint')).toBeUndefined();
  });

  it.each([
    ['idToken', 'accessToken'],
    ['id_token', 'access_token'],
    ['ID_TOKEN', 'ACCESS_TOKEN'],
    ['userIdToken', 'userAccessToken'],
    ['id-token', 'access-token'],
    ['OKTA_ID_TOKEN', 'OKTA_ACCESS_TOKEN'],
  ])('%s has the access-token twin %s', (name, twin) => {
    expect(accessTokenNameFor(name)).toBe(twin);
  });

  it.each(['token', 'idTokenHint', 'claims', 'accessToken', 'valid_token', 'idTokens'])('%s has no access-token twin', (name) => {
    expect(accessTokenNameFor(name)).toBeUndefined();
  });
});
