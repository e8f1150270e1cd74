/**
 * hapi-auth-jwt2 and @hapi/jwt at an org authorization server: `server.auth.strategy(name, 'jwt', { key, validate })`
 * becomes `introspectionHapiStrategy(server, name, { introspector, validate })`, under the same strategy name routes
 * refer to. hapi-auth-jwt2's `validate(decoded, request, h)` is kept as written (it now receives the introspection
 * answer); @hapi/jwt's `validate(artifacts, request, h)` is called with `{ token, decoded: { payload } }`, the answer
 * as the payload, so that what it put on `request.auth.credentials` stays.
 */
import { indentationAt, lineEndingOf, textOf } from '../../../src/analysis/edits.js';
import { isMemberExpression, memberName, objectMemberValue, rangeOf, unwrap, walkNodes, type AstNode } from '../../../src/analysis/syntax.js';
import { isTypeScriptFile, type TransformContext } from '../transformer.js';
import type { Replacement, ReplacementText } from './introspecting.js';
import { propertyNamed } from './options.js';

/** `server` of `server.auth.strategy(...)`, or why the call has another shape. */
function serverOf(context: TransformContext, call: AstNode): { server: AstNode } | { reason: string } {
  const callee = unwrap(call.callee as AstNode);
  const auth = isMemberExpression(callee) && memberName(callee) === 'strategy' ? unwrap(callee.object as AstNode) : undefined;
  if (!auth || !isMemberExpression(auth) || memberName(auth) !== 'auth') {
    return { reason: `the strategy is not registered as server.auth.strategy(...) (${textOf(context.source, callee)}): replace it with introspectionHapiStrategy(server, name, { introspector }) by hand` };
  }
  return { server: auth.object as AstNode };
}

/** The new options object, laid out as the old one was (one member per line when it was so written). */
function optionsText(context: TransformContext, old: AstNode, members: readonly string[]): string {
  const [start] = rangeOf(old);
  const first = (old.properties as AstNode[])[0];
  if (!first || !context.source.slice(start, rangeOf(first)[0]).includes('\n')) return `{ ${members.join(', ')} }`;
  const eol = lineEndingOf(context.source);
  const indentation = indentationAt(context.source, rangeOf(first)[0]);
  return `{${members.map((member) => `${eol}${indentation}${member},`).join('')}${eol}${indentationAt(context.source, start)}}`;
}

function strategyText(context: TransformContext, call: AstNode, adapter: string, options: string): ReplacementText | { reason: string } {
  const found = serverOf(context, call);
  if ('reason' in found) return found;
  const { server } = found;
  const name = (call.arguments as AstNode[])[0];
  if (!name) return { reason: 'the strategy has no name: replace it with introspectionHapiStrategy(server, name, { introspector }) by hand' };
  return { text: `${adapter}(${textOf(context.source, server)}, ${textOf(context.source, name)}, ${options})`, copied: [server, name] };
}

export const hapiAuthJwt2Replacement: Replacement = {
  adapter: 'introspectionHapiStrategy',
  // Token extraction and answers the introspecting scheme does not do, and credentials of another shape (complete).
  unsupported: ['verify', 'headerKey', 'tokenType', 'customExtractionFunc', 'responseFunc', 'errorFunc', 'attemptToExtractTokenInPayload'],
  optionsArgument: 2,
  build({ context, site, options, adapter, introspector }) {
    const validate = propertyNamed(options, 'validate');
    // `complete: true` (which jwks-rsa's hapi helpers need) gave validate and the credentials the decoded token.
    const complete = propertyNamed(options, 'complete');
    const completeValue = complete && complete.type !== 'ObjectMethod' ? unwrap(objectMemberValue(complete)) : undefined;
    const isComplete = completeValue !== undefined && (completeValue.type === 'BooleanLiteral' || completeValue.type === 'Literal') && completeValue.value === true;
    if (complete && !isComplete && !(completeValue && (completeValue.type === 'BooleanLiteral' || completeValue.type === 'Literal') && completeValue.value === false)) {
      return { reason: `complete (${textOf(context.source, complete)}) is not written as true or false: set complete on introspectionHapiStrategy by hand` };
    }
    // Copied as written (a method or a property): it keeps deciding what lands on request.auth.credentials.
    const members = [`introspector: ${introspector}`, ...(isComplete ? ['complete: true'] : []), ...(validate ? [textOf(context.source, validate)] : [])];
    const built = strategyText(context, site.call.node, adapter, optionsText(context, options, members));
    if ('reason' in built) return built;
    const notes = isComplete ? ['with complete: true, validate and request.auth.credentials now see { payload } holding the introspection answer (no header or signature): check what reads them'] : [];
    return { ...built, copied: [...built.copied, ...(validate ? [validate] : [])], notes };
  },
};

/** Names the wrapper around @hapi/jwt's validate declares; the old validate must not read outer ones of these names. */
const WRAPPER_PARAMETERS = ['claims', 'request', 'h', 'token'];

export const hapiJwtReplacement: Replacement = {
  adapter: 'introspectionHapiStrategy',
  unsupported: ['headerName', 'cookieName', 'tokenType', 'httpAuthScheme', 'unauthorizedAttributes'],
  optionsArgument: 2,
  build({ context, site, options, adapter, introspector }) {
    const validate = propertyNamed(options, 'validate');
    if (validate && validate.type === 'ObjectMethod') {
      return { reason: 'validate is written as a method: make it a property (validate: (artifacts, request, h) => ...), then run again' };
    }
    const value = validate ? unwrap(objectMemberValue(validate)) : undefined;
    const disabled = !value || ((value.type === 'BooleanLiteral' || value.type === 'Literal') && value.value === false);
    const members = [`introspector: ${introspector}`];
    if (!disabled) {
      const shadowed = outerNamesRead(context, value).find((name) => WRAPPER_PARAMETERS.includes(name));
      if (shadowed) return { reason: `validate reads '${shadowed}' from around it, which the replacement's wrapper would hide: rename it, then run again` };
      // In TypeScript the old validate's parameter type names @hapi/jwt's artifacts, which this object only resembles.
      const artifacts = `{ token, decoded: { payload: claims } }${isTypeScriptFile(context.path) ? ' as any' : ''}`;
      members.push(`validate: (claims, request, h, token) => (${textOf(context.source, value)})(${artifacts}, request, h)`);
    }
    const built = strategyText(context, site.call.node, adapter, optionsText(context, options, members));
    if ('reason' in built) return built;
    const notes = disabled ? [] : ['validate now receives { token, decoded: { payload } } with the introspection answer as the payload (no header or signature): check what it reads'];
    return { ...built, copied: [...built.copied, ...(value && !disabled ? [value] : [])], notes };
  },
};

/** Names `node` reads that are declared outside it (or nowhere: globals). */
function outerNamesRead(context: TransformContext, node: AstNode): string[] {
  const [start, end] = rangeOf(node);
  const names: string[] = [];
  walkNodes(node, (current) => {
    if (current.type !== 'Identifier' || !context.index.isReference(current)) return;
    const binding = context.index.resolve(current);
    const at = binding ? rangeOf(binding.id)[0] : -1;
    if (at < start || at >= end) names.push(current.name as string);
  });
  return names;
}
