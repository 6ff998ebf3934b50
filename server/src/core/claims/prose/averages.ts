// Averages the prose states beside their amount and count (prose.md §6): `全年召开会议8个，参会人员392人次，人均会议费252.30元`
// (9.89万元 / 392), `保有量为10辆，平均每辆车运行维护费1.96万元` (19.56万元 / 10), `共计接待107批次、429人次，…人均112.82元`.
import { isMoney, operand } from '../../arith/interval';
import { asExact } from '../../arith/operand';
import { l } from '../../messages';
import type { AverageClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** The words of an average and what it is per: 人均 (per head), 每辆 / 单车 / 车均 (per car), 每批次 / 每次 (per batch). */
const AVERAGE = /(人均|平均每人|每人平均|平均每辆车?|每辆车?平均|单车平均|车均|平均每批次?|每批次?平均)([\u4e00-\u9fff（）()“”]{0,12}?)(?:为|是|约)?$/;
const PER: Record<string, RegExp> = { head: /^(?:人次|人)$/, car: /^辆$/, batch: /^(?:批次|批|次)$/ };
/** Words that make a count another quantity than the one the average divides by (`减少2辆`, `上年…`, `预算…`). */
// (Not `按照更新计划购置执法执勤用车4辆`: bought as planned, this year.)
const NOT_THIS_YEARS = /上年|去年|同期|预算|(?<!按照?[\u4e00-\u9fff]{0,4})计划|增加|减少|增长|下降|比|较/;
/** How many sentences back (in the paragraph) the amount and the count may stand. */
const SENTENCES_BACK = 3;

export function averageClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  let paragraph: ProseToken[] = [];
  for (const t of analysis.tokens) {
    if (paragraph.length > 0 && paragraph[0].sentence.paragraph !== t.sentence.paragraph) paragraph = [];
    paragraph.push(t);
    // (Not `人均接待费约709元`: an average given loosely may be over another count than the one stated.)
    if (!isMoney(t.token.unit) || t.year !== undefined || t.approx || t.token.approximate) continue;
    const m = AVERAGE.exec(t.lead.replace(/\s+/g, ''));
    if (!m || /约$/.test(t.lead)) continue;
    const per = /人/.test(m[1]) ? 'head' : /车|辆/.test(m[1]) ? 'car' : 'batch';
    const before = paragraph.slice(0, -1).filter((b) => t.sentence.id - b.sentence.id <= SENTENCES_BACK);
    const count = [...before].reverse().find((b) => b.role === 'count' && b.year === undefined && PER[per].test(b.token.unitText) && !NOT_THIS_YEARS.test(b.lead) && !b.token.value.isZero());
    const amount = amountOf(before, m[2], count);
    // (`171人次（不含陪同人员57人次）`: a count with what it leaves out or takes in beside it is no single divisor.)
    if (!count || !amount) continue;
    const next = paragraph[paragraph.indexOf(count) + 1];
    if (next !== undefined && next.sentence === count.sentence && next.depth > count.depth) continue;
    sink.add<AverageClaim>({
      kind: 'average',
      origin: 'prose',
      identity: 'prose.average',
      description: l(`${m[1]}${m[2]} = ${amount.subject} / ${count.subject || count.lead}`, `the average = ${amount.subject} / ${count.subject || count.lead}`),
      span: t.token.span,
      amount: operand(amount.token, amount.subject),
      count: asExact(operand(count.token, count.subject || count.lead.replace(/[，,、\s]/g, ''))),
      stated: operand(t.token, `${m[1]}${m[2]}`),
    });
  }
}

/**
 * The amount an average divides: the last of this year's amounts before it named as the average names it (`人均会议费` →
 * 会议费, `平均每辆车运行维护费` → 运行维护费); an average naming nothing (`人均112.82元`, `人均费用`) divides the paragraph's own
 * amount, its first, stated before the count.
 */
function amountOf(before: ProseToken[], named: string, count: ProseToken | undefined): ProseToken | undefined {
  const amounts = before.filter((b) => b.role === 'amount' && b.year === undefined && isMoney(b.token.unit) && !b.approx);
  const name = named.replace(/^(?:的)?/, '').replace(/(?:费用|支出|经费|金额)$/, '');
  if (name.length >= 2) return [...amounts].reverse().find((b) => b.subject.endsWith(name) || b.subject.endsWith(`${name}费`) || b.subject.includes(name));
  const first = amounts[0];
  return first && count && first.token.span.start < count.token.span.start ? first : undefined;
}
