// A stock carried through the year in one sentence: `年初公务用车保有量8辆，本年新购置2辆、报废更新1辆，年末公务用车保有量9辆`,
// `车辆年初14辆，本年新增1辆，报废处置2辆，年末13辆` — what the year ended with is what it began with, plus what came in, less what
// went out.
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

const OPENING = /年初/;
const CLOSING = /年末|期末/;
const IN = /新增|新购置?|购置|购入|增加|转入|调入|划入|新建|接收/;
const OUT = /报废|处置|减少|转出|调出|划出|核销|拍卖|出售|移交|转固/;

export function stockFlowClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    const start = tokens.findIndex((t) => t.depth === 0 && (t.role === 'count' || t.role === 'amount') && OPENING.test(t.lead) && !CLOSING.test(t.lead));
    if (start < 0) continue;
    const opening = tokens[start];
    const flows: Array<{ token: ProseToken; sign: 1 | -1 }> = [];
    let closing: ProseToken | undefined;
    for (let i = start + 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.depth > 0) continue;
      // (Only figures in the opening's unit: `…净值1563.20万元，…3台（套）` ends the chain.)
      if (t.token.unit !== opening.token.unit || t.token.unitText !== opening.token.unitText) break;
      if (CLOSING.test(t.lead)) {
        closing = t;
        break;
      }
      const out = OUT.test(t.lead);
      if (!out && !IN.test(t.lead)) break;
      flows.push({ token: t, sign: out ? -1 : 1 });
    }
    if (!closing || flows.length === 0) continue;
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.stock-flow',
      description: l('年末数 = 年初数 + 本年增加 − 本年减少', 'the year-end figure = the opening one + what came in − what went out'),
      span: closing.token.span,
      total: operand(closing.token, '年末数'),
      parts: [operand(opening.token, '年初数'), ...flows.map((f) => operand(f.token.token, f.token.lead.replace(/^[，,、；;\s]+/, '') || (f.sign > 0 ? '增加' : '减少')))],
      signs: [1, ...flows.map((f) => f.sign)],
      exhaustive: true,
    });
  }
}
