/**
 * fast-jwt at an org authorization server: `const verify = createVerifier({ key, allowedIss: org })` becomes
 * `const verify = (token) => tokenIntrospector.introspect(token)`, which answers with a Promise: the verifier's calls
 * in this file are awaited (their functions made async), as for an async key.
 */
import { isFunction, objectMemberValue, unwrap } from '../../../src/analysis/syntax.js';
import { isTypeScriptFile } from '../transformer.js';
import { verifierCalls } from './fast-jwt.js';
import type { Replacement } from './introspecting.js';
import { propertyNamed } from './options.js';

export const fastJwtReplacement: Replacement = {
  adapter: 'createTokenIntrospector',
  // Checks introspection does not make (or a result of another shape: complete).
  unsupported: ['complete', 'allowedSub', 'allowedJti', 'allowedNonce', 'requiredClaims', 'maxAge', 'ignoreExpiration', 'ignoreNotBefore', 'clockTimestamp'],
  build({ context, site, options, introspector }) {
    const key = propertyNamed(options, 'key');
    const keyValue = key && key.type !== 'ObjectMethod' ? unwrap(objectMemberValue(key)) : undefined;
    const keyFunction = key?.type === 'ObjectMethod' ? key : keyValue && isFunction(keyValue) ? keyValue : undefined;
    if (keyFunction && (keyFunction.params as unknown[]).length > 1) {
      return { reason: 'the key is a callback function, so the verifier takes a callback: call createTokenIntrospector(...).introspect(token) in its place by hand' };
    }
    const token = isTypeScriptFile(context.path) ? 'token: string' : 'token';
    const text = `(${token}) => ${introspector}.introspect(${token.replace(/:.*/, '')})`;
    // With a key function the verifier already answered with a Promise: its callers, here or elsewhere, await it.
    if (keyFunction) return { text, copied: [] };
    const calls = verifierCalls(context, site.call.node, 'introspection answers with a Promise');
    if (!calls.ok) return { reason: calls.reason };
    return {
      text,
      copied: [],
      edits: calls.edits,
      notes: calls.notes,
      madeAsync: calls.madeAsync,
    };
  },
};

