/**
 * The audience an org site's introspector checks, carried over from the verification it replaces: the answer of an
 * introspection endpoint names the token's `aud` (RFC 7662 §2.2), so a token the old middleware refused for its
 * audience stays refused. (A client-id audience never reaches here: such a site checks ID tokens, and
 * id-token-to-access-token replaces the client id with the org's access-token audience before it hands the site on.)
 */
import { quoted } from '../../src/analysis/edits.js';
import { unwrap, type AstNode } from '../../src/analysis/syntax.js';
import { knownString, type StaticValue } from '../../src/analysis/values.js';
import type { VerificationSite } from '../../src/analysis/verify-sites.js';
import { orgAccessTokenAudience } from '../../src/knowledge/issuers.js';
import { moduleLevelText, type HelperConfig } from './helper-config.js';
import { environmentSetting, type TransformContext } from './transformer.js';

export type IntrospectionAudience = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Adds `audience` to the introspector's configuration; `origin` is the org URL when it is known. */
export function addIntrospectionAudience(
  context: TransformContext,
  site: VerificationSite,
  config: HelperConfig,
  origin: string | undefined,
): IntrospectionAudience {
  const slot = site.audience;
  // The old middleware did not check the audience (or turned the check off: `aud: false`, `audience: null`).
  if (!slot || checksNoAudience(slot.value)) return { ok: true };
  if (holdsPattern(slot.node)) {
    return { ok: false, reason: 'the old audience is a pattern (RegExp), which the introspector does not take: list the audiences it stands for, then run again' };
  }

  const text = moduleLevelText(context, slot, config.reads);
  if (text) {
    config.properties.push(['audience', text]);
    const others = origin === undefined ? [] : knownStrings(slot.value).filter((audience) => audience !== orgAccessTokenAudience(origin));
    if (origin !== undefined && others.length > 0) {
      config.notes.push(
        `the old audience ${others.map((audience) => `'${audience}'`).join(', ')} is kept, but the org authorization server issues its access tokens for the org URL (${orgAccessTokenAudience(origin)}) only, so the introspector refuses those as the old middleware did: check which tokens the API must accept, and switch to a custom authorization server (run again with --to-custom-as) for an audience of its own`,
      );
    }
    return { ok: true };
  }
  if (context.options.audience) {
    config.properties.push(['audience', quoted(context.source, context.options.audience)]);
    config.notes.push(`the old audience is not a constant: the introspector checks '${context.options.audience}' (--audience): make sure it is the one the old code checked`);
    return { ok: true };
  }
  config.properties.push(['audience', environmentSetting(context, 'OIDC_AUDIENCE')]);
  config.notes.push('the old audience is not a constant: set OIDC_AUDIENCE to it (the introspector refuses to start while it is unset), or run again with --audience');
  return { ok: true };
}

/** The audiences written as strings: one, or the elements of a list. */
function knownStrings(value: StaticValue): string[] {
  const values = value.kind === 'array' ? value.elements : [value];
  return values.map(knownString).filter((audience): audience is string => audience !== undefined);
}

function checksNoAudience(value: StaticValue): boolean {
  return value.kind === 'primitive' && (value.value === false || value.value === null || value.value === undefined);
}

/** A RegExp literal, alone or in a list (fast-jwt's and @fastify/jwt's `allowedAud` take them). */
function holdsPattern(node: AstNode): boolean {
  const value = unwrap(node);
  if (isRegExpLiteral(value)) return true;
  return value.type === 'ArrayExpression' && (value.elements as (AstNode | null)[]).some((element) => !!element && isRegExpLiteral(unwrap(element)));
}

function isRegExpLiteral(node: AstNode): boolean {
  return node.type === 'RegExpLiteral' || (node.type === 'Literal' && 'regex' in node && !!node.regex);
}
