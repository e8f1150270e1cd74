// An exported fast-jwt verifier whose key is a function: it already answered with a Promise, so its callers (here
// or in other modules) already await it, and the introspecting function keeps that contract.
import { createTokenIntrospector } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET! });

export const verifyJobToken = (token: string) => tokenIntrospector.introspect(token);
