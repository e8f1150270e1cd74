/**
 * What a provider profile is: the facts about one identity provider that rules, codemods and the runtime
 * share. Each provider's file fills one in, with the documentation it was confirmed in.
 */
import type { TokenType } from '../tokens.js';

export type ProviderId = 'okta' | 'entra-id' | 'auth0' | 'cognito' | 'keycloak' | 'google';

/** A URL split into what is known of it: the lower-case host (undefined when a hole), hole hints, path segments. */
export interface UrlParts {
  readonly host?: string;
  /** Hints of the holes that stand in the host (`AUTH0_DOMAIN`). */
  readonly hostHints: readonly string[];
  /** Path segments without empty ones, query or fragment; a hole is `{ hole: true }`. */
  readonly path: readonly (string | { readonly hole: true; readonly hint?: string })[];
}

/** What a provider URL is: its issuer, its keys, another endpoint, or one of the provider's own APIs. */
export type ProviderEndpoint = 'keys' | 'discovery' | 'userinfo' | 'management-api' | 'other';

export interface ProviderUrlMatch {
  readonly provider: ProviderId;
  /** Set when the URL is an endpoint rather than the issuer. */
  readonly endpoint?: ProviderEndpoint;
  /** Entra tenant id, Cognito user pool id, Keycloak realm, Auth0 tenant host, when written out. */
  readonly tenant?: string;
  /** Entra: which token version the issuer (or keys URL) belongs to. */
  readonly version?: 'v1' | 'v2';
}

/**
 * An audience that only the provider (or one of its own APIs) may accept: a token for it is the
 * provider's business, whatever its format today. Sending such a token to that API is correct;
 * verifying it locally is not.
 */
export interface ForeignAudience {
  /** The API the audience names, for messages: "Microsoft Graph". */
  readonly api: string;
  /** Exact audience values (compared without case, trailing slashes or `/.default`). */
  readonly values?: readonly string[];
  /** For URL audiences below a tenant's host: the path that names the API (`userinfo`, `api/v2`). */
  readonly path?: readonly string[];
}

/**
 * How an SDK or verifier spells an ID token. `tokenType` says which kind the spelling holds, so that the
 * access-token twin of each spelling is known too (for suggestions and for look-alikes).
 */
export type TokenSpelling =
  /** `claims.__raw`: a member whose value is the raw token, whatever object it is read from. */
  | { readonly kind: 'raw-member'; readonly member: string; readonly tokenType: TokenType; readonly example: string }
  /** `session.getIdToken().getJwtToken()`: a getter whose result's string method gives the token. */
  | { readonly kind: 'getter-then-string'; readonly getter: string; readonly toString: string; readonly tokenType: TokenType; readonly example: string }
  /** `result.idToken`, `keycloak.idToken`, `tokens.idToken`: a member of an SDK object (found by its name). */
  | { readonly kind: 'sdk-member'; readonly member: string; readonly tokenType: TokenType; readonly example: string }
  /** `CognitoJwtVerifier.create({ tokenUse: 'id' })`: a verifier option whose value says which kind it accepts. */
  | { readonly kind: 'verifier-option'; readonly module: string; readonly option: string; readonly value: string; readonly tokenType: TokenType; readonly example: string }
  /** `payload.typ === 'ID'`: a claim whose value names the kind of token (Keycloak). */
  | { readonly kind: 'claim-value'; readonly claim: string; readonly value: string; readonly tokenType: TokenType; readonly example: string };

/** A spelling and its access-token twin: `{ id: 'getIdToken', access: 'getAccessToken' }`. */
export interface TwinNames {
  readonly id: string;
  readonly access: string;
}

/**
 * What a client of this provider sends instead of its ID token: the access-token twin of each ID-token spelling of
 * the provider's client SDK. The `id-token-to-access-token` codemod and the rule's suggestion switch by these.
 */
export type AccessTokenTwin =
  /** `oktaAuth.getIdToken()` -> `oktaAuth.getAccessToken()`: a method that returns the token itself. */
  | { readonly kind: 'method'; readonly method: TwinNames; readonly example: string }
  /**
   * A token object whose `member` holds the token: read by key (`tokenManager.get('idToken')`), or kept in a state
   * member (`authState.idToken`), typed by `type` from one of `typeModules` (`IDToken` -> `AccessToken`).
   */
  | {
      readonly kind: 'token-object';
      readonly getter: { readonly receiver: string; readonly method: string; readonly key: TwinNames };
      readonly stateMember: TwinNames;
      readonly member: TwinNames;
      readonly type: TwinNames;
      readonly typeModules: RegExp;
      readonly example: string;
    }
  /**
   * The ID token's claims, holding the raw token in `rawMember` (`getIdTokenClaims()`, `idTokenClaims$`), whose twin
   * is a call that resolves to (or emits) the access token itself, for the API's audience given in `audienceParameter`.
   */
  | {
      readonly kind: 'claims';
      readonly method: TwinNames;
      readonly observable: TwinNames;
      readonly rawMember: string;
      readonly audienceParameter: string;
      readonly example: string;
    }
  /**
   * A token request's result (`(await msal.acquireTokenSilent(request)).idToken`), whose `member` twin is only an
   * access token for the API when the request's `scopes` name the API's (`{audience}/.default`); with only
   * `openIdScopes` the access token is for `defaultApi`.
   */
  | {
      readonly kind: 'request-result';
      readonly methods: readonly string[];
      readonly member: TwinNames;
      readonly scopesOption: string;
      readonly apiScope: string;
      readonly openIdScopes: readonly string[];
      readonly defaultApi: string;
      readonly example: string;
    }
  /**
   * A member of the session's tokens (`(await fetchAuthSession()).tokens.idToken` -> `.accessToken`), the session
   * coming from `getter` of one of `modules`; the token object gives its string through `toString()`.
   */
  | { readonly kind: 'session-tokens'; readonly getter: string; readonly modules: RegExp; readonly holderMember: string; readonly member: TwinNames; readonly example: string }
  /** A member of the SDK's instance (`keycloak.idToken` -> `keycloak.token`), made by `new` of `module`'s default export. */
  | { readonly kind: 'instance-member'; readonly module: string; readonly instanceName: RegExp; readonly member: TwinNames; readonly example: string };

/** How key material gets pinned with this provider, beyond the PEM / JWK shapes every provider shares. */
export type PinnedKeySpelling =
  /** An adapter option that takes the realm's public key (`realm-public-key` of keycloak-connect), in code or in its config file. */
  | { readonly kind: 'adapter-option'; readonly module: string; readonly options: readonly string[]; readonly configFile?: string; readonly example: string }
  /** A JWKS `x5c` certificate copied out and wrapped in PEM markers. */
  | { readonly kind: 'x5c-certificate'; readonly example: string }
  /** A JWKS pasted into the source, or handed to the verifier's cache (`cacheJwks`). */
  | { readonly kind: 'inline-jwks'; readonly methods: readonly string[]; readonly example: string };

/** What to do, per mistake, said for this provider. One sentence each; rules put them into their messages. */
export interface ProviderAdvice {
  readonly pinnedKey: string;
  readonly idTokenAsBearer: string;
  /** For tokens whose audience is the provider's own API. */
  readonly foreignToken?: string;
}

export interface ProviderProfile {
  readonly id: ProviderId;
  /** The name messages and docs use: "Microsoft Entra ID". */
  readonly name: string;
  /** Where the facts below were confirmed. */
  readonly sources: readonly string[];
  /** Issuer shapes, as templates: `https://login.microsoftonline.com/{tenant}/v2.0`. */
  readonly issuers: readonly string[];
  /** Keys URL shapes, as templates. */
  readonly keys: readonly string[];
  /** Whether a URL belongs to this provider, and which part of it. */
  matchUrl(url: UrlParts): ProviderUrlMatch | undefined;
  /** The JWKS URL that follows from an issuer's text, where no discovery is needed to know it. */
  jwksUriOf(issuer: string): string | undefined;
  /** Names of variables and settings that speak of this provider (`AZURE_TENANT_ID`, `auth0Domain`). */
  readonly nameHint: RegExp;
  /** Client ids as this provider writes them, where they have a shape of their own. */
  readonly clientId?: RegExp;
  /**
   * Whether an expected audience equal to a client id marks an ID token. Not with Entra ID: an API's v2
   * access tokens carry its own application (client) id as `aud`.
   */
  readonly clientIdAudienceMeansIdToken: boolean;
  /**
   * Whether the provider documents ID tokens as the bearer credential of some services (Google: Cloud Run,
   * Cloud Functions, IAP, Pub/Sub push). Servers verifying this provider's ID tokens are then left alone.
   */
  readonly idTokensAreBearerCredentials: boolean;
  readonly foreignAudiences: readonly ForeignAudience[];
  readonly tokenSpellings: readonly TokenSpelling[];
  /** The access-token twins of the client SDK's ID-token spellings (none where the provider has no client SDK). */
  readonly accessTokenTwins?: readonly AccessTokenTwin[];
  readonly pinnedKeys: readonly PinnedKeySpelling[];
  readonly advice: ProviderAdvice;
  /** What the provider's checks look like and which shapes are left alone, for docs/providers.md. */
  readonly leftAlone: readonly string[];
}

/** Segments of a path that are known text. */
export function knownSegments(path: UrlParts['path']): (string | undefined)[] {
  return path.map((segment) => (typeof segment === 'string' ? segment : undefined));
}

export function trimTrailingSlashes(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
