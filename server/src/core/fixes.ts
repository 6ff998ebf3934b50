// Applying fixes: every edit replaces exactly the characters of its span. Also the fixes that need
// more than one finding: recomputing the shares of a whole 其中 list / table column, and fix-all.
import Decimal from 'decimal.js';
import type { LineIndex } from './text/positions';
import type { Claim, DocumentModel, Finding, Fix, LintOptions, Localized, Span, TextEdit } from './types';

/** Applies non-overlapping edits; an edit overlapping an earlier one is skipped (returned in `skipped`). */
export function applyEdits(text: string, edits: Array<Pick<TextEdit, 'span' | 'newText'>>): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  for (const e of sorted) {
    if (e.span.start < cursor || e.span.end > text.length) {
      skipped++;
      continue;
    }
    out += text.slice(cursor, e.span.start) + e.newText;
    cursor = e.span.end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied, skipped };
}

// ---------------------------------------------------------------------------------------------
// Recomputing percentages (rounding.md §3, §5)

/** One stated share, reduced to what recomputation needs. */
export interface ShareFigure {
  claim: number;
  part: Decimal.Value;
  base: Decimal.Value;
  /** Decimals the share is written with; the recomputed figure keeps them. */
  decimals: number;
  /** Span of the stated percentage number (without `%`). */
  span: Span;
  /** Its current text. */
  text: string;
}

const HUNDRED = new Decimal(100);

function exactShare(f: ShareFigure): Decimal | undefined {
  const base = new Decimal(f.base);
  if (base.isZero()) return undefined;
  return new Decimal(f.part).div(base).times(HUNDRED);
}

/** part / base × 100, rounded half-up to the stated decimals; undefined for a zero base. */
export function recomputeShare(f: ShareFigure): string | undefined {
  return exactShare(f)?.toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP).toFixed(f.decimals);
}

/**
 * Recomputes every share of a group. With `largestRemainder`, the shares are floored and the units
 * missing to 100 go to the largest remainders (尾差调整), so the list adds up to exactly 100. That
 * needs one precision for the whole list and parts that exhaust the base; otherwise undefined.
 */
export function recomputeShareGroup(figures: ShareFigure[], options: { largestRemainder?: boolean } = {}): string[] | undefined {
  if (figures.length === 0) return undefined;
  const exact = figures.map(exactShare);
  if (exact.some((e) => e === undefined)) return undefined;
  const shares = exact as Decimal[];
  if (!options.largestRemainder) return figures.map((f, i) => shares[i].toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP).toFixed(f.decimals));
  const decimals = figures[0].decimals;
  if (figures.some((f) => f.decimals !== decimals)) return undefined;
  const unit = new Decimal(10).pow(-decimals);
  const floors = shares.map((s) => s.toDecimalPlaces(decimals, Decimal.ROUND_FLOOR));
  const missing = HUNDRED.minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).div(unit);
  // Exhaustive parts leave fewer missing units than there are shares; anything else is no 100% list.
  if (!missing.isInteger() || missing.isNegative() || missing.gt(figures.length)) return undefined;
  const order = shares
    .map((s, i) => ({ i, remainder: s.minus(floors[i]) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  const result = [...floors];
  for (let k = 0; k < missing.toNumber(); k++) result[order[k].i] = result[order[k].i].plus(unit);
  return result.map((r) => r.toFixed(decimals));
}

/** The figures of the share claims in the model, keyed by claim id (shares without a usable base are left out). */
export function shareFigures(model: DocumentModel, claims: readonly Claim[]): Map<number, ShareFigure> {
  const out = new Map<number, ShareFigure>();
  for (const c of claims) {
    if (c.kind !== 'share' || c.stated.token === undefined) continue;
    const token = model.numbers[c.stated.token];
    if (!token) continue;
    out.set(c.id, {
      claim: c.id,
      part: c.part.value,
      base: c.base.value,
      decimals: token.decimals,
      span: token.span,
      text: model.text.slice(token.span.start, token.span.end),
    });
  }
  return out;
}

/** Share groups: the share ids of each `share-group` claim and of each ShareClaim.group, de-duplicated. */
export function shareGroups(claims: readonly Claim[]): number[][] {
  const byKey = new Map<string, number[]>();
  const add = (ids: number[]) => {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    if (sorted.length > 1) byKey.set(sorted.join(','), sorted);
  };
  const byGroup = new Map<number, number[]>();
  for (const c of claims) {
    if (c.kind === 'share-group') add(c.shares);
    else if (c.kind === 'share' && c.group !== undefined) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c.id]);
  }
  for (const ids of byGroup.values()) add(ids);
  return [...byKey.values()];
}

export interface ShareFixes {
  /** One fix per share claim whose recomputed figure differs from the text. */
  single: Map<number, Fix>;
  /** Per group (share claim ids): the plain recomputation and the 100%-exact one, when they change anything. */
  groups: Array<{ shares: number[]; recompute?: Fix; largestRemainder?: Fix }>;
}

function fixFrom(title: Localized, kind: string, lineIndex: LineIndex, changes: Array<{ span: Span; newText: string }>): Fix {
  return { title, kind, safe: false, edits: changes.map((c) => ({ span: c.span, range: lineIndex.range(c.span), newText: c.newText })) };
}

/** Recompute-percentage fixes for the share claims of a lint result (not safe: a wrong base is also possible). */
export function shareFixes(model: DocumentModel, claims: readonly Claim[], lineIndex: LineIndex): ShareFixes {
  const figures = shareFigures(model, claims);
  const single = new Map<number, Fix>();
  for (const f of figures.values()) {
    const value = recomputeShare(f);
    if (value === undefined || value === f.text) continue;
    single.set(
      f.claim,
      fixFrom({ 'zh-cn': `重新计算百分比（${f.text}% → ${value}%）`, en: `Recompute percentage (${f.text}% → ${value}%)` }, 'recompute-share', lineIndex, [
        { span: f.span, newText: value },
      ]),
    );
  }
  const groups: ShareFixes['groups'] = [];
  for (const ids of shareGroups(claims)) {
    const members = ids.map((id) => figures.get(id)).filter((f): f is ShareFigure => f !== undefined);
    if (members.length < 2) continue;
    const changed = (values: string[] | undefined) =>
      values && values.some((v, i) => v !== members[i].text) ? members.map((m, i) => ({ span: m.span, newText: values[i] })).filter((c, i) => c.newText !== members[i].text) : undefined;
    const plain = changed(recomputeShareGroup(members));
    const lrm = changed(recomputeShareGroup(members, { largestRemainder: true }));
    const n = members.length;
    groups.push({
      shares: members.map((m) => m.claim),
      recompute: plain && fixFrom({ 'zh-cn': `重新计算本组全部百分比（${n} 项）`, en: `Recompute all percentages of the list (${n})` }, 'recompute-group', lineIndex, plain),
      largestRemainder:
        lrm &&
        fixFrom(
          { 'zh-cn': `重新计算本组全部百分比，按最大余数法使合计为100%（${n} 项）`, en: `Recompute all percentages of the list with largest-remainder rounding to total 100% (${n})` },
          'recompute-group',
          lineIndex,
          lrm,
        ),
    });
  }
  return { single, groups };
}

// ---------------------------------------------------------------------------------------------
// Fix-all

/** The safe edits of a set of findings: each finding's preferred safe fix (else its first safe one), overlaps dropped. */
export function safeEdits(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe && x.preferred) ?? f.fixes.find((x) => x.safe);
    if (fix) edits.push(...fix.edits);
  }
  edits.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out.at(-1);
    // The same edit offered by two findings counts once; any other overlap waits for the next pass.
    if (last && last.span.start === e.span.start && last.span.end === e.span.end && last.newText === e.newText) continue;
    if (last && e.span.start < last.span.end) continue;
    out.push(e);
  }
  return out;
}

/** The text after some passes of edits: pieces of the original text and inserted text, in order. */
type Piece = { from: number; to: number } | { text: string };

function pieceLength(p: Piece): number {
  return 'text' in p ? p.text.length : p.to - p.from;
}

function subPiece(p: Piece, a: number, b: number): Piece {
  return 'text' in p ? { text: p.text.slice(a, b) } : { from: p.from + a, to: p.from + b };
}

/** Applies sorted, non-overlapping edits (in the coordinates of the current text) to the pieces. */
function editPieces(pieces: Piece[], edits: ReadonlyArray<Pick<TextEdit, 'span' | 'newText'>>, length: number): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  let pieceStart = 0;
  const take = (from: number, to: number) => {
    while (i < pieces.length && from < to) {
      const len = pieceLength(pieces[i]);
      const pieceEnd = pieceStart + len;
      if (pieceEnd <= from) {
        i++;
        pieceStart = pieceEnd;
        continue;
      }
      const a = from - pieceStart;
      const b = Math.min(to, pieceEnd) - pieceStart;
      out.push(subPiece(pieces[i], a, b));
      from = pieceStart + b;
    }
  };
  let cursor = 0;
  for (const e of edits) {
    take(cursor, e.span.start);
    if (e.newText) out.push({ text: e.newText });
    cursor = e.span.end;
  }
  take(cursor, length);
  return out;
}

/** The edits against the original text that the pieces amount to (minimal: unchanged text is never touched). */
function piecesToEdits(original: string, pieces: Piece[]): Array<{ span: Span; newText: string }> {
  const out: Array<{ span: Span; newText: string }> = [];
  let cursor = 0;
  let pending = '';
  const flush = (to: number) => {
    if ((pending !== '' || to > cursor) && pending !== original.slice(cursor, to)) out.push({ span: { start: cursor, end: to }, newText: pending });
    pending = '';
  };
  for (const p of pieces) {
    if ('text' in p) {
      pending += p.text;
      continue;
    }
    if (p.from === p.to) continue;
    flush(p.from);
    cursor = p.to;
  }
  flush(original.length);
  return out;
}

export interface FixAllResult {
  text: string;
  /** Edits against the original text (non-overlapping, sorted), each touching only its own characters. */
  edits: Array<{ span: Span; newText: string }>;
  passes: number;
}

/**
 * Applies every safe fix, re-linting until nothing safe is left (a fix may uncover or unblock another),
 * so running it on its own output changes nothing. `lintText` is the lint to use (rule settings included).
 */
export function fixAll(text: string, lintText: (text: string, options?: LintOptions) => { findings: Finding[] }, options: LintOptions = {}, maxPasses = 5): FixAllResult {
  let pieces: Piece[] = [{ from: 0, to: text.length }];
  let current = text;
  let passes = 0;
  while (passes < maxPasses) {
    const next = safeEdits(lintText(current, options).findings);
    if (next.length === 0) break;
    const applied = applyEdits(current, next).text;
    if (applied === current) break;
    passes++;
    pieces = editPieces(pieces, next, current.length);
    current = applied;
  }
  return { text: current, edits: piecesToEdits(text, pieces), passes };
}
