// A figure in a heading (`六、一般公共预算财政拨款基本支出决算情况（合计3,345.50万元）`, `### 三、支出决算情况：**35,459.91**万元`):
// the section's own total, restated. It must equal the figure the section's first sentences state for the heading's quantity.
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, FactClaim, NumberToken, Section } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** How many sentences with figures of the section are searched for its total. */
const FIRST_SENTENCES = 3;

export function headingFigureClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  if (model.sections.length === 0) return;
  const firstTokens = sectionOpenings(model, analysis);
  let n = 0;
  for (const section of model.sections) {
    // (Numbers are in text order: walk them alongside the headings.)
    while (n < model.numbers.length && model.numbers[n].span.start < section.headingSpan.start) n++;
    const figures: NumberToken[] = [];
    for (let k = n; k < model.numbers.length && model.numbers[k].span.end <= section.headingSpan.end; k++) figures.push(model.numbers[k]);
    const money = figures.filter((f) => f.unit === '万元' || f.unit === '元' || f.unit === '亿元');
    if (money.length !== 1 || figures.some((f) => f !== money[0] && f.unit !== 'year' && f.unit !== 'none')) continue;
    const quantity = headingQuantity(model.text.slice(section.headingSpan.start, money[0].span.start));
    if (!quantity) continue;
    const stated = (firstTokens.get(section.id) ?? []).find((t) => t.role === 'amount' && t.year === undefined && sameQuantity(quantity, t.subject));
    if (!stated) continue;
    sink.add<FactClaim>({
      kind: 'fact',
      origin: 'prose',
      identity: 'prose.heading-figure',
      description: l(`标题中的${stated.subject}与正文一致`, `the heading's ${stated.subject} as the text states it`),
      span: money[0].span,
      key: `heading|${section.id}`,
      a: operand(stated.token, stated.subject),
      b: operand(money[0], `标题中的${stated.subject}`),
      looseMatch: false,
      // (The heading's words name the quantity loosely: a warning.)
      soft: true,
    });
  }
}

/** For each section, the tokens of its first sentences with figures, its subsections' included (before any other section). */
function sectionOpenings(model: DocumentModel, analysis: ProseAnalysis): Map<number, ProseToken[]> {
  const out = new Map<number, ProseToken[]>();
  const seen = new Map<number, number>();
  for (const sentence of model.sentences) {
    const tokens = analysis.bySentence.get(sentence.id);
    if (!tokens?.length) continue;
    for (let s: Section | undefined = sentence.section === undefined ? undefined : model.sections[sentence.section]; s; s = s.parent === undefined ? undefined : model.sections[s.parent]) {
      const count = seen.get(s.id) ?? 0;
      if (count >= FIRST_SENTENCES) continue;
      seen.set(s.id, count + 1);
      const opening = out.get(s.id);
      if (opening) opening.push(...tokens);
      else out.set(s.id, [...tokens]);
    }
  }
  return out;
}

/** The quantity a heading names before its figure: `六、一般公共预算财政拨款基本支出决算情况（合计` → 一般公共预算财政拨款基本支出. */
function headingQuantity(words: string): string {
  // (`…总体情况（总计：`, `…总体情况——总计 `: the words before the bracket, colon or dash that introduces the figure.)
  const name = words.replace(/^[#\s*]*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])?/, '');
  return comparable(name.replace(/[（(：:][^（(：:]*$/, '').replace(/(?:[（(][^（()）]*[：:]?|——|—)[^（(：:—]*$/, ''));
}

/** Words that only frame a quantity (决算, 情况, 合计…), quotes and spaces dropped. */
function comparable(s: string): string {
  return s.replace(/[“”"'‘’*\s、]|决算|总体|情况|说明|本年度?|本部门|本单位|(?:19|20)\d\d年度?|合计|总计|总额|数/g, '');
}

/** One quantity: the same words, one ending with the other, or the same characters in another order (财政拨款“三公”经费 / “三公”经费财政拨款). */
function sameQuantity(heading: string, subject: string): boolean {
  const body = comparable(subject);
  if (heading.length < 2 || body.length < 2) return false;
  if (heading === body || body.endsWith(heading) || heading.endsWith(body)) return true;
  return heading.length === body.length && [...heading].sort().join('') === [...body].sort().join('');
}
