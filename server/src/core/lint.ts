// The pipeline, top to bottom: text → numbers and units → document model → claims → rules → findings.
import { extractClaims } from './claims';
import { buildModel, lineIndexOf } from './model/document';
import { allRules } from './rules';
import { claimOperands } from './claims/operands';
import { forgetLintMemos } from './lint-memo';
import { reportStarts } from './model/reports';
import type { LineIndex } from './text/positions';
import { normalizeScript, type NormalizedText } from './text/script';
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
  try {
    return lintText(text, options);
  } finally {
    forgetLintMemos();
  }
}

function lintText(text: string, options: LintOptions): LintResult {
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
  const normalized = normalizeScript(text);
  const starts = reportStarts(normalized.text);
  if (starts.length === 1) {
    const one = check(normalized.text, 0, text, normalized, options, cancelled);
    return { ...one, findings: finalize(one.findings, one.model) };
  }
  // Several reports in one file (a department's, then its units'): each is checked on its own text, so that its figures
  // meet only its own; the claims and findings are merged over the whole text's model. A report's text keeps its line
  // numbers (blank lines stand for the lines before it), so its model's lines are the file's; its offsets are shifted.
  const model = modelOf(normalized.text, text, normalized);
  const lineIndex = lineIndexOf(model);
  const numberAt = new Map<number, number>();
  for (const n of model.numbers) numberAt.set(n.span.start, n.id);
  const claims: Claim[] = [];
  const verdicts: Verdict[] = [];
  const findings: Finding[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const linesBefore = lineIndex.positionAt(start).line;
    const shift = start - linesBefore;
    const reportText = '\n'.repeat(linesBefore) + normalized.text.slice(start, starts[k + 1] ?? normalized.text.length);
    const part = check(reportText, shift, text, normalized, options, cancelled, lineIndex);
    const offset = claims.length;
    const moved = new Set<object>();
    const renumbered = new Set<object>();
    // (Operands name their numbers by id in the part's model: the whole model's number at the same place, found before
    // any span moves, an operand's span being its number's.)
    const wholeId = part.model.numbers.map((n) => numberAt.get(n.span.start + shift));
    for (const claim of part.claims) {
      shiftClaim(claim, offset);
      for (const op of claimOperands(claim)) {
        if (renumbered.has(op.fields) || op.fields.token === undefined) continue;
        renumbered.add(op.fields);
        op.fields.token = wholeId[op.fields.token];
      }
      if (claim.kind === 'dated') claim.year = wholeId[claim.year] ?? claim.year;
      shiftSpans(claim, shift, moved);
      claims.push(claim);
    }
    for (const v of part.verdicts) {
      v.claim += offset;
      verdicts.push(v);
    }
    for (const f of part.findings) {
      if (f.claim !== undefined) f.claim += offset;
      findings.push(f);
    }
  }
  return { model, claims, verdicts, findings: finalize(findings, model), notice: undefined };
}

/** Every span a claim holds (its own, its operands', its words'), moved by `shift`; `moved` keeps a shared span from moving twice. */
function shiftSpans(value: unknown, shift: number, moved: Set<object>): void {
  if (typeof value !== 'object' || value === null || moved.has(value)) return;
  moved.add(value);
  if (Array.isArray(value)) {
    for (const v of value) shiftSpans(v, shift, moved);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number') {
    record.start += shift;
    record.end += shift;
    return;
  }
  for (const [key, v] of Object.entries(record)) {
    // (An operand's fields hold its value, not where it stands; descriptions are words.)
    if (key !== 'fields' && key !== 'description') shiftSpans(v, shift, moved);
  }
}

/** Claim ids a claim holds, moved by `offset` with its own. */
function shiftClaim(claim: Claim, offset: number): void {
  claim.id += offset;
  if (claim.kind === 'share' && claim.group !== undefined) claim.group += offset;
  else if (claim.kind === 'share-group') claim.shares = claim.shares.map((id) => id + offset);
  else if (claim.kind === 'reason') claim.stated.claim += offset;
}

/**
 * The model of a (normalized) text, `shift` before its place in the whole; numbers written with full-width digits or a
 * letter O keep their written form.
 */
function modelOf(normalized: string, text: string, script: NormalizedText, shift = 0): DocumentModel {
  const model = buildModel(normalized);
  // Full-width digits and OCR's letters O and l were read as ASCII digits: the numbers written with them are still reported (number-format).
  if (script.fullwidthDigits || script.letterZeros || script.letterOnes) {
    for (const n of model.numbers) {
      const written = text.slice(script.toSource(n.span.start + shift), script.toSource(n.span.end + shift));
      const letter = script.letterZeros && /[OoＯ]/.test(written) ? 'letter-zero' : script.letterOnes && /[lI]/.test(written) ? 'letter-one' : undefined;
      if (letter) {
        n.formatIssue ??= letter;
        n.raw = written;
        continue;
      }
      if (!/[\uFF10-\uFF19]/.test(written)) continue;
      // (`８１．０9`: one number typed in both widths is damage, not the document's style.)
      n.formatIssue ??= /[0-9]/.test(written) ? 'mixed-width' : 'fullwidth';
      n.raw = written;
    }
  }
  return model;
}

/** The pipeline over one report's text (`normalized`, of the same length as the whole normalized text). */
function check(normalized: string, shift: number, text: string, script: NormalizedText, options: LintOptions, cancelled: () => boolean, fileLines?: LineIndex): LintResult {
  const model = modelOf(normalized, text, script, shift);
  const { toSource } = script;
  const source = (span: Span): Span => ({ start: toSource(span.start + shift), end: toSource(span.end + shift) });
  if (cancelled()) throw new LintCancelled();
  const claims = extractClaims(model);
  if (cancelled()) throw new LintCancelled();
  // Rules read positions in the report's text (its lines are the file's); findings are placed in the file's.
  const lineIndex = lineIndexOf(model);
  const ranges = fileLines ?? lineIndex;
  const findings: Finding[] = [];
  const verdicts: Verdict[] = [];
  // (Counts written in Chinese numerals are checked as any, but no fix rewrites them in digits.)
  const inWords = model.numbers.filter((n) => n.inWords);
  const rewritesWords = (f: FixDraft) => inWords.length > 0 && f.edits.some((e) => inWords.some((n) => e.span.start < n.span.end && n.span.start < e.span.end));
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
          range: ranges.range(span),
          related: (draft.related ?? []).map((r) => ({ span: source(r.span), range: ranges.range(source(r.span)), message: r.message })),
          fixes: (draft.fixes ?? []).filter((f) => !rewritesWords(f)).map((f: FixDraft) => ({
            title: f.title,
            safe: f.safe,
            preferred: f.preferred,
            kind: f.kind,
            edits: f.edits.map((e) => ({ span: source(e.span), range: ranges.range(source(e.span)), newText: e.newText })),
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
  return { model, claims, verdicts, findings, notice: undefined };
}

/**
 * A verdict whose explanation is computed on first read. A class with a prototype getter (not a
 * property defined per object, which was slow); toJSON keeps it serialisable.
 */
class LazyVerdict implements Verdict {
  private cached?: Localized;

  constructor(
    public claim: number,
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

/** Drops disabled and duplicate findings (of two alike, the more severe stays); orders them by position. */
function finalize(findings: Finding[], model: DocumentModel): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const disabled = model.disabledLines.get(f.range.start.line);
    if (disabled && (disabled.has('*') || disabled.has(f.ruleId))) continue;
    const key = `${f.ruleId}:${f.span.start}:${f.span.end}:${f.messageId}`;
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push(f);
    } else if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[out[at].severity]) out[at] = f;
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

export type { Claim };
