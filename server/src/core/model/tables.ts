// Tables in the text: tab-separated blocks pasted from Excel and Markdown pipe tables, with the
// title, table code and unit line found above them (tables.md §0).
import { parseCell, type ScannedNumber } from '../numbers/scan';
import type { Line, MoneyUnit, StandardTableId, Table, TableCell, TableColumn, TableRow, TableRowKind } from '../types';

export interface ParsedTables {
  tables: Table[];
  /** Line indexes that belong to tables (their rows; not titles). */
  tableLines: Set<number>;
  cellNumbers: Array<{ scanned: ScannedNumber; cell: { table: number; row: number; col: number } }>;
}

const MD_ROW = /^\s*\|.*\|\s*$/;
const MD_DELIMITER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** One line with two tabs, or consecutive lines with tabs, make a TSV block (a lone tab is no table). */
function tabCount(line: Line): number {
  let n = 0;
  for (let i = 0; i < line.text.length; i++) if (line.text.charCodeAt(i) === 9) n++;
  return n;
}

interface Block {
  format: 'tsv' | 'markdown';
  first: number;
  last: number;
}

function findBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (MD_ROW.test(lines[i].text) && i + 1 < lines.length && MD_DELIMITER.test(lines[i + 1].text)) {
      let j = i + 2;
      while (j < lines.length && MD_ROW.test(lines[j].text)) j++;
      blocks.push({ format: 'markdown', first: i, last: j - 1 });
      i = j;
      continue;
    }
    if (tabCount(lines[i]) > 0) {
      let j = i + 1;
      while (j < lines.length && tabCount(lines[j]) > 0) j++;
      if (j - i > 1 || tabCount(lines[i]) > 1) {
        blocks.push({ format: 'tsv', first: i, last: j - 1 });
        i = j;
        continue;
      }
    }
    i++;
  }
  return blocks;
}

function splitCells(line: Line, format: 'tsv' | 'markdown'): Array<{ start: number; end: number; text: string }> {
  const cells: Array<{ start: number; end: number; text: string }> = [];
  const text = line.text;
  if (format === 'tsv') {
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text.charAt(i) === '\t') {
        cells.push({ start: line.start + start, end: line.start + i, text: text.slice(start, i) });
        start = i + 1;
      }
    }
    return cells;
  }
  // Markdown: cells between pipes, trimmed; escaped pipes stay in the cell.
  let inner = text;
  let offset = 0;
  const lead = inner.match(/^\s*\|/);
  if (lead) {
    offset = lead[0].length;
    inner = inner.slice(offset);
  }
  inner = inner.replace(/\|\s*$/, '');
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    if (i === inner.length || (inner.charAt(i) === '|' && inner.charAt(i - 1) !== '\\')) {
      const raw = inner.slice(start, i);
      const lt = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      cells.push({ start: line.start + offset + start + lt, end: line.start + offset + start + lt + trimmed.length, text: trimmed });
      start = i + 1;
    }
  }
  return cells;
}

const TITLE_CODE = /(公开\s*\d{1,2}\s*表|附表\s*\d+|表\s*[一二三四五六七八九十\d]+|部门公开表\s*\d+)/;

/** Standard tables by title words; the code (公开NN表) wins when present. */
export function identifyTable(title: string | undefined, code: string | undefined): StandardTableId {
  const c = code?.match(/公开\s*(\d{1,2})\s*表/);
  if (c) {
    const n = Number(c[1]);
    if (n >= 1 && n <= 11) return `T${String(n).padStart(2, '0')}` as StandardTableId;
  }
  const t = (title ?? '').replace(/\s/g, '');
  if (/绩效自评表/.test(t)) return 'performance';
  if (/财政拨款收入支出决算总表/.test(t)) return 'T04';
  if (/收入支出决算总表/.test(t)) return 'T01';
  if (/收入决算表/.test(t)) return 'T02';
  if (/一般公共预算财政拨款基本支出决算表/.test(t)) return 'T06';
  if (/一般公共预算财政拨款支出决算表/.test(t)) return 'T05';
  if (/支出决算表/.test(t) && !/基金|国有资本|三公/.test(t)) return 'T03';
  if (/政府性基金/.test(t)) return 'T07';
  if (/国有资本经营/.test(t)) return 'T08';
  if (/三公/.test(t)) return 'T09';
  if (/机关运行经费/.test(t)) return 'T10';
  if (/政府采购/.test(t)) return 'T11';
  return 'unknown';
}

function unitFrom(text: string): MoneyUnit | undefined {
  const m = text.match(/单位\s*[:：]\s*(亿元|万元|元)/);
  return m ? (m[1] as MoneyUnit) : undefined;
}

export function parseTables(_text: string, lines: Line[]): ParsedTables {
  const tables: Table[] = [];
  const tableLines = new Set<number>();
  const cellNumbers: ParsedTables['cellNumbers'] = [];
  for (const block of findBlocks(lines)) {
    // Title, code and unit: up to six non-blank, non-table lines above the block.
    let title: string | undefined;
    let titleSpan: Table['titleSpan'];
    let code: string | undefined;
    let unit: MoneyUnit | undefined;
    let seen = 0;
    for (let i = block.first - 1; i >= 0 && seen < 6; i--) {
      const t = lines[i].text.trim();
      if (t === '') continue;
      if (tableLines.has(i)) break;
      seen++;
      if (t.length > 60 || /[。]$/.test(t)) break;
      unit ??= unitFrom(t);
      const codeMatch = t.match(TITLE_CODE);
      if (codeMatch && !code) code = codeMatch[0].replace(/\s/g, '');
      if (!title && /表$/.test(t.replace(/[（(][^)）]*[)）]$/, '')) && !/^公开\s*\d/.test(t) && !/^附表\s*\d+$/.test(t)) {
        title = t.replace(TITLE_CODE, '').replace(/^[：:\s]+/, '').trim() || t;
        titleSpan = { start: lines[i].start, end: lines[i].end };
      }
      if (title && code) break;
    }
    const kind = identifyTable(title, code);
    const tableId = tables.length;
    const rows: TableRow[] = [];
    for (let li = block.first; li <= block.last; li++) {
      const line = lines[li];
      if (block.format === 'markdown' && MD_DELIMITER.test(line.text)) {
        tableLines.add(li);
        continue;
      }
      tableLines.add(li);
      unit ??= unitFrom(line.text);
      const raw = splitCells(line, block.format);
      const cells: TableCell[] = raw.map((c, col) => {
        const parsed = parseCell(c.text);
        if (parsed.number) {
          const n = parsed.number;
          cellNumbers.push({
            scanned: {
              ...n,
              start: n.start + c.start,
              end: n.end + c.start,
              unitStart: n.unitStart === undefined ? undefined : n.unitStart + c.start,
              unitEnd: n.unitEnd === undefined ? undefined : n.unitEnd + c.start,
            },
            cell: { table: tableId, row: rows.length, col },
          });
        }
        return { row: rows.length, col, span: { start: c.start, end: c.end }, text: c.text, empty: parsed.empty };
      });
      rows.push({ index: rows.length, kind: 'data', line: li, span: { start: line.start, end: line.end }, cells, label: '' });
    }
    classifyRows(rows, block.format);
    tables.push({
      id: tableId,
      title,
      titleSpan,
      code,
      kind,
      format: block.format,
      unit: unit ?? '万元',
      span: { start: lines[block.first].start, end: lines[block.last].end },
      rows,
      columns: buildColumns(rows),
    });
  }
  return { tables, tableLines, cellNumbers };
}

function classifyRows(rows: TableRow[], format: 'tsv' | 'markdown'): void {
  let dataStarted = false;
  for (const row of rows) {
    const texts = row.cells.map((c) => c.text.replace(/\s/g, ''));
    const codeCell = texts.find((t) => /^\d{3}(\d{2}){0,2}$/.test(t));
    row.code = codeCell;
    row.label = texts.find((t) => t !== '' && !/^[\d.,%-]+$/.test(t)) ?? '';
    let kind: TableRowKind = 'data';
    if (texts.some((t) => t === '栏次') || (texts.filter((t) => /^\d{1,2}$/.test(t)).length >= 3 && texts.every((t) => t === '' || /^\d{1,2}$/.test(t)))) kind = 'column-numbers';
    else if (/^(合计|总计)$/.test(texts.slice(0, 2).find((t) => t !== '') ?? '')) kind = 'total';
    else if (!dataStarted && row.cells.every((c) => c.number === undefined && (c.empty || !/\d/.test(c.text) || c.text.replace(/\s/g, '').length > 0)) && !codeCell && (format === 'markdown' ? row.index === 0 : true) && row.cells.filter((c) => !c.empty).every((c) => !/^[\d.]+$/.test(c.text.trim()))) kind = 'header';
    if (kind === 'data' || kind === 'total') dataStarted = true;
    row.kind = kind;
  }
}

function buildColumns(rows: TableRow[]): TableColumn[] {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const columns: TableColumn[] = [];
  for (let col = 0; col < width; col++) {
    const headerPath: string[] = [];
    let columnNumber: string | undefined;
    for (const row of rows) {
      if (row.kind === 'header') {
        // Merged header cells: an empty header cell takes the label to its left.
        let c = col;
        while (c > 0 && (row.cells[c]?.text.trim() ?? '') === '') c--;
        const label = row.cells[c]?.text.replace(/\s/g, '') ?? '';
        if (label && headerPath.at(-1) !== label) headerPath.push(label);
      } else if (row.kind === 'column-numbers') {
        const t = row.cells[col]?.text.trim();
        if (t && /^\d+$/.test(t)) columnNumber = t;
      }
    }
    columns.push({ index: col, headerPath, columnNumber });
  }
  return columns;
}
