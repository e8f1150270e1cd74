/**
 * Client ids in expected audiences. An ID token's audience is the client that asked for it, so a verifier
 * that expects a client id as audience is checking ID tokens, whatever the code calls them.
 */
import { isHole } from '../knowledge/partial-string.js';
import { isClientIdName, isOktaClientId } from '../knowledge/tokens.js';
import type { StaticValue } from './values.js';

export interface ClientIdEvidence {
  /** `0oa…` literal, or the name that says client id (`OKTA_CLIENT_ID`, `config.okta.clientId`). */
  readonly text: string;
}

/** The client id among the values an audience may hold (a value, an array of them, either side of `??`). */
export function clientIdInAudience(value: StaticValue | undefined): ClientIdEvidence | undefined {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
      return isOktaClientId(value.value) ? { text: value.value } : undefined;
    case 'array':
      return value.elements.map(clientIdInAudience).find((evidence) => evidence !== undefined);
    case 'either':
      return value.options.map(clientIdInAudience).find((evidence) => evidence !== undefined);
    case 'unknown': {
      const names = [value.hint, value.path?.split('.').pop()].filter((name): name is string => !!name);
      const name = names.find(isClientIdName);
      return name ? { text: value.path ?? name } : undefined;
    }
    case 'partial-string': {
      // `${process.env.OKTA_CLIENT_ID}`, `'${clientId}'`: one value, whatever quotes or spaces surround it.
      const holes = value.parts.filter(isHole);
      const rest = value.parts.filter((part): part is string => !isHole(part)).join('');
      const hint = holes.length === 1 ? holes[0]!.hint : undefined;
      if (!hint || !/^[\s'"`]*$/.test(rest)) return undefined;
      return isClientIdName(hint) ? { text: hint } : undefined;
    }
    default:
      return undefined;
  }
}
