// What a rule is: metadata plus a pure check over the model and its claims.
import type { LineIndex } from '../text/positions';
import type { Claim, DocumentModel, Localized, RuleMeta, Severity, Span, Verdict } from '../types';

export const DOCS_BASE = 'https://github.com/juesuan-lint/juesuan-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export interface FixDraft {
  title: Localized;
  edits: Array<{ span: Span; newText: string }>;
  safe: boolean;
  preferred?: boolean;
  kind: string;
}

/** The preferred, unsafe fix that replaces one figure (`span`) with `text`. */
export function setFigureFix(span: Span, text: string, title: Localized): FixDraft {
  return { title, edits: [{ span, newText: text }], safe: false, preferred: true, kind: 'fix-total' };
}

export interface ReportDraft {
  messageId: string;
  message: Localized;
  explanation: Localized;
  span: Span;
  /** Defaults to the rule's default severity. */
  severity?: Severity;
  related?: Array<{ span: Span; message: Localized }>;
  fixes?: FixDraft[];
  claim?: number;
}

export interface RuleContext {
  readonly model: DocumentModel;
  readonly claims: readonly Claim[];
  readonly lineIndex: LineIndex;
  report(draft: ReportDraft): void;
  /**
   * Records that a claim was checked, with the arithmetic, whatever the outcome (hovers, coverage).
   * The explanation may be given as a function: it is then built only when someone reads it, which
   * keeps the thousands of relations that hold from costing string formatting on every lint.
   */
  verdict(claim: number, status: Verdict['status'], explanation: Localized | (() => Localized)): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Rules write their messages with `l` (shared with the claims, which describe relations in both languages). */
export { l } from '../messages';
