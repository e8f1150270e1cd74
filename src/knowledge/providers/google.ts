/**
 * Google.
 * - Issuers `https://accounts.google.com` (Google sign-in and service-to-service ID tokens) and
 *   `https://securetoken.google.com/{project}` (Firebase); keys at `https://www.googleapis.com/oauth2/v3/certs`.
 * - Google documents ID tokens as the bearer credential for Cloud Run, Cloud Functions, IAP and Pub/Sub push
 *   (`getIdTokenClient(audience)`, `fetchIdToken(audience)`, `verifyIdToken({ idToken, audience })`): these are
 *   not mistakes. https://cloud.google.com/run/docs/authenticating/service-to-service
 *   https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions
 *   https://cloud.google.com/iap/docs/authentication-howto
 */
import { trimTrailingSlashes, type ProviderProfile, type UrlParts } from './profile.js';

const GOOGLE_HOSTS = ['accounts.google.com', 'securetoken.google.com', 'www.googleapis.com'];

function matchUrl({ host, path }: UrlParts) {
  if (host === undefined || !GOOGLE_HOSTS.includes(host)) return undefined;
  if (host === 'www.googleapis.com') return { provider: 'google' as const, endpoint: 'keys' as const };
  return host === 'accounts.google.com' && path.length > 0 ? { provider: 'google' as const, endpoint: 'other' as const } : { provider: 'google' as const };
}

export const google: ProviderProfile = {
  id: 'google',
  name: 'Google',
  sources: [
    'https://cloud.google.com/run/docs/authenticating/service-to-service',
    'https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions',
    'https://cloud.google.com/iap/docs/authentication-howto',
    'https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken',
  ],
  issuers: ['https://accounts.google.com', 'https://securetoken.google.com/{project}'],
  keys: ['https://www.googleapis.com/oauth2/v3/certs'],
  matchUrl,
  jwksUriOf(issuer) {
    const base = trimTrailingSlashes(issuer);
    if (/^https:\/\/accounts\.google\.com$/i.test(base)) return 'https://www.googleapis.com/oauth2/v3/certs';
    if (/^https:\/\/securetoken\.google\.com\/[^/]+$/i.test(base)) return 'https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com';
    return undefined;
  },
  nameHint: /google|gcp|firebase/i,
  clientId: /^\d+-[a-z0-9]+\.apps\.googleusercontent\.com$/,
  clientIdAudienceMeansIdToken: true,
  idTokensAreBearerCredentials: true,
  foreignAudiences: [],
  tokenSpellings: [],
  pinnedKeys: [],
  advice: {
    pinnedKey: 'Google rotates its signing keys daily: resolve them from https://www.googleapis.com/oauth2/v3/certs at run time (google-auth-library does).',
    idTokenAsBearer: 'Google ID tokens are the documented credential for Cloud Run, Cloud Functions, IAP and Pub/Sub push; elsewhere send an access token.',
  },
  leftAlone: [
    'Service-to-service ID tokens for Cloud Run and Cloud Functions (getIdTokenClient, fetchIdToken, the metadata server identity endpoint).',
    'Verifying Pub/Sub push and IAP tokens (verifyIdToken({ idToken, audience }), verifySignedJwtWithCertsAsync).',
    'Firebase ID tokens verified with firebase-admin.',
  ],
};
