// A change explained by the changes of its parts: `收、支总计各增加74.99万元…。主要原因是：一是一般公共预算财政拨款收入增长
// 109.39万元；二是政府性基金预算财政拨款收入下降54.63万元；三是其他收入增加7.23万元；四是年初结转和结余增加13.00万元`. The
// parts named are the main ones and may not be all, so their signed changes are held to the whole's change only as evidence:
// sum-mismatch reports the list where one figure's slip (its direction, a digit) would make it add up (SumClaim.slipOnly),
// unless they are all of it (the rest named last, or a standard breakdown's members).
import { operand } from '../../arith/interval';
import { LintMemo } from '../../lint-memo';
import { l } from '../../messages';
import type { SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { coversFamily } from './sums';
import type { ProseAnalysis, ProseToken } from './tokens';

/** Words that open the parts of a change, between the whole's change and its first part. */
const OPENS_PARTS = /其中|主要(?:原因)?(?:是|为|有|在于|包括|体现在)|具体(?:为|是|如下|包括)|构成|包括|一是|[（(][1一][)）]|分别/;
/**
 * A sentence going on about the change of the sentence before: `主要原因是：…`, `其中：…`, `一是…`, `收、支总计减少的构成：（1）…`:
 * the words before its first figure open parts.
 */
function opensWithParts(first: ProseToken): boolean {
  const opening = first.sentence.text.slice(0, first.token.span.start - first.sentence.span.start);
  return opening.length <= 40 && (/^\s*(?:其中|主要|具体|1[.、．])/.test(opening) || OPENS_PARTS.test(opening));
}
/** The last part taking what the others leave: `其他项目`, `其他费用`, `其余各项`. */
const CATCH_ALL = /^(?:其他|其余)(?:项目|费用|各项)/;
/** Roles that may stand between the parts: a part's rate of change, its share. */
const BETWEEN_PARTS = new Set(['change-rate', 'share']);

export function changeBreakdownClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  // Changes already held to an exhaustive breakdown (sums.ts, change-parts.ts) are not held again.
  const broken = new Set<number>();
  for (const c of sink.claims) if (c.kind === 'sum' && c.exhaustive && c.total.token !== undefined) broken.add(c.total.token);
  const sentences = [...analysis.bySentence.values()];
  for (let s = 0; s < sentences.length; s++) {
    const tokens = sentences[s];
    for (let i = 0; i < tokens.length; i++) {
      const whole = tokens[i];
      if (whole.role !== 'delta' || whole.depth > 0 || (whole.direction !== 'up' && whole.direction !== 'down') || broken.has(whole.token.id)) continue;
      let parts = runAfter(tokens, i + 1, whole);
      // (Or in the sentence after, when it opens with the parts' words: `…增长1.50%。主要原因是：一是…`.)
      const next = sentences[s + 1];
      if (parts.length === 0 && next?.length && next[0].sentence.paragraph === whole.sentence.paragraph && opensWithParts(next[0]) && !tokens.slice(i + 1).some((t) => t.role === 'delta')) {
        parts = runAfter(next, 0, whole, true);
      }
      if (parts.length < 2) continue;
      // (All of them when they end with the rest, `四是其他项目合计减少39.23万元`, or are the members of a standard breakdown, none of
      // whose other members its section states a figure of: `上缴上级支出18.60万元` beside 基本, 项目, 经营 and 对附属单位补助支出.)
      const all = CATCH_ALL.test(parts.at(-1)!.subject) || coversFamily(parts.map((p) => p.subject), whole.subject, amountsOfSection(analysis, whole.sentence.section));
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.change-main-parts',
        description: all
          ? l(`${whole.subject || '增减额'} = 所列各项增减额之和`, `the change of ${whole.subject || 'the whole'} = the sum of its listed parts' changes`)
          : l(`${whole.subject || '增减额'} = 所列各项增减额之和（所列或为主要部分）`, `the change of ${whole.subject || 'the whole'} = the sum of its listed parts' changes (perhaps only the main ones)`),
        span: whole.token.span,
        total: operand(whole.token, `${whole.subject}增减额`),
        parts: parts.map((p) => operand(p.token, `${p.subject}增减额`)),
        signs: parts.map((p) => (p.direction === whole.direction ? 1 : -1)),
        exhaustive: true,
        slipOnly: all ? undefined : true,
      });
      for (const p of parts) broken.add(p.token.id);
      i = parts.at(-1)!.sentence === whole.sentence ? parts.at(-1)!.index : tokens.length;
    }
  }
}

/**
 * The parts' changes from `from` on: changes named by their own words, in the whole's unit, up or down, with nothing but
 * their rates or shares between them. Empty unless words opening the parts stand before the first (`opened`: the sentence
 * opens with them). A part followed by words opening parts of its own makes none: what follows breaks that part down.
 */
function runAfter(tokens: ProseToken[], from: number, whole: ProseToken, opened = false): ProseToken[] {
  const text = tokens[0]?.sentence.text ?? '';
  const start = tokens[0]?.sentence.span.start ?? 0;
  const parts: ProseToken[] = [];
  let after = whole.sentence === tokens[0]?.sentence ? whole.token.span.end - start : 0;
  // (Parts opened by a colon or numbered run on over `；`; others end at it: `…主要是人员经费增加50.00万元、公用经费增加10.00万元；
  // 项目支出增加40.00万元` leaves 项目支出 to the whole before.)
  let overSemicolons = opened;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (BETWEEN_PARTS.has(t.role)) continue;
    if (t.role !== 'delta' || t.depth > 0 || !t.ownSubject || t.subject === whole.subject || (t.direction !== 'up' && t.direction !== 'down') || t.token.unit !== whole.token.unit) break;
    const words = text.slice(after, t.token.span.start - start);
    if (parts.length === 0) overSemicolons ||= /[：:]|[一二三四五六七八九十]是|[（(][1一][)）]/.test(words);
    else if (!overSemicolons && /[；;]/.test(words)) break;
    if (parts.length === 0 ? !opened && !OPENS_PARTS.test(words) : OPENS_PARTS.test(words.replace(/[一二三四五六七八九十]是|[（(]\d{1,2}[)）]|[（(][一二三四五六七八九十]{1,2}[)）]/g, ''))) {
      // (`基本支出增加60.00万元，主要是人员经费增加50.00万元…`: the parts after are the part's own, and where they end is not
      // known: no run.)
      return [];
    }
    parts.push(t);
    after = (t.token.unitSpan?.end ?? t.token.span.end) - start;
  }
  return parts;
}

const sectionAmounts = new LintMemo<ProseAnalysis, Map<number | undefined, string[]>>();
/** The names of the non-zero amounts a section states (this year's, named by their own words). */
function amountsOfSection(analysis: ProseAnalysis, section: number | undefined): string[] {
  const bySection = sectionAmounts.of(analysis, () => {
    const map = new Map<number | undefined, string[]>();
    for (const t of analysis.tokens) {
      if (t.role !== 'amount' || !t.ownSubject || t.token.zero || t.year !== undefined) continue;
      const names = map.get(t.sentence.section) ?? [];
      names.push(t.subject);
      map.set(t.sentence.section, names);
    }
    return map;
  });
  return bySection.get(section) ?? [];
}
