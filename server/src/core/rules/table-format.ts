import { ECONOMIC_CLASSES } from '../model/tables';
import type { Table, TableRow } from '../types';
import { l, type Rule } from './rule';

const STANDARD = /^T\d\d$/;

function entryName(row: TableRow, col: number): string {
  const e = row.entries?.find((x) => x.valueCols.includes(col));
  return e ? [e.code, e.label].filter(Boolean).join(' ') : `第${row.line + 1}行`;
}

/**
 * Layout damage in the tables that would otherwise be read as amounts: a subject code shifted into
 * an amount cell (tables.md §0, xining `:287`), text in an amount cell of a standard table.
 */
export const tableFormat: Rule = {
  meta: {
    id: 'table-format',
    type: 'layout',
    defaultSeverity: 'warning',
    description: l('表格版式错误（科目代码错位、金额栏无法读取）', 'Table layout damage (a code shifted into an amount cell, an unreadable amount)'),
    fixable: false,
    messages: {
      shiftedCode: l('科目代码“{code}”错位到“{row}”的金额栏', 'Subject code "{code}" shifted into the amount cell of "{row}"'),
      unreadable: l('金额栏“{text}”无法读作金额', 'Amount cell "{text}" cannot be read as an amount'),
    },
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          if (cell.shiftedCode) reportShift(table, row, cell.col);
          else if (cell.unreadable && STANDARD.test(table.kind)) {
            const text = cell.text.trim();
            ctx.report({
              messageId: 'unreadable',
              message: l(`金额栏“${text}”无法读作金额`, `Amount cell "${text}" cannot be read as an amount`),
              explanation: l(
                `“${entryName(row, cell.col)}”的金额栏不是数字，涉及它的表内和表间关系均未核对。`,
                `The amount cell of "${entryName(row, cell.col)}" is not a number; the relations it takes part in were not checked.`,
              ),
              span: cell.span,
            });
          }
        }
      }
    }

    function reportShift(table: Table, row: TableRow, col: number): void {
      const cell = row.cells[col];
      const code = cell.shiftedCode!;
      const owner = entryName(row, col);
      const orphan = row.entries?.find((e) => e.codeRecovered && e.code === code);
      const name = orphan?.label || ECONOMIC_CLASSES[code] || '';
      ctx.report({
        messageId: 'shiftedCode',
        message: l(`科目代码“${code}”错位到“${owner}”的金额栏`, `Subject code "${code}" shifted into the amount cell of "${owner}"`),
        explanation: l(
          `“${owner}”的金额栏为 ${code}，而同一行的“${name}”缺少科目代码；${code} 是经济分类科目“${ECONOMIC_CLASSES[code] ?? name}”的代码，应为代码错位（按金额读会得 ${code} ${table.unit}）。该单元格未作为金额参与核对。`,
          `The amount cell of "${owner}" holds ${code} while "${name}" on the same line has no code; ${code} is the economic classification code of "${ECONOMIC_CLASSES[code] ?? name}", so the code slid one cell left (read as an amount it would be ${code} ${table.unit}). The cell is not used as an amount.`,
        ),
        span: cell.span,
        related: orphan?.labelSpan ? [{ span: orphan.labelSpan, message: l(`缺少代码的科目：${name}`, `row missing its code: ${name}`) }] : [],
      });
    }
  },
};
