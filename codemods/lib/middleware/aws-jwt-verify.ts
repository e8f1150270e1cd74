/**
 * aws-jwt-verify: `verifier.cacheJwks(JWKS)` with a key set written in the source pins the keys; the verifier fetches
 * the issuer's JWKS itself (refetched on an unknown kid), so the pinned cache goes and nothing replaces it.
 */
import type { ApiCall } from '../../../src/analysis/imports.js';
import { lineEndingOf } from '../../../src/analysis/edits.js';
import { rangeOf } from '../../../src/analysis/syntax.js';
import type { TransformContext } from '../transformer.js';
import type { RewriteSink } from './index.js';

/** Whether a key import is aws-jwt-verify's `cacheJwks`. */
export function isPinnedJwksCache(call: ApiCall): boolean {
  return call.api.library === 'aws-jwt-verify' && /#cacheJwks$/.test(call.api.id);
}

/** Removes the `cacheJwks(...)` statement, or reports why it stays. */
export function dropPinnedJwksCache(context: TransformContext, call: ApiCall, sink: RewriteSink): void {
  const statement = context.index.parentOf(call.node);
  if (statement?.type !== 'ExpressionStatement') {
    context.review(call.node, 'cacheJwks() is not a statement of its own here: remove it by hand, and let the verifier fetch the issuer\'s JWKS');
    return;
  }
  const sync = context.analysis.sites().find((site) => /#verifySync$/.test(site.api.id) && site.call.maker?.node === call.maker?.node);
  if (sync) {
    context.review(call.node, 'verifySync() needs keys cached before it runs: replace it with await verifier.verify(token), then run again');
    return;
  }
  const [start, end] = rangeOf(statement);
  // The whole line goes when the statement is alone on it.
  const lineStart = context.source.lastIndexOf('\n', start - 1) + 1;
  const eol = lineEndingOf(context.source);
  const alone = /^[ \t]*$/.test(context.source.slice(lineStart, start)) && context.source.startsWith(eol, end + (/^[ \t]*(\/\/[^\n]*)?/.exec(context.source.slice(end))?.[0].length ?? 0));
  const trailing = /^[ \t]*(\/\/[^\r\n]*)?/.exec(context.source.slice(end))?.[0].length ?? 0;
  const range: readonly [number, number] = alone ? [lineStart, end + trailing + eol.length] : [start, end];
  context.edit({ range, text: '' });
  sink.replaced.push(range);
  context.rewrote(call.node);
}
