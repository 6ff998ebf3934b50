// 绩效 grades: `自评得分97.45分，评价等级为“优”`. The grade is the one the report's scale gives the score
// (`90分（含）以上为“优”，80（含）—90分为“良”，60（含）—80分为“中”，60分以下为“差”`), or, where the report states no scale, the
// usual one of the performance-evaluation rules (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below).
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, GradeClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

type Band = GradeClaim['bands'][number];

const USUAL_SCALE: Band[] = [
  { grade: '优', low: 90, inclusive: true },
  { grade: '良', low: 80, inclusive: true },
  { grade: '中', low: 60, inclusive: true },
  { grade: '差', low: 0, inclusive: true },
];

/** A grade's word: `优`, `优秀`, `良好`, `合格`, `不合格`, `一等`, `较差`. */
const GRADE_WORD = '(?:不合格|优秀|良好|合格|一般|较差|中等|[一二三四]等|优|良|中|差)';
/** A sentence that states a scale: grades with the scores they start from (`90分（含）以上为“优”`, `得分≥90分为优秀`). */
const SCALE_SENTENCE = new RegExp(String.raw`(?:\d\s*分?\s*(?:[（(]含[)）])?\s*(?:以上|及以上)|[≥>＞]\s*=?\s*\d{2}\s*分)[^。]{0,80}${GRADE_WORD}`);
/**
 * The lowest score of a grade: `90分（含）以上为“优”`, `80（含）—90分为“良”`, `80-89分为良`, `75分（含）至90分的为良好`, `得分≥90分为优秀`,
 * `80分≤得分＜90分为良好`; the last grade, `60分以下为“差”`, `得分＜70分为较差`, from nothing.
 */
const BAND = new RegExp(String.raw`(?:(\d{1,3})\s*分?\s*([（(](?:不)?含[)）])?\s*分?\s*(?:(?:及)?以上|[—\-－~～至到]\s*\d{1,3}(?:\.\d+)?\s*分?\s*(?:[（(](?:不)?含[)）])?(?:之间)?)|得分\s*(?:≥|>=|＞=|大于等于)\s*(\d{1,3})\s*分?|(\d{1,3})\s*分?\s*(?:≤|<=|＜=)\s*得分\s*[＜<]\s*\d{1,3}\s*分?|(\d{1,3})\s*分?(?:以下|以内)|得分\s*[＜<]\s*(\d{1,3})\s*分?)[^，,；;。\d]{0,6}?(?:为|评为|定为)\s*[“"‘]?(${GRADE_WORD})`, 'g');

/** A grade stated for a score: `评价等级为“优”`, `自评结果为“良”`, `评为优秀`, `等级为良好`. */
const GRADE_STATED = new RegExp(String.raw`(?:(?:评价|评定|自评|绩效|综合)?等级|(?:评价|自评)结果|评定结果)(?:为|是|评定为|达到|属于)\s*[“"‘]?(${GRADE_WORD})|评为\s*[“"‘]?(${GRADE_WORD})(?![^，,；;。]{0,4}的?项目)`, 'g');
/** On the usual scale, the words of its grades: `优秀` is 优, `良好` 良. */
const USUAL_WORDS: Record<string, string> = { 优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 差: '差' };
/** The usual grades in two characters, for a report that writes `优秀`/`良好`: a fix writes the grade the same way. */
const USUAL_LONG: Record<string, string> = { 优: '优秀', 良: '良好', 中: '中等', 差: '较差' };

/** How a grade written `word` spells the others: the usual grades in two characters where it used two. */
function spellingOf(word: string, scale: Band[] | undefined): Record<string, string> | undefined {
  return !scale && word.length === 2 ? USUAL_LONG : undefined;
}

/** The name of a whole score (not one indicator's): `自评得分`, `总分`, `综合评分`. */
const WHOLE_SCORE = /(?:^|自评|评价|综合|整体|项目|绩效)(?:总得?分|得分|评分)$/;
/** How far before its grade a score may stand. */
const MAX_SCORE_GAP = 40;

export function gradeClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  const scale = statedScale(model);
  // (A scale the text states in words this reader does not follow: no grade is judged by another.)
  if (scale === null) return;
  tableGrades(model, scale, sink);
  for (const sentence of model.sentences) {
    const tokens = analysis.bySentence.get(sentence.id);
    if (!tokens?.some((t) => t.role === 'score')) continue;
    const text = model.text.slice(sentence.span.start, sentence.span.end);
    if (!/[优良中差合等般]/.test(text)) continue;
    for (const m of text.matchAll(GRADE_STATED)) {
      const word = m[1] ?? m[2];
      const grade = scale ? word : USUAL_WORDS[word];
      // (A word the scale in use has no grade of, `合格` on the usual one: not judged.)
      if (!grade || (scale && !scale.some((b) => b.grade === word))) continue;
      const at = sentence.span.start + m.index! + m[0].lastIndexOf(word);
      const score = scoreBefore(tokens, at, model.text);
      if (!score) continue;
      sink.add<GradeClaim>({
        kind: 'grade',
        origin: 'prose',
        identity: 'prose.grade',
        description: l(`${score.subject}的评价等级`, `the grade of ${score.subject}`),
        span: { start: at, end: at + word.length },
        score: operand(score.token, score.subject),
        grade,
        gradeSpan: { start: at, end: at + word.length },
        spelling: spellingOf(word, scale),
        bands: scale ?? USUAL_SCALE,
        scaleStated: scale !== undefined,
      });
    }
  }
}

/** A table's whole-score column and its grade column: `自评得分 | 评价等级`. */
const SCORE_HEADER = /(?:自评|评价|综合|总)?(?:得分|评分|总分)$/;
const GRADE_HEADER = /(?:评价|评定|自评|绩效)?(?:等级|等次|结果)$/;
/** A grade cell: `优`, `良好`, `“中”`. */
const GRADE_CELL = new RegExp(String.raw`^[“"‘]?(${GRADE_WORD})[”"’]?$`);

/** `序号 | 项目名称 | … | 自评得分 | 评价等级` over `1 | … | 99.65 | 优`: each row's grade against its score. */
function tableGrades(model: DocumentModel, scale: Band[] | undefined, sink: ClaimSink): void {
  for (const table of model.tables) {
    const header = (c: number) => table.columns[c].headerPath.at(-1)?.replace(/[（(].*$/, '') ?? '';
    const scores = table.columns.filter((c) => SCORE_HEADER.test(header(c.index)) && !/指标|分值/.test(header(c.index)));
    const grades = table.columns.filter((c) => GRADE_HEADER.test(header(c.index)));
    if (scores.length !== 1 || grades.length !== 1) continue;
    for (const row of table.rows) {
      if (row.kind !== 'data') continue;
      const id = row.cells[scores[0].index]?.number;
      const cell = row.cells[grades[0].index];
      const word = cell ? GRADE_CELL.exec(cell.text.trim())?.[1] : undefined;
      const grade = word && (scale ? (scale.some((b) => b.grade === word) ? word : undefined) : USUAL_WORDS[word]);
      if (id === undefined || !cell || !word || !grade || model.numbers[id].value.gt(100)) continue;
      const at = cell.span.start + cell.text.indexOf(word);
      const label = `${row.label || '本行'}${header(scores[0].index)}`;
      sink.add<GradeClaim>({
        kind: 'grade',
        origin: 'table',
        identity: 'table.grade',
        description: l(`${label}的评价等级`, `the grade of ${label}`),
        span: { start: at, end: at + word.length },
        score: operand(model.numbers[id], label),
        grade,
        gradeSpan: { start: at, end: at + word.length },
        spelling: spellingOf(word, scale),
        bands: scale ?? USUAL_SCALE,
        scaleStated: scale !== undefined,
      });
    }
  }
}

/** The whole score right before a grade in its sentence: nearest, within a few characters, with no `；` between. */
function scoreBefore(tokens: ProseToken[], at: number, text: string): ProseToken | undefined {
  let nearest: ProseToken | undefined;
  for (const t of tokens) if (t.token.span.end <= at && t.role === 'score') nearest = t;
  if (!nearest || nearest.depth > 0 || !nearest.ownSubject || !WHOLE_SCORE.test(nearest.subject) || nearest.token.value.gt(100)) return undefined;
  const gap = text.slice(nearest.token.unitSpan?.end ?? nearest.token.span.end, at);
  return gap.length <= MAX_SCORE_GAP && !/[；;]/.test(gap) ? nearest : undefined;
}

/**
 * The scale the report states, best grade first; undefined when it states none, null when it states one this reader cannot
 * follow (fewer than three of its grades' lowest scores read, or grades not in order).
 */
function statedScale(model: DocumentModel): Band[] | undefined | null {
  for (const sentence of model.sentences) {
    const text = model.text.slice(sentence.span.start, sentence.span.end);
    if (!SCALE_SENTENCE.test(text)) continue;
    const bands = new Map<string, Band>();
    for (const m of text.matchAll(BAND)) {
      const word = m[7];
      if (bands.has(word)) continue;
      // (The last grade, below a score, starts from nothing.)
      const low = m[1] ?? m[3] ?? m[4];
      bands.set(word, { grade: word, low: low === undefined ? 0 : Number(low), inclusive: !/不含/.test(m[2] ?? '') });
    }
    const ordered = [...bands.values()].sort((a, b) => b.low - a.low);
    if (ordered.length < 3 || ordered.some((b, k) => k > 0 && b.low >= ordered[k - 1].low) || ordered.at(-1)!.low !== 0) return null;
    return ordered;
  }
  return undefined;
}
