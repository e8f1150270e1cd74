/**
 * What a static value says about an authorization server: each string it may hold (a literal, a template
 * with holes, each side of `env ?? 'fallback'`, each element of an array) classified as an issuer, with
 * the node that wrote it, for reports and edits.
 */
import { classifyIssuer, DEFAULT_CUSTOM_AS_ID, type IssuerClassificationOptions, type IssuerShape } from '../knowledge/issuers.js';
import { describePartialString, hole, type PartialString } from '../knowledge/partial-string.js';
import type { AstNode } from './syntax.js';
import type { StaticValue } from './values.js';

export interface IssuerFact {
  readonly shape: IssuerShape;
  /** The literal or template that wrote this possible value; undefined for an unknown value. */
  readonly node?: AstNode;
  /** The value as text, holes written as `${NAME}`. */
  readonly text: string;
}

export function issuerFactsOf(value: StaticValue | undefined, options: IssuerClassificationOptions = {}): IssuerFact[] {
  if (!value) return [];
  const fact = (parts: PartialString, node: AstNode | undefined): IssuerFact => ({
    shape: classifyIssuer(parts, options),
    ...(node ? { node } : {}),
    text: describePartialString(parts),
  });
  switch (value.kind) {
    case 'string':
      return [fact([value.value], value.node)];
    case 'partial-string':
      return [fact(value.parts, value.node)];
    case 'either':
      return value.options.flatMap((option) => issuerFactsOf(option, options));
    case 'array':
      return value.elements.flatMap((element) => issuerFactsOf(element, options));
    case 'unknown':
      return [fact([hole(value.hint)], undefined)];
    default:
      return [];
  }
}

/** Whether every value the issuer may hold is an AWS Cognito user pool (`https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
export function isCognitoUserPool(value: StaticValue | undefined): boolean {
  const facts = issuerFactsOf(value);
  return facts.length > 0 && facts.every((fact) => fact.shape.kind === 'other-provider' && fact.shape.provider === 'cognito');
}

/**
 * Whether the issuer the code shows is Okta's `default` custom authorization server: every value written in
 * the source is (an environment variable that may override it, `process.env.OKTA_ISSUER ?? '…/oauth2/default'`,
 * shows nothing else), and at least one is.
 */
export function isDefaultCustomServer(value: StaticValue | undefined): boolean {
  const written = issuerFactsOf(value).filter((fact) => fact.node !== undefined);
  return written.length > 0 && written.every((fact) => fact.shape.kind === 'okta-custom' && fact.shape.authorizationServerId === DEFAULT_CUSTOM_AS_ID);
}
