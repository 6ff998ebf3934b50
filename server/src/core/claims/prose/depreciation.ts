// Fixed assets in the prose (国有资产占用情况): `年末固定资产原值2386.55万元，累计折旧832.35万元，固定资产净值1563.20万元` — the
// cost is the depreciation so far and the net value together.
import { isMoney, operand } from '../../arith/interval';
import { l } from '../../messages';
import type { SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

const ORIGINAL = /原值$/;
const DEPRECIATED = /累计折旧(?:[（(]摊销[)）])?$/;
const NET = /净值$/;

export function depreciationClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    const money = tokens.filter((t) => t.role === 'amount' && t.depth === 0 && t.year === undefined && isMoney(t.token.unit));
    const find = (re: RegExp) => money.find((t) => re.test(t.subject) || re.test(t.lead.replace(/[，,、；;\s]/g, '')));
    const [original, depreciated, net] = [find(ORIGINAL), find(DEPRECIATED), find(NET)];
    // (The three in one sentence, in the order reports write them, each once.)
    if (!original || !depreciated || !net || !(original.index < depreciated.index && depreciated.index < net.index)) continue;
    if (new Set<ProseToken>([original, depreciated, net]).size < 3) continue;
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.depreciation',
      description: l('固定资产原值 = 累计折旧 + 净值', 'fixed assets at cost = accumulated depreciation + net value'),
      span: original.token.span,
      total: operand(original.token, '固定资产原值'),
      parts: [operand(depreciated.token, '累计折旧'), operand(net.token, '净值')],
      exhaustive: true,
    });
  }
}
