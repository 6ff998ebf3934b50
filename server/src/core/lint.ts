// The pipeline, top to bottom: text → numbers and units → document model → claims → rules → findings.
import { extractClaims } from './claims';
import { buildModel, lineIndexOf } from './model/document';
import { allRules } from './rules';
import { normalizeScript } from './text/script';
import type { FixDraft, ReportDraft, RuleContext } from './rules/rule';
import type { Claim, DocumentModel, Finding, LintOptions, LintResult, Localized, Severity, Span, Verdict } from './types';

export class LintCancelled extends Error {
  constructor() {
    super('lint cancelled');
  }
}

/**
 * The young-generation size for threads that lint many files in a row (the CLI pool's workers). A
 * lint allocates about 200 bytes per byte of text and keeps its model until it returns: in Node's
 * default young generation a 60 KB report triggers a scavenge in mid-lint that copies the live model.
 * With room for a few lints' garbage most scavenges find only dead objects: batches of 60 KB lints
 * take about 25% less time. Single lints (the language server) gain nothing, so it keeps the default.
 */
export const LINT_YOUNG_GENERATION_MB = 64;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Text that is not a report: NUL bytes or many control characters (a binary file opened as text). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  if (looksBinary(text)) {
    return {
      model: buildModel(''),
      claims: [],
      verdicts: [],
      findings: [],
      notice: { 'zh-cn': '内容不是文本（疑似二进制文件），未检查。', en: 'The content is not text (looks binary); not checked.' },
    };
  }
  const cancelled = options.isCancelled ?? (() => false);
  // Traditional script, pinyin glosses, invisible characters and full-width digits read as plain simplified
  // text; findings point back into `text`.
  const { text: normalized, toSource, fullwidthDigits } = normalizeScript(text);
  const model = buildModel(normalized);
  // Full-width digits were read as ASCII: the numbers written with them are still reported (number-format).
  if (fullwidthDigits) {
    for (const n of model.numbers) {
      const written = text.slice(toSource(n.span.start), toSource(n.span.end));
      if (!/[\uFF10-\uFF19]/.test(written)) continue;
      n.formatIssue ??= 'fullwidth';
      n.raw = written;
    }
  }
  const source = (span: Span): Span => ({ start: toSource(span.start), end: toSource(span.end) });
  if (cancelled()) throw new LintCancelled();
  const claims = extractClaims(model);
  if (cancelled()) throw new LintCancelled();
  const lineIndex = lineIndexOf(model);
  const findings: Finding[] = [];
  const verdicts: Verdict[] = [];
  for (const rule of allRules) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    const context: RuleContext = {
      model,
      claims,
      lineIndex,
      report(draft: ReportDraft) {
        let severity = draft.severity ?? rule.meta.defaultSeverity;
        // A configured severity replaces the default; milder verdicts of the rule stay milder.
        if (setting) {
          severity = SEVERITY_RANK[severity] >= SEVERITY_RANK[rule.meta.defaultSeverity] ? setting : minSeverity(severity, setting);
        }
        const span = source(draft.span);
        findings.push({
          ruleId: rule.meta.id,
          messageId: draft.messageId,
          severity,
          message: draft.message,
          explanation: draft.explanation,
          span,
          range: lineIndex.range(span),
          related: (draft.related ?? []).map((r) => ({ span: source(r.span), range: lineIndex.range(source(r.span)), message: r.message })),
          fixes: (draft.fixes ?? []).map((f: FixDraft) => ({
            title: f.title,
            safe: f.safe,
            preferred: f.preferred,
            kind: f.kind,
            edits: f.edits.map((e) => ({ span: source(e.span), range: lineIndex.range(source(e.span)), newText: e.newText })),
          })),
          claim: draft.claim,
        });
      },
      verdict(claim: number, status: Verdict['status'], explanation: Localized | (() => Localized)) {
        verdicts.push(typeof explanation === 'function' ? lazyVerdict(claim, rule.meta.id, status, explanation) : { claim, ruleId: rule.meta.id, status, explanation });
      },
    };
    rule.check(context);
    if (cancelled()) throw new LintCancelled();
  }
  return { model, claims, verdicts, findings: finalize(findings, model), notice: undefined };
}

/**
 * A verdict whose explanation is computed on first read. A class with a prototype getter (not a
 * property defined per object, which was slow); toJSON keeps it serialisable.
 */
class LazyVerdict implements Verdict {
  private cached?: Localized;

  constructor(
    readonly claim: number,
    readonly ruleId: string,
    readonly status: Verdict['status'],
    private readonly explain: () => Localized,
  ) {}

  get explanation(): Localized {
    return (this.cached ??= this.explain());
  }

  toJSON(): Verdict {
    return { claim: this.claim, ruleId: this.ruleId, status: this.status, explanation: this.explanation };
  }
}

function lazyVerdict(claim: number, ruleId: string, status: Verdict['status'], explain: () => Localized): Verdict {
  return new LazyVerdict(claim, ruleId, status, explain);
}

function minSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** Drops disabled and duplicate findings; orders them by position. */
function finalize(findings: Finding[], model: DocumentModel): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const disabled = model.disabledLines.get(f.range.start.line);
    if (disabled && (disabled.has('*') || disabled.has(f.ruleId))) continue;
    const key = `${f.ruleId}:${f.span.start}:${f.span.end}:${f.messageId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

export type { Claim };
