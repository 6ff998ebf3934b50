// A stock carried through the year in one sentence: `年初公务用车保有量8辆，本年新购置2辆、报废更新1辆，年末公务用车保有量9辆`,
// `车辆年初14辆，本年新增1辆，报废处置2辆，年末13辆` — what the year ended with is what it began with, plus what came in, less what
// went out.
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';
import { isMoney } from '../../arith/interval';
import { NON_FISCAL_LABEL } from '../../text/sources';

const OPENING = /年初/;
/** What is held now: `共有车辆`, `实有`, `保有量`. */
const HELD = /共有|现有|实有|保有|年末/;
const CLOSING = /年末|期末/;
const IN = /新增|新购置?|购置|购入|增加|转入|调入|划入|新建|接收/;
const OUT = /报废|处置|减少|转出|调出|划出|核销|拍卖|出售|移交|转固/;
// Money carried through the year: what came in is income (and the reserve drawn on), what went out spending.
const MONEY_IN = /收入|使用[^，,。；;]{0,10}结余|弥补/;
const MONEY_OUT = /支出|提取|缴纳|结余分配|上缴/;
/**
 * Money carried through the year in a sentence about one item (`- 资助国产影片放映（项）：年初结转18.50万元，本年收入32.00万元，本年支出
 * 41.20万元，年末结转9.30万元`) or about the money other than 财政拨款 (`非财政拨款资金方面，年初结转和结余…`). (A department's own
 * balances move by terms a sentence may leave out, 结余分配 and the reserve drawn on; a fund's are fund-roll's.)
 */
const ITEM_OR_OTHER_MONEY = /^\s*(?:[-*+•·]\s+|\d{1,2}[.、．]\s*|[（(][一二三四五六七八九十\d]{1,3}[)）]\s*)?[^。；;：:，,\d]{0,60}[（(](?:项|款)[)）][：:]/;

export function stockFlowClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  let previous: ProseToken[] = [];
  for (const tokens of analysis.bySentence.values()) {
    const before = previous[0]?.sentence.paragraph === tokens[0]?.sentence.paragraph ? previous : [];
    previous = tokens;
    // (A fund's or an asset's money through the year, in its own words.)
    if (fundFlow(model, tokens, sink)) continue;
    const start = tokens.findIndex((t) => t.depth === 0 && (t.role === 'count' || t.role === 'amount') && OPENING.test(t.lead) && !CLOSING.test(t.lead));
    if (start < 0) continue;
    const opening = tokens[start];
    const money = isMoney(opening.token.unit);
    if (money && !ITEM_OR_OTHER_MONEY.test(opening.sentence.text) && !NON_FISCAL_LABEL.test(opening.sentence.text)) continue;
    // (`年中追加…980.00万元，加上年初结转和结余150.00万元，全年支出决算…`: money before the opening balance is a term of the flow too.)
    if (money && tokens.slice(0, start).some((t) => t.depth === 0 && isMoney(t.token.unit))) continue;
    const flows: Array<{ token: ProseToken; sign: 1 | -1 }> = [];
    let closing: ProseToken | undefined;
    for (let i = start + 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.depth > 0) continue;
      // (Only figures in the opening's unit: `…净值1563.20万元，…3台（套）` ends the chain.)
      if (t.token.unit !== opening.token.unit || t.token.unitText !== opening.token.unitText) break;
      if (CLOSING.test(t.lead)) {
        closing = t;
        break;
      }
      const out = money ? MONEY_OUT.test(t.lead) : OUT.test(t.lead);
      if (!out && !(money ? MONEY_IN : IN).test(t.lead)) break;
      flows.push({ token: t, sign: out ? -1 : 1 });
    }
    // (Or stated first, the flows explaining it: `本部门共有车辆5辆…较年初5辆，本年新增应急保障用车1辆，报废处置其他用车1辆`.)
    // (Or in the sentence before: `…共有车辆3辆，其中：…。年初车辆4辆，本年…上交处置一般公务用车1辆。`)
    closing ??= money ? undefined : [...before, ...tokens.slice(0, start)].reverse().find((t) => t.depth === 0 && t.token.unit === opening.token.unit && t.token.unitText === opening.token.unitText && HELD.test(t.lead));
    if (!closing || flows.length === 0) continue;
    addFlow(sink, opening, flows, closing);
  }
}

type Flow = { token: ProseToken; sign: 1 | -1 };

function addFlow(sink: ClaimSink, opening: ProseToken, flows: Flow[], closing: ProseToken): void {
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.stock-flow',
    description: l('年末数 = 年初数 + 本年增加 − 本年减少', 'the year-end figure = the opening one + what came in − what went out'),
    span: closing.token.span,
    total: operand(closing.token, '年末数'),
    parts: [operand(opening.token, '年初数'), ...flows.map((f) => operand(f.token.token, f.token.lead.replace(/^[，,、；;\s]+/, '') || (f.sign > 0 ? '增加' : '减少')))],
    signs: [1, ...flows.map((f) => f.sign)],
    exhaustive: true,
  });
}

/** How far before its opening figure a fund's name is looked for. */
const FUND_NAME_REACH = 300;
/** A fund or asset named in the paragraph up to the figures: `事业基金`, `提取学生资助资金`, `固定资产原值`, `累计折旧`. */
const FUND_NAMED = /(?<!政府性)基金(?!预算)|提取[^，,。；;]{0,12}资金|资产|原值|折旧/;
const FUND_OPENING = /年初|上年(?:结余|结转)/;
// A fund's own words for what came in and went out: drawn into it (提取, 转入) or spent from it (使用, 发放, 弥补).
const FUND_IN = /提取|计提|转入|划入|拨入|调入|增加|新增|购置|购入|收到|加/;
const FUND_OUT = /使用|用于|发放|资助|支出|弥补|减少|转出|调出|划出|报废|处置|转销|支付|核销|冲减|上缴/;
/** The way the first verb of a flow's words moves the fund: `提取学生资助资金` comes in (资助 names what it is for). */
function fundSign(lead: string): 1 | -1 | undefined {
  const into = FUND_IN.exec(lead)?.index ?? Infinity;
  const out = FUND_OUT.exec(lead)?.index ?? Infinity;
  return into === out ? undefined : into < out ? 1 : -1;
}

/** `本年转入经营结余31.90万元、其他结余412.36万元`: a figure joined to the one before moves the same way. */
const JOINED = /^[、和及与]/;

/**
 * A fund's balance (or an asset's value) carried through the year in one sentence (`事业基金年初余额1208.35万元，本年使用事业基金弥补收支差额300.00万元，
 * 转入经营结余22.55万元，年末余额930.90万元`; `按学费收入的5%提取…181.20万元，加年初余额36.48万元，本年发放…198.20万元，年末余额
 * 19.48万元`). Every money figure of the sentence must be the opening, a flow or the closing: anything else (a breakdown, a figure
 * of another kind) leaves the flow unread. True when the flow was read.
 */
function fundFlow(model: DocumentModel, tokens: ProseToken[], sink: ClaimSink): boolean {
  const money = tokens.filter((t) => t.depth === 0 && isMoney(t.token.unit));
  const openingAt = money.findIndex((t) => FUND_OPENING.test(t.lead) && !CLOSING.test(t.lead));
  if (openingAt < 0 || money.length < 3) return false;
  const opening = money[openingAt];
  // (The figures after the closing one compare it: `年末资产总额5371.56万元，比年初增加143.77万元`.)
  const closingAt = money.findIndex((t, i) => i > openingAt && CLOSING.test(t.lead));
  const closing = money[closingAt];
  if (!closing || closing.token.unit !== opening.token.unit) return false;
  // (The fund named near before its figures, in their paragraph: a walk that stays bounded in a long one.)
  const paragraph = model.paragraphs[opening.sentence.paragraph];
  if (!paragraph || !FUND_NAMED.test(model.text.slice(Math.max(paragraph.span.start, opening.token.span.start - FUND_NAME_REACH), opening.token.span.start))) return false;
  const flows: Flow[] = [];
  for (const t of money.slice(0, closingAt)) {
    if (t === opening) continue;
    if (t.token.unit !== opening.token.unit || FUND_OPENING.test(t.lead) || CLOSING.test(t.lead)) return false;
    const sign = fundSign(t.lead) ?? (JOINED.test(t.lead) ? flows.at(-1)?.sign : undefined);
    if (sign === undefined) return false;
    flows.push({ token: t, sign });
  }
  if (flows.length === 0) return false;
  addFlow(sink, opening, flows, closing);
  return true;
}
