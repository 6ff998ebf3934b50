// Turns the TSV and Markdown tables of a report into what `pdftotext -layout` makes of a PDF table:
// columns laid out with spaces (CJK two display columns wide), labels left-aligned, amounts right-
// aligned, headers centred over their cells (merged ones over their span), long labels wrapped onto
// a second line, blank cells as gaps, and long tables broken into pages (page number, form feed,
// repeated header). Titles, codes and unit lines above a table are re-indented as a PDF centres or
// right-aligns them. Column widths, gaps, margins and page lengths vary with the seed, so the reader
// cannot simply invert the converter. Prose lines are left as they are.
//
// Returns { text, tables: [{ rows, bodyRows, pages, wrapped }] } (one entry per converted table).

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Display width as a terminal (and pdftotext's character grid) shows it: East Asian wide and full-width characters count 2. */
export function displayWidth(s) {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c === 0x0c) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

const NUMBER = /^[-−]?[\d,]+(\.\d+)?%?$|^[-—–]{1,2}$/;
const CODE = /^(\d{3}|\d{5}|\d{7})$/;
const DECIMAL = /\d\.\d/;
const MD_DELIMITER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const META = /(公开\s*\d{1,2}\s*表|单位\s*[:：]|^[^\d]{2,40}表$)/;

const spaces = (n) => ' '.repeat(Math.max(0, n));

/** Cells of a Markdown row: between unescaped pipes, trimmed, `\|` unescaped. */
function mdCells(line) {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** Table blocks as in the engine's reader: tab lines, or a Markdown header + delimiter + pipe rows. */
function findBlocks(lines) {
  const blocks = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i].includes('|') && i + 1 < lines.length && MD_DELIMITER.test(lines[i + 1]) && lines[i + 1].includes('-')) {
      let j = i + 2;
      while (j < lines.length && lines[j].trim() !== '' && lines[j].includes('|')) j++;
      blocks.push({ first: i, last: j - 1, rows: [lines[i], ...lines.slice(i + 2, j)].map(mdCells) });
      i = j;
      continue;
    }
    if (lines[i].includes('\t')) {
      let j = i + 1;
      while (j < lines.length && lines[j].includes('\t')) j++;
      if (j - i > 1 || lines[i].split('\t').length > 2) {
        blocks.push({ first: i, last: j - 1, rows: lines.slice(i, j).map((l) => l.split('\t')) });
        i = j;
        continue;
      }
    }
    i++;
  }
  return blocks;
}

/** A body row: an amount somewhere, or a code / 合计 first. */
function isBody(cells) {
  const first = cells.find((c) => c.trim() !== '')?.trim() ?? '';
  // 合计 opens a body row, unless other labels follow it (三公: `合计 | 因公出国（境）费用 | …` is a header).
  const total = /^(合计|总计)$/.test(first) && cells.filter((c) => /[\u4e00-\u9fff]/.test(c)).length === 1;
  return cells.some((c) => DECIMAL.test(c)) || CODE.test(first) || total;
}

/** Columns whose body cells are mostly codes: left-aligned like text. */
function codeColumns(body, width) {
  const out = new Set();
  for (let c = 0; c < width; c++) {
    let codes = 0;
    let other = 0;
    for (const r of body) {
      const t = (r[c] ?? '').trim();
      if (t === '') continue;
      if (CODE.test(t)) codes++;
      else other++;
    }
    if (codes >= 2 && codes >= other) out.add(c);
  }
  return out;
}

/** Header labels with their horizontal spans (a blank continues the label on its left as the engine reads merged cells). */
function headerSpans(header, width) {
  const out = [];
  let above;
  for (const row of header) {
    const spans = [];
    const labels = [];
    for (let c = 0; c < width; c++) {
      const own = (row[c] ?? '').trim();
      const last = spans.at(-1);
      if (own !== '') {
        spans.push({ from: c, to: c, text: own });
        labels.push(own);
      } else if (last && last.to === c - 1 && (!above || above[c - 1] === above[c])) {
        last.to = c;
        labels.push(last.text);
      } else labels.push('');
    }
    out.push(spans);
    above = labels;
  }
  return out;
}

/** Splits a label so its first part fits `limit` display columns. */
function wrapAt(text, limit) {
  let w = 0;
  let i = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > limit) break;
    w += cw;
    i += ch.length;
  }
  return [text.slice(0, i), text.slice(i)];
}

function layoutTable(rows, rnd, pageNumber) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] ?? '').replace(/^\u3000+/, (m) => '  '.repeat(m.length)).trimEnd()));
  let h = 0;
  while (h < cells.length && !isBody(cells[h])) h++;
  if (h === cells.length) h = Math.min(1, cells.length);
  const header = cells.slice(0, h);
  const body = cells.slice(h);
  const codes = codeColumns(body, width);
  const spans = headerSpans(header, width);

  // The first mostly-text column of the body wraps its long labels.
  const textCol = [...Array(width).keys()].find((c) => body.filter((r) => /[\u4e00-\u9fff]/.test(r[c])).length >= Math.max(2, body.length / 2));
  const limit = int(14, 26);
  const lines = body.map((r) => {
    if (textCol === undefined || displayWidth(r[textCol]) <= limit + 2) return [r];
    const [head, tail] = wrapAt(r[textCol], limit);
    const indent = r[textCol].match(/^ */)[0];
    const first = [...r];
    first[textCol] = head;
    const second = Array(width).fill('');
    second[textCol] = indent + tail;
    return [first, second];
  });

  // Column widths: the widest body cell (or wrap limit), widened for single-column headers, then for merged ones.
  const widths = Array.from({ length: width }, (_, c) => Math.max(1, ...lines.flat().map((r) => displayWidth(r[c]))));
  for (const row of spans) for (const s of row) if (s.from === s.to) widths[s.from] = Math.max(widths[s.from], displayWidth(s.text));
  const gaps = Array.from({ length: width }, (_, c) => (c === 0 ? int(0, 3) : int(2, 6)));
  for (let c = 0; c < width; c++) widths[c] += int(0, 3);
  for (const row of spans) {
    for (const s of row) {
      if (s.from === s.to) continue;
      let span = 0;
      for (let c = s.from; c <= s.to; c++) span += widths[c] + (c > s.from ? gaps[c] : 0);
      if (span < displayWidth(s.text)) widths[s.to] += displayWidth(s.text) - span;
    }
  }
  const starts = [];
  let x = 0;
  for (let c = 0; c < width; c++) {
    x += gaps[c];
    starts.push(x);
    x += widths[c];
  }
  const total = x;

  /** One output line from (start column, text) pieces, left to right. */
  const render = (pieces) => {
    let out = '';
    let at = 0;
    for (const [col, text] of pieces) {
      if (text === '') continue;
      out += spaces(col - at) + text;
      at = col + displayWidth(text);
    }
    return out.trimEnd();
  };
  const centred = (from, to, text) => {
    const left = starts[from];
    const right = starts[to] + widths[to];
    return left + Math.floor((right - left - displayWidth(text)) / 2);
  };
  const headerLines = spans.map((row) => render(row.map((s) => [centred(s.from, s.to, s.text), s.text])));
  const bodyLine = (r) =>
    render(
      r.map((t, c) => {
        const bare = t.trim();
        if (NUMBER.test(bare) && !codes.has(c)) return [starts[c] + widths[c] - displayWidth(bare), bare];
        return [starts[c], t];
      }),
    );

  const out = [...headerLines];
  const pageRows = int(18, 34);
  let onPage = 0;
  let pages = 1;
  for (const group of lines) {
    if (onPage >= pageRows) {
      out.push('', spaces(Math.floor(total / 2) - 2) + `- ${pageNumber + pages - 1} -`, '');
      out.push('\f' + (headerLines[0] ?? ''), ...headerLines.slice(1));
      onPage = 0;
      pages++;
    }
    for (const r of group) out.push(bodyLine(r));
    onPage++;
  }
  return { lines: out, total, info: { rows: cells.length, bodyRows: body.length, pages, wrapped: lines.filter((g) => g.length > 1).length } };
}

/**
 * Converts every table of `text` (or those whose rows `keep` accepts); `seed` varies widths, gaps,
 * margins and page lengths.
 */
export function toLayout(text, { seed = 1, keep = () => true } = {}) {
  const rnd = mulberry32(seed * 7919 + 17);
  const lines = text.split('\n');
  const out = [];
  const tables = [];
  let next = 0;
  let page = 3;
  for (const block of findBlocks(lines)) {
    if (!keep(block.rows)) continue;
    const before = lines.slice(next, block.first);
    const { lines: layout, total, info } = layoutTable(block.rows, rnd, page);
    page += info.pages;
    // Title, code and unit lines just above: centred or right-aligned over the table's width.
    let seen = 0;
    for (let i = before.length - 1; i >= 0 && seen < 6; i--) {
      const t = before[i].replace(/^#+\s*/, '').trim();
      if (t === '') continue;
      seen++;
      if (!META.test(t) || t.length > 40) break;
      const w = displayWidth(t);
      before[i] = /单位|公开\s*\d/.test(t) && !/表$/.test(t.replace(/公开\s*\d+\s*表/, '')) ? spaces(total - w) + t : spaces(Math.floor((total - w) / 2)) + t;
    }
    out.push(...before, ...layout);
    tables.push(info);
    next = block.last + 1;
  }
  out.push(...lines.slice(next));
  return { text: out.join('\n'), tables };
}
