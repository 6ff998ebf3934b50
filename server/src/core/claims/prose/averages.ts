// Averages the prose states beside their amount and count (prose.md §6): `全年召开会议8个，参会人员392人次，人均会议费252.30元`
// (9.89万元 / 392), `保有量为10辆，平均每辆车运行维护费1.96万元` (19.56万元 / 10), `共计接待107批次、429人次，…人均112.82元`.
import { isMoney, operand } from '../../arith/interval';
import { asExact } from '../../arith/operand';
import { l } from '../../messages';
import type { AverageClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** The words of an average and what it is per: 人均 (per head), 每辆 / 单车 / 车均 (per car), 每批次 / 每次 (per batch). */
// (Per student, `生均626.20元`, or per thing counted: `平均每卷13.07元` over `扫描96350卷`, `平均每册`, `户均`.)
// (Per unit of land or road: `亩均投入1,487.24元`, `每公里造价126.35万元`.)
const AVERAGE = /(人均|生均|平均每人|每人平均|平均每辆车?|每辆车?平均|单车平均|车均|平均每批次?|每批次?平均|批均|次均|团均|户均|亩均|平均每亩|每亩平均|平均每公里|每公里(?=造价|投资|成本|投入)|平均每[卷册件户所座台套份场篇期家张床]|每[卷册件户所座台套份场篇期家张床]平均)([\u4e00-\u9fff（）()“”]{0,12}?)(?:为|是|约)?$/;
const PER: Record<string, RegExp> = { head: /^(?:人次|人)$/, student: /^(?:人|名)$/, car: /^辆$/, batch: /^(?:批次|批|次)$/, group: /^(?:个|批|批次)$/ };
/** What an average is per: by its words (the thing counted, for `平均每卷`). */
function perOf(word: string): RegExp {
  if (word === '生均') return PER.student;
  if (/人/.test(word)) return PER.head;
  if (/车|辆/.test(word)) return PER.car;
  if (/团/.test(word)) return PER.group;
  if (/亩/.test(word)) return /^亩$/;
  if (/公里/.test(word)) return /^(?:公里|千米)$/;
  const thing = /每([卷册件户所座台套份场篇期家张床])|^(户)均/.exec(word);
  return thing ? new RegExp(`^${thing[1] ?? thing[2]}$`) : PER.batch;
}
/** What any money may be called per unit: `投入`, `补助`, `造价`. */
const GENERIC_MONEY = /^(?:投入|投资|补助|补贴|成本|造价|费用|资金)$/;
/** Words that make a count another quantity than the one the average divides by (`减少2辆`, `上年…`, `预算…`). */
// (Not `按照更新计划购置执法执勤用车4辆`: bought as planned, this year.)
const NOT_THIS_YEARS = /上年|去年|同期|预算|(?<!按照?[\u4e00-\u9fff]{0,4})计划|增加|减少|增长|下降|比|较/;
/** A money figure's name: `公用经费`, `机关运行经费支出`. */
const MONEY_NAME = /[\u4e00-\u9fff“”]{2,16}(?:费|支出|经费|资金|收入)$/;
/** A count the sentence works its averages out over: `按小学在校生4240人计算`, `以在校学生1634人计`. */
const FRAMING_COUNT = /^[，,]?\s*(?:按|以)/;
/** How many sentences back (in the paragraph) the amount and the count may stand. */
const SENTENCES_BACK = 3;

const AVERAGE_CHANGE = /(?:人均|平均|户均|生均)[^，,。；;\d]{0,10}?(?:增加|减少|增长|下降|提高|降低|多|少)了?$/;

export function averageClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  let paragraph: ProseToken[] = [];
  for (const t of analysis.tokens) {
    if (paragraph.length > 0 && paragraph[0].sentence.paragraph !== t.sentence.paragraph) paragraph = [];
    paragraph.push(t);
    // (Not `人均接待费约709元`: an average given loosely may be over another count than the one stated.)
    if (!isMoney(t.token.unit) || t.year !== undefined || t.approx || t.token.approximate) continue;
    const m = AVERAGE.exec(t.lead.replace(/\s+/g, ''));
    if (!m || /约$/.test(t.lead)) continue;
    // (`人均增加0.20万元`: a change of the average, no average.)
    // (Nor a month's, `享受对象5210人，月人均补助280元`: a monthly standard, which the months paid and the people who came and went
    // make no exact share of the year's money.)
    if (AVERAGE_CHANGE.test(t.lead) || /月(?:人均|平均|户均)|(?:人均|户均|每人|每户)每?月/.test(t.lead)) continue;
    // (`…；上年人员经费723.68万元、上年末在职人员66人，人均人员经费10.96万元`: last year's average, of last year's figures.)
    const clauseFrom = clauseStart(t);
    if (paragraph.some((b) => b.sentence === t.sentence && b.index < t.index && b.token.span.start >= clauseFrom && (b.role === 'prior' || (b.role === 'count' && /上年|去年/.test(b.lead))))) continue;
    const per = perOf(m[1]);
    // (`按每户1200元标准落实奖补资金，户均补助1,200.00元`: an average restating the standard its sentence pays at (average-mismatch's
    // product check holds the standard against the count).)
    if (paragraph.some((b) => b.sentence === t.sentence && b.index < t.index && b.role === 'other' && /每[户人亩生名座场个]/.test(b.lead))) continue;
    const before = paragraph.slice(0, -1).filter((b) => t.sentence.id - b.sentence.id <= SENTENCES_BACK);
    // (Not one in a bracket that breaks a count down, `458人次（含外事接待3批次、26人次）`, `保有量5辆（局机关3辆、业余体校2辆）`, nor
    // one a 其中 singles out, `28批次、214人次，其中外事接待1批次、8人次；批均接待费1100.00元`.)
    const count = [...before].reverse().find((b) => b.role === 'count' && b.year === undefined && b.depth <= t.depth && !/^[：:，,]?其中|^、[\u4e00-\u9fff]|^[，,]?其中[^，,。；;]*$/.test(b.lead) && !(b.sentence !== t.sentence && /^\s*其中/.test(b.sentence.text)) && per.test(b.token.unitText) && !NOT_THIS_YEARS.test(b.lead) && !b.token.value.isZero());
    // (`外事接待费7.36万元，…，平均每批次3505元；其他国内公务接待费4.48万元，接待37批次…`: an average whose own `；`-clause states an
    // amount but no count divides by a count the text does not give there; the clause after it is another item's.)
    const from = clauseStart(t);
    // (Unless the count frames the sentence: `以在校学生1634人计，本年支出合计…，生均支出…；公用经费303.47万元，生均公用经费1857.22元`.)
    if (count && count.token.span.start < from && !FRAMING_COUNT.test(count.lead) && before.some((b) => b.token.span.start >= from && b.role === 'amount' && isMoney(b.token.unit))) continue;
    // (`公用经费人均1.81万元`: the amount may be named before the average's word.)
    const namedBefore = m[2] === '' ? MONEY_NAME.exec(t.lead.replace(/\s+/g, '').slice(0, m.index))?.[0] : undefined;
    // (`亩均投入`, `户均补助`, `每公里造价`: words any money may be called, which name no amount of their own.)
    const named = GENERIC_MONEY.test(m[2]) ? '' : m[2];
    const amount = amountOf(before, named || namedBefore || '', count, t);
    // (`171人次（不含陪同人员57人次）`: a count with what it leaves out or takes in beside it is no single divisor.)
    if (!count || !amount) continue;
    // (A bracket that breaks the count down, `保有量5辆（局机关3辆、业余体校2辆）`, leaves it whole.)
    const next = paragraph[paragraph.indexOf(count) + 1];
    if (next !== undefined && next.sentence === count.sentence && next.depth > count.depth && /不含|未含|另有|外加|以外/.test(t.sentence.text.slice(count.token.span.end - t.sentence.span.start, next.token.span.start - t.sentence.span.start))) continue;
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
function amountOf(before: ProseToken[], named: string, count: ProseToken | undefined, average: ProseToken): ProseToken | undefined {
  // (Not another average: `批均接待费793.55元，人均接待费146.43元`.)
  const amounts = before.filter((b) => b.role === 'amount' && b.year === undefined && isMoney(b.token.unit) && !b.approx && !AVERAGE.test(b.lead.replace(/\s+/g, '')));
  const name = named.replace(/^(?:的)?/, '').replace(/(?:费用|支出|经费|金额)$/, '');
  // (Named so, the one in the count's own clause first: `外事接待费…；其他国内公务接待费4.48万元，接待37批次，平均每批次1211元`.)
  const inClause = count ? amounts.filter((b) => b.token.span.start >= clauseStart(count) && b.token.span.start < count.token.span.start) : [];
  // (The amounts between the count and the average, in the average's own clause.)
  const between = count ? amounts.filter((b) => b.token.span.start > count.token.span.start && b.token.span.start < average.token.span.start && b.token.span.start >= clauseStart(average)) : [];
  if (name.length >= 2) {
    // (Ending with the name before merely holding it: `局机关机关运行经费支出78.29万元`, not `机关运行经费与公用经费合计152.66万元`.)
    const ending = (b: ProseToken) => /^(?:费|费用|支出|经费|金额)?$/.test(b.subject.slice(b.subject.lastIndexOf(name) + name.length)) && b.subject.includes(name);
    const holding = (b: ProseToken) => b.subject.includes(name);
    const byName = [...inClause].reverse().find(ending) ?? [...amounts].reverse().find(ending) ?? [...inClause].reverse().find(holding) ?? [...amounts].reverse().find(holding);
    // (`…支出决算4500.97万元…。按小学在校生4240人计算，小学生均一般公共预算教育支出10615.50元`: an average said to be worked out over the
    // count divides the amount stated last before it, whatever the average calls it.)
    if (byName || !count || !FRAMING_COUNT.test(count.lead)) return byName;
    // (`以全县公办学校在校学生39562人计算，本部门本年支出合计42275.39万元，生均教育支出10685.86元`: the amount between them, in their clause.)
    if (between.length === 1) return between[0];
    return [...amounts].reverse().find((b) => b.token.span.start < count.token.span.start && b.sentence.paragraph === count.sentence.paragraph);
  }
  if (inClause.length > 0) return inClause.at(-1);
  // (`；全乡8个村共有村干部40人，全年发放报酬1,166,400.00元，人均29,160.00元`: the one amount between the count and the average in the
  // average's own clause, not the paragraph's first.)
  if (between.length === 1 && count!.token.span.start >= clauseStart(average)) return between[0];
  // (`公务用车购置费72.60万元…。…购置应急保障用车3辆（越野型指挥车），平均每辆24.20万元`: cars bought average what buying them cost,
  // not the paragraph's 购置及运行维护费.)
  if (count && /购置|购买/.test(count.sentence.text.slice(clauseStart(count) - count.sentence.span.start, count.token.span.start - count.sentence.span.start))) {
    const bought = [...amounts].reverse().find((b) => /购置|购车/.test(b.subject) && !/运行|维护/.test(b.subject));
    if (bought) return bought;
  }
  const first = amounts[0];
  if (first && count && first.token.span.start < count.token.span.start) return first;
  // (`在校学生26444人，全年拨付…公用经费1,655.93万元，生均626.20元`: the one amount between the count and the average, in their sentence.)
  const after = count ? amounts.filter((b) => b.sentence === count.sentence && b.token.span.start > count.token.span.start) : [];
  return after.length === 1 ? after[0] : undefined;
}

/** Where the `；`-clause (or sentence) of a figure starts, as a text offset. */
function clauseStart(t: ProseToken): number {
  const before = t.sentence.text.slice(0, t.token.span.start - t.sentence.span.start);
  return t.sentence.span.start + Math.max(before.lastIndexOf('；'), before.lastIndexOf(';')) + 1;
}
