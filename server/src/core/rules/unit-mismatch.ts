import { tableName } from '../claims/tables/access';
import { followingSumInYi } from '../model/units';
import type { MoneyUnit, NumberToken, Span, Table } from '../types';
import { l, type Rule, type RuleContext } from './rule';

/**
 * Also a share whose % sign was dropped (`占 76.23;` among `占 X%` siblings), read as a percentage.
 *
 * `基本支出3373.17元` where 万元 is meant (rounding.md §6): the model reads such a number in 万元
 * (its digits stand in 万元 elsewhere, or it is far too small for a 元 amount / far too large for a
 * 亿元 amount beside its 万元 siblings), every relation is checked with that reading, and this rule
 * reports the slip. The fix is safe only when the same digits stand in 万元 elsewhere (in the prose, or in a table in 万元).
 */
export const unitMismatch: Rule = {
  meta: {
    id: 'unit-mismatch',
    type: 'problem',
    defaultSeverity: 'warning',
    description: l('单位与上下文不一致（如万元写成元、占比缺少百分号）', 'A unit inconsistent with its context (元 where 万元 is meant, a share without its % sign)'),
    fixable: true,
    messages: {
      slip: l('“{raw}{unit}”的单位应为{expected}', 'The unit of "{raw}{unit}" should be {expected}'),
      missingPercent: l('比率“{raw}”缺少百分号', 'The rate "{raw}" lacks its % sign'),
      tableSlip: l('{table}的单位“{unit}”应为{expected}', 'The unit "{unit}" of {table} should be {expected}'),
    },
  },
  check(ctx) {
    for (const n of ctx.model.numbers) {
      if (n.missingPercent) {
        ctx.report({
          messageId: 'missingPercent',
          message: l(`比率“${n.raw}”缺少百分号`, `The rate "${n.raw}" lacks its % sign`),
          explanation: l(
            `${n.raw} 没有单位，而它按文意是比率（“占”“完成预算的”“增长”“下降”之后）；按 ${n.text}% 核对。`,
            `${n.raw} has no unit, but the words make it a rate (after 占, 完成预算的, 增长 or 下降); it is checked as ${n.text}%.`,
          ),
          span: n.span,
          fixes: [{ title: l('补上百分号', 'Add the % sign'), edits: [{ span: { start: n.span.end, end: n.span.end }, newText: '%' }], safe: true, preferred: true, kind: 'fix-unit' }],
        });
        continue;
      }
      if (n.readAs && n.unitSpan) reportSlip(ctx, n, n.readAs, n.unitSpan);
    }
    for (const table of ctx.model.tables) if (table.unitSlip && table.unitSpan) reportTableSlip(ctx, table, table.unitSpan);
  },
};

/** A table's unit line in the unit of none of its figures (model/units.ts `resolveTableUnitSlips`). */
function reportTableSlip(ctx: RuleContext, table: Table, unitSpan: Span): void {
  const name = tableName(table);
  ctx.report({
    messageId: 'tableSlip',
    message: l(`${name}的单位“${table.unitSlip}”应为${table.unit}`, `The unit "${table.unitSlip}" of ${name} should be ${table.unit}`),
    explanation: l(
      `表中的数字与别处以${table.unit}计的数字（其他表格或正文）相同，按${table.unitSlip}则与它们相差上万倍；表内和表间核对按${table.unit}进行。`,
      `Its figures are those stated in ${table.unit} elsewhere (other tables or the text), which in ${table.unitSlip} they would contradict ten thousand times over; all checks read it in ${table.unit}.`,
    ),
    span: unitSpan,
    fixes: [{ title: l(`单位改为${table.unit}`, `Change the unit to ${table.unit}`), edits: [{ span: unitSpan, newText: table.unit }], safe: true, preferred: true, kind: 'fix-unit' }],
  });
}

/** A unit slip (its own function: the look-up's closure would cost a context per number in the loop). */
function reportSlip(ctx: RuleContext, n: NumberToken, readAs: MoneyUnit, unitSpan: Span): void {
  // (A table's cell counts in its table's unit: `支出决算为18.64元` beside 公开05表's 18.64 in 万元.)
  const inUnit = (m: NumberToken) => m.unit === readAs || (m.cell !== undefined && m.unit === 'none' && ctx.model.tables[m.cell.table]?.unit === readAs);
  const elsewhere = ctx.model.numbers.length < 200000 ? ctx.model.numbers.filter((m) => m !== n && m.text === n.text && inUnit(m)) : [];
  const parts = elsewhere.length === 0 && readAs === '亿元' && n.unit === '万元' ? followingSumInYi(ctx.model, n) : undefined;
  // (`支出决算为812000万元` beside 公开05表's 81.20: the 元 value written under 万元, model/units.ts.)
  const inWan = (m: NumberToken) => m.unit === '万元' || (m.cell !== undefined && m.unit === 'none' && ctx.model.tables[m.cell.table]?.unit === '万元');
  const wanValue = elsewhere.length === 0 && readAs === '元' && n.unit === '万元' ? ctx.model.numbers.find((m) => m !== n && !m.zero && inWan(m) && m.value.times(10000).eq(n.value)) : undefined;
  const why = elsewhere.length
    ? l(`同一数字在别处以${readAs}出现`, `the same digits appear in ${readAs} elsewhere`)
    : wanValue
      ? l(`它恰为别处以万元列示的 ${wanValue.text} 的一万倍，即 ${wanValue.text}万元以元计的数，而同句其他金额以万元计`, `it is exactly ten thousand times ${wanValue.text} stated in 万元 elsewhere, that is ${wanValue.text} 万元 in 元, while its siblings are in 万元`)
    : parts
      ? l(`其后各项合计 ${parts.toString()}万元，即 ${n.text}亿元；按万元计它只有其中各项的万分之一`, `the figures after it add up to ${parts.toString()} 万元, that is ${n.text} 亿元; read in 万元 it would be a ten-thousandth of its parts`)
    : n.unit === '元'
      ? l(`同句/同行的其他金额均以${readAs}计，${n.text}${n.unitText}（${n.value.div(10000).toString()}${readAs}）不合常理`, `its sibling amounts are in ${readAs}; ${n.text}${n.unitText} would be only ${n.value.div(10000).toString()} ${readAs}`)
      : l(`同句/同行的其他金额均以${readAs}计，${n.text}${n.unitText}（${n.value.times(10000).toString()}${readAs}）是它们的上万倍`, `its sibling amounts are in ${readAs}; ${n.text}${n.unitText} would be ${n.value.times(10000).toString()} ${readAs}, ten thousand times their size`);
  ctx.report({
    messageId: 'slip',
    message: wanValue
      ? l(`“${n.raw}${n.unitText}”的数字似为以元计的金额（即 ${wanValue.text}万元）`, `"${n.raw}${n.unitText}" seems to be the amount in 元 (${wanValue.text} 万元)`)
      : l(`“${n.raw}${n.unitText}”的单位应为${readAs}`, `The unit of "${n.raw}${n.unitText}" should be ${readAs}`),
    explanation: l(`${why['zh-cn']}；其余核对按 ${n.text}${readAs} 进行。`, `${why.en}; all checks read it as ${n.text} ${readAs}.`),
    span: { start: n.span.start, end: unitSpan.end },
    related: elsewhere.slice(0, 3).map((m) => ({ span: m.span, message: l(`${m.text}${m.unitText || readAs}`, `${m.text} ${m.unitText || readAs}`) })),
    fixes: [
      // (The 元 value under 万元: its 万元 figure, as the sentence writes its others, is the likelier intent.)
      ...(wanValue ? [{ title: l(`改为 ${wanValue.text}万元`, `Change to ${wanValue.text} 万元`), edits: [{ span: n.span, newText: wanValue.text }], safe: false, preferred: true, kind: 'fix-unit' as const }] : []),
      { title: l(`单位改为${readAs}`, `Change the unit to ${readAs}`), edits: [{ span: unitSpan, newText: readAs }], safe: elsewhere.length > 0, preferred: !wanValue, kind: 'fix-unit' },
    ],
  });
}
