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

/** A sentence that states a scale: grades with the scores they start from (`90分（含）以上为“优”`). */
const SCALE_SENTENCE = /\d\s*分?\s*(?:[（(]含[)）])?\s*(?:以上|及以上)[^。]{0,80}[优良中差]/;
/** The lowest score of a grade: `90分（含）以上为“优”`, `80（含）—90分为“良”`, `80-89分为良`, `60分以下为“差”` (no low). */
const BAND = /(\d{1,3})\s*分?\s*([（(](?:不)?含[)）])?\s*分?\s*(?:(?:及)?以上|[—\-－~～至到]\s*\d{1,3}(?:\.\d+)?\s*分?\s*(?:[（(](?:不)?含[)）])?(?:之间)?)[^，,；;。\d]{0,6}?[“"‘]?(优|良|中|差)/g;

/** A grade stated for a score: `评价等级为“优”`, `自评结果为“良”`, `评为优秀`, `等级为良好`. */
const GRADE_STATED = /(?:(?:评价|评定|自评|绩效|综合)?等级|(?:评价|自评)结果|评定结果)(?:为|是|评定为|达到|属于)\s*[“"‘]?(优|良|中|差)|评为\s*[“"‘]?(优|良|中|差)(?![^，,；;。]{0,4}的?项目)/g;

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
    if (!/[优良中差]/.test(text)) continue;
    for (const m of text.matchAll(GRADE_STATED)) {
      const grade = m[1] ?? m[2];
      const at = sentence.span.start + m.index! + m[0].lastIndexOf(grade);
      const score = scoreBefore(tokens, at, model.text);
      if (!score) continue;
      sink.add<GradeClaim>({
        kind: 'grade',
        origin: 'prose',
        identity: 'prose.grade',
        description: l(`${score.subject}的评价等级`, `the grade of ${score.subject}`),
        span: { start: at, end: at + 1 },
        score: operand(score.token, score.subject),
        grade,
        gradeSpan: { start: at, end: at + 1 },
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
const GRADE_CELL = /^[“"‘]?(优|良|中|差)(?:秀|好|等)?[”"’]?$/;

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
      const grade = cell ? GRADE_CELL.exec(cell.text.trim())?.[1] : undefined;
      if (id === undefined || !cell || !grade || model.numbers[id].value.gt(100)) continue;
      const at = cell.span.start + cell.text.indexOf(grade);
      const label = `${row.label || '本行'}${header(scores[0].index)}`;
      sink.add<GradeClaim>({
        kind: 'grade',
        origin: 'table',
        identity: 'table.grade',
        description: l(`${label}的评价等级`, `the grade of ${label}`),
        span: { start: at, end: at + 1 },
        score: operand(model.numbers[id], label),
        grade,
        gradeSpan: { start: at, end: at + 1 },
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
    for (const m of text.matchAll(BAND)) if (!bands.has(m[3])) bands.set(m[3], { grade: m[3], low: Number(m[1]), inclusive: !/不含/.test(m[2] ?? '') });
    // (`60分以下为“差”`: the last grade starts from nothing.)
    if (/差/.test(text) && !bands.has('差')) bands.set('差', { grade: '差', low: 0, inclusive: true });
    const ordered = ['优', '良', '中', '差'].map((g) => bands.get(g)).filter((b): b is Band => b !== undefined);
    if (ordered.length < 3 || ordered.some((b, k) => k > 0 && b.low >= ordered[k - 1].low)) return null;
    return ordered;
  }
  return undefined;
}
