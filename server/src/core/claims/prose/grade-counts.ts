// The grades of the projects a department evaluated itself (绩效自评, prose.md §7): `对其中9个项目开展了绩效自评…
// 评为“优”的1个、“良”的4个、“中”的5个`. Each project has one grade, so the graded counts add up to at most the
// evaluated count (to it exactly when the grades say so: countsComplete in sums.ts reads those lists).
import { checkSum, operand, sumOperand } from '../../arith/interval';
import { asExact } from '../../arith/operand';
import { l } from '../../messages';
import type { DocumentModel, FactClaim, ShareClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** The grade a count is of, in the words right before it (`评为“优”的`, `“良”的`, `等级为中的`). */
const GRADE = /(?:^|[、，,；;]|为[：:]?)\s*[“"‘]?(优秀|良好|中等|一般|较差|合格|不合格|优|良|中|差)[”"’]?(?:等次|等级|级)?的?(?:项目)?(?:有|共)?$/;
/** The end of a grade's score band, where a count's lead starts: `“优”（90分及以上）的项目` leaves `及以上）的项目`. */
const BAND_CLOSE = /^[^（()）]*[)）]的?(?:项目)?(?:有|共)?$/;
/** The words naming a count's grade: its lead, or with the grade's score band in brackets (`“良”（80分至90分）的项目`) left out. */
function gradeLead(text: string, t: ProseToken): string {
  if (!BAND_CLOSE.test(t.lead)) return t.lead;
  const before = text.slice(Math.max(t.sentence.span.start, t.token.span.start - 40), t.token.span.start);
  return before.replace(/[（(][^（()）]{0,24}[)）](?=[^（()）]*$)/, '');
}
/** A band of scores before a count: `90分（含）以上的项目`, `80（含）—90分的项目`, `60分以下的项目`. */
const SCORE_BAND = /((?:\d+(?:\.\d+)?\s*分?\s*[（(]含[）)]\s*(?:以上|以下)?|\d+(?:\.\d+)?\s*分(?:以上|以下))(?:\s*[—\-－~～至到]\s*\d+(?:\.\d+)?\s*分?(?:\s*[（(]含[）)])?(?:以下)?)?)(?:（不含）)?的?(?:项目|一级项目|二级项目)(?:有|共|数为|为)?$/;
/** The funds of the projects evaluated, after their count: `，资金763.43万元`, `，涉及资金697.00万元`. */
const EVALUATED_FUNDS_LEAD = /^[，,]?\s*(?:项目)?(?:共)?(?:涉及)?(?:项目)?资金(?:总额|合计|共计)?(?:为|共|共计)?$/;
/** A grade's funds: `，涉及资金464.82万元`, `，资金339.64万元`. */
const GRADE_FUNDS_LEAD = /^[，,、]?\s*(?:涉及)?(?:项目)?资金(?:为)?$/;
/** A grade's share of the projects: `占项目总数比例`, `占自评项目数的`. */
const COUNT_SHARE = /^[，,]?占(?:全部|自评)?项目(?:总)?(?:个)?数(?:的)?(?:比例|比重)?(?:为)?$/;
/** A grade's share of the funds: `占自评资金总额比例`, `占项目资金的`. */
const FUNDS_SHARE = /^[，,]?占(?:全部|自评)?(?:项目)?资金(?:总额|总量)?(?:的)?(?:比例|比重)?(?:为)?$/;
/** The grading scales, each complete. */
const SCALES = [
  ['优', '良', '中', '差'],
  ['优秀', '良好', '合格', '不合格'],
  ['优秀', '良好', '中等', '较差'],
  ['优秀', '良好', '一般', '较差'],
];

/** The words after the evaluated count: `个项目开展了绩效自评`, `个项目进行自评`. */
// (`11个一般公共预算项目开展了绩效自评`: a fund or kind may qualify the projects.)
// (Or the projects and their money, in a sentence of the 自评: `从自评结果看，6个项目涉及资金385.00万元，…“优”的项目3个…`.)
const EVALUATED_AFTER = /^(?:个)?(?:[^，,。；;\d]{0,10}?(?:项目|一级项目|二级项目))?[^，,。；;]{0,6}?(?:开展|进行|实施)了?(?:绩效)?自评|^个(?:自评)?项目(?:共)?涉及(?:项目)?资金/;
/** `…全面开展绩效自评，共涉及项目14个`: the projects counted after the words of the evaluation. */
const EVALUATED_LEAD = /(?:涉及|覆盖|共有|共计|共)(?:一级|二级)?项目(?:共|数)?(?:为|有|达)?$/;
const EVALUATION = /自评|绩效评价/;

/** `7个项目中`, `9个自评项目中`: the projects a list of grades is of. */
const GRADED_FRAME = /^个(?:自评)?项目中/;
/** Another kind of evaluation than the 自评, whose projects another count is of. */
const OTHER_EVALUATION = /部门评价|重点评价|财政评价|第三方评价|整体评价|单位评价/;

/**
 * `共对8个项目开展绩效自评` and, under the same top heading, `7个项目中自评结果为优的7个…`: the graded projects are the evaluated
 * ones, one count stated twice.
 */
function restatedEvaluatedCount(model: DocumentModel, analysis: ProseAnalysis, framed: ProseToken, isEvaluated: (t: ProseToken) => boolean, sink: ClaimSink): void {
  const { text } = model;
  // (Under one top heading: `（一）绩效管理工作开展情况` states the count, `（三）项目支出绩效自评结果` the grades.)
  const top = (section: number | undefined): number | undefined => {
    while (section !== undefined && model.sections[section].parent !== undefined) section = model.sections[section].parent;
    return section;
  };
  const within = top(framed.sentence.section);
  const at = analysis.tokens.indexOf(framed);
  let earlier: ProseToken | undefined;
  for (let i = at - 1; i >= 0; i--) {
    const t = analysis.tokens[i];
    if (top(t.sentence.section) !== within) break;
    if (isEvaluated(t)) {
      earlier = t;
      break;
    }
  }
  // (A 部门评价 spoken of in between may be what the grades are of, unless their sentence says 自评.)
  if (!earlier || (!/自评/.test(framed.sentence.text) && OTHER_EVALUATION.test(text.slice(earlier.token.span.end, framed.token.span.start)))) return;
  sink.add<FactClaim>({
    kind: 'fact',
    origin: 'prose',
    identity: 'prose.fact',
    description: l('开展自评的项目数两处表述', 'the number of projects evaluated, stated twice'),
    span: framed.token.span,
    key: 'evaluated-projects',
    a: asExact(operand(earlier.token, '开展自评的项目数')),
    b: asExact(operand(framed.token, '评定等次的项目数')),
    looseMatch: false,
  });
}

/** The evaluated count stated earlier in the grades' own section (`（一）绩效自评工作开展情况`), in a paragraph of its own. */
function evaluatedInSection(model: DocumentModel, analysis: ProseAnalysis, first: ProseToken, isEvaluated: (t: ProseToken) => boolean): ProseToken | undefined {
  // (Or in the section just before under the same heading: `（一）…共涉及项目10个，资金1240.49万元` then `（二）项目绩效自评结果`.)
  const own = first.sentence.section;
  let sibling: number | undefined;
  for (let i = analysis.tokens.indexOf(first) - 1; i >= 0; i--) {
    const t = analysis.tokens[i];
    const section = t.sentence.section;
    if (section !== own && section !== sibling) {
      if (sibling !== undefined || own === undefined || section === undefined || model.sections[section].parent !== model.sections[own].parent) return undefined;
      sibling = section;
    }
    if (isEvaluated(t)) return t;
  }
  return undefined;
}

export function gradeCountClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  const { text } = model;
  let previous: ProseToken[] = [];
  // The shares the share claims already read (gathered once, when a sentence of grades first asks).
  let stated: Set<number> | undefined;
  for (const [, tokens] of analysis.bySentence) {
    const before = previous[0]?.sentence.paragraph === tokens[0]?.sentence.paragraph ? previous : [];
    previous = tokens;
    // (Most sentences count no projects: passed over before anything is built for them.)
    const counted = tokens.filter((t) => t.role === 'count' && t.token.unitText === '个');
    if (counted.length < 2) continue;
    const byGrade = counted.filter((t) => GRADE.test(gradeLead(text, t)));
    // (`自评得分90分（含）以上的项目17个；80（含）—90分的项目3个；…`: grades by score band, when the sentence names no other.)
    const bandOf = (t: ProseToken) => SCORE_BAND.exec(text.slice(Math.max(t.sentence.span.start, t.token.span.start - 32), t.token.span.start))?.[1];
    const byBand = byGrade.length > 0 ? [] : counted.filter((t) => bandOf(t) !== undefined);
    const graded = byGrade.length > 0 ? byGrade : byBand;
    const gradeOf = (t: ProseToken) => (byGrade.length > 0 ? GRADE.exec(gradeLead(text, t))![1] : bandOf(t)!);
    if (graded.length < 2 || new Set(graded.map(gradeOf)).size !== graded.length) continue;
    const isEvaluated = (t: ProseToken) => t.role === 'count' && (EVALUATED_AFTER.test(text.slice(t.token.span.end, t.token.span.end + 24)) || (t.token.unitText === '个' && EVALUATED_LEAD.test(t.lead) && EVALUATION.test(text.slice(t.sentence.span.start, t.token.span.start))));
    const ahead = tokens.filter((t) => t.token.span.start < graded[0].token.span.start);
    // `7个项目中自评结果为优的7个、良的0个…`: the projects the grades are of, named right before them.
    const framed = ahead.find((t) => t.role === 'count' && GRADED_FRAME.test(text.slice(t.token.span.end, t.token.span.end + 12)));
    const evaluated = [...before, ...ahead].reverse().find(isEvaluated) ?? framed ?? evaluatedInSection(model, analysis, graded[0], isEvaluated);
    if (!evaluated) continue;
    if (evaluated === framed) restatedEvaluatedCount(model, analysis, framed, isEvaluated, sink);
    // Every grade of the scale named (优、良、中、差 or 优秀、良好、合格、不合格): each project has one of them, so all of them.
    const grades = new Set(graded.map(gradeOf));
    // (Or all but the lowest when a grade of none is stated: `“优”的3个，“良”的1个，“中”的0个` goes down the scale as far as it needs to.)
    const everyGrade = byGrade.length > 0 && SCALES.some((scale) => scale.every((g) => grades.has(g)) || (scale.slice(0, -1).every((g) => grades.has(g)) && graded.some((t) => t.token.zero)));
    // `评价等级为“优”的项目1个，占50.00%；“良”的项目0个，占0.00%`: each grade's share of the projects evaluated.
    if (!stated) {
      stated = new Set();
      for (const c of sink.claims) if (c.kind === 'share' && c.stated.token !== undefined) stated.add(c.stated.token);
    }
    // (`共涉及项目8个，资金763.43万元`: the funds of the projects evaluated, right after their count.)
    const evaluatedTokens = analysis.bySentence.get(evaluated.sentence.id) ?? [];
    const afterEvaluated = evaluatedTokens[evaluated.index + 1];
    const evaluatedFunds = afterEvaluated?.role === 'amount' && EVALUATED_FUNDS_LEAD.test(afterEvaluated.lead) ? afterEvaluated : undefined;
    // (Each grade's funds, by grade; a grade of no projects may state none: `；“差”等级0个。`)
    const fundsOf: Array<ProseToken | undefined> = [];
    for (let g = 0; g < graded.length; g++) {
      const t = graded[g];
      const grade = gradeOf(t);
      // (`评为“优”的项目5个，涉及资金464.82万元，占项目总数比例62.50%，占自评资金总额比例60.89%`: up to the next grade, the
      // grade's funds and its shares of the count and of the funds.)
      const end = g + 1 < graded.length ? graded[g + 1].index : tokens.length;
      let funds: ProseToken | undefined;
      for (let k = t.index + 1; k < end; k++) {
        const x = tokens[k];
        if (x.role === 'amount' && !funds && GRADE_FUNDS_LEAD.test(x.lead)) fundsOf[g] = funds = x;
        if (x.role !== 'share' || stated.has(x.token.id)) continue;
        const ofCount = k === t.index + 1 ? /^[，,]?占(?:比|比例)?(?:为)?$/.test(x.lead) || COUNT_SHARE.test(x.lead) : COUNT_SHARE.test(x.lead);
        const ofFunds = funds !== undefined && evaluatedFunds !== undefined && FUNDS_SHARE.test(x.lead);
        if (!ofCount && !ofFunds) continue;
        const [part, base, partLabel, baseLabel] = ofCount
          ? [t, evaluated, `“${grade}”的项目数`, '开展自评的项目数']
          : [funds!, evaluatedFunds!, `“${grade}”的项目资金`, '开展自评的项目资金'];
        sink.add<ShareClaim>({
          kind: 'share',
          origin: 'prose',
          identity: 'prose.grade-share',
          description: l(`${partLabel}占${baseLabel}的比重`, `share of ${partLabel} in ${baseLabel}`),
          span: x.token.span,
          part: operand(part.token, partLabel),
          base: operand(base.token, baseLabel),
          stated: operand(x.token, '占比'),
        });
      }
    }
    // (The grades' funds adding up to the funds evaluated say every project evaluated is graded here, so the counts add up too:
    // `对24个…项目开展了绩效自评，涉及资金34441.30万元。…“优”的项目18个，涉及资金29220.29万元；“良”…；“中”…`.)
    const fundedGrades = graded.map((_t, g) => g).filter((g) => fundsOf[g] !== undefined);
    const gradeFunds = fundedGrades.map((g) => fundsOf[g]!);
    const everyGradeFunded = gradeFunds.length > 0 && graded.every((t, g) => fundsOf[g] !== undefined || t.token.zero);
    const fundsComplete = evaluatedFunds !== undefined && everyGradeFunded && evaluatedFunds.token.value.isPositive() && checkSum(operand(evaluatedFunds.token, ''), gradeFunds.map((t) => operand(t.token, ''))).ok;
    // (Grades named from the top of the scale, `“优”的项目2个，“良”的项目1个`, are likely all of them, each project having one; that the
    // report leaves a lower grade unnamed is possible, so they only warn.)
    const fromTheTop = byGrade.length > 0 && graded.length >= 2 && SCALES.some((scale) => scale.slice(0, grades.size).every((g) => grades.has(g)));
    gradeSum(sink, 'prose.grade-counts', COUNTS, everyGrade || fundsComplete || fromTheTop, evaluated, graded, gradeOf, !(everyGrade || fundsComplete) && fromTheTop);
    goodRate(analysis, graded, gradeOf, evaluated, sink);
    // (`共涉及项目29个，资金110157.67万元` / `“优”的项目26个，涉及资金81606.42万元；“良”的项目1个，涉及资金…；“中”的…`: the funds of the
    // grades add up to the funds evaluated, exactly when every project evaluated has a grade here.)
    if (evaluatedFunds && everyGradeFunded) {
      const allGraded = everyGrade || (graded.every((t) => t.token.decimals === 0) && checkSum(operand(evaluated.token, ''), graded.map((t) => operand(t.token, ''))).ok);
      gradeSum(sink, 'prose.grade-funds', FUNDS, allGraded, evaluatedFunds, gradeFunds, (_f, k) => gradeOf(graded[fundedGrades[k]]));
    }
  }
}

/** `优良率为83.33%`, `优良等次项目占比`: the share of the projects graded 优 or 良. */
const GOOD_RATE = /优良(?:率|等次|等级)?(?:的)?(?:项目)?(?:占比|比例|比重|率)?(?:为|达到?|是)?$/;
/** How many sentences after the grades the 优良率 may stand. */
const GOOD_RATE_REACH = 2;

/**
 * `“优”11个…；“良”9个…；“中”4个…；“差”0个。优良率为83.33%。`: the share of the evaluated projects graded 优 or 良 (优秀, 良好), in the
 * grades' sentence or the next two.
 */
function goodRate(analysis: ProseAnalysis, graded: ProseToken[], gradeOf: (t: ProseToken) => string, evaluated: ProseToken, sink: ClaimSink): void {
  const good = graded.filter((t) => /^(?:优|优秀|良|良好)$/.test(gradeOf(t)));
  if (good.length !== 2) return;
  const last = graded[graded.length - 1];
  const from = analysis.tokens.indexOf(last);
  for (let i = from + 1; i < analysis.tokens.length && analysis.tokens[i].sentence.id - last.sentence.id <= GOOD_RATE_REACH; i++) {
    const rate = analysis.tokens[i];
    // (`“优”良率95.83%`: the grade quoted.)
    const lead = rate.lead.replace(/[“”"]/g, '');
    if (rate.token.unit !== '%' || !GOOD_RATE.test(lead) || !/优良/.test(lead)) continue;
    sink.add<ShareClaim>({
      kind: 'share',
      origin: 'prose',
      identity: 'prose.good-rate',
      description: l('优良率 =（“优” + “良”的项目数）/ 开展自评的项目数', 'the good rate = (projects graded 优 + 良) / projects evaluated'),
      span: rate.token.span,
      part: sumOperand(good.map((t) => operand(t.token, `“${gradeOf(t)}”的项目数`)), '优良项目数'),
      base: operand(evaluated.token, '开展自评的项目数'),
      stated: operand(rate.token, '优良率'),
    });
    return;
  }
}

const COUNTS = { zh: '项目数', en: 'projects' };
const FUNDS = { zh: '项目资金', en: 'funds' };

/** The grades' figures (their counts, or their funds) add up to the evaluated one: exactly when `complete`, else at most. */
function gradeSum(sink: ClaimSink, identity: string, what: { zh: string; en: string }, complete: boolean, total: ProseToken, parts: ProseToken[], gradeOf: (t: ProseToken, k: number) => string, soft = false): void {
  sink.add({
    kind: 'sum',
    origin: 'prose',
    identity,
    description: complete
      ? l(`各等次的${what.zh}之和等于开展自评的${what.zh}`, `The ${what.en} of each grade add up to the ${what.en} evaluated`)
      : l(`各等次的${what.zh}之和不超过开展自评的${what.zh}`, `The ${what.en} of each grade add up to at most the ${what.en} evaluated`),
    span: parts[0].token.span,
    total: operand(total.token, `开展自评的${what.zh}`),
    parts: parts.map((t, k) => operand(t.token, `“${gradeOf(t, k)}”的${what.zh}`)),
    exhaustive: complete,
    ...(soft ? { soft } : {}),
  });
}
