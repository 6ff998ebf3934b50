// T09.3 in the prose (prose.md §6, soft): the 三公 paragraphs state counts beside the money, and the two
// must agree (counts-and-money.ts): `因公出国（境）费8.72万元，…团组0个` spent on trips no group made;
// `公务用车运行维护费7.93万元，年末公务用车保有量0辆` ran no car.
import { operand } from '../../arith/interval';
import { asExact } from '../../arith/operand';
import { l } from '../../messages';
import type { FactClaim, LeClaim } from '../../types';
import { COUNT_LINKS, countAgainstMoney, type CountLink } from '../counts-and-money';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

interface Link extends CountLink {
  money: RegExp;
  count: (t: ProseToken) => boolean;
  /** The name of the count itself (`购置数`), preferred to the counts of things the paragraph tells of. */
  named?: RegExp;
}

const words = (t: ProseToken) => t.lead + t.subject;

const LINKS: Link[] = [
  { money: /因公出国/, count: (t) => /团组/.test(words(t)) && /^(?:个|批|批次)$/.test(t.token.unitText), ...COUNT_LINKS.trips },
  { money: /购置费|公务用车购置(?!及)/, count: (t) => t.token.unitText === '辆' && /购置|购买|新购|更新/.test(t.lead) && !/保有/.test(t.lead), named: /^(?:公务用车|车辆)?购置(?:车辆)?(?:数量?|总数)$/, ...COUNT_LINKS.purchases },
  { money: /运行(?:维护|维修)?费/, count: (t) => t.token.unitText === '辆' && /保有/.test(t.lead), ...COUNT_LINKS.running },
  { money: /公务接待/, count: (t) => /^(?:批|批次)$/.test(t.token.unitText) && /接待/.test(words(t)) && !/国外|外事|外宾|境外|国[（(]境[)）]外/.test(t.lead), ...COUNT_LINKS.hospitality },
];

/** `团组38个，累计15人次`, `接待96批次、731人次`: the groups (batches) and the person-times right after them. */
const GROUPS = /团组|批次?$|接待/;
const PERSON_TIMES_LEAD = /^[、，,]?\s*(?:累计|共计?|计|合计)?$/;

/** Each group or batch has someone in it: the person-times are at least the groups stated right before them. */
function groupsAgainstPeople(tokens: ProseToken[], sink: ClaimSink): void {
  for (let k = 1; k < tokens.length; k++) {
    const [groups, people] = [tokens[k - 1], tokens[k]];
    if (groups.role !== 'count' || people.role !== 'count' || people.token.unitText !== '人次' || !PERSON_TIMES_LEAD.test(people.lead)) continue;
    if (!/^(?:个|批|批次)$/.test(groups.token.unitText) || !GROUPS.test(groups.subject + groups.lead + groups.token.unitText)) continue;
    const unit = groups.token.unitText === '个' ? '团组' : '批次';
    sink.add<LeClaim>({
      kind: 'le',
      origin: 'prose',
      identity: 'prose.groups-people',
      description: l(`${unit}数不大于人次`, `the ${unit === '团组' ? 'groups' : 'batches'} are at most the person-times`),
      span: groups.token.span,
      part: asExact(operand(groups.token, `${unit}数`)),
      whole: asExact(operand(people.token, '人次')),
      message: l(`${unit}数 ${groups.token.raw} 大于人次 ${people.token.raw}：每个${unit}至少一人`, `${groups.token.raw} ${unit === '团组' ? 'groups' : 'batches'} exceed ${people.token.raw} person-times: each has at least one person`),
    });
  }
}

export function sangongCountClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) groupsAgainstPeople(tokens, sink);
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
  // (Not last year's, told as a change's reason: `比上年减少24.80万元，主要是上年更新应急保障用车1辆`.)
  const matching = tokens.filter((t) => t.role === 'count' && t.year === undefined && link.count(t) && !/上年|去年/.test(t.lead));
  // (A count the paragraph names as the figure itself, `购置数0辆`, over one of the things it tells of, `报废更新路政执法车1辆`.)
  const named = link.named ? matching.filter((t) => link.named!.test(t.subject)) : [];
  const counts = named.length > 0 ? named : matching;
  if (!money || counts.length === 0) return;
  // `共安排因公出国（境）团组0个，累计1人次`: someone travelled with a group another body sent.
  if (link.money.source === '因公出国' && tokens.some((t) => t.role === 'count' && t.token.unitText === '人次' && !t.token.zero)) return;
  // Several counts (国内 and 外事, two dates): the largest says whether any was made.
  const most = counts.reduce((a, b) => (b.token.value.gt(a.token.value) ? b : a));
  const count = asExact(operand(most.token, most.subject || most.lead));
  const spent = operand(money.token, money.subject);
  const relation = countAgainstMoney(spent, count, link.both);
  if (relation) sink.add<LeClaim>({ kind: 'le', origin: 'prose', identity: 'prose.T09.3', description: l(`${link.zh}一致`, `${link.en} agree`), span: most.token.span, ...relation, soft: true });
}

/** The department's cars in all (`本部门共有车辆3辆`, `车辆总数`), and the 公务用车 kept (`公务用车保有量为4辆`). */
const FLEET = /(?:共有|现有|拥有|实有)车辆|车辆(?:总数|总计|合计)$/;
const KEPT = /保有量?$/;

/**
 * `公务用车保有量为4辆` against `截至…本部门共有车辆3辆`: the 三公 cars kept are some of the department's cars (soft: a report may
 * count its cars for the 机关 alone).
 */
export function fleetClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  const cars = (t: ProseToken) => t.role === 'count' && t.token.unitText === '辆' && t.year === undefined;
  keptStatedAgain(analysis, cars, sink);
  const fleet = analysis.tokens.find((t) => cars(t) && t.ownSubject && FLEET.test(t.subject));
  if (!fleet) return;
  for (const t of analysis.tokens) {
    // (Not last year's or the year's opening count: `上年末公务用车保有量25辆，本年报废处置2辆，年末保有量23辆`.)
    if (!cars(t) || !KEPT.test(t.subject) || !/公务用车|车辆/.test(t.subject) || OTHER_DATE.test(t.lead)) continue;
    sink.add<LeClaim>({
      kind: 'le',
      origin: 'prose',
      identity: 'prose.fleet',
      description: l('公务用车保有量不超过共有车辆数', 'the cars kept do not exceed the cars in all'),
      span: t.token.span,
      part: asExact(operand(t.token, t.subject)),
      whole: asExact(operand(fleet.token, fleet.subject)),
      soft: true,
    });
  }
}

const OTHER_DATE = /上年|去年|年初|期初/;

/** The 公务用车 the 财政拨款 keeps: `使用财政拨款开支的公务用车保有量为23辆`, `车辆中使用财政拨款开支运行维护费的公务用车13辆`. */
const KEPT_BY_FUNDS = /(?:使用)?财政拨款(?:开支|安排|负担)(?:运行维护费)?的公务用车(?:保有量?)?$/;
/** Another date's or a unit's fleet: `年初公务用车保有量`, `局机关公务用车保有量`. */
const OTHER_FLEET = /年初|期初|上年|以前|其中|本级|机关|所属|下属|中心|单位|分局|大队|派出所/;

/**
 * `…公务用车保有量为23辆` in the 三公 section and `车辆中使用财政拨款开支运行维护费的公务用车13辆` in the assets: the cars the
 * 财政拨款 keeps at the year's end, one count stated twice.
 */
function keptStatedAgain(analysis: ProseAnalysis, cars: (t: ProseToken) => boolean, sink: ClaimSink): void {
  let first: ProseToken | undefined;
  for (const t of analysis.tokens) {
    if (!cars(t) || !t.ownSubject || OTHER_FLEET.test(t.subject) || !(KEPT_BY_FUNDS.test(t.subject) || /^(?:本部门)?公务用车保有量?$/.test(t.subject))) continue;
    if (!first) {
      first = t;
      continue;
    }
    sink.add<FactClaim>({
      kind: 'fact',
      origin: 'prose',
      identity: 'prose.fact',
      description: l('公务用车保有量两处表述', 'the 公务用车 kept, stated twice'),
      span: t.token.span,
      key: 'kept-cars',
      a: asExact(operand(first.token, first.subject)),
      b: asExact(operand(t.token, t.subject)),
      looseMatch: false,
    });
  }
}
