// `基本支出2916.17万元，占本年支出合计的79.68%，比上年提高0.53个百分点` with no last year's share stated: last year's share is
// computed from last year's figures of the part and the whole, as the report states them (`2022年基本支出、项目支出分别为…`,
// `上年本年收入合计3348.55万元，其中财政拨款收入3215.60万元`) or as its changes give them (this year's less the change).
import Decimal from 'decimal.js';
import { operand, written } from '../../arith/interval';
import { itemLabel, items, tableName } from '../tables/access';
import { Operand } from '../../arith/operand';
import { l } from '../../messages';
import type { ChangeClaim, DocumentModel, PointsClaim, ShareClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { directionSpan, pointsDirection } from './changes';
import { tokensByParagraph } from './item-lists';
import { normalizeSubject, splitJoinedNames, subjectsMatch } from './subjects';
import type { ProseAnalysis, ProseToken } from './tokens';

/** `比上年提高`, `较2022年下降`, `同比上升`: a difference from last year. */
const FROM_LAST_YEAR = /(?:比|较|与)(?:上年|上一年|去年|(?:19|20)\d\d\s*年度?)(?:同期)?(?:相比)?[，,]?|同比/;
/** `占比下降`, `比重提高`: the share's own move, after a change that says it is against last year. */
const SHARE_MOVED = /(?:占比|比重)(?:下降|降低|减少|提高|上升|增加)$/;
/** Half a unit of the last decimal of a share stated to two decimals: last year's share may have been rounded so. */
const ROUNDED_SHARE = new Decimal('0.005');

export function computedSharePointsClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  const reportYear = model.reportYear;
  const stated = new Set<number>();
  const shares = new Map<number, ShareClaim>();
  const changes = new Map<number, ChangeClaim>();
  for (const c of sink.claims) {
    if (c.kind === 'points' && c.stated.token !== undefined) stated.add(c.stated.token);
    else if (c.kind === 'share' && c.origin === 'prose' && c.stated.token !== undefined) shares.set(c.stated.token, c);
    else if (c.kind === 'change' && c.identity === 'prose.change' && c.current?.token !== undefined && !changes.has(c.current.token)) changes.set(c.current.token, c);
  }
  let lastYears: Map<string, ProseToken> | undefined;
  let paragraph = -1;
  for (const t of analysis.tokens) {
    if (t.role !== 'points' || stated.has(t.token.id)) continue;
    const tokens = analysis.bySentence.get(t.sentence.id) ?? [];
    // This year's share: the figure right before the points, or before the change of its part (`占12.93%，较上年减少3.76万元，
    // 占比下降1.19个百分点`), whose comparison with last year the points then share.
    let k = t.index - 1;
    while (k >= 0 && (tokens[k].role === 'delta' || tokens[k].role === 'change-rate') && FROM_LAST_YEAR.test(tokens[k].lead)) k--;
    const current = tokens[k];
    if (!FROM_LAST_YEAR.test(t.lead) && !(k < t.index - 1 && SHARE_MOVED.test(t.lead))) continue;
    const share = current?.role === 'share' && current.token.unit === '%' ? shares.get(current.token.id) : undefined;
    if (!share || share.part.token === undefined || share.base.token === undefined) continue;
    if (t.sentence.paragraph !== paragraph) {
      paragraph = t.sentence.paragraph;
      lastYears = lastYearFigures(analysis, paragraph, reportYear);
    }
    const prior = (figure: Operand) => priorOf(figure, changes.get(figure.token!), lastYears!) ?? priorInTable(model, figure);
    const [part, base] = [prior(share.part), prior(share.base)];
    if (!part || !base || base.value.lte(0)) continue;
    // (Last year's share as an interval: the figures' rounding, and the share's own if it was rounded before the subtraction.)
    const [low, high] = [part.value.minus(part.halfUlp).div(base.value.plus(base.halfUlp)), part.value.plus(part.halfUlp).div(base.value.minus(base.halfUlp))].map((v) => v.times(100));
    const value = part.value.div(base.value).times(100);
    const halfUlp = Decimal.max(value.minus(low), high.minus(value)).plus(ROUNDED_SHARE);
    sink.add<PointsClaim>({
      kind: 'points',
      origin: 'prose',
      identity: 'prose.points-computed',
      description: l('占比较上年的变化（个百分点），上年占比按上年数计算', 'change of a share from last year (percentage points), last year\'s share computed from last year\'s figures'),
      span: t.token.span,
      a: operand(current.token, '本年占比'),
      b: new Operand({ value, halfUlp, unit: '%' }, `上年占比 = ${written(part)} / ${written(base)}`),
      stated: operand(t.token, '百分点差'),
      direction: pointsDirection(t.lead),
      directionSpan: directionSpan(t),
    });
  }
}

/**
 * Last year's figure of a share's part or whole: stated by name in the paragraph (or the one after it), else this year's
 * figure less its change.
 */
function priorOf(figure: Operand, change: ChangeClaim | undefined, lastYears: Map<string, ProseToken>): Operand | undefined {
  const name = normalizeSubject(figure.label);
  // (In the paragraph, a shorter name is the same figure: `当年项目支出` after `一般公共预算财政拨款项目支出`.)
  for (const [subject, t] of lastYears) if (subjectsMatch(subject, name) || (subject.length >= 4 && name.endsWith(subject))) return operand(t.token, `上年${subject}`);
  if (change?.prior) return change.prior;
  if (!change?.delta || change.direction === 'flat') return undefined;
  const delta = change.delta.value.abs();
  const value = change.direction === 'up' ? figure.value.minus(delta) : figure.value.plus(delta);
  return new Operand({ value, halfUlp: figure.halfUlp.plus(change.delta.halfUlp) }, `上年${name}`);
}

/**
 * `收入合计 | 行次 | 上年数 | 本年数`: last year's figure of a name in 公开01表's 上年数 column (the tables that print one), none when
 * the report has no such column.
 */
function priorInTable(model: DocumentModel, figure: Operand): Operand | undefined {
  const name = normalizeSubject(figure.label);
  if (name.length < 4) return undefined;
  for (const table of model.tables) {
    if (table.kind !== 'T01' || table.withdrawn) continue;
    // (The row of that name, else the one row whose name holds it: `本年收入合计` for 收入合计.)
    const all = items(table);
    const exact = all.filter((it) => itemLabel(it) === name);
    const rows = exact.length > 0 ? exact : all.filter((it) => itemLabel(it).includes(name));
    if (rows.length !== 1) continue;
    const it = rows[0];
    const col = table.columns.find((c) => c.block === it.entry.block && c.role === 'prior')?.index;
    const n = col === undefined ? undefined : it.row.cells[col]?.number;
    if (n !== undefined) return operand(model.numbers[n], `上年${name}（${tableName(table)} ${itemLabel(it)}）`, table.unit);
  }
  return undefined;
}

/** Last year's figures by name in a paragraph and the three after it in its section: `上年…X万元`, `2022年A、B分别为x万元和y万元`. */
export function lastYearFigures(analysis: ProseAnalysis, paragraph: number, reportYear: number | undefined): Map<string, ProseToken> {
  const found = new Map<string, ProseToken>();
  const byParagraph = tokensByParagraph(analysis);
  const section = byParagraph.get(paragraph)?.[0]?.sentence.section;
  const tokens: ProseToken[] = [];
  for (let p = paragraph; p <= paragraph + 3; p++) for (const t of byParagraph.get(p) ?? []) if (t.sentence.section === section) tokens.push(t);
  tokens.forEach((t, k) => {
    const lastYear = t.role === 'prior' || (reportYear !== undefined && t.year === reportYear - 1 && t.role === 'amount');
    if (!lastYear || t.token.unit === '%') return;
    // (`A、B分别为x万元和y万元`: the names in the order of the figures.)
    // (Not `2021年、2022年基本支出分别为x万元和y万元`: two years of one name, the first of them last year's.)
    const names = /分别(?:为|是)$/.test(t.lead) ? splitJoinedNames(t.subject).map(normalizeSubject) : [];
    if (names.length > 1 && names.every((name) => name.length >= 2)) {
      names.forEach((name, i) => {
        const figure = tokens[k + i];
        if (figure && figure.sentence === t.sentence && !found.has(name)) found.set(name, figure);
      });
      return;
    }
    const subject = normalizeSubject(t.subject.replace(/^[、，,]+/, ''));
    if (subject && !found.has(subject)) found.set(subject, t);
  });
  return found;
}
