/** Suggestion fixers from the analysis' text edits: rules and codemods make the same edits. */
import type { TSESLint } from '@typescript-eslint/utils';
import type { TextEdit } from '../../src/analysis/edits.js';

export function fixerFor(edits: readonly TextEdit[]): TSESLint.ReportFixFunction {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));
}
