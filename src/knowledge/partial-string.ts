/**
 * A string whose text is only partly known: literal runs and holes. Analysis builds these from templates
 * and concatenations; knowledge classifies them. A hole may carry the name it came from (`OKTA_DOMAIN`),
 * which is evidence about what it holds but never a value.
 */
export interface Hole {
  readonly hole: true;
  /** The identifier, property or environment variable the unknown part came from, if it had a name. */
  readonly hint?: string;
}

export type PartialStringPart = string | Hole;
export type PartialString = readonly PartialStringPart[];

export function hole(hint?: string): Hole {
  return hint === undefined ? { hole: true } : { hole: true, hint };
}

export function isHole(part: PartialStringPart): part is Hole {
  return typeof part !== 'string';
}

/** Joins adjacent literal runs and drops empty ones, so that classifiers see a canonical form. */
export function normalizePartialString(parts: readonly PartialStringPart[]): PartialString {
  const out: PartialStringPart[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    } else {
      out.push(part);
    }
  }
  return out;
}

/** The text when every part is known, otherwise undefined. */
export function knownText(parts: PartialString): string | undefined {
  let text = '';
  for (const part of parts) {
    if (typeof part !== 'string') return undefined;
    text += part;
  }
  return text;
}

/** The literal text with each hole written as `${hint}` (or `${…}`), for messages and pattern tests. */
export function describePartialString(parts: PartialString): string {
  return parts.map((part) => (typeof part === 'string' ? part : `\${${part.hint ?? '…'}}`)).join('');
}
