// `机关运行经费支出338.75万元，比2022年度减少13.39万元…。2021年至2023年机关运行经费支出分别为367.90万元、352.14万元和338.75万元`:
// last year's figure stated apart from a change that gave none is this year's figure less the change.
import { isMoney, operand } from '../../arith/interval';
import { l } from '../../messages';
import type { SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { MadeChange } from './changes';
import { normalizeSubject, subjectsMatch } from './subjects';
import type { ProseAnalysis, ProseToken } from './tokens';
import { lastYearFigures } from './share-points';

const RESTATED = /调整后|调整口径|可比口径|同口径/;

export function statedPriorClaims(analysis: ProseAnalysis, changes: MadeChange[], reportYear: number | undefined, sink: ClaimSink): void {
  if (reportYear === undefined) return;
  // (Priors a change already holds are checked with it.)
  const held = new Set<number>();
  for (const { claim } of changes) if (claim.prior?.token !== undefined) held.add(claim.prior.token);
  const byParagraph = new Map<number, Map<string, ProseToken>>();
  for (const { claim, subject } of changes) {
    const { current, delta } = claim;
    if (!current || current.token === undefined || !delta || delta.token === undefined || claim.prior || claim.direction === 'flat' || !subject) continue;
    // (A change of this year's figure against last year's: not one of an earlier year's, nor one since an older year.)
    const head = analysis.byToken.get(current.token);
    const change = analysis.byToken.get(delta.token);
    if (!head || !change || head.role !== 'amount' || head.year !== undefined || !isMoney(head.token.unit)) continue;
    if (!(/上年|去年|上一年|同比/.test(change.lead) || change.lead.includes(`${reportYear - 1}年`) || (change.year === reportYear - 1 && !change.since))) continue;
    const paragraph = head.sentence.paragraph;
    if (!byParagraph.has(paragraph)) byParagraph.set(paragraph, lastYearFigures(analysis, paragraph, reportYear));
    const name = normalizeSubject(subject);
    // (`原…决算公开的收、支总计为9610.40万元…，调整后上年收、支总计为7890.80万元`: last year's figure as restated is the one compared with.)
    const matches = [...byParagraph.get(paragraph)!].filter(([named, t]) => t.token.unit === head.token.unit && !held.has(t.token.id) && t !== head && subjectsMatch(named, name)).map(([, t]) => t);
    const stated = matches.find((t) => RESTATED.test(t.lead)) ?? matches[0];
    if (!stated) continue;
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.stated-prior',
      description: l(`${subject}上年数 = 本年数 ${claim.direction === 'up' ? '−' : '+'} 增减额`, `${subject} last year = this year ${claim.direction === 'up' ? '−' : '+'} the change`),
      span: stated.token.span,
      total: operand(stated.token, `${subject}上年数`),
      parts: [current, delta],
      signs: [1, claim.direction === 'up' ? -1 : 1],
      exhaustive: true,
    });
  }
}
