/**
 * The configuration a helper instance is built with, carried over from the verification it replaces:
 * issuer, audience, algorithms and clock tolerance as literals, as the old expressions (when they mean
 * the same at module level), from the CLI's options, or from environment variables for a person to set.
 */
import { clientIdInAudience } from '../../src/analysis/client-ids.js';
import { quoted, textOf } from '../../src/analysis/edits.js';
import { apiAudienceOf } from '../../src/analysis/id-token-use.js';
import { isCognitoUserPool, isDefaultCustomServer } from '../../src/analysis/issuer-facts.js';
import { knownString, type StaticValue } from '../../src/analysis/values.js';
import { unwrap, type AstNode } from '../../src/analysis/syntax.js';
import type { SlotFact, VerificationSite } from '../../src/analysis/verify-sites.js';
import { DEFAULT_CUSTOM_AS_AUDIENCE } from '../../src/knowledge/issuers.js';
import { bindingsRead, isHoistable } from './hoisting.js';
import { environmentSetting, isTypeScriptFile, type TransformContext } from './transformer.js';

export interface HelperConfig {
  readonly properties: (readonly [string, string])[];
  /** Module-level bindings the configuration reads: they stay when the old code goes. */
  readonly reads: Set<unknown>;
  /** What a person must check, written above the declaration and reported. */
  readonly notes: string[];
}

/** A value as source text usable at module level, or undefined. */
export function moduleLevelText(context: TransformContext, slot: SlotFact | undefined, reads: Set<unknown>): string | undefined {
  if (!slot) return undefined;
  const known = knownString(slot.value);
  if (known !== undefined) return quoted(context.source, known);
  if (slot.value.kind === 'unknown' && slot.value.origin !== 'env' && slot.value.origin !== 'import') {
    // A parameter, a call's result: its text would mean something else at module level.
    if (!isHoistable(context.index, slot.node)) return undefined;
  }
  if (!isHoistable(context.index, slot.node)) return undefined;
  for (const binding of bindingsRead(context.index, slot.node)) reads.add(binding);
  return requiredText(context, slot);
}

/**
 * The text of a setting copied into a helper's options. An environment variable read as it is
 * (`process.env.OKTA_CLIENT_ID`) is `string | undefined` to TypeScript; the helpers take `string`.
 */
export function requiredText(context: TransformContext, slot: SlotFact): string {
  const text = textOf(context.source, slot.node);
  const fromEnvironment = slot.value.kind === 'unknown' && slot.value.origin === 'env';
  return fromEnvironment && isTypeScriptFile(context.path) && !text.endsWith('!') ? `${text}!` : text;
}

/** Whether the issuer is an AWS Cognito user pool (`https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
export function isCognitoIssuer(context: TransformContext, site: VerificationSite): boolean {
  return isCognitoUserPool(issuerValue(context, site));
}

/** The issuer the site names, else the one given with `--issuer`. */
function issuerValue(context: TransformContext, site: VerificationSite): StaticValue | undefined {
  if (site.issuer) return site.issuer.value;
  return context.options.issuer === undefined ? undefined : { kind: 'string', value: context.options.issuer, node: site.call.node };
}

/**
 * Cognito access tokens carry no `aud`: the runtime checks `token_use` and `client_id` instead. The app
 * client id comes from the old audience (the client id, in ID tokens), the old client id option, or
 * `--audience`; otherwise from COGNITO_CLIENT_ID, for a person to set.
 */
export function cognitoClientIdText(context: TransformContext, site: VerificationSite, config: HelperConfig): string {
  const fromAudience = moduleLevelText(context, site.audience, config.reads);
  if (fromAudience) {
    config.notes.push('the old audience is taken as the Cognito app client id: Cognito puts an audience only in ID tokens, so clients must now send access tokens of that app client');
    return fromAudience;
  }
  const fromClientId = moduleLevelText(context, site.clientId, config.reads);
  if (fromClientId) return fromClientId;
  if (context.options.audience) return quoted(context.source, context.options.audience);
  config.notes.push('the Cognito app client id is not in the code: set COGNITO_CLIENT_ID, or run again with --audience');
  return environmentSetting(context, 'COGNITO_CLIENT_ID');
}

export function issuerText(context: TransformContext, site: VerificationSite, config: HelperConfig): string {
  // An issuer list (jsrsasign's `iss: [...]`, jsonwebtoken's `issuer: [...]`): the helpers take one issuer.
  const list = site.issuer?.value.kind === 'array' ? site.issuer.value : undefined;
  const only = list?.complete && list.elements.length === 1 ? knownString(list.elements[0]) : undefined;
  if (only !== undefined) return quoted(context.source, only);
  const text = list ? undefined : moduleLevelText(context, site.issuer, config.reads);
  if (text) return text;
  if (context.options.issuer) return quoted(context.source, context.options.issuer);
  config.notes.push('the issuer is not in the code: set OIDC_ISSUER, or run again with --issuer');
  return environmentSetting(context, 'OIDC_ISSUER');
}

export function audienceText(context: TransformContext, site: VerificationSite, config: HelperConfig): string {
  const clientId = clientIdInAudience(site.audience?.value);
  if (clientId) return apiAudienceText(context, site, config, clientId.text);
  const text = moduleLevelText(context, site.audience, config.reads);
  if (text) return text;
  if (context.options.audience) return quoted(context.source, context.options.audience);
  if (!site.audience && isDefaultCustomServer(site.issuer?.value)) {
    config.notes.push(`the old verification did not check the audience, so ${DEFAULT_CUSTOM_AS_AUDIENCE}, the default custom authorization server's, is assumed: run again with --audience if the API's is another`);
    return quoted(context.source, DEFAULT_CUSTOM_AS_AUDIENCE);
  }
  config.notes.push(site.audience ? 'the audience is not a constant: set OIDC_AUDIENCE, or run again with --audience' : 'the old verification did not check the audience: set OIDC_AUDIENCE to the API\'s audience, or run again with --audience');
  return environmentSetting(context, 'OIDC_AUDIENCE');
}

/**
 * The old audience is a client id, which only ID tokens carry: the verifier of access tokens gets the API's
 * audience instead (`--audience`, else the one the issuer implies), never the client id.
 */
function apiAudienceText(context: TransformContext, site: VerificationSite, config: HelperConfig, clientId: string): string {
  const others = audiencesBesideClientIds(context, site.audience!, config.reads);
  if (others) {
    config.notes.push(`the old audience list names a client id, which only ID tokens carry (${clientId}): it is dropped, and the other audiences are kept: make clients send access tokens`);
    return others;
  }
  const { audience, audienceFromConfiguration } = apiAudienceOf(issuerValue(context, site), context.options.audience);
  const why = `the old audience is a client id, which only ID tokens carry (${clientId})`;
  if (!audience) {
    config.notes.push(`${why}: set OIDC_AUDIENCE to the API's audience, or run again with --audience, and make clients send access tokens`);
    return environmentSetting(context, 'OIDC_AUDIENCE');
  }
  config.notes.push(
    audienceFromConfiguration
      ? `${why}: '${audience}', the default custom authorization server's, is assumed: run again with --audience if the API's is another, and make clients send access tokens`
      : `${why}: the verifier checks '${audience}' instead: make clients send access tokens for it`,
  );
  return quoted(context.source, audience);
}

/** `[API_AUDIENCE, CLIENT_ID]`: the elements that are not client ids, as module-level text, when there are any. */
function audiencesBesideClientIds(context: TransformContext, slot: SlotFact, reads: Set<unknown>): string | undefined {
  const list = unwrap(slot.node);
  if (slot.value.kind !== 'array' || !slot.value.complete || list.type !== 'ArrayExpression') return undefined;
  const nodes = list.elements as (AstNode | null)[];
  if (nodes.length !== slot.value.elements.length || nodes.some((node) => !node || node.type === 'SpreadElement')) return undefined;
  const kept = slot.value.elements.flatMap((value, at) => (clientIdInAudience(value) ? [] : [nodes[at]!]));
  if (kept.length === 0 || kept.some((node) => !isHoistable(context.index, node))) return undefined;
  for (const node of kept) for (const binding of bindingsRead(context.index, node)) reads.add(binding);
  const texts = kept.map((node) => textOf(context.source, node));
  return texts.length === 1 ? texts[0]! : `[${texts.join(', ')}]`;
}

/** `algorithms: ['RS256']` when the old call pinned asymmetric algorithms; HMAC and `none` never carry over. */
export function algorithmsText(context: TransformContext, site: VerificationSite): string | undefined {
  const value = site.algorithms?.value;
  const list = value?.kind === 'array' && value.complete ? value.elements.map(knownString) : value?.kind === 'string' ? [value.value] : undefined;
  if (!list || list.some((alg) => alg === undefined)) return undefined;
  const asymmetric = (list as string[]).filter((alg) => /^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(alg));
  if (asymmetric.length === 0) return undefined;
  return `[${asymmetric.map((alg) => quoted(context.source, alg)).join(', ')}]`;
}

/** Seconds, as jsonwebtoken's and jose's `clockTolerance` (`30`, `'30s'`). */
export function clockToleranceText(site: VerificationSite): string | undefined {
  const value = site.clockTolerance?.value;
  if (value?.kind === 'primitive' && typeof value.value === 'number') return String(value.value);
  const match = value?.kind === 'string' ? /^(\d+)\s*(s|sec|secs|seconds?)?$/.exec(value.value.trim()) : null;
  return match ? match[1] : undefined;
}

export function newConfig(): HelperConfig {
  return { properties: [], reads: new Set(), notes: [] };
}
