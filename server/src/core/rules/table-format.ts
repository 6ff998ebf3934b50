import { COLUMN_WORD, ECONOMIC_CLASSES } from '../model/tables';
import type { Table, TableCell, TableRow } from '../types';
import { l, type Rule } from './rule';

const STANDARD = /^T\d\d$/;
/**
 * A cell where no amount was meant: a sentence (a template's `增减变化原因等说明` row holds one) or a web page's
 * leftover rule characters (`|||||`).
 */
// (`涉密`, `涉密不公开`, `不予公开`: an amount withheld on purpose, not one the conversion broke.)
// (`因公出国（境）团组数（个）`: a statistic's label, its count in the cell after it, in the 相关统计数 rows under 公开09表.)
const NO_AMOUNT_MEANT = /^[|｜\s\-—_=+*#]+$|[，,。；;].*[，,。；;]|^.{31,}$|^[（(]?(?:涉密|保密|不公开|不予公开|涉密不公开)[)）]?$|^[\u4e00-\u9fff（）()]{2,20}[（(](?:个|人|辆|人次|批次|次|台|套|台（套）)[)）]$/s;
/** Digits and separators only (`4,036,8 30.00`): an amount the conversion broke, however many commas. */
const BROKEN_AMOUNT = /^[\d,.\s]+$/;
const UNFINISHED_TABLE = l('表格注明尚未完成，缺少的行未核对', 'The table is marked unfinished; the rows it lacks were not checked');
const TRUNCATED = l('表格似未粘贴完整：最后一行之后缺少行', 'The table seems cut short: rows are missing after its last one');
const UNFILLED_ROWS = l('下级科目全部为 0 或空白，似尚未填写', 'The rows under this subject are all 0 or blank: they seem not filled in yet');
const UNFILLED_COLUMN = l('此栏全部为 0 或空白，似尚未填写', 'This column is all 0 or blank: it seems not filled in yet');
const UNFILLED = l('此表数字全部为 0 或空白，似尚未填写', 'Every figure of this table is 0 or blank: it seems not filled in yet');
const UNREAD = l('此表未能按栏读取，表内数字均未核对', 'This table could not be read column by column; none of its figures were checked');

function entryName(row: TableRow, col: number): string {
  const e = row.entries?.find((x) => x.valueCols.includes(col));
  const name = e ? [e.code, e.label].filter(Boolean).join(' ') : '';
  return name || `第${row.line + 1}行`;
}

/**
 * The unreadable amount cells of `row` when every one of them is a column name of the table (a header
 * line merged into the 合计 row by PDF conversion: `合计⇥⇥⇥105.00⇥合计⇥基本支出⇥项目支出`): one cause,
 * reported once. Undefined when the row has none or any other unreadable text.
 */
function headerWordCells(table: Table, row: TableRow): TableCell[] | undefined {
  // (Most rows have no unreadable cell: no list for them.)
  if (!row.cells.some((c) => c.unreadable)) return undefined;
  const cells = row.cells.filter((c) => c.unreadable);
  const headerWords = new Set(table.columns.flatMap((c) => c.headerPath));
  const isHeaderWord = (c: TableCell) => {
    const word = c.text.replace(/\s|\*\*/g, '');
    return headerWords.has(word) || COLUMN_WORD.test(word);
  };
  return cells.every(isHeaderWord) ? cells : undefined;
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
      headerInRow: l('“{row}”行的金额栏是表头文字“{words}”', 'The amount cells of row "{row}" hold header words "{words}"'),
      unread: UNREAD,
      unfilled: UNFILLED,
      unfinished: UNFINISHED_TABLE,
      truncated: TRUNCATED,
      unfilledRows: UNFILLED_ROWS,
      unfilledColumn: UNFILLED_COLUMN,
    },
  },
  check(ctx) {
    // A space-aligned table the reader refused: say so, or a clean result would claim it was checked.
    for (const unread of ctx.model.unreadTables) {
      const first = ctx.lineIndex.positionAt(unread.span.start).line + 1;
      const last = unread.lastLine + 1;
      if (unread.layout === 'unfilled') {
        // (A warning, not a note: published so, the table contradicts the text; one finding instead of one per cell.)
        ctx.report({
          messageId: 'unfilled',
          message: UNFILLED,
          explanation: l(
            `第${first}–${last}行的表格${unread.reason['zh-cn']}，似尚未填写（或粘贴了模板）。本表未与文中及其他表逐项核对；填入数字后即会核对。`,
            `In the table on lines ${first}–${last}, ${unread.reason.en}: it seems not filled in yet (or the template was pasted). It was not compared with the text or other tables item by item; it will be once its figures are in.`,
          ),
          span: unread.span,
        });
        continue;
      }
      ctx.report({
        messageId: 'unread',
        severity: 'info',
        message: UNREAD,
        explanation:
          unread.layout === 'too-wide'
            ? l(
                `第${first}–${last}行的表格${unread.reason['zh-cn']}，远多于任何决算公开表（似非表格，或多行粘成了一行），未逐栏读取，表内数字均未核对。`,
                `The table on lines ${first}–${last} has ${unread.reason.en}, far more than any disclosure table (it seems no table, or many rows pasted into one line): it was not read column by column, and none of its figures were checked.`,
              )
            : unread.layout === 'cell-per-line'
            ? l(
                `第${first}–${last}行的表格每个单元格各占一行（从 PDF 阅读器复制表格时常见），空单元格已丢失，无法确定各数字所在的栏，本表未参与表内和表间核对。可从 Excel 或原表重新粘贴（制表符分隔），或改用 Markdown 表格。`,
                `The table on lines ${first}–${last} has every cell on a line of its own (as copying from a PDF viewer leaves it) and its blank cells are lost, so the column of each figure cannot be known: it was left out of the in-table and cross-table checks. Paste it again from Excel or the source (tab-separated), or as a Markdown table.`,
              )
            : l(
                `第${first}–${last}行按空格对齐的表格中，有单元格无法确定所在的栏：${unread.reason['zh-cn']}。为免把数字读进错误的栏而误报，本表未参与表内和表间核对。可改用制表符分隔或 Markdown 表格。`,
                `In the space-aligned table on lines ${first}–${last}, the column of some cell is in doubt: ${unread.reason.en}. Rather than read a figure into the wrong column, the table was left out of the in-table and cross-table checks. Tab-separated or Markdown tables can be read.`,
              ),
        span: unread.span,
      });
    }
    for (const table of ctx.model.tables) {
      if (table.unfinished) {
        // (Said so that a clean result is not taken for a checked table.)
        ctx.report({
          messageId: 'unfinished',
          severity: 'info',
          message: UNFINISHED_TABLE,
          explanation: l(
            '表下注明表格尚未完成：表中缺少的行不按 0 核对，合计与各行之和也暂不核对；粘贴完整后即会核对。',
            'The note under the table says it is not finished: the rows it lacks are not taken as 0, and its total is not set against its rows yet; they will be once it is complete.',
          ),
          span: table.unfinished,
        });
      }
      if (table.truncated) reportTruncated(table.truncated);
      for (const column of table.unfilledColumns ?? []) {
        ctx.report({
          messageId: 'unfilledColumn',
          message: l(`“${column.column}”栏全部为 0 或空白，似尚未填写`, `The "${column.column}" column is all 0 or blank: it seems not filled in yet`),
          explanation: l(
            `本表有 ${column.rows} 行的“${column.total}”大于各栏之和，而“${column.column}”栏全部为 0 或空白：该栏似尚未填写（或粘贴了模板），而不是每行都有误。这些行的合计、该栏与文中及其他表的对应数字均未核对；填入后即会核对。`,
            `In ${column.rows} rows the "${column.total}" exceeds the sum of its parts, while the "${column.column}" column is all 0 or blank: the column seems not filled in yet (or the template was pasted), rather than every row wrong. Neither the rows' totals nor the column's match with the text and other tables was checked; they will be once its figures are in.`,
          ),
          span: column.span,
        });
      }
      for (const parent of table.unfilledParents ?? []) {
        // (Rows missing under the last row of a table cut short: said once, by the truncation.)
        if (table.truncated?.shortfalls.some((s) => s.name === parent.name)) continue;
        ctx.report({
          messageId: 'unfilledRows',
          message: l(`“${parent.name}”的下级科目全部为 0 或空白，似尚未填写`, `The rows under "${parent.name}" are all 0 or blank: they seem not filled in yet`),
          explanation: l(
            `“${parent.name}”（${parent.column}）为 ${parent.stated}，而其下 ${parent.rows} 行全部为 0 或空白：下级科目似尚未填写（或粘贴了模板）。它与其下各行之和、这些行与文中及其他表的对应数字均未核对；填入后即会核对。`,
            `"${parent.name}" (${parent.column}) is ${parent.stated} while the ${parent.rows} rows under it are all 0 or blank: they seem not filled in yet (or the template was pasted). Neither the sum of those rows nor their match with the text and other tables was checked; they will be once the figures are in.`,
          ),
          span: parent.span,
        });
      }
      for (const row of table.rows) {
        const headerWords = STANDARD.test(table.kind) ? headerWordCells(table, row) : undefined;
        if (headerWords) reportHeaderWords(row, headerWords);
        for (const cell of row.cells) {
          if (cell.shiftedCode) reportShift(table, row, cell.col);
          else if (cell.unreadable && !headerWords && STANDARD.test(table.kind) && (BROKEN_AMOUNT.test(cell.text.trim()) || !NO_AMOUNT_MEANT.test(cell.text.trim()))) {
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

    function reportTruncated(truncated: NonNullable<Table['truncated']>): void {
      const zh = truncated.shortfalls.map((s) => `“${s.name}”（${s.column}）为 ${s.stated}，而其下已列各行之和为 ${s.listed}`).join('；');
      const en = truncated.shortfalls.map((s) => `"${s.name}" (${s.column}) is ${s.stated} while the rows listed under it add up to ${s.listed}`).join('; ');
      ctx.report({
        messageId: 'truncated',
        message: TRUNCATED,
        explanation: l(
          `${zh}：逐级都少于上级，像是“${truncated.lastName}”一行之后的行没有粘贴（草稿未完成，或转换时丢了页），而不是某个数字有误。缺少的行不按 0 核对，这些合计与已列各行之和也未核对；补齐后即会核对。`,
          `${en}: level after level the rows fall short, as when the rows after "${truncated.lastName}" were not pasted (an unfinished draft, or a page lost in conversion), not as a slipped figure does. The rows it lacks are not taken as 0, and these totals were not set against the rows listed; they will be once the table is complete.`,
        ),
        span: truncated.lastRow,
        related: truncated.shortfalls.map((s) => ({ span: s.span, message: l(`${s.name}：${s.stated} ≠ ${s.listed}`, `${s.name}: ${s.stated} ≠ ${s.listed}`) })),
      });
    }

    function reportHeaderWords(row: TableRow, cells: TableCell[]): void {
      const words = cells.map((c) => c.text.trim()).join('、');
      const name = entryName(row, cells[0].col);
      ctx.report({
        messageId: 'headerInRow',
        message: l(`“${name}”行的金额栏是表头文字“${words}”`, `The amount cells of row "${name}" hold header words "${words}"`),
        explanation: l(
          `这些文字是本表的列名，应在表头中；表头的一行可能在转换或粘贴时并入了“${name}”行，该行这些栏的金额缺失。涉及这些单元格的表内和表间关系均未核对。`,
          `These words are the table's column names and belong in the header; a header line was probably merged into row "${name}" when the table was converted or pasted, and the row's amounts in these cells are missing. The relations these cells take part in were not checked.`,
        ),
        span: { start: cells[0].span.start, end: cells.at(-1)!.span.end },
      });
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
