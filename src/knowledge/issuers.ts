/**
 * Issuer and endpoint URLs: which authorization server a URL (or a URL only partly known) belongs to.
 * Okta has two kinds: the org authorization server (issuer = the bare org URL, keys at /oauth2/v1/keys),
 * whose access tokens are for Okta alone, and custom authorization servers (/oauth2/default,
 * /oauth2/aus…), whose access tokens APIs may verify locally.
 */
import { isHole, normalizePartialString, type PartialString, type PartialStringPart } from './partial-string.js';
import { auth0 } from './providers/auth0.js';
import { cognito } from './providers/cognito.js';
import { entra } from './providers/entra.js';
import { google } from './providers/google.js';
import { keycloak } from './providers/keycloak.js';
import type { ProviderId, ProviderProfile, ProviderUrlMatch, UrlParts } from './providers/profile.js';

/** Host suffixes of Okta-hosted orgs (commercial, preview, EMEA, government and military cells). */
export const OKTA_HOST_SUFFIXES = ['.okta.com', '.oktapreview.com', '.okta-emea.com', '.okta-gov.com', '.okta.mil'] as const;

/** The audience of access tokens from the `default` custom authorization server. */
export const DEFAULT_CUSTOM_AS_AUDIENCE = 'api://default';
export const DEFAULT_CUSTOM_AS_ID = 'default';

/** Paths below an org authorization server (`<org>/oauth2/v1/<endpoint>`). */
export const ORG_ENDPOINT_PREFIX = '/oauth2/v1/';

/** Providers other than Okta; their profiles are in ./providers/. */
export type OtherProvider = Exclude<ProviderId, 'okta'>;

/** Keycloak is known by its path (`/realms/…`) on any host, so it is asked first. */
const OTHER_PROVIDERS: readonly ProviderProfile[] = [keycloak, auth0, cognito, entra, google];

export type IssuerEvidence =
  /** The host is under an Okta domain. */
  | 'okta-host'
  /** The host is unknown but comes from a variable named for an Okta domain (`https://${OKTA_DOMAIN}`). */
  | 'okta-domain-variable'
  /** The origin was declared as an org server on a custom domain (rule option `orgIssuers`). */
  | 'declared'
  /** The path is an org endpoint (`/oauth2/v1/keys`, `/oauth2/v1/introspect`), whatever the host. */
  | 'org-endpoint-path';

export type MalformedIssuerProblem = 'missing-server-id' | 'admin-host' | 'placeholder';

export type IssuerShape =
  | {
      kind: 'okta-org';
      evidence: IssuerEvidence;
      /** `https://acme.okta.com`, when the origin is known text. */
      origin?: string;
      /** Set when the URL is an endpoint of the server (`keys`, `introspect`, …) rather than its issuer. */
      endpoint?: string;
    }
  | { kind: 'okta-custom'; origin?: string; authorizationServerId?: string; endpoint?: string }
  | { kind: 'okta-malformed'; problem: MalformedIssuerProblem; origin?: string }
  | ({ kind: 'other-provider'; provider: OtherProvider } & Omit<ProviderUrlMatch, 'provider'>)
  | { kind: 'unknown' };

export interface IssuerClassificationOptions {
  /** Issuers (or origins) of org authorization servers on custom domains, e.g. `https://login.acme.com`. */
  readonly orgIssuers?: readonly string[];
}

type Segment = string | { hole: true; hint?: string };

interface SplitUrl {
  /** Literal origin such as `https://acme.okta.com`, when fully known. */
  origin?: string;
  /** Host text when known; for a host with holes, the literal parts joined with `*`. */
  hostPattern?: string;
  /** Hints of holes that stand in the host. */
  hostHints: string[];
  /** Path segments after the origin, without empty segments, query or fragment. */
  path: Segment[];
  /** Whether the origin was one hole (`${ORG}/oauth2/v1/keys`). */
  originIsHole: boolean;
  /** Literal text of the whole value contains a template-style placeholder. */
  placeholder: boolean;
}

const PLACEHOLDER = /\{\{?\s*[A-Za-z_$][\w$.-]*\s*\}?\}|\$\{|your[-_]?okta[-_]?(domain|org)|\$\{?OKTA_DOMAIN\}?/i;

function splitUrl(input: PartialString): SplitUrl | undefined {
  const parts = normalizePartialString(input);
  if (parts.length === 0) return undefined;
  const placeholder = parts.some((part) => typeof part === 'string' && PLACEHOLDER.test(part));

  let rest: PartialStringPart[] = [...parts];
  let originIsHole = false;
  const first = rest[0]!;
  let scheme = '';
  if (typeof first === 'string') {
    const match = /^(https?):\/\//i.exec(first);
    if (!match) return undefined;
    scheme = match[0].toLowerCase();
    rest[0] = first.slice(match[0].length);
  } else {
    // `${ORG}/oauth2/v1/keys`: the whole origin is unknown, the path is not.
    const next = rest[1];
    if (typeof next !== 'string' || !next.startsWith('/')) return undefined;
    originIsHole = true;
    rest = rest.slice(1);
  }

  const hostParts: PartialStringPart[] = [];
  const pathParts: PartialStringPart[] = [];
  let inPath = originIsHole;
  for (const part of rest) {
    if (inPath) {
      pathParts.push(part);
      continue;
    }
    if (typeof part === 'string') {
      const slash = part.search(/[/?#]/);
      if (slash === -1) hostParts.push(part);
      else {
        hostParts.push(part.slice(0, slash));
        pathParts.push(part.slice(slash));
        inPath = true;
      }
    } else {
      hostParts.push(part);
    }
  }

  const hostHints = hostParts.filter(isHole).map((part) => part.hint ?? '');
  const hostPattern = hostParts.map((part) => (typeof part === 'string' ? part.toLowerCase() : '*')).join('');
  const origin = !originIsHole && hostHints.length === 0 ? `${scheme}${hostPattern}` : undefined;
  return {
    ...(origin === undefined ? {} : { origin }),
    ...(originIsHole ? {} : { hostPattern }),
    hostHints: originIsHole ? [(first as { hint?: string }).hint ?? ''] : hostHints,
    path: splitPath(pathParts),
    originIsHole,
    placeholder,
  };
}

function splitPath(parts: PartialStringPart[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = '';
  let ended = false;
  for (const part of parts) {
    if (ended) break;
    if (typeof part !== 'string') {
      current = { hole: true, ...(part.hint === undefined ? {} : { hint: part.hint }) };
      continue;
    }
    let text = part;
    const stop = text.search(/[?#]/);
    if (stop !== -1) {
      text = text.slice(0, stop);
      ended = true;
    }
    const pieces = text.split('/');
    pieces.forEach((piece, index) => {
      if (index > 0) {
        if (current !== '') segments.push(current);
        current = '';
      }
      if (piece !== '') current = typeof current === 'string' ? current + piece : current;
    });
  }
  if (current !== '') segments.push(current);
  return segments;
}

export function isOktaHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return OKTA_HOST_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** Hints like `OKTA_DOMAIN`, `oktaOrgUrl`, `OKTA_BASE_URL` name an Okta org; `OKTA_ISSUER` names an issuer. */
function isOktaDomainHint(hint: string): boolean {
  return /okta/i.test(hint) && /(domain|org|host|base|tenant)/i.test(hint) && !/issuer|server|oauth/i.test(hint);
}

function otherProvider(split: SplitUrl): (ProviderUrlMatch & { provider: OtherProvider }) | undefined {
  const parts = urlPartsOfSplit(split);
  for (const profile of OTHER_PROVIDERS) {
    const match = profile.matchUrl(parts);
    if (match) return match as ProviderUrlMatch & { provider: OtherProvider };
  }
  return undefined;
}

function urlPartsOfSplit(split: SplitUrl): UrlParts {
  const knownHost = split.hostPattern !== undefined && !split.hostPattern.includes('*') ? split.hostPattern.replace(/:\d+$/, '').replace(/\.$/, '') : undefined;
  return { ...(knownHost === undefined ? {} : { host: knownHost }), hostHints: split.hostHints, path: split.path };
}

/** A URL (or a URL only partly known) as host and path segments, for the provider profiles; undefined when no URL. */
export function urlPartsOf(url: string | PartialString): UrlParts | undefined {
  const split = splitUrl(typeof url === 'string' ? [url.trim()] : url);
  return split ? urlPartsOfSplit(split) : undefined;
}

function declaredOrigin(origin: string | undefined, options: IssuerClassificationOptions): boolean {
  if (origin === undefined || !options.orgIssuers) return false;
  return options.orgIssuers.some((declared) => {
    const split = splitUrl([declared]);
    return split?.origin === origin;
  });
}

/** Classifies an issuer or endpoint URL. Plain strings and partial strings (templates) alike. */
export function classifyIssuer(
  url: string | PartialString,
  options: IssuerClassificationOptions = {},
): IssuerShape {
  const split = splitUrl(typeof url === 'string' ? [url.trim()] : url);
  if (!split) return { kind: 'unknown' };
  const { origin, hostPattern, hostHints, path } = split;
  const hostIsOkta = hostPattern !== undefined && isOktaHost(hostPattern);
  const hostNamedOkta = hostHints.some(isOktaDomainHint);
  const declared = declaredOrigin(origin, options);
  const originField = origin === undefined ? {} : { origin };

  if (split.placeholder && (hostIsOkta || hostNamedOkta || /okta/i.test(hostPattern ?? ''))) {
    return { kind: 'okta-malformed', problem: 'placeholder', ...originField };
  }
  if (hostPattern !== undefined && hostIsOkta && /-admin\./.test(hostPattern)) {
    return { kind: 'okta-malformed', problem: 'admin-host', ...originField };
  }

  const other = otherProvider(split);
  if (other) return { kind: 'other-provider', ...other };

  const oktaEvidence: IssuerEvidence | undefined = hostIsOkta
    ? 'okta-host'
    : declared
      ? 'declared'
      : hostNamedOkta
        ? 'okta-domain-variable'
        : undefined;

  const [first, second, third, ...more] = path;
  if (first === undefined) {
    return oktaEvidence ? { kind: 'okta-org', evidence: oktaEvidence, ...originField } : { kind: 'unknown' };
  }
  if (first === '.well-known') {
    return oktaEvidence
      ? { kind: 'okta-org', evidence: oktaEvidence, ...originField, endpoint: '.well-known' }
      : { kind: 'unknown' };
  }
  if (first !== 'oauth2') return { kind: 'unknown' };

  if (second === undefined) {
    return oktaEvidence || split.originIsHole
      ? { kind: 'okta-malformed', problem: 'missing-server-id', ...originField }
      : { kind: 'unknown' };
  }
  if (second === 'v1') {
    const endpoint = typeof third === 'string' ? third : undefined;
    // Any host: `/oauth2/v1/keys` and `/oauth2/v1/introspect` are the org server's own paths.
    if (oktaEvidence) return { kind: 'okta-org', evidence: oktaEvidence, ...originField, ...(endpoint ? { endpoint } : {}) };
    if (endpoint === 'keys' || endpoint === 'introspect') {
      return { kind: 'okta-org', evidence: 'org-endpoint-path', ...originField, endpoint };
    }
    return { kind: 'unknown' };
  }
  // `/oauth2/<server id>[/v1/<endpoint>]`: a custom authorization server, however the id is spelled.
  const authorizationServerId = typeof second === 'string' ? second : undefined;
  const endpoint = third === 'v1' && typeof more[0] === 'string' ? more[0] : third === '.well-known' ? '.well-known' : undefined;
  return {
    kind: 'okta-custom',
    ...originField,
    ...(authorizationServerId === undefined ? {} : { authorizationServerId }),
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}

/** True for an issuer (not an endpoint) of an Okta org authorization server. */
export function isOrgIssuer(shape: IssuerShape): boolean {
  return shape.kind === 'okta-org' && shape.endpoint === undefined;
}

/**
 * The audience of the org authorization server's access tokens: the org URL itself (Okta is their intended audience),
 * in the tokens and in what the org's /oauth2/v1/introspect answers for them.
 */
export function orgAccessTokenAudience(origin: string): string {
  return origin.replace(/\/+$/, '');
}

/** `https://acme.okta.com/oauth2/v1/keys` for the org server at that origin. */
export function orgEndpointUrl(origin: string, endpoint: 'keys' | 'introspect'): string {
  return `${origin.replace(/\/+$/, '')}${ORG_ENDPOINT_PREFIX}${endpoint}`;
}

/** The issuer of a custom authorization server on the same org: `https://acme.okta.com/oauth2/default`. */
export function customAuthorizationServerIssuer(origin: string, id: string = DEFAULT_CUSTOM_AS_ID): string {
  return `${origin.replace(/\/+$/, '')}/oauth2/${id}`;
}

/** How `/oauth2` without an authorization server id is read: the default custom server, or the org itself. */
export type MissingServerIdReading = 'default-custom-server' | 'org';

/**
 * A malformed Okta issuer, repaired where the repair is certain or chosen: the Admin Console's host
 * (`acme-admin.okta.com`) is never an issuer, the org's is the same host without `-admin`; `/oauth2` without a server
 * id becomes `/oauth2/default` or the org itself (no `/oauth2`), as `reading` says. A placeholder has no repair.
 * Works on source text (quotes and template holes kept); undefined when the text is not of the expected form.
 */
export function repairedOktaIssuerText(text: string, problem: MalformedIssuerProblem, reading: MissingServerIdReading): string | undefined {
  if (problem === 'admin-host') {
    const host = /:\/\/([^/?#'"`\s]+)/.exec(text);
    if (!host) return undefined;
    const repaired = host[1]!.replace(/-admin\./i, '.');
    if (repaired === host[1] || !isOktaHost(repaired)) return undefined;
    return text.slice(0, host.index + 3) + repaired + text.slice(host.index + 3 + host[1]!.length);
  }
  if (problem === 'missing-server-id') {
    const end = /\/oauth2\/*(?=['"`]?$)/.exec(text);
    if (!end) return undefined;
    return text.slice(0, end.index) + (reading === 'org' ? '' : `/oauth2/${DEFAULT_CUSTOM_AS_ID}`) + text.slice(end.index + end[0].length);
  }
  return undefined;
}

/**
 * Discovery documents to try for an issuer, in order. Okta (and most providers) serve both below the
 * issuer; RFC 8414 metadata first, then OpenID Connect Discovery.
 */
export function discoveryUrls(issuer: string): string[] {
  const base = issuer.replace(/\/+$/, '');
  return [`${base}/.well-known/oauth-authorization-server`, `${base}/.well-known/openid-configuration`];
}

/**
 * The JWKS URL an issuer publishes, where it follows from the issuer's shape without fetching discovery.
 * Undefined where only discovery can tell, and for org servers: their keys are not for access tokens.
 */
export function jwksUriOf(issuer: string): string | undefined {
  const shape = classifyIssuer(issuer);
  const base = issuer.trim().replace(/\/+$/, '');
  switch (shape.kind) {
    case 'okta-custom':
      return shape.endpoint === undefined && shape.authorizationServerId !== undefined ? `${base}/v1/keys` : undefined;
    case 'other-provider':
      return shape.endpoint === undefined ? OTHER_PROVIDERS.find((profile) => profile.id === shape.provider)?.jwksUriOf(base) : undefined;
    default:
      return undefined;
  }
}
