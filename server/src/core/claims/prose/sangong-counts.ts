// T09.3 in the prose (prose.md §6, soft): the 三公 paragraphs state counts beside the money, and the two
// must agree: `因公出国（境）费8.72万元，…团组0个` spent on trips no group made; `公务用车运行维护费7.93万元，
// 年末公务用车保有量0辆` ran no car. The counts are exact; only money beyond its rounding counts as spent.
import { exact, operand } from '../../arith/interval';
import { asExact, withChanges } from '../../arith/operand';
import { l } from '../../messages';
import type { LeClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

interface Link {
  money: RegExp;
  count: (t: ProseToken) => boolean;
  /** Counts without money are also wrong (not for cars held: a car may stand idle). */
  both: boolean;
  zh: string;
  en: string;
}

const words = (t: ProseToken) => t.lead + t.subject;

const LINKS: Link[] = [
  { money: /因公出国/, count: (t) => /团组/.test(words(t)) && /^(?:个|批|批次)$/.test(t.token.unitText), both: true, zh: '因公出国（境）费用与团组数', en: 'overseas trips: spending and groups' },
  { money: /购置费|公务用车购置(?!及)/, count: (t) => t.token.unitText === '辆' && /购置|购买|新购|更新/.test(t.lead) && !/保有/.test(t.lead), both: true, zh: '公务用车购置费与购置数', en: 'car purchases: spending and cars bought' },
  { money: /运行(?:维护|维修)?费/, count: (t) => t.token.unitText === '辆' && /保有/.test(t.lead), both: false, zh: '公务用车运行维护费与保有量', en: 'car running costs and cars held' },
  { money: /公务接待/, count: (t) => /^(?:批|批次)$/.test(t.token.unitText) && /接待/.test(words(t)) && !/国内|国外|外事|外宾|境外/.test(t.lead), both: true, zh: '公务接待费与接待批次', en: 'hospitality: spending and receptions' },
];

export function sangongCountClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  // Paragraph by paragraph: the counts of a 三公 part are stated beside its money.
  let paragraph: ProseToken[] = [];
  const flush = () => {
    if (paragraph.some((t) => t.role === 'count')) for (const link of LINKS) check(link, paragraph, sink);
    paragraph = [];
  };
  for (const t of analysis.tokens) {
    if (paragraph.length > 0 && paragraph[0].sentence.paragraph !== t.sentence.paragraph) flush();
    paragraph.push(t);
  }
  flush();
}

function check(link: Link, tokens: ProseToken[], sink: ClaimSink): void {
  // This year's spending of the part itself (`公务用车购置及运行维护费` is the sum, not a part).
  const money = tokens.find((t) => t.role === 'amount' && t.year === undefined && link.money.test(t.subject) && !/购置及运行|购置和运行/.test(t.subject));
  const counts = tokens.filter((t) => t.role === 'count' && t.year === undefined && link.count(t));
  if (!money || counts.length === 0) return;
  // Several counts (国内 and 外事, two dates): the largest says whether any was made.
  const most = counts.reduce((a, b) => (b.token.value.gt(a.token.value) ? b : a));
  const count = asExact(operand(most.token, most.subject || most.lead));
  const spent = operand(money.token, money.subject);
  const description = l(`${link.zh}一致`, `${link.en} agree`);
  if (spent.value.gt(spent.halfUlp)) {
    const least = withChanges(exact(1, `${spent.label} ${spent.text ?? ''} > 0 所需的最少数量`, spent.span), { text: '1' });
    sink.add<LeClaim>({ kind: 'le', origin: 'prose', identity: 'prose.T09.3', description, span: most.token.span, part: least, whole: count, soft: true });
  } else if (link.both && count.value.gt(0)) {
    sink.add<LeClaim>({ kind: 'le', origin: 'prose', identity: 'prose.T09.3', description, span: most.token.span, part: count, whole: withChanges(spent, { label: `${spent.label}（无支出时应为 0）` }), soft: true });
  }
}
