// A count of bodies the report then names one by one: `局机关内设职能股室10个，分别为：办公室、…`, `内设5个科室：…`, `下设派出机构7个：…`,
// `在4个乡镇设有水利管理站（兴桥水管站、…）`. The names are the count's parts, each one (unit-count.ts does the same for the units of
// the accounts).
import { exactCount, operand } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { namesOf } from './sums';

/** The words after the count that open the names: the counted noun, then `，分别为：`, `：` or a bracket. */
const OPENING = /^([\u4e00-\u9fff]{0,10}?)(?:[，,]\s*(?:分别为|分别是|即|具体为|具体是|具体包括|包括)[：:]?|[：:]|[（(])/;
/** Bodies an organisation counts: its offices, units, stations. */
const BODIES = /科室|股室|处室|机构|单位|站|所|中心|部门|队|院|校|馆|乡镇|街道|社区/;
/** Counts the units of the accounts: unit-count.ts's. */
const OF_THE_ACCOUNTS = /编制范围|独立核算|决算单位|汇总/;
/** The count is of bodies beside another: `局机关和所属4个`, `本级及下属`. */
const BESIDE_ANOTHER = /(?:和|及|与|以及)(?:其)?(?:所属|下属|直属)?$/;
/** How far the names may run (an enumeration of a few dozen bodies at most). */
const MAX_NAMES_SPAN = 600;
/** A kind of body rather than one: `城乡中小学`, `幼儿园`, `各乡镇卫生院`, `其他事业单位`. */
// (Or of a place: `31个省（自治区、直辖市）`, `省（区、市）` name the kinds counted with 省, no places.)
const KIND_OF_BODY = /^(?:城乡|各|全[县市区镇乡]|其他|其余|所属|下属|各类)|^(?:中小学|幼儿园|卫生院|学校|小学|中学|单位|自治区|直辖市|区|市|县|旗|自治州|自治县|计划单列市)$|及/;

/** Another count of the same list before this one in its sentence: `其中：行政单位1个，`. */
const SIBLING_COUNT_BEFORE = /(?:其中|包括)[：:，,]?[^。；;]*?\d+\s*个[^。；;\d]*$/;

/** A line break the names run across, with the indentation of the next line: not one before a blank line, an item or a heading. */
const WRAP = /\r?\n(?![ \t\u3000]*(?:\r?\n|$|[（(]?[一二三四五六七八九十\d０-９]+[)）、.．]|#|[-*•]))[ \t\u3000]*/g;

/** A kind of place with its variants in a bracket, `县（区）`, `县（市、区）`: one word before the names. */
const PLACE_KIND = /^([\u4e00-\u9fff]{1,4})[（(][\u4e00-\u9fff、]{1,6}[)）](?=[，,：:])/;
/** Places a report pays money to one by one: `下达至4个县（区），分别为清水县138.50万元、…`, `涉及6个乡镇：大阁镇6.00万元，…`. */
const PLACES = /[县区市旗]$|乡镇|街道|社区/;
/** One place or body with its money in a list of figures: `清水县138.50万元`, `大阁镇6.00万元`. */
const FIGURE_ITEM = /^\s*([\u4e00-\u9fff]{2,16})\s*[0-9０-９][0-9０-９,，.．]*\s*(?:万元|元|亿元)$/;

export function namedCountClaims(model: DocumentModel, sink: ClaimSink): void {
  const text = model.text;
  for (const n of model.numbers) {
    if (n.unit !== 'count' || n.cell || !/^(?:个|家|所)$/.test(n.unitText) || n.decimals > 0 || n.value.lt(2) || n.value.gt(60)) continue;
    const end = n.unitSpan?.end ?? n.span.end;
    const after = text.slice(end, end + 24);
    const kind = PLACE_KIND.exec(after);
    const opening = OPENING.exec(kind ? kind[1] + after.slice(kind[0].length) : after);
    if (!opening) {
      namesBefore(text, n, end, sink);
      continue;
    }
    const before = text.slice(Math.max(0, n.span.start - 12), n.span.start);
    // (`单位共3个，其中：行政单位1个，事业单位2个，分别为A（本级）、B、C`: names after the last of several counts are all of theirs.)
    if (SIBLING_COUNT_BEFORE.test(text.slice(Math.max(0, n.span.start - 60), n.span.start))) continue;
    const from = end + opening[0].length + (kind ? kind[0].length - kind[1].length : 0);
    if ((kind || PLACES.test(opening[1])) && !/[（(]$/.test(opening[0]) && figureList(text, n, from, kind?.[0] ?? opening[1], sink)) continue;
    // (`由局机关和所属4个事业单位组成，具体为：` names the body itself besides the four.)
    if (!BODIES.test(before + opening[1]) || OF_THE_ACCOUNTS.test(before) || BESIDE_ANOTHER.test(before) || /组成|构成/.test(opening[1])) continue;
    const bracketed = /[（(]$/.test(opening[0]);
    // (A PDF's wrap, `…、水资源管理股、建` / `设与运行管理股、…`, is blanked: the names go on past it, and a line break left ends them.)
    const stop = bracketed ? /[）)]/ : /[。；;\n]/;
    const rest = text.slice(from, from + MAX_NAMES_SPAN).replace(WRAP, (m) => ' '.repeat(m.length));
    // (`支队机关科室9个（含车辆管理所、事故处理科）`: a bracket naming some of them, not all.)
    if (bracketed && /^\s*(?:含|包含|包括|其中)/.test(rest)) continue;
    const close = rest.search(stop);
    if (close < 0) continue;
    // (The names run with `、` up to the clause's end: `…、殡葬管理所，均为事业单位` goes on about them.)
    const enumeration = rest.slice(0, close).split(/[，,]/)[0];
    // (Names only: figures, `等`, `主要` or `如下` say the list is something else or not all of it; so does a closing `…、铁山等大型灌区
    // 管理单位`.)
    if (/[0-9０-９]|等[\u4e00-\u9fff]{0,16}$|等、|主要|如下/.test(enumeration) || !enumeration.includes('、')) continue;
    const names = namesOf(bracketed ? enumeration : enumeration.replace(/[（(][^（）()]*[)）]/g, ''));
    // (Nor a list ending in kinds, `包括县第一中学、县职业中专及城乡中小学、幼儿园`: examples and the kinds of the rest.)
    if (names.length < 2 || names.some((name) => name.length > 24 || KIND_OF_BODY.test(name))) continue;
    namedCount(sink, n, `${opening[1] || (/[\u4e00-\u9fff]+$/.exec(before)?.[0] ?? '')}个数`, names);
  }
}

/**
 * The places named with their money after a count of places, to the clause's end: `涉及6个乡镇：大阁镇6.00万元，土城镇5.50万元，…`
 * counts six names (the money's sum is sum-mismatch's). False when the list is not one of figures.
 */
function figureList(text: string, n: DocumentModel['numbers'][number], from: number, counted: string, sink: ClaimSink): boolean {
  const rest = text.slice(from, from + MAX_NAMES_SPAN);
  const close = rest.search(/[。；;\n]/);
  if (close < 0) return false;
  // (Split at `、` and at a comma before a name, not at one inside a figure, `1，234.56`.)
  const items = rest.slice(0, close).split(/、|[，,](?=\s*[\u4e00-\u9fff])/).map((item) => FIGURE_ITEM.exec(item)?.[1]);
  if (items.length < 2 || items.some((name) => name === undefined || KIND_OF_BODY.test(name) || /其他|其余|本级/.test(name))) return false;
  namedCount(sink, n, `${counted}个数`, items as string[]);
  return true;
}

function namedCount(sink: ClaimSink, n: DocumentModel['numbers'][number], label: string, names: string[]): void {
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.named-count',
    description: l(`个数 = 列出的名称（${names.length}个）`, `the count = the names listed (${names.length})`),
    span: n.span,
    total: operand(n, label),
    parts: names.map((name) => exactCount(1, name)),
    exhaustive: true,
    id: -1,
  });
}

/** The names before the count in its clause, `机关内设综合科、提案委员会办公室、…共3个职能机构`, after the verb that sets them up. */
const NAMES_BEFORE = /(?:内设|下设|设有|设置|包括|包含)([^，,。；;：:\d]{2,300}?)共$/;
/** The bodies counted right after the count's unit. */
const COUNTED_BODIES = /^[\u4e00-\u9fff]{0,4}(?:科室|股室|处室|部室|机构|单位|部门|中心)/;

function namesBefore(text: string, n: DocumentModel['numbers'][number], end: number, sink: ClaimSink): void {
  const counted = COUNTED_BODIES.exec(text.slice(end, end + 10));
  if (!counted) return;
  const from = Math.max(0, n.span.start - MAX_NAMES_SPAN);
  const clause = text.slice(from, n.span.start);
  let start = afterLastBreak(clause, clause.length);
  // (`内设综合科、…、信息统计科，共5个科室`: the names in the clause before `，共`.)
  if (/^\s*共$/.test(clause.slice(start)) && /[，,]$/.test(clause.slice(0, start))) start = afterLastBreak(clause, start - 2);
  const m = NAMES_BEFORE.exec(clause.slice(start).replace(/[，,]\s*共$/, '共'));
  if (!m || !m[1].includes('、') || /等$|主要/.test(m[1])) return;
  const names = namesOf(m[1].replace(/[（(][^（）()]*[)）]/g, ''));
  if (names.length < 2 || names.some((name) => name.length > 24 || KIND_OF_BODY.test(name))) return;
  namedCount(sink, n, `${counted[0]}个数`, names);
}

/** Where the clause that `text` has up to `upTo` opens: just after its last break at or before `upTo`. */
function afterLastBreak(text: string, upTo: number): number {
  return Math.max(...['，', ',', '。', '；', ';', '：', ':', '\n'].map((c) => text.lastIndexOf(c, upTo))) + 1;
}
