// The change of a whole told by its parts' changes in one `分别` run (prose.md §3): `“三公”经费…比上年增加5.11万元。
// 其中：因公出国（境）费、公务用车购置及运行维护费、公务接待费分别较上年增加5.08万元、持平、增加0.03万元`. The parts
// are every member of a standard breakdown, so their signed changes add up to the whole's (持平 is 0).
import { exact, operand } from '../../arith/interval';
import { l } from '../../messages';
import { withChanges } from '../../arith/operand';
import type { ChangeClaim, Claim, Operand } from '../../types';
import type { ClaimSink } from '../sink';
import { coversFamily } from './sums';
import type { ProseAnalysis, ProseToken } from './tokens';

/** The names of a run, joined by 、 (和 and 及 stand inside names: 社会保障和就业支出, 公务用车购置及运行维护费). */
const NAME_JOINER = /、/;
/** An item of the run that states no change. */
const FLAT_ITEM = /^(?:均?与上年)?(?:持平|无变化|不变|无增减)$/;
/** After a part's figure: it did not change (`0元，与上年持平`). */
const FLAT_AFTER = /^\s*(?:万元|元|亿元)?\s*[，,]\s*(?:均)?(?:与上年(?:相比)?|较上年|比上年|同比)(?:持平|无变化|不变|无增减)/;
/** Where the run ends: the clause after its last item. */
const RUN_END = /[，,；;。（(]/;

export function changePartClaims(analysis: ProseAnalysis, text: string, sink: ClaimSink): void {
  let previous: ProseToken[] = [];
  for (const [, tokens] of analysis.bySentence) {
    // (The sentence before, in the paragraph or before a line opening with 其中: `…增长12.50%。` / `其中，A、B、C分别…`.)
    const before = previous[0]?.sentence.paragraph === tokens[0]?.sentence.paragraph || /^\s*其中/.test(tokens[0]?.sentence.text ?? '') ? previous : [];
    previous = tokens;
    const first = tokens.find((t) => t.role === 'delta' && /分别|各/.test(t.lead) && NAME_JOINER.test(t.subject));
    if (!first) continue;
    const names = first.subject.split(NAME_JOINER).filter((n) => n !== '');
    // The whole: the last change stated before the run, in its sentence or the one before, of no part's name.
    const whole = [...before, ...tokens.slice(0, first.index)].reverse().find((t) => t.role === 'delta');
    if (!whole || !whole.direction || whole.direction === 'flat' || names.some((n) => whole.subject.includes(n)) || !coversFamily(names, whole.subject)) continue;
    const parts = runItems(text, tokens, first);
    if (!parts || parts.length !== names.length) continue;
    const signed = parts.filter((p): p is ProseToken => p !== 'flat');
    if (signed.some((p) => !p.direction || p.direction === 'flat' || p.token.unit !== whole.token.unit)) continue;
    const operands: Operand[] = parts.map((p, k) => (p === 'flat' ? exact(0, `${names[k]}（持平）`) : operand(p.token, `${names[k]}增减额`)));
    sink.add({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.change-parts',
      description: l(`${whole.subject}增减额 = 其中各项增减额之和`, `the change of ${whole.subject} = the sum of its parts' changes`),
      span: first.token.span,
      total: operand(whole.token, `${whole.subject}增减额`),
      parts: operands,
      signs: parts.map((p) => (p === 'flat' || p.direction === whole.direction ? 1 : -1)),
      exhaustive: true,
    });
  }
}

/**
 * The items of the run from `first` on, split at 、: each a change of the sentence's tokens (in order) or
 * `持平`; undefined when an item is neither.
 */
function runItems(text: string, tokens: ProseToken[], first: ProseToken): Array<ProseToken | 'flat'> | undefined {
  const from = text.lastIndexOf('分别', first.token.span.start);
  if (from < first.sentence.span.start) return undefined;
  let end = from;
  const stop = first.sentence.span.end;
  // The run ends at the first clause break after a figure or 持平 (a comma inside the run would be a list of clauses).
  while (end < stop && !RUN_END.test(text.charAt(end))) end++;
  const items = text.slice(from + 2, end).split('、');
  const out: Array<ProseToken | 'flat'> = [];
  let next = first.index;
  let at = from + 2;
  for (const item of items) {
    const start = at;
    at += item.length + 1;
    const words = item.replace(/^较上年|^比上年|^同比/, '').trim();
    if (FLAT_ITEM.test(words)) {
      out.push('flat');
      continue;
    }
    const t = tokens[next];
    if (!t || t.role !== 'delta' || t.token.span.start < start || t.token.span.start >= at) return undefined;
    out.push(t);
    next++;
  }
  return out;
}

/**
 * `本年支出合计1591.37万元，比上年增加82.71万元。其中：基本支出747.62万元…，项目支出843.75万元…。支出增加的原因：一是基本支出
 * 增加20.07万元；二是项目支出增加62.64万元`: a total listed in full (an exhaustive 其中 list) whose change and whose every part's
 * change are stated, wherever: the parts' signed changes add up to the total's (持平 is 0).
 */
export function listedPartChangeClaims(claims: readonly Claim[], text: string, sink: ClaimSink): void {
  // The year-over-year change of each figure (by its token), and the totals whose change is already broken down.
  const changeOf = new Map<number, ChangeClaim>();
  const brokenDown = new Set<number>();
  // (`一般公共预算财政拨款支出18287.11万元…比上年减少2577.68万元` and, in the next section, `一般公共预算财政拨款支出18287.11万元，主要用于…`
  // with the 类 whose changes follow: a change is of every statement of its figure, stated alike.)
  const restated = new Map<number, number[]>();
  for (const c of claims) {
    if (c.kind === 'change' && c.identity === 'prose.change' && c.current?.token !== undefined && (c.delta || c.direction === 'flat') && !changeOf.has(c.current.token)) changeOf.set(c.current.token, c);
    if (c.kind === 'sum' && c.identity === 'prose.change-parts' && c.total.token !== undefined) brokenDown.add(c.total.token);
    if (c.kind === 'fact' && !c.looseMatch && c.a.token !== undefined && c.b.token !== undefined && c.a.value.eq(c.b.value)) {
      for (const [x, y] of [[c.a.token, c.b.token], [c.b.token, c.a.token]]) {
        const same = restated.get(x);
        if (same) same.push(y);
        else restated.set(x, [y]);
      }
    }
  }
  const changeOfFigure = (token: number | undefined) => (token === undefined ? undefined : changeOf.get(token) ?? restated.get(token)?.map((t) => changeOf.get(t)).find(Boolean));
  for (const list of claims.slice()) {
    if (list.kind !== 'sum' || list.origin !== 'prose' || !list.exhaustive || list.signs || list.identity === 'prose.change-parts' || list.parts.length < 2) continue;
    const whole = changeOfFigure(list.total.token);
    if (!whole?.delta || whole.direction === 'flat' || whole.delta.token === undefined || brokenDown.has(whole.delta.token)) continue;
    // (A part said to be unchanged in words, `（一）因公出国（境）费0元，与上年持平。`, changed by 0.)
    const parts = list.parts.map((p) => changeOfFigure(p.token) ?? (p.span && FLAT_AFTER.test(text.slice(p.span.end, p.span.end + 16)) ? 'flat' : undefined));
    if (parts.some((p) => !p || p === whole)) continue;
    brokenDown.add(whole.delta.token);
    const changes = parts as Array<ChangeClaim | 'flat'>;
    sink.add({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.change-parts',
      description: l(`${list.total.label}增减额 = 各组成部分增减额之和`, `the change of ${list.total.label} = the sum of its parts' changes`),
      span: whole.delta.span ?? whole.span,
      total: withChanges(whole.delta, { label: `${list.total.label}增减额` }),
      parts: changes.map((c, k) => (c === 'flat' || c.direction === 'flat' || !c.delta ? exact(0, `${list.parts[k].label}（持平）`) : withChanges(c.delta, { label: `${list.parts[k].label}增减额` }))),
      signs: changes.map((c) => (c === 'flat' || c.direction === 'flat' || c.direction === whole.direction ? 1 : -1)),
      exhaustive: true,
    });
  }
}
