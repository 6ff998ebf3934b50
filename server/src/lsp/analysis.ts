// One lint of one document version, reduced to plain data: everything diagnostics, hovers, code
// actions, symbols and the table preview need. It crosses the worker boundary, so it holds no Decimal
// and no class instances. What diagnostics need (the head) travels first, as objects, so diagnostics
// are published without waiting for the rest. The bulky detail for hovers, the outline and the table
// preview is built afterwards a slice at a time (see detailJson), so it never holds up the next lint,
// and travels as one JSON string (cheap to pass), parsed in the server thread only when first used.
// Detail positions are spans only: ranges are computed from the text snapshot when needed.
import { claimOperands } from '../core/claims/operands';
import { shareFixes } from '../core/fixes';
import { lint } from '../core/lint';
import { lineIndexOf } from '../core/model/document';
import type { Finding, Fix, LintResult, Localized, RuleSetting, Span, Verdict } from '../core/types';
import type { Status, Summary } from './protocol';

export interface TokenView {
  id: number;
  raw: string;
  unitText: string;
  span: Span;
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
  tokens: number[];
  /** Member share claims of a share-group claim. */
  shares?: number[];
  verdicts: Array<{ ruleId: string; status: Verdict['status']; explanation: Localized }>;
  status: Status;
}

export interface CellView {
  span: Span;
  token?: number;
  /** Omitted when empty. */
  findingIds?: number[];
  /** Omitted when 'unchecked'. */
  status?: Status;
}

export interface TableView {
  id: number;
  title?: string;
  code?: string;
  kind: string;
  unit: string;
  span: Span;
  titleSpan?: Span;
  columns: Array<{ headerPath: string[]; columnNumber?: string }>;
  rows: Array<{ kind: string; code?: string; label: string; span: Span; cells: CellView[] }>;
}

export interface SectionView {
  id: number;
  title: string;
  level: number;
  parent?: number;
  span: Span;
  headingSpan: Span;
}

export interface Detail {
  claims: ClaimView[];
  /** Tokens taking part in a relation or sitting in a table cell, sorted by offset. */
  tokens: TokenView[];
  tables: TableView[];
  sections: SectionView[];
}

export interface ShareFixView {
  single: Array<[number, Fix]>;
  /** Per list: its share claims, the share-group claims naming it, and the two recomputations. */
  groups: Array<{ shares: number[]; groupClaims: number[]; recompute?: Fix; largestRemainder?: Fix }>;
}

/**
 * What diagnostics and code actions need: it crosses the worker boundary first, so diagnostics are
 * published without waiting for the detail.
 */
export interface WireHead {
  uri: string;
  version: number;
  notice?: Localized;
  findings: Finding[];
  shareFixes: ShareFixView;
  summary: Summary;
}

export interface Analysis extends WireHead {
  /** The detail for hovers, the outline and the preview: built after the head (at once when asked for), parsed on first use. */
  detail(): Promise<Detail>;
  /** Says the analysis is superseded: a detail nobody asked for yet need not be built. */
  release(): void;
}

/** Where a head's detail comes from: `want` asks for it now, `drop` says it will never be read. */
export interface DetailSource {
  json: Promise<string>;
  want(): void;
  drop(): void;
}

export function fromWire(head: WireHead, source: DetailSource): Analysis {
  let detail: Promise<Detail> | undefined;
  return {
    ...head,
    detail: () => {
      if (!detail) {
        source.want();
        detail = source.json.then((json) => JSON.parse(json) as Detail);
      }
      return detail;
    },
    release: () => {
      if (!detail) source.drop();
    },
  };
}

export function emptyAnalysis(uri: string, version: number): Analysis {
  const detail: Detail = { claims: [], tokens: [], tables: [], sections: [] };
  return {
    uri,
    version,
    findings: [],
    shareFixes: { single: [], groups: [] },
    summary: { checked: 0, errors: 0, warnings: 0, infos: 0 },
    detail: () => Promise.resolve(detail),
    release: () => undefined,
  };
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

/** Lints a job: the head at once, the detail (as JSON) built by stepping `detail` to its end. */
export function analyze(job: LintJob, isCancelled?: () => boolean): { head: WireHead; detail: DetailSteps } {
  const result = lint(job.text, { rules: job.rules, isCancelled });
  return { head: toHead(job, result), detail: detailJson(result) };
}

export function toHead(job: Pick<LintJob, 'uri' | 'version'>, result: LintResult): WireHead {
  const { model, claims, verdicts, findings } = result;
  const fixes = shareFixes(model, claims, lineIndexOf(model));
  const key = (ids: number[]) => [...ids].sort((a, b) => a - b).join(',');
  const groupClaims = new Map<string, number[]>();
  for (const c of claims) {
    if (c.kind !== 'share-group') continue;
    const ids = groupClaims.get(key(c.shares)) ?? [];
    ids.push(c.id);
    groupClaims.set(key(c.shares), ids);
  }
  return {
    uri: job.uri,
    version: job.version,
    notice: result.notice,
    findings,
    shareFixes: {
      single: [...fixes.single],
      groups: fixes.groups.map((g) => ({ ...g, groupClaims: groupClaims.get(key(g.shares)) ?? [] })),
    },
    summary: {
      checked: new Set(verdicts.map((v) => v.claim)).size,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    },
  };
}

/** Builds a detail step by step: it pauses (yields) between small pieces of work and returns the JSON. */
export type DetailSteps = Generator<void, string, void>;

/** Items (claims, rows, tokens) built or serialised between two pauses of detailJson. */
const STEP = 64;

/**
 * The detail of a lint as JSON, built in small steps so whoever drives it can let a lint go first
 * between two steps. Claim and table views are serialised as soon as they are final; token views
 * collect the claims using them, so they are serialised last.
 */
export function* detailJson(result: LintResult): DetailSteps {
  const { model, claims, verdicts, findings } = result;
  let work = 0;
  /** True every STEP items: the caller pauses there. */
  const due = () => ++work % STEP === 0;

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
      t = { id, raw: n.raw, unitText: n.unitText, span: n.span, label, claims: [], cell: n.cell };
      tokens.set(id, t);
    } else if (!t.label) t.label = label;
    return t;
  };

  const claimViews: ClaimView[] = [];
  const claimJson: string[] = [];
  for (const c of claims) {
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
    const view: ClaimView = {
      id: c.id,
      kind: c.kind,
      description: c.description,
      span: c.span,
      tokens: ids,
      shares: c.kind === 'share-group' ? c.shares : undefined,
      verdicts: vs,
      status: vs.reduce<Status>((s, v) => worst(s, v.status), vs.length ? 'ok' : 'unchecked'),
    };
    claimViews.push(view);
    claimJson.push(JSON.stringify(view));
    if (due()) yield;
  }

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

  const tableJson: string[] = [];
  for (const t of model.tables) {
    const rows: TableView['rows'] = [];
    for (const row of t.rows) {
      rows.push({
        kind: row.kind,
        code: row.code,
        label: row.label,
        span: row.span,
        cells: row.cells.map((cell) => {
          const token = cell.number === undefined ? undefined : tokenView(cell.number, '');
          const findingIds = (findingsByLine.get(row.line) ?? []).filter((i) => {
            const f = findings[i];
            return [f.span, ...f.related.map((r) => r.span)].some((s) => overlaps(s, cell.span));
          });
          let status: Status = 'unchecked';
          for (const c of token?.claims ?? []) status = worst(status, claimViews[c].status);
          for (const i of findingIds) status = worst(status, findings[i].severity);
          const view: CellView = { span: cell.span };
          if (token) view.token = token.id;
          if (findingIds.length) view.findingIds = [...new Set(findingIds)];
          if (status !== 'unchecked') view.status = status;
          return view;
        }),
      });
      if (due()) yield;
    }
    const view: TableView = {
      id: t.id,
      title: t.title,
      code: t.code,
      kind: t.kind,
      unit: t.unit,
      span: t.span,
      titleSpan: t.titleSpan,
      columns: t.columns.map((c) => ({ headerPath: c.headerPath, columnNumber: c.columnNumber })),
      rows,
    };
    tableJson.push(JSON.stringify(view));
    yield;
  }

  const tokenJson: string[] = [];
  for (const t of [...tokens.values()].sort((a, b) => a.span.start - b.span.start)) {
    tokenJson.push(JSON.stringify(t));
    if (due()) yield;
  }
  const sections: SectionView[] = model.sections.map((s) => ({ id: s.id, title: s.title, level: s.level, parent: s.parent, span: s.span, headingSpan: s.headingSpan }));
  return `{"claims":[${claimJson.join(',')}],"tokens":[${tokenJson.join(',')}],"tables":[${tableJson.join(',')}],"sections":${JSON.stringify(sections)}}`;
}

