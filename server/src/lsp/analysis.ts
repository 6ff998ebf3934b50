// One lint of one document version, reduced to plain data (it crosses the worker boundary by
// structured clone, so no Decimal and no class instances): everything diagnostics, hovers, code
// actions, symbols and the table preview need.
import { shareFixes } from '../core/fixes';
import { lint } from '../core/lint';
import { lineIndexOf } from '../core/model/document';
import type { Claim, Finding, Fix, LintResult, Localized, Operand, Range, RuleSetting, Span, Verdict } from '../core/types';
import type { Status, Summary } from './protocol';

export interface TokenView {
  id: number;
  raw: string;
  unitText: string;
  span: Span;
  range: Range;
  /** Operand label of the first relation using it. */
  label: string;
  claims: number[];
  cell?: { table: number; row: number; col: number };
}

export interface ClaimView {
  id: number;
  kind: string;
  description: Localized;
  span: Span;
  range: Range;
  tokens: number[];
  /** Member share claims of a share-group claim. */
  shares?: number[];
  verdicts: Array<{ ruleId: string; status: Verdict['status']; explanation: Localized }>;
  status: Status;
}

export interface CellView {
  text: string;
  span: Span;
  range: Range;
  token?: number;
  findingIds: number[];
  status: Status;
}

export interface TableView {
  id: number;
  title?: string;
  code?: string;
  kind: string;
  unit: string;
  span: Span;
  range: Range;
  titleRange?: Range;
  columns: Array<{ headerPath: string[]; columnNumber?: string }>;
  rows: Array<{ kind: string; code?: string; label: string; range: Range; cells: CellView[] }>;
}

export interface SectionView {
  id: number;
  title: string;
  level: number;
  parent?: number;
  span: Span;
  range: Range;
  headingRange: Range;
}

export interface Analysis {
  uri: string;
  version: number;
  notice?: Localized;
  findings: Finding[];
  claims: ClaimView[];
  /** Tokens taking part in a relation or sitting in a table cell, sorted by offset. */
  tokens: TokenView[];
  tables: TableView[];
  sections: SectionView[];
  shareFixes: { single: Array<[number, Fix]>; groups: Array<{ shares: number[]; recompute?: Fix; largestRemainder?: Fix }> };
  summary: Summary;
}

export interface LintJob {
  uri: string;
  version: number;
  text: string;
  rules: Record<string, RuleSetting>;
}

const RANK: Record<Status, number> = { unchecked: -1, ok: 0, info: 1, warning: 2, error: 3 };

export function worst(a: Status, b: Status): Status {
  return RANK[b] > RANK[a] ? b : a;
}

function isOperand(x: unknown): x is Operand {
  return typeof x === 'object' && x !== null && 'value' in x && 'halfUlp' in x && 'label' in x;
}

/** Every operand of a claim, whatever its kind (new claim kinds are covered without changes here). */
export function claimOperands(claim: Claim): Operand[] {
  const out: Operand[] = [];
  for (const value of Object.values(claim)) {
    if (isOperand(value)) out.push(value);
    else if (Array.isArray(value)) for (const v of value) if (isOperand(v)) out.push(v);
  }
  return out;
}

export function analyze(job: LintJob, isCancelled?: () => boolean): Analysis {
  const result = lint(job.text, { rules: job.rules, isCancelled });
  return toAnalysis(job, result);
}

export function toAnalysis(job: Pick<LintJob, 'uri' | 'version'>, result: LintResult): Analysis {
  const { model, claims, verdicts, findings } = result;
  const lineIndex = lineIndexOf(model);
  const range = (s: Span) => lineIndex.range(s);

  const verdictsByClaim = new Map<number, ClaimView['verdicts']>();
  for (const v of verdicts) {
    const list = verdictsByClaim.get(v.claim) ?? [];
    list.push({ ruleId: v.ruleId, status: v.status, explanation: v.explanation });
    verdictsByClaim.set(v.claim, list);
  }

  const tokens = new Map<number, TokenView>();
  const tokenView = (id: number, label: string): TokenView | undefined => {
    const n = model.numbers[id];
    if (!n) return undefined;
    let t = tokens.get(id);
    if (!t) {
      t = { id, raw: n.raw, unitText: n.unitText, span: n.span, range: range(n.span), label, claims: [], cell: n.cell };
      tokens.set(id, t);
    } else if (!t.label) t.label = label;
    return t;
  };

  const claimViews: ClaimView[] = claims.map((c) => {
    const ids: number[] = [];
    for (const op of claimOperands(c)) {
      if (op.token === undefined) continue;
      const t = tokenView(op.token, op.label);
      if (t && !ids.includes(op.token)) {
        ids.push(op.token);
        t.claims.push(c.id);
      }
    }
    const vs = verdictsByClaim.get(c.id) ?? [];
    return {
      id: c.id,
      kind: c.kind,
      description: c.description,
      span: c.span,
      range: range(c.span),
      tokens: ids,
      shares: c.kind === 'share-group' ? c.shares : undefined,
      verdicts: vs,
      status: vs.reduce<Status>((s, v) => worst(s, v.status), vs.length ? 'ok' : 'unchecked'),
    };
  });

  // Findings by line, to mark the table cells they touch.
  const findingsByLine = new Map<number, number[]>();
  findings.forEach((f, i) => {
    const spans = [f.range, ...f.related.map((r) => r.range)];
    for (const r of spans) {
      for (let line = r.start.line; line <= r.end.line; line++) {
        const list = findingsByLine.get(line);
        if (list) list.push(i);
        else findingsByLine.set(line, [i]);
      }
    }
  });
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

  const tables: TableView[] = model.tables.map((t) => ({
    id: t.id,
    title: t.title,
    code: t.code,
    kind: t.kind,
    unit: t.unit,
    span: t.span,
    range: range(t.span),
    titleRange: t.titleSpan && range(t.titleSpan),
    columns: t.columns.map((c) => ({ headerPath: c.headerPath, columnNumber: c.columnNumber })),
    rows: t.rows.map((row) => ({
      kind: row.kind,
      code: row.code,
      label: row.label,
      range: range(row.span),
      cells: row.cells.map((cell) => {
        const token = cell.number === undefined ? undefined : tokenView(cell.number, '');
        const findingIds = (findingsByLine.get(row.line) ?? []).filter((i) => {
          const f = findings[i];
          return [f.span, ...f.related.map((r) => r.span)].some((s) => overlaps(s, cell.span));
        });
        let status: Status = 'unchecked';
        for (const c of token?.claims ?? []) status = worst(status, claimViews[c].status);
        for (const i of findingIds) status = worst(status, findings[i].severity);
        return { text: cell.text, span: cell.span, range: range(cell.span), token: token?.id, findingIds: [...new Set(findingIds)], status };
      }),
    })),
  }));

  const fixes = shareFixes(model, claims, lineIndex);
  return {
    uri: job.uri,
    version: job.version,
    notice: result.notice,
    findings,
    claims: claimViews,
    tokens: [...tokens.values()].sort((a, b) => a.span.start - b.span.start),
    tables,
    sections: model.sections.map((s) => ({ id: s.id, title: s.title, level: s.level, parent: s.parent, span: s.span, range: range(s.span), headingRange: range(s.headingSpan) })),
    shareFixes: { single: [...fixes.single], groups: fixes.groups },
    summary: {
      checked: claimViews.filter((c) => c.verdicts.length > 0).length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    },
  };
}
