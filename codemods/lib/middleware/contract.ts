/**
 * What each middleware library's rewrite provides: the verifier configurations (library APIs) it rewrites, the
 * runtime key adapter it hands them, and the edits that swap the pinned key for that adapter and add what
 * discovery-based verification checks (issuer, audience, algorithms) to the library's own options.
 */
import type { TextEdit } from '../../../src/analysis/edits.js';
import type { AstNode } from '../../../src/analysis/syntax.js';
import type { VerificationSite } from '../../../src/analysis/verify-sites.js';
import type { AsyncChange, TransformContext } from '../transformer.js';

/** Settings as source text, the same the key source is created with. */
export interface MiddlewareSettings {
  readonly issuer: string;
  /** Absent where the issuer's tokens carry no audience (Cognito access tokens). */
  readonly audience: string | undefined;
  /** An array literal of asymmetric algorithms. */
  readonly algorithms: string;
}

export interface MiddlewareSite {
  readonly context: TransformContext;
  readonly site: VerificationSite;
  /** The key source in the shape this library takes: `expressJwtSecret(issuerKeySource)`. */
  readonly keySource: string;
  readonly settings: MiddlewareSettings;
}

export type MiddlewareEdit =
  | {
      readonly ok: true;
      readonly edits: readonly TextEdit[];
      /** Old code that is gone (the pinned key's member), for removing what became unused. */
      readonly replaced: readonly (readonly [number, number])[];
      /** What a person must check after this rewrite. */
      readonly notes: readonly string[];
      /** Functions the rewrite made async (their callers must await them), recorded only if it is applied. */
      readonly madeAsync?: readonly AsyncChange[];
    }
  | { readonly ok: false; readonly reason: string };

export interface MiddlewareKeyRewrite {
  /** `LibraryApi` ids of the verifier configurations this rewrite handles. */
  readonly apis: readonly string[];
  /** The runtime package's export that gives the key source in this library's shape. */
  readonly adapter: string;
  rewrite(site: MiddlewareSite): MiddlewareEdit;
}

export type Range = readonly [number, number];
export type { AstNode };
