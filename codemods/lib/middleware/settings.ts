/** Option edits every middleware shares: the settings a library names `issuer`/`audience`/`algorithms` (or otherwise). */
import { textOf, type TextEdit } from '../../../src/analysis/edits.js';
import type { SlotFact } from '../../../src/analysis/verify-sites.js';
import { algorithmsText } from '../helper-config.js';
import type { MiddlewareSite } from './contract.js';
import { addMembers, memberHolding, replaceMemberValue } from './options.js';
import type { AstNode } from '../../../src/analysis/syntax.js';

export interface OptionNames {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: string;
}

export type SettingEdits = { readonly ok: true; readonly edits: TextEdit[] } | { readonly ok: false; readonly reason: string };

/**
 * Adds to `object` the settings the old options did not have. Issuer and audience written in the old code stay as
 * written (the key source was given the same); algorithms stay when they pin asymmetric ones, and are replaced
 * otherwise (HMAC with a public key, or a list not known here).
 */
export function settingEdits(input: MiddlewareSite, object: AstNode, names: OptionNames): SettingEdits {
  const { context, site, settings } = input;
  const edits: TextEdit[] = [];
  const added: [string, string][] = [];
  if (!site.issuer) added.push([names.issuer, settings.issuer]);
  if (!site.audience && settings.audience) added.push([names.audience, settings.audience]);
  const algorithms = site.algorithms;
  if (!algorithms) added.push([names.algorithms, settings.algorithms]);
  else if (!algorithmsText(context, site) || algorithmsReplaced(context.source, algorithms)) {
    const holder = memberHolding(context, algorithms.node);
    if (!holder) return { ok: false, reason: `the algorithms (${textOf(context.source, algorithms.node)}) are not written in these options: set them to ${settings.algorithms} by hand` };
    edits.push(replaceMemberValue(holder.member, settings.algorithms));
  }
  edits.push(...addMembers(context, object, added));
  return { ok: true, edits };
}

/** The old list names HMAC algorithms or `none` beside asymmetric ones: those go. */
function algorithmsReplaced(source: string, algorithms: SlotFact): boolean {
  return /['"`](HS\d{3}|none)['"`]/i.test(textOf(source, algorithms.node));
}
