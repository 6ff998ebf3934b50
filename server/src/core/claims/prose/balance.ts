// 收入总计 = 支出总计 in the prose of a department's report (tables.md T01.5, T04): the 总计 rows balance by
// construction (支出总计 holds 年末结转和结余), so a sentence stating both with two values states a slip:
// `2022年度收、支总计各是4125.49,4143.91万元`, `收入总计803.84万元，支出总计687.8万元` (支出合计 written as 总计).
import { isMoney, operand } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { OFFSET_AFTER, type ProseAnalysis, type ProseToken } from './tokens';
import { FUND_LABEL } from '../../text/sources';

/** `财政拨款收入总计`, `本部门支出总计`: the qualifier and the side of a 总计. */
const SIDE_TOTAL = /^(.*?)(收入|支出)总计$/;

export function totalsBalanceClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  // (Only a department's (or unit's) report: a government's 总决算 states 收入总计 − 支出总计 = 结余.)
  if (model.department === undefined || model.reportKind !== 'final-accounts') return;
  for (const tokens of analysis.bySentence.values()) {
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1], tokens[i]];
      if (a.role !== 'amount' || b.role !== 'amount' || a.token.unit !== b.token.unit || (b.year !== undefined && b.year !== a.year)) continue;
      const pair = bothTotals(a, b);
      if (pair) emit(sink, pair.income, pair.spending);
    }
  }
}

/** The 收入 and 支出 totals two neighbouring figures state, if they do. */
function bothTotals(a: ProseToken, b: ProseToken): { income: ProseToken; spending: ProseToken } | undefined {
  // `收、支总计各是4125.49,4143.91万元`: one name for both, in order.
  if (/^收入、支出总计$/.test(a.subject) && b.subject === a.subject && !b.ownSubject) return { income: a, spending: b };
  const x = SIDE_TOTAL.exec(a.subject);
  const y = SIDE_TOTAL.exec(b.subject);
  // (`本年收入总计` is the year's 收入合计, which need not equal its 支出合计.)
  if (!x || !y || !b.ownSubject || x[1] !== y[1] || x[2] === y[2] || /本年|当年/.test(x[1])) return undefined;
  return x[2] === '收入' ? { income: a, spending: b } : { income: b, spending: a };
}

function emit(sink: ClaimSink, income: ProseToken, spending: ProseToken): void {
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.totals-balance',
    description: l('收入总计 = 支出总计', 'total income = total expenditure (总计)'),
    span: spending.token.span,
    total: operand(spending.token, '支出总计'),
    parts: [operand(income.token, '收入总计')],
    exhaustive: true,
  });
}

/** Each side's members of 总计 (公开01表 T01.3–4): this year's total, the carry-over, and the optional third. */
const SIDES = [
  { year: /^(?:本年)?收入合计$/, carry: /^年初结转和结余$/, optional: /^使用(?:非财政拨款|专用)结余(?:[（(]含专用结余[)）])?$|^用事业基金弥补收支差额$/, zh: '收入', en: 'income' },
  { year: /^(?:本年)?支出合计$/, carry: /^年末结转和结余$/, optional: /^结余分配$/, zh: '支出', en: 'expenditure' },
] as const;

/**
 * `2021年度收入、支出决算总计3590.45万元。` / `本年收入合计3489.34万元，年初结转和结余101.11万元；本年支出合计3394.74万元，年末结转和结余
 * 204.13万元。`: each side's members add up to the 总计 stated before them (in its paragraph or the next one with figures,
 * headings between not counted). The carry-over may follow in the next sentence (`本年收入合计1339.81万元，…。另有年初结转
 * 和结余8.46万元。`), and in another unit of money than the 总计. A side whose optional member (使用非财政拨款结余, 结余分配)
 * goes unstated may hold it: then the relation only warns.
 */
const MAX_PARAGRAPHS_AFTER_TOTAL = 4;

/** A bracketed note closing a name. */
const TRAILING_NOTE = /[（(][^（()）]*[)）]$/;

/** A 总计 of another scope (`财政拨款收入总计`), stated as such. */
const OTHER_TOTAL = (t: ProseToken) => t.role === 'amount' && t.ownSubject && !t.restates && !t.approx && /总计$/.test(t.subject) && !/^(?:收入、支出|收入|支出)总计$/.test(t.subject);

/** An amount of money this year's, named by its own words: what a 总计's members are stated as. */
const money = (t: ProseToken) => t.role === 'amount' && t.ownSubject && t.year === undefined && isMoney(t.token.unit);

export function totalsCarryOverClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  if (model.department === undefined || model.reportKind !== 'final-accounts') return;
  // Each side's 总计 (`收入总计…，支出总计…` states both; `收、支总计` is either), and the paragraphs with figures since.
  const totals = new Map<string, { token: ProseToken; paragraphsAfter: number }>();
  let lastParagraph = -1;
  const sentences = model.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si];
    const tokens = analysis.bySentence.get(sentence.id) ?? [];
    if (tokens.length > 0 && sentence.paragraph !== lastParagraph) {
      lastParagraph = sentence.paragraph;
      for (const [side, total] of totals) {
        // (A 总计 holds over the four paragraphs with figures after its own: the 收入 paragraphs, then the 支出 ones, each
        // a line or two.)
        if (sentence.paragraph !== total.token.sentence.paragraph && ++total.paragraphsAfter > MAX_PARAGRAPHS_AFTER_TOTAL) totals.delete(side);
      }
    }
    for (const t of tokens) {
      // (Not its restatement, `收入总计18,350.39万元（约1.84亿元）`: the figure itself is the total.)
      const named = t.role === 'amount' && t.year === undefined && !t.restates && !t.approx ? /^(收入、支出|收入|支出)总计$/.exec(t.subject) : null;
      // (`财政拨款收入总计…，其中：年初结转和结余…`: another 总计's account begins; the department's terms are not in it.)
      if (!named && OTHER_TOTAL(t)) totals.clear();
      if (!named) continue;
      for (const side of SIDES) if (named[1] === '收入、支出' || named[1] === side.zh) totals.set(side.zh, { token: t, paragraphsAfter: 0 });
    }
    if (totals.size === 0) continue;
    // (The sentences after, in the paragraph or the next, three at most: where a carry-over stated on its own stands.)
    const following: ProseToken[] = [];
    for (let k = si + 1; k <= si + 3 && k < sentences.length && sentences[k].paragraph <= sentence.paragraph + 1; k++) {
      const next = analysis.bySentence.get(sentences[k].id) ?? [];
      // (Up to another 总计's sentence.)
      if (next.some(OTHER_TOTAL)) break;
      following.push(...next);
    }
    for (const side of SIDES) {
      const total = totals.get(side.zh)?.token;
      if (!total || !isMoney(total.token.unit)) continue;
      const year = tokens.find((t) => money(t) && side.year.test(t.subject));
      if (!year) continue;
      const carry = tokens.find((t) => t.index > year.index && money(t) && side.carry.test(t.subject)) ?? following.find((t) => money(t) && (side.carry.test(t.subject) || side.year.test(t.subject)));
      if (!carry || !side.carry.test(carry.subject)) continue;
      // (Also stated on its own after: `另外，本年用事业基金弥补收支差额40000.00元…；年初结转和结余…`.)
      // (And named with a note, `结余分配（按规定收回财政的结余资金）283.75万元`.)
      const optionalTerm = (t: ProseToken) => t.role === 'amount' && t.ownSubject && side.optional.test(t.subject.replace(TRAILING_NOTE, ''));
      const optional = tokens.find(optionalTerm) ?? following.find(optionalTerm);
      const parts = [year, ...(optional ? [optional] : []), carry];
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.totals-carry-over',
        description: l(`${side.zh}总计 = 本年${side.zh}合计 + 结转和结余`, `total ${side.en} = the year's ${side.en} + carry-over`),
        span: total.token.span,
        total: operand(total.token, `${side.zh}总计`),
        parts: parts.map((p) => operand(p.token, p.subject)),
        exhaustive: true,
        soft: optional ? undefined : true,
      });
      // (One breakdown per 总计: a fund's `本年收入…，年初结转和结余…` paragraphs later are not its terms again.)
      totals.delete(side.zh);
    }
  }
}

/** `本年收入合计`, `经营收入`: a year's income, by its qualifier. */
// (A business's own, `实训宾馆经营收入268.30万元`, `相应经营支出…`, `减去经营支出…`: 经营 figures whatever words come before.)
const INCOME = /^(?:(本年)|[\u4e00-\u9fff]{0,10}?(?<!非)(经营))?收入(?:合计)?$/;
const SPENDING = /^(?:(本年)|[\u4e00-\u9fff]{0,10}?(?<!非)(经营))?支出(?:合计)?$/;
// (`经营结余80.60万元` after `经营收入…，经营支出…`: the 收支 may go unsaid after a qualifier; `收支相抵形成经营结余`, `实现经营结余`.)
const DIFFERENCE = /^(?:收支相抵)?(?:形成|实现|产生)?(?:(本年)(?:收支)?|(经营)(?:收支)?|收支)(?:结余|差额)$/;

/**
 * `本年收入合计1197.78万元，本年支出合计1195.13万元，本年收支结余2.65万元`, `经营收入…，经营支出…，经营收支结余-22.22万元`:
 * the balance a sentence states is its income less its spending (signed: a deficit is negative).
 */
export function yearBalanceClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    for (const balance of tokens) {
      const d = balance.role === 'amount' && balance.ownSubject ? DIFFERENCE.exec(balance.subject) : null;
      if (!d) continue;
      const before = tokens.slice(0, balance.index).filter((t) => t.role === 'amount' && t.ownSubject && t.token.unit === balance.token.unit && t.year === balance.year).reverse();
      const qualifier = d[1] ?? d[2];
      const qualified = (re: RegExp) => (t: ProseToken) => {
        const m = re.exec(t.subject);
        return m !== null && (m[1] ?? m[2]) === qualifier;
      };
      const income = before.find(qualified(INCOME));
      const spending = before.find(qualified(SPENDING));
      if (!income || !spending) continue;
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.year-balance',
        description: l(`${balance.subject} = ${income.subject} − ${spending.subject}`, `${balance.subject} = ${income.subject} − ${spending.subject} (income less spending is the balance)`),
        span: balance.token.span,
        total: operand(balance.token, balance.subject),
        parts: [operand(income.token, income.subject), operand(spending.token, spending.subject)],
        signs: [1, -1],
        exhaustive: true,
      });
    }
  }
}

/** The same figures named without their fund, under a fund's label: `本年收入` is 收入合计 once its subject is read. */
const LABELLED_ROLL = /^(?:本年)?(年初结转(?:和结余)?|上年结转(?:和结余)?|收入|支出|年末结转和结余)(?:合计)?$/;

/** A unit's figures of the year after its name: what they are of the roll. */
const UNIT_ROLL = /^(年初结转(?:和结余)?|上年结转(?:和结余)?|收入(?:合计)?|使用非财政拨款结余|支出(?:合计)?|(?:提取专用结余等)?结余分配|年末结转和结余)$/;

/** A fund's figures of the year, by their fund qualifier: what they are of the roll. */
// (The older 上年结转 is the opening balance: `政府性基金预算财政拨款上年结转57.42万元，本年收入…`.)
const FUND_ROLL = /^(?:本部门|本单位)?((?:一般公共|政府性基金|国有资本经营)预算(?:财政拨款)?)(年初结转(?:和结余)?|上年结转(?:和结余)?|收入|支出|年末结转和结余)$/;

/**
 * `政府性基金预算财政拨款年初结转和结余2412.75万元，本年收入12825.40万元，本年支出13611.87万元，年末结转和结余1626.28万元`
 * (tables.md T07.2 in words), and each fund of `分资金性质看：一般公共预算财政拨款年初结转和结余…；政府性基金预算…`: a fund's
 * closing balance is its opening balance plus the year's income less its spending.
 */
export function fundRollClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    // (Most sentences name no fund's figure: nothing is allocated for them.)
    let funds: Map<string, Map<string, ProseToken>> | undefined;
    // (`政府性基金预算财政拨款：年初结转和结余1292.34万元，本年收入3927.90万元，本年支出4428.69万元，…年末结转和结余791.55万元`: the
    // label names the fund of figures named without it.)
    const label = tokens.length > 0 ? FUND_LABEL.exec(tokens[0].sentence.text) : null;
    for (const t of tokens) {
      if (t.role !== 'amount' || t.year !== undefined) continue;
      const named = FUND_ROLL.exec(t.subject);
      const labelled = !named && label ? LABELLED_ROLL.exec(t.subject) : null;
      // (`分单位看，临江区农业机械化服务站年初结转和结余70.16万元，本年收入…，使用非财政拨款结余…，本年支出…，提取专用结余等结余分配…，
      // 年末结转和结余56.25万元`: a unit's figures roll the same way, with the balance it used and what it set aside.)
      const ofUnit = !named && !labelled && t.ofUnit && t.subject.startsWith(t.ofUnit) ? UNIT_ROLL.exec(t.subject.slice(t.ofUnit.length)) : null;
      const [fund, written] = named ? [named[1], named[2]] : labelled ? [`${label![1]}财政拨款`, labelled[1]] : ofUnit ? [t.ofUnit!, ofUnit[1]] : [];
      const part = written && /^(?:上年|年初)结转/.test(written) ? '年初结转和结余' : written && /结余分配$/.test(written) ? '结余分配' : written?.replace(/合计$/, '');
      if (!fund || !part) continue;
      funds ??= new Map();
      const found = funds.get(fund) ?? new Map<string, ProseToken>();
      if (!found.has(part)) found.set(part, t);
      funds.set(fund, found);
    }
    for (const [fund, found] of funds ?? []) {
      const [opening, income, used, spending, distributed, closing] = ['年初结转和结余', '收入', '使用非财政拨款结余', '支出', '结余分配', '年末结转和结余'].map((k) => found.get(k));
      if (!opening || !income || !spending || !closing) continue;
      const terms = [[opening, '年初结转和结余', 1], [income, '本年收入', 1], [used, '使用非财政拨款结余', 1], [spending, '本年支出', -1], [distributed, '结余分配', -1]].filter((e): e is [ProseToken, string, number] => e[0] !== undefined);
      const unit = closing.token.unit;
      if (terms.some(([t]) => t.token.unit !== unit)) continue;
      const more = used || distributed ? l(`${used ? ' + 使用非财政拨款结余' : ''}${distributed ? ' − 结余分配' : ''}`, `${used ? ' + the balance used' : ''}${distributed ? ' − the balance set aside' : ''}`) : l('', '');
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.fund-roll',
        description: l(`${fund}年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出${more['zh-cn']}`, `${fund}: closing balance = opening balance + the year's income − its spending${more.en}`),
        span: closing.token.span,
        total: operand(closing.token, '年末结转和结余'),
        parts: terms.map(([t, name]) => operand(t.token, name)),
        signs: terms.map(([, , sign]) => sign),
        exhaustive: true,
      });
    }
  }
}

/** The words that open a figure's formula (`，为`), and each term's sign. */
// (Or written with signs: `人员经费1149.82万元=工资福利支出1066.10万元+对个人和家庭的补助83.72万元`.)
const FORMULA_OPENS = /^[，,]?\s*(?:为|即|等于|[=＝])/;
// (`减少` is a change, not a term.)
// (`年末结转和结余139.23万元＝年初结转和结余184.36万元＋本年收入…－本年支出3902.83万元－结余分配8.81万元`: signs written as signs.)
const FORMULA_TERM = /^\s*(加上?|减去?|[+＋]|[-－−](?=[\u4e00-\u9fff]))(?!少)/;

/**
 * `年末结转和结余97.28万元，为年初结转和结余43.92万元加本年收入4277.29万元减本年支出4228.93万元后的余额`: a figure stated with the
 * formula that makes it, term by term: it is the signed sum of its terms.
 */
export function statedFormulaClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  let previous: ProseToken[] = [];
  for (const tokens of analysis.bySentence.values()) {
    const before = previous[0]?.sentence.paragraph === tokens[0]?.sentence.paragraph ? previous : [];
    previous = tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const total = tokens[i];
      const first = tokens[i + 1];
      if (total.role !== 'amount' || first.role !== 'amount' || !isMoney(total.token.unit) || first.token.unit !== total.token.unit || !FORMULA_OPENS.test(first.lead)) continue;
      const { terms, signs, next } = termsFrom(tokens, first, i + 2, FORMULA_TERM);
      if (terms.length < 2) continue;
      addFormula(sink, total, terms, signs, /^(?:为|即|等于|加上?|减去?|[=＝+＋\-－−])/);
      i = next - 1;
    }
    resultAfterTerms(tokens, before, sink);
  }
}

/** A term of a formula whose result comes after it: `加上本年收入`, `扣除本年支出`, `在…的基础上，剔除上划的…`. */
const LEADING_TERM = /^(?:的基础上)?[，,]?\s*(?:再)?(加上?|减去?|扣除|剔除)/;
/** Figures a restatement adds up: this year's and last year's. */
const FIGURE = new Set<string>(['amount', 'prior']);
/** `加上A中心286.42万元、B中心412.68万元`: a figure joined to a term is a term of the same sign. */
const JOINED_TERM = /^[、和及]/;
/** The words between the last term and the figure they make: `后`, `，…合计`, `，年末…`, `，调整后…为`. */
const RESULT_NAMED = /^\s*[，,]\s*(?:[^，,。；;\d]{0,12}(?:合计|共计|总计)|(?:年末|期末)[^，,。；;\d]{0,12}|调整后[^，,。；;\d]{0,20})(?:为|达|是)?\s*$/;

/**
 * `年初结转和结余0万元，加上本年收入540.00万元，扣除本年支出512.36万元后，年末结转和结余27.64万元`: the terms first, then the figure
 * they make, after `后`. (Last year's figures restated so, too: `…决算公开的收入、支出总计为9464.86万元。按照…，加上A…286.42万元、
 * B…412.68万元，减去划出的C…135.26万元，调整后…总计为10028.70万元`, the first term closing the sentence before.)
 */
function resultAfterTerms(tokens: ProseToken[], before: ProseToken[], sink: ClaimSink): void {
  const opener = tokens.find((t) => isMoney(t.token.unit) && t.depth === 0);
  // (The first term closes the sentence before when this one opens with a term: `。按照…，加上…`.)
  // (Its whole, when that sentence breaks it down: `本年收入合计1286.47万元，其中：…其他收入15.12万元…。加上年初结转和结余23.60万元，收入总计为
  // 1310.07万元`.)
  const figures = before.filter((t) => t.depth === 0 && isMoney(t.token.unit));
  const brokenDown = figures.length > 1 && /其中|包括/.test(figures[0].sentence.text.slice(figures[0].token.span.end - figures[0].sentence.span.start, figures[1].token.span.start - figures[0].sentence.span.start));
  const carried = opener && LEADING_TERM.test(opener.lead) ? (brokenDown ? figures[0] : figures.at(-1)) : undefined;
  const pool = carried ? [carried, ...tokens] : tokens;
  for (let i = 0; i + 2 < pool.length; i++) {
    const first = pool[i];
    // (A figure its words make a term is none's first: `减去随…划出的64.80万元`.)
    if (!FIGURE.has(first.role) || !isMoney(first.token.unit) || first.depth > 0 || LEADING_TERM.test(first.lead) || JOINED_TERM.test(first.lead)) continue;
    const { terms, signs, next: k } = termsFrom(pool, first, i + 1, LEADING_TERM);
    const result = pool[k];
    // (`…，调整后为4208.00万元`: the restated figure, whatever 调整后 would otherwise make of it.)
    if (terms.length < 2 || !result || !(FIGURE.has(result.role) || /^[，,]?\s*调整后(?:为|是)?$/.test(result.lead)) || result.token.unit !== first.token.unit) continue;
    const last = terms[terms.length - 1];
    const sentence = result.sentence;
    const between = sentence.text.slice((last.token.unitSpan?.end ?? last.token.span.end) - sentence.span.start, result.token.span.start - sentence.span.start).replace(/(?:19|20)\d\d\s*年度?/g, '');
    // (Or a total named right after the terms: `收入10064.09万元，加上年初结转和结余150.00万元，当年可用资金合计10214.09万元`.)
    // (Or the year-end balance the terms carry to: `年初结转和结余661.90万元，加上本年收入…，减去本年支出…，年末结转和结余347.16万元`.)
    if (!/^\s*后/.test(between) && !RESULT_NAMED.test(between)) continue;
    addFormula(sink, result, terms, signs, LEADING_TERM);
    i = k;
  }
}

/**
 * `first` and the figures of its role and unit from `from` on whose words open a term (`term`'s group 1: 加, 减, 扣除, 剔除) or join
 * the term before, with their signs.
 */
function termsFrom(tokens: ProseToken[], first: ProseToken, from: number, term: RegExp): { terms: ProseToken[]; signs: number[]; next: number } {
  const terms = [first];
  const signs = [1];
  let k = from;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    // (`加上划入单位结转资金21.00万元（A12.60万元、B8.40万元）`: a term's detail in brackets is no term.)
    if (t.depth > first.depth) continue;
    // (Last year's figure and what moved in or out of it: `原…2018年末…结转和结余486.20万元，减去…划出的64.80万元`.)
    if (!(t.role === first.role || (FIGURE.has(t.role) && FIGURE.has(first.role))) || t.token.unit !== first.token.unit) break;
    const m = term.exec(t.lead);
    if (m) signs.push(/^[减扣剔\-－−]/.test(m[1]) ? -1 : 1);
    else if (terms.length > 1 && JOINED_TERM.test(t.lead)) signs.push(signs.at(-1)!);
    else break;
    terms.push(t);
  }
  return { terms, signs, next: k };
}

/** `result` is the signed sum of `terms` (each named by its words less the operator `operator` matches). */
function addFormula(sink: ClaimSink, result: ProseToken, terms: ProseToken[], signs: number[], operator: RegExp): void {
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.stated-formula',
    description: l(`${result.subject || '该数'}按文中所列算式计算`, `${result.subject || 'the figure'} by the formula the text gives`),
    span: result.token.span,
    total: operand(result.token, result.subject || '该数'),
    parts: terms.map((t) => operand(t.token, t.subject.replace(operator, '') || '该项')),
    signs,
    exhaustive: true,
  });
}

/** `支出大于收入6989.05万元`, `收入超过支出…`: the gap between the two sides, the larger named first. */
const GAP = /(收入|支出)(?:大于|超过|超出|多于|高于)(收入|支出)(?:的部分)?(?:为|是|达)?$/;

/**
 * `本年支出合计55343.49万元，本年收入合计48354.44万元，支出大于收入6989.05万元`: the gap the sentence states between the
 * spending and the income it states before it (the last of each side).
 */
export function differenceClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    for (let i = 2; i < tokens.length; i++) {
      const d = tokens[i];
      const gap = d.role === 'amount' && isMoney(d.token.unit) ? GAP.exec(d.lead) : null;
      if (!gap || gap[1] === gap[2]) continue;
      const side = (word: string) => tokens.slice(0, i).reverse().find((t) => money(t) && t.token.unit === d.token.unit && new RegExp(`${word}(?:合计)?$`).test(t.subject) && !/总计$/.test(t.subject));
      const [larger, smaller] = gap[1] === '支出' ? [side('支出'), side('收入')] : [side('收入'), side('支出')];
      if (!larger || !smaller) continue;
      const name = `${gap[1]}大于${gap[2]}`;
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.difference',
        description: l(`${name} = ${larger.subject} − ${smaller.subject}`, `${name} = ${larger.subject} − ${smaller.subject}`),
        span: d.token.span,
        total: operand(d.token, name),
        parts: [operand(larger.token, larger.subject), operand(smaller.token, smaller.subject)],
        signs: [1, -1],
        exhaustive: true,
      });
    }
  }
}

/** The figure a refund is set against, net of it: `…，支出决算4126.58万元`. */
const NET_AFTER_REFUND = /^[，,]?\s*(?:全年|本年|当年)?(?:实际)?(?:支出决算(?:数)?|决算(?:数)?|实际支出|净支出)(?:为|是)?$/;

/**
 * `全年发放农村低保金4138.94万元，收回以前年度违规领取的低保金12.36万元冲减当年支出，支出决算4126.58万元`: the spending
 * stated after a refund set against it is the gross less the refund.
 */
export function refundClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    for (let i = 1; i + 1 < tokens.length; i++) {
      const [gross, refund, net] = [tokens[i - 1], tokens[i], tokens[i + 1]];
      if (!money(refund) || !money(gross) || net.role !== 'amount' || net.ownSubject || net.year !== undefined) continue;
      const end = refund.token.unitSpan?.end ?? refund.token.span.end;
      const text = refund.sentence.text;
      const from = end - refund.sentence.span.start;
      if (!OFFSET_AFTER.test(text.slice(from, from + 8)) || !NET_AFTER_REFUND.test(net.lead)) continue;
      if (gross.token.unit !== refund.token.unit || net.token.unit !== refund.token.unit) continue;
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.net-of-refund',
        description: l(`支出决算 = ${gross.subject} − ${refund.subject}`, `spending = ${gross.subject} − ${refund.subject}`),
        span: net.token.span,
        total: operand(net.token, '支出决算'),
        parts: [operand(gross.token, gross.subject), operand(refund.token, refund.subject)],
        signs: [1, -1],
        exhaustive: true,
      });
    }
  }
}
