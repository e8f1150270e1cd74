/**
 * keycloak-connect verifies bearer tokens itself: with `realm-public-key` in its config it trusts that one key,
 * without it it fetches the realm's keys (`{auth-server-url}/realms/{realm}/protocol/openid-connect/certs`) and
 * follows their rotation. Keycloak's discovery is therefore the option's removal; nothing else changes.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { applyEdits, lineEndingOf } from '../../src/analysis/edits.js';
import { jsonModuleOf, type PinnedKeyFinding } from '../../src/analysis/pinned-keys.js';
import { knownString } from '../../src/analysis/values.js';
import { rangeOf, stringLiteralValue, unwrap, type AstNode } from '../../src/analysis/syntax.js';
import type { VerificationSite } from '../../src/analysis/verify-sites.js';
import { adapterKeyOptions } from '../../src/knowledge/providers/index.js';
import { parseFile, type TransformContext } from './transformer.js';

export function isAdapterKeyOptionSite(site: VerificationSite): boolean {
  return adapterKeyOptions(site.library) !== undefined;
}

/**
 * Removes the property that pins the key: `'removed'` when done here, `'config-file'` when it is in the JSON
 * config file the adapter is given (`require('./keycloak.json')`), whose edit the CLI makes; else the reason it
 * could not be.
 */
export function dropAdapterKeyOption(context: TransformContext, site: VerificationSite, replaced: (readonly [number, number])[]): 'removed' | 'config-file' | { reason: string } {
  const value = site.keySlot?.node;
  const property = value ? context.index.parentOf(value) : undefined;
  const object = property ? context.index.parentOf(property) : undefined;
  if (!property || (property.type !== 'Property' && property.type !== 'ObjectProperty') || property.value !== value || object?.type !== 'ObjectExpression') {
    const config = site.call.args[1];
    const specifier = config && site.keySlot?.external ? jsonModuleOf(context.analysis, unwrap(config)) : undefined;
    const options = adapterKeyOptions(site.library)?.options;
    if (specifier?.startsWith('.') && options) {
      context.editConfigFile(resolve(dirname(context.path), specifier), options, config!);
      return 'config-file';
    }
    return { reason: `the realm key is not written as an option of the ${site.library} config here: remove realm-public-key by hand, so that ${site.library} fetches the realm's keys` };
  }
  const range = propertyRemovalRange(context.source, property, object.properties as AstNode[]);
  context.edit({ range, text: '' });
  replaced.push(range);
  return 'removed';
}

/**
 * The keycloak.json an adapter reads that the analysis found pinning the key (a `config-file` finding): edited by
 * the CLI when the code names it as a module (`require('./keycloak.json')`, read relative to the code), else (a
 * path string, or none given: read from the working directory at run time) the reason a person must edit it.
 */
export function dropConfigFileKeyOption(context: TransformContext, finding: Extract<PinnedKeyFinding, { kind: 'config-file' }>): string | undefined {
  const config = finding.site.call.args[1];
  const options = adapterKeyOptions(finding.site.library)?.options ?? [finding.option];
  if (config && jsonModuleOf(context.analysis, unwrap(config))) {
    context.editConfigFile(finding.path, options, finding.node);
    return undefined;
  }
  const shown = config ? `'${knownString(context.analysis.values.evaluate(unwrap(config))) ?? basename(finding.path)}'` : basename(finding.path);
  return `${finding.site.library} reads ${shown} from the working directory at run time, and the ${basename(finding.path)} in the package's folder pins the realm key (${finding.option}): remove ${finding.option} from the ${basename(finding.path)} of every deployment, so that ${finding.site.library} fetches the realm's keys`;
}

/** The folder of the nearest package.json above a file: where a Node.js service usually runs from. */
export function packageFolderOf(file: string): string {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return dirname(file);
  }
}

/**
 * A JSON config file without the top-level properties named (`realm-public-key`), its formatting and line
 * endings kept; undefined when it has none of them, or is not a JSON object.
 */
export function withoutJsonProperties(text: string, names: readonly string[]): string | undefined {
  if (!parsesAsJson(text)) return undefined;
  // The JSON text as an expression, so that the properties come with their positions.
  const wrapped = `(${text}\n)`;
  let program: AstNode;
  try {
    program = parseFile(wrapped, 'config.js');
  } catch {
    return undefined;
  }
  const statement = (program.program ?? program).body?.[0] as AstNode | undefined;
  const object = statement?.type === 'ExpressionStatement' ? unwrap(statement.expression as AstNode) : undefined;
  if (object?.type !== 'ObjectExpression') return undefined;
  const properties = object.properties as AstNode[];
  const ranges = properties
    .filter((property) => names.includes(stringLiteralValue(property.key as AstNode) ?? ''))
    .map((property) => propertyRemovalRange(wrapped, property, properties));
  if (ranges.length === 0) return undefined;
  const edited = applyEdits(wrapped, ranges.map((range) => ({ range, text: '' }))).slice(1, -2);
  // The last property gone from its own line leaves the comma before it, which JSON (unlike code) refuses.
  const result = parsesAsJson(edited) ? edited : edited.replace(/,(\s*\}\s*)$/, '$1');
  return parsesAsJson(result) ? result : undefined;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
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
