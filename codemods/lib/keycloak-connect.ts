/**
 * keycloak-connect verifies bearer tokens itself: with `realm-public-key` in its config it trusts that one key,
 * without it it fetches the realm's keys (`{auth-server-url}/realms/{realm}/protocol/openid-connect/certs`) and
 * follows their rotation. Keycloak's discovery is therefore the option's removal; nothing else changes.
 */
import { lineEndingOf } from '../../src/analysis/edits.js';
import { rangeOf, type AstNode } from '../../src/analysis/syntax.js';
import type { VerificationSite } from '../../src/analysis/verify-sites.js';
import { adapterKeyOptions } from '../../src/knowledge/providers/index.js';
import type { TransformContext } from './transformer.js';

export function isAdapterKeyOptionSite(site: VerificationSite): boolean {
  return adapterKeyOptions(site.library) !== undefined;
}

/** Removes the property that pins the key; `undefined` when done, else the reason it could not be. */
export function dropAdapterKeyOption(context: TransformContext, site: VerificationSite, replaced: (readonly [number, number])[]): string | undefined {
  const value = site.keySlot?.node;
  const property = value ? context.index.parentOf(value) : undefined;
  const object = property ? context.index.parentOf(property) : undefined;
  if (!property || (property.type !== 'Property' && property.type !== 'ObjectProperty') || property.value !== value || object?.type !== 'ObjectExpression') {
    return `the realm key is not written as an option of the ${site.library} config here: remove realm-public-key by hand, so that ${site.library} fetches the realm's keys`;
  }
  const range = propertyRemovalRange(context.source, property, object.properties as AstNode[]);
  context.edit({ range, text: '' });
  replaced.push(range);
  return undefined;
}

/** The property with its comma; its whole line when it stands alone on it. */
function propertyRemovalRange(source: string, property: AstNode, siblings: readonly AstNode[]): readonly [number, number] {
  const [start, end] = rangeOf(property);
  const eol = lineEndingOf(source);
  const after = /^[ \t]*,?/.exec(source.slice(end))![0].length;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const trailing = /^[ \t]*(\/\/[^\r\n]*)?/.exec(source.slice(end + after))![0].length;
  if (/^[ \t]*$/.test(source.slice(lineStart, start)) && source.startsWith(eol, end + after + trailing)) {
    return [lineStart, end + after + trailing + eol.length];
  }
  if (source.slice(end, end + after).includes(',')) return [start, end + after + (/^[ \t]*/.exec(source.slice(end + after))![0].length)];
  // The last property: its preceding comma goes with it.
  const index = siblings.indexOf(property);
  const previousEnd = index > 0 ? rangeOf(siblings[index - 1]!)[1] : start;
  return [previousEnd, end];
}
