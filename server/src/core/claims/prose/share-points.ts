// `基本支出2916.17万元，占本年支出合计的79.68%，比上年提高0.53个百分点` with no last year's share stated: last year's share is
// computed from last year's figures of the part and the whole, as the report states them (`2022年基本支出、项目支出分别为…`,
// `上年本年收入合计3348.55万元，其中财政拨款收入3215.60万元`) or as its changes give them (this year's less the change).
import Decimal from 'decimal.js';
import { operand, written } from '../../arith/interval';
import { Operand } from '../../arith/operand';
import { l } from '../../messages';
import type { ChangeClaim, PointsClaim, ShareClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { directionSpan, pointsDirection } from './changes';
import { normalizeSubject, splitJoinedNames, subjectsMatch } from './subjects';
import type { ProseAnalysis, ProseToken } from './tokens';

/** `比上年提高`, `较2022年下降`, `同比上升`: a difference from last year. */
const FROM_LAST_YEAR = /(?:比|较|与)(?:上年|上一年|去年|(?:19|20)\d\d\s*年度?)(?:同期)?(?:相比)?[，,]?|同比/;
/** Half a unit of the last decimal of a share stated to two decimals: last year's share may have been rounded so. */
const ROUNDED_SHARE = new Decimal('0.005');

export function computedSharePointsClaims(analysis: ProseAnalysis, reportYear: number | undefined, sink: ClaimSink): void {
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
    if (t.role !== 'points' || stated.has(t.token.id) || !FROM_LAST_YEAR.test(t.lead)) continue;
    const tokens = analysis.bySentence.get(t.sentence.id) ?? [];
    // This year's share: the figure right before the points.
    const current = tokens[t.index - 1];
    const share = current?.role === 'share' && current.token.unit === '%' ? shares.get(current.token.id) : undefined;
    if (!share || share.part.token === undefined || share.base.token === undefined) continue;
    if (t.sentence.paragraph !== paragraph) {
      paragraph = t.sentence.paragraph;
      lastYears = lastYearFigures(analysis, paragraph, reportYear);
    }
    const prior = (figure: Operand) => priorOf(figure, changes.get(figure.token!), lastYears!);
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
  for (const [subject, t] of lastYears) if (subjectsMatch(subject, name)) return operand(t.token, `上年${subject}`);
  if (change?.prior) return change.prior;
  if (!change?.delta || change.direction === 'flat') return undefined;
  const delta = change.delta.value.abs();
  const value = change.direction === 'up' ? figure.value.minus(delta) : figure.value.plus(delta);
  return new Operand({ value, halfUlp: figure.halfUlp.plus(change.delta.halfUlp) }, `上年${name}`);
}

/** Last year's figures by name in a paragraph and the next: `上年…X万元`, `2022年A、B分别为x万元和y万元`. */
export function lastYearFigures(analysis: ProseAnalysis, paragraph: number, reportYear: number | undefined): Map<string, ProseToken> {
  const found = new Map<string, ProseToken>();
  const tokens = analysis.tokens.filter((t) => t.sentence.paragraph === paragraph || t.sentence.paragraph === paragraph + 1);
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
