// Rankings the prose states over a breakdown: `占比最大的是货物采购，为46.92%`, `其次是社会保障和就业支出…，再次是…`,
// `…占51.86%，居三项之首`, `执行率最低的是…，为83.64%`. The item ranked first is at least each other item of its breakdown
// stated beside it, the second at most the first and at least the third, and the last at most every other.
import { isMoney, operand } from '../../arith/interval';
import { l } from '../../messages';
import { allMatches } from '../../text/matches';
import type { DocumentModel, RankClaim, Sentence } from '../../types';
import type { ClaimSink } from '../sink';
import { TOTAL_WORDS } from './counted-totals';
import type { ProseList } from './lists';
import { withoutLevel } from './subjects';
import type { ProseAnalysis, ProseToken, Role } from './tokens';

type Position = 1 | 2 | 3 | 'last';
type Metric = 'share' | 'rate' | 'completion' | 'any';

// (Not `最大限度`, `最高人民法院`: a superlative counts only after what it ranks by, or as `最大的是`.)
const TOP = /(?:位居|位列|排名|排在|居于?)(?:第一位?|首位)|(?:居|位列)[^，,。；;\d]{0,6}之首|(?:占比|比重|金额|支出|数额|规模|增幅|增长|增速|降幅|减幅|投入|资金)最(?:大|多|高)|最(?:大|多|高)的(?:是|为)/g;
const SECOND = /其次(?:是|为)|(?:位居|位列|排名|排在|居于?)第(?:二|2)位?|第二(?:位)?(?:的)?(?:是|为)/g;
// (`再次` alone is `again`: only with 是 or 为 does it rank.)
const THIRD = /再次(?:是|为)|(?:位居|位列|排名|排在|居于?)第(?:三|3)位?|第三(?:位)?(?:的)?(?:是|为)/g;
const LAST = /(?:占比|比重|金额|支出|执行率|完成率|增幅|增长|增速)最(?:低|小|少)|最(?:低|小|少)的(?:是|为)|(?:位居|排名|排在)末位/g;
const MARKERS: Array<[RegExp, Position]> = [
  [TOP, 1],
  [SECOND, 2],
  [THIRD, 3],
  [LAST, 'last'],
];
/** What a ranking ranks by, from its words. */
const BY_SHARE = /占比|比重|所占/;
const BY_RATE = /增幅|增长|增速|降幅|减幅|下降/;
const BY_COMPLETION = /执行率|完成率/;

interface Ranked {
  position: Position;
  words: string;
  token: ProseToken;
}

export function rankClaims(model: DocumentModel, analysis: ProseAnalysis, listOf: Map<ProseToken, ProseList>, sink: ClaimSink): void {
  let paragraph = -1;
  let entries: Ranked[] = [];
  const earlier: ProseToken[] = [];
  for (const sentence of model.sentences) {
    // (A sentence of names alone ranks the figures of the sentences before it: `其中教育支出位居第一，其次是…`.)
    const tokens = analysis.bySentence.get(sentence.id) ?? [];
    if (tokens.length === 0 && !RANKING_HINT.test(sentence.text)) continue;
    if (sentence.paragraph !== paragraph) {
      compareInOrder(entries, sink);
      entries = [];
      earlier.length = 0;
      paragraph = sentence.paragraph;
    }
    inOrder(model.text, sentence, tokens, sink);
    for (const entry of rankedIn(sentence, tokens, earlier)) {
      entries.push(entry);
      if (entry.position === 1 || entry.position === 'last') compareWithOthers(entry, tokens, listOf, sink);
    }
    earlier.push(...tokens);
  }
  compareInOrder(entries, sink);
}

/** Words without which a sentence ranks nothing (a cheap test before the markers). */
const RANKING_HINT = /最|其次|再次|第[一二三123]|之首|首位|末位/;

/** The ranking words of a sentence, each with the figure it ranks. */
function rankedIn(sentence: Sentence, tokens: ProseToken[], earlier: ProseToken[]): Ranked[] {
  if (!RANKING_HINT.test(sentence.text)) return [];
  const text = sentence.text;
  const found: Array<{ at: number; end: number; position: Position; words: string }> = [];
  for (const [re, position] of MARKERS) for (const m of allMatches(re, text)) found.push({ at: m.index, end: m.index + m[0].length, position, words: m[0] });
  found.sort((a, b) => a.at - b.at);
  // (One ranking, read once: `排名第二的是` is matched by two patterns.)
  for (let k = found.length - 1; k > 0; k--) if (found[k].at < found[k - 1].end) found.splice(k, 1);
  const ranked: Ranked[] = [];
  found.forEach((marker, k) => {
    const metric = metricOf(text.slice(Math.max(0, marker.at - 8), marker.end));
    // The figure after the words, up to the clause's end or the next ranking; else the last of the clause before them.
    const next = found[k + 1]?.at ?? text.length;
    const after = Math.min(next, clauseEnd(text, marker.end));
    const before = Math.max(k > 0 ? found[k - 1].end : 0, clauseStart(text, marker.at));
    const at = (from: number, to: number) => tokens.filter((t) => t.depth === 0 && t.token.span.start >= sentence.span.start + from && t.token.span.start < sentence.span.start + to);
    const token = pick(at(marker.end, after), metric, false) ?? pick(at(before, marker.at), metric, true) ?? (metric === 'any' ? namedEarlier(text.slice(marker.end, after), earlier) ?? namedEarlier(text.slice(before, marker.at), earlier) : undefined);
    if (token) ranked.push({ position: marker.position, words: marker.words, token });
  });
  return ranked;
}

function metricOf(words: string): Metric {
  return BY_SHARE.test(words) ? 'share' : BY_RATE.test(words) ? 'rate' : BY_COMPLETION.test(words) ? 'completion' : 'any';
}

const ROLE_OF: Record<Exclude<Metric, 'any'>, Role> = { share: 'share', rate: 'change-rate', completion: 'completion-rate' };

/**
 * The figure a ranking ranks among those of its clause: of the kind its words name; else, after the words, the amount (or the
 * share); before them, the figure right before (`工程采购占89.13%，位居第一`, `…26.35万元，占51.86%，居三项之首`).
 */
function pick(candidates: ProseToken[], metric: Metric, before: boolean): ProseToken | undefined {
  if (metric !== 'any') return before ? candidates.filter((t) => t.role === ROLE_OF[metric]).at(-1) : candidates.find((t) => t.role === ROLE_OF[metric]);
  const figure = (t: ProseToken) => ((t.role === 'amount' && isMoney(t.token.unit)) || t.role === 'share') && !TOTAL_WORDS.test(t.lead);
  if (before) return candidates.filter(figure).at(-1);
  return candidates.find((t) => figure(t) && t.role === 'amount') ?? candidates.find(figure);
}

/**
 * `其中教育支出位居第一，其次是社会保障和就业支出` after the sentence stating each: the one amount of the paragraph before whose name
 * (without its level, `（类）`) the words give.
 */
function namedEarlier(words: string, earlier: ProseToken[]): ProseToken | undefined {
  const named = earlier.filter((t) => t.role === 'amount' && t.ownSubject && t.depth === 0 && isMoney(t.token.unit) && withoutLevel(t.subject).length >= 2 && words.includes(withoutLevel(t.subject)));
  return named.length === 1 ? named[0] : undefined;
}

function clauseEnd(text: string, from: number): number {
  const m = /[；;。]/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

function clauseStart(text: string, to: number): number {
  return Math.max(text.lastIndexOf('；', to - 1), text.lastIndexOf(';', to - 1), text.lastIndexOf('。', to - 1)) + 1;
}

/**
 * `按项级科目排名，支出前五位依次为：`, `按项级科目由高到低依次为：`, `位列前三的依次为`: a list said to run from the largest down. (The
 * model reads 依次 as 分别, which it pairs alike: the words of order before it say the list is ranked.)
 */
const IN_ORDER = /(?:由高到低|从高到低|由大到小|从大到小|排名|排序|位列前)[^。；;：:]{0,16}?(?:(?:依次|分别)(?:为|是)[：:]?|[：:])/;

/** The amounts of a list said to be in order, up to its total: each at most the one before. */
function inOrder(text: string, sentence: Sentence, tokens: ProseToken[], sink: ClaimSink): void {
  if (tokens.length < 2) return;
  // (The words may close the sentence before, at its colon: `支出前五位依次为：` / `小学教育（项）38516.43万元、…`.)
  const windowStart = Math.max(0, sentence.span.start - 40);
  const m = IN_ORDER.exec(text.slice(windowStart, sentence.span.end));
  if (!m) return;
  const from = windowStart + m.index + m[0].length;
  if (/[。\n]/.test(text.slice(from, sentence.span.start))) return;
  const amounts = tokens.filter((t) => t.depth <= 1 && t.role === 'amount' && isMoney(t.token.unit) && t.token.span.start >= from);
  const end = amounts.findIndex((t) => t.depth === 0 && TOTAL_WORDS.test(t.lead));
  const listed = end < 0 ? amounts : amounts.slice(0, end);
  // (Or each in a bracket after its name: `排名前三的类依次为一般公共服务支出（1957.94万元）、城乡社区支出（1355.22万元）和…`.)
  const outer = listed.filter((t) => t.depth === 0);
  const run = outer.length >= 2 ? outer : listed.filter((t) => t.depth === 1);
  // (Quoted by its words of order alone: the model's text has 依次 as 分别.)
  const words = /由高到低|从高到低|由大到小|从大到小|排名|排序|位列前/.exec(m[0])![0];
  for (let k = 1; k < run.length; k++) if (comparable(run[k - 1], run[k])) add(sink, { position: 2, words, token: run[k] }, run[k - 1], false);
}

/** `其次是A…，再次是B…`: each ranked after another of the paragraph's ranking is at most it. */
function compareInOrder(entries: Ranked[], sink: ClaimSink): void {
  for (let k = 1; k < entries.length; k++) {
    const [higher, lower] = [entries[k - 1], entries[k]];
    if (higher.position === 'last' || lower.position === 'last' || lower.position !== higher.position + 1) continue;
    if (!comparable(higher.token, lower.token)) continue;
    add(sink, lower, higher.token, false);
  }
}

/** The first (or the last) against each other figure of its breakdown: its list's, else the rates of its sentence. */
function compareWithOthers(entry: Ranked, tokens: ProseToken[], listOf: Map<ProseToken, ProseList>, sink: ClaimSink): void {
  const t = entry.token;
  const list = listOf.get(t);
  // (Of its list, not of a list nested in it: a part's own breakdown ranks with none of the list.)
  const others = list ? list.members.filter((o) => o.role === t.role && listOf.get(o) === list) : t.role === 'amount' ? [] : tokens.filter((o) => o.role === t.role && o.sentence === t.sentence);
  for (const other of others) {
    if (other === t || other.depth !== t.depth || TOTAL_WORDS.test(other.lead) || !comparable(t, other)) continue;
    add(sink, entry, other, entry.position !== 'last');
  }
}

/** Figures of one kind and unit, and rates of one direction (a 增幅 is no 降幅). */
function comparable(a: ProseToken, b: ProseToken): boolean {
  if (a.role !== b.role || a.token.unit !== b.token.unit || a.year !== b.year) return false;
  if (a.role === 'change-rate' && (a.direction !== b.direction || !a.direction || a.direction === 'flat')) return false;
  // (`…占100%`: a share of all is the whole, no member.)
  if (a.role === 'share' && (a.token.value.eq(100) || b.token.value.eq(100))) return false;
  // (Shares of one base: `占一般公共预算财政拨款支出的51.2%，占比最高；其中…占该款支出的62.6%` are of two.)
  const [baseA, baseB] = [baseOf(a), baseOf(b)];
  return a.role !== 'share' || baseA === '' || baseB === '' || baseA === baseB;
}

/** The base a share's words name (`占该款支出的` → `该款支出`), or '' for a bare `占`. */
function baseOf(t: ProseToken): string {
  return /占(.+?)(?:的)?(?:比重|比例)?(?:为|是)?$/.exec(t.lead)?.[1] ?? '';
}

/** A ranked figure's name without the ranking words its subject may have taken: `支出最多的是电费` → `电费`. */
const RANKING_WORDS = /^[^，,。；;]*?(?:最(?:大|多|高|低|小|少)的(?:是|为)|其次(?:是|为)|再次(?:是|为)|第[一二三123]位?的?(?:是|为))/;

function add(sink: ClaimSink, entry: Ranked, other: ProseToken, higher: boolean): void {
  const name = (t: ProseToken) => (t.subject.replace(RANKING_WORDS, '') || t.subject || t.lead.replace(/^[，,、；;\s]+/, '') || '该项');
  sink.add<RankClaim>({
    kind: 'rank',
    origin: 'prose',
    identity: 'prose.rank',
    description: l(`${name(entry.token)}“${entry.words}”`, `${name(entry.token)} ranked "${entry.words}"`),
    span: entry.token.token.span,
    ranked: operand(entry.token.token, name(entry.token)),
    other: operand(other.token, name(other)),
    higher,
    words: entry.words,
  });
}
