// Money the prose states as a count times a standard (prose.md §6): `小学寄宿生2,148人，每生每年1000元，计214.80万元`,
// `补贴面积1,300,240亩，补贴标准每亩125元，共计16253.00万元`, `90—99周岁2,684人，每人每月200元，全年644.16万元`. The standard is
// the average of the amount over the count, exactly (average-mismatch).
import { isMoney, operand } from '../../arith/interval';
import { asExact } from '../../arith/operand';
import { l } from '../../messages';
import { ordinalOf } from '../../text/ordinal';
import type { AverageClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { clausesOf } from './changes';
import { countedNoun } from './sums';
import type { ProseAnalysis, ProseToken } from './tokens';

/** A standard per thing counted, and per year or month: `每生每年`, `补贴标准每亩`, `每人每月`, `每场补助`, `人均标准` (per head). */
// (`人均资助380元`: a subsidy set per head, as a standard is.)
const STANDARD = /(?:每(人次|人|生|名|户|座|场|亩|个|站|馆|村|所|辆|台|套|次)(?:每(年|月))?(?:补助|补贴|发放|奖励|标准)?|人均(?:补助|补贴|发放)?标准|人均资助(?:标准)?)(?:为|是)?$/;
/** `单价4250元`, `，采购单价为…`: the price of each piece. */
const UNIT_PRICE = /^[，,、]?\s*(?:采购|平均)?单价(?:为|是)?$/;
/** The units things bought by the piece are counted in. */
const PIECES = /^(?:台|套|件|个|辆|顶|床|张|艘|架|株|本|册)$/;
/** The units a count of each thing is stated in. */
// (Villages are counted in 个: `21个行政村，每村4万元`, `3个村…，每村6万元`.)
// (Attendances are people too, `以工代训1850人次，按每人每月500元、3个月给予补贴`; and posts each held by one, `开发乡村公益性岗位520个，…
// 岗位补贴每人每月500元`.)
const COUNTED: Record<string, RegExp> = { 人: /^(?:人|名|人次|个)$/, 生: /^(?:人|名)$/, 名: /^(?:人|名)$/, 人次: /^人次$/, 次: /^(?:次|人次)$/, 村: /^(?:个|村)$/ };
/** What makes a count another than the one paid for: a change, last year's, a plan. */
// (Nor a count per thing, `每个网格配备专职网格员1名`: the people are 64 grids' worth.)
// (`计划生育` is no plan.)
// (A part a 其中 singles out is paid for when the standard follows it: `全年组织职业培训1300人次，其中就业技能培训980人次，每人次补贴
// 1500元，计147.00万元`.)
const NOT_PAID = /上年|去年|同期|预算|计划(?!生育)|增加|减少|增长|下降|比|较|每/;
/** The amount the product comes to: `计214.80万元`, `共计…`, `全年644.16万元`, `发放补贴…`. */
// (`共分配后期扶持资金15,325.02万元`, `全年1,286.16万元`, `计37.39万元`.)
// (`…资助9860人，资金138.04万元`: the clause's money named nothing but `资金`.)
// (`以在校学生1896人为基数核拨学校生均公用经费136.51万元`, `在校生24863人核拨2983.56万元`: allocated.)
const PRODUCT_LEAD = /共|计|全年|累计|分配|发放|下达|拨付|核拨|兑付|^[，,]?\s*(?:(?:补助|补贴)?资金|支出)$/;
/** Paying words before the count paid for. */
const PAYING = /拨付|发放|下达|核拨|兑付|补助$|资助$/;
/** A connective that names nothing of the amount. */
const CONNECTIVE = /^[，,]?\s*(?:共计|合计|总计|累计|计|共|全年)(?:为)?$/;

export function productClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    for (const standard of tokens) {
      if (standard.role !== 'other' || !isMoney(standard.token.unit) || standard.token.value.isZero()) continue;
      const m = STANDARD.exec(standard.lead.replace(/\s+/g, ''));
      // (`帐篷120顶，单价4250元，计51.00万元`: a price per piece.)
      const price = !m && UNIT_PRICE.test(standard.lead);
      if (!m && !price) continue;
      // (The count, the standard and the amount in one `；`-clause: `…；初中寄宿生1,736人，每生每年1250元，计217.00万元`.)
      const { of } = clausesOf(tokens);
      const clause = tokens.filter((t) => of[t.index] === of[standard.index]);
      const thing = price ? '件' : m![1] ?? '人';
      const units = price ? PIECES : COUNTED[thing] ?? new RegExp(`^${thing}$`);
      // (A count in 个 counts villages only when it says so: `21个行政村`.)
      const ofVillages = (t: ProseToken) => thing !== '村' || t.token.unitText === '村' || /^[^，,。；;、\d]{0,3}村/.test(t.sentence.text.slice((t.token.unitSpan?.end ?? t.token.span.end) - t.sentence.span.start));
      const paidFor = (t: ProseToken) => t.role === 'count' && units.test(t.token.unitText) && (t.token.unitText !== '个' || thing === '村' || price || /岗位$/.test(t.subject)) && ofVillages(t) && t.depth <= standard.depth && t.token.decimals === 0 && !t.token.value.isZero() && !NOT_PAID.test(t.lead);
      const money = (t: ProseToken) => t.role === 'amount' && isMoney(t.token.unit) && t.depth <= standard.depth;
      // (A standard in a bracket after an amount is that amount's: `发放丧葬补助费23.00万元（每人5000元），发放一次性抚恤金186.42万元`.)
      const bracketed = standard.depth > 0 ? [...clause].reverse().find((t) => t.index < standard.index && t.depth < standard.depth && t.role === 'amount' && isMoney(t.token.unit)) : undefined;
      const after = bracketed ? undefined : clause.find((t) => t.index > standard.index && money(t));
      // (The count between the standard and the amount: `按每人每年140元定额资助，资助9860人，资金138.04万元`, `按每户每年12600元的标准，为
      // 168户义务兵家庭发放资金211.68万元`; else the last before the standard.)
      // (In a bracket, the bracket's own count: `23.04万元（10人×每人每月1920元×12个月），…36.12万元（35人×…）`.)
      const inBracket = (t: ProseToken) => !bracketed || (t.depth === standard.depth && tokens.slice(Math.min(t.index, standard.index), Math.max(t.index, standard.index)).every((x) => x.depth >= standard.depth));
      // (Else the count before the amount the bracket follows: `为46名去世退休人员发放丧葬补助费23.00万元（每人5000元）`.)
      const count =
        clause.find((t) => t.index > standard.index && (!after || t.index < after.index) && paidFor(t) && inBracket(t)) ??
        nearestBefore(clause, standard.index, (t) => paidFor(t) && inBracket(t), (t) => t.role === 'count' && t.token.unitText === '个' && thing === '人') ??
        (bracketed ? [...clause].reverse().find((t) => t.index < bracketed.index && paidFor(t) && t.depth <= bracketed.depth) : undefined);
      // (The amount after the standard, or, stated first, the clause's amount before the count: `城镇公益性岗位补贴144.48万元，全年安置就业困难
      // 人员86人，每人每月1,400元`.)
      // (The verb may stand before the count: `按每村每年12.00万元的标准拨付3个行政村村干部基本报酬36.00万元`.)
      const paidAfter = after && (PRODUCT_LEAD.test(after.lead) || (count !== undefined && count.index > standard.index && count.index < after.index && PAYING.test(count.lead)));
      // (A price's amount only after it: `…购置费112.60万元，…其中：警用越野巡逻车3辆，单价18.60万元；` states no product.)
      const amount = bracketed ?? (after ? (paidAfter ? after : undefined) : count && count.index < standard.index && !price ? [...clause].reverse().find((t) => t.index < count.index && money(t)) : undefined);
      if (!count || !amount || count.approx || amount.approx || standard.approx) continue;
      // (Two standards for one amount, `C级危房加固15户、每户补助10,000元，D级…12户、每户补助30,000元，共支出51.00万元`, are not checked.)
      const last = Math.max(standard.index, amount.index);
      // (A bracket scopes its own: `23.04万元（10人×每人每月1920元×12个月），…36.12万元（35人×每人每月860元×12个月）`.)
      if (!bracketed && clause.some((t) => t !== standard && t.index <= last && t.role === 'other' && STANDARD.test(t.lead.replace(/\s+/g, '')))) continue;
      // (Per month, paid over the year: `每人每月200元，全年644.16万元`; months not said, no product.)
      const monthly = m?.[2] === '月';
      // (Months stated, `见习补贴每人每月1650元，见习期6个月`, `按每人每月2200元、10个月计发`; else the year's, `全年`.)
      // (In words or full width too, the one after the standard first: `（420人，…全年１２个月）和…补助54.00万元（三十六名儿童，每人每月
      // １５００元，训练十个月）`.)
      const clauseFrom = clause.length > 0 ? clause[0].token.span.start - standard.sentence.span.start - clause[0].lead.length : 0;
      const stated = clause.length > 0 ? monthsStated(standard.sentence.text.slice(clauseFrom, (clause.at(-1)!.token.unitSpan ?? clause.at(-1)!.token.span).end - standard.sentence.span.start + 8), standard.token.span.end - standard.sentence.span.start - clauseFrom) : undefined;
      // (Attendances counted over a year may be person-months already, `每人每月300元，全年发放120人次，共计3.6万元`: only with the months
      // stated is the product clear.)
      if (monthly && count.token.unitText === '人次' && !stated) continue;
      const [from, to] = [Math.min(amount.token.span.end, count.token.span.start, standard.token.span.end), Math.max(amount.token.span.start, standard.token.span.end, count.token.span.end)];
      if (monthly && !stated && !/全年|12个月|十二个月/.test(amount.lead + standard.sentence.text.slice(from - standard.sentence.span.start, to - standard.sentence.span.start))) continue;
      // (`计214.80万元`: a connective names nothing; the amount is the clause's money.)
      const name = CONNECTIVE.test(amount.subject) || amount.subject === '' ? '金额' : amount.subject;
      // (A count after the paying words is named by the noun after it: `拨付3个行政村`.)
      const noun = PAYING.test(count.lead) ? /^.{0,4}?(?:村|社区|户|人|站|所|馆|校)/.exec(countedNoun(count))?.[0] : undefined;
      const counted = asExact(operand(count.token, noun || count.subject || count.lead.replace(/[，,、\s]/g, '')));
      const months = monthly ? stated ?? 12 : 1;
      sink.add<AverageClaim>({
        kind: 'average',
        origin: 'prose',
        identity: 'prose.product',
        description: price ? l(`${name} = ${counted.label} × 单价`, `${name} = ${counted.label} × the unit price`) : l(`${name} = ${counted.label}${monthly ? ` × ${months}个月` : ''} × 每${thing}标准`, `${name} = ${counted.label}${monthly ? ` × ${months} months` : ''} × the standard per ${thing}`),
        span: amount.token.span,
        amount: operand(amount.token, name),
        count: counted,
        // (A standard is set, not rounded: `1000元` is 1000 exactly.)
        stated: asExact(operand(standard.token, price ? '单价' : `每${thing}${monthly ? '每月' : ''}标准`)),
        standard: { months },
      });
    }
  }
}

/**
 * The last token before `index` that `accept` takes, passing over others, but not past one that `blocks` (a nearer count of the
 * kind of things paid for, `其中：托底安置类96个，按每人每月2200元…`, leaves the whole's count before it out).
 */
function nearestBefore(clause: ProseToken[], index: number, accept: (t: ProseToken) => boolean, blocks: (t: ProseToken) => boolean): ProseToken | undefined {
  for (let k = clause.length - 1; k >= 0; k--) {
    const t = clause[k];
    if (t.index >= index) continue;
    if (accept(t)) return t;
    if (blocks(t)) return undefined;
  }
  return undefined;
}

/** `6个月`, `１２个月`, `十个月`: the months a clause states, the first after `at` (the standard) if any, else the first. */
function monthsStated(text: string, at: number): number | undefined {
  const found = [...text.matchAll(/([0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})\s*个月/g)];
  const month = found.find((m) => m.index! >= at) ?? found[0];
  if (!month) return undefined;
  const words = month[1].replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace('两', '二');
  return ordinalOf(words);
}
