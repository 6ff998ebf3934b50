// Renders the table preview as an HTML string. Pure (no DOM, no vscode) so that unit tests can check
// it. Every piece of document text goes through escapeHtml: the webview inserts the result with
// innerHTML, so escaping here is what keeps hostile cell text inert.
import type {
  DocumentModelView,
  ModelCell,
  ModelClaim,
  ModelFinding,
  ModelTable,
  PreviewStrings,
  UiLocale,
} from '../protocol';
import { pickText } from '../protocol';

export type PreviewTab = 'tables' | 'claims';

export interface RenderOptions {
  strings: PreviewStrings;
  locale: UiLocale;
  activeTab: PreviewTab;
  /** data-cell id of the cell that has the keyboard focus slot (roving tabindex). */
  focusedCell?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function cellId(table: number, row: number, col: number): string {
  return `t${table}r${row}c${col}`;
}

export function claimDomId(claim: ModelClaim): string {
  return `claim-${String(claim.id).replace(/[^\w-]/g, '_')}`;
}

const SEVERITY_RANK: Record<string, number> = { error: 3, warning: 2, info: 1, ok: 0 };

/** The worst status among the cell's own status and its findings. */
export function cellStatus(cell: ModelCell, findings: Map<string, ModelFinding>): string {
  let status = typeof cell.status === 'string' && cell.status in SEVERITY_RANK ? cell.status : 'none';
  for (const id of cell.findingIds ?? []) {
    const severity = findings.get(String(id))?.severity;
    if (severity && (SEVERITY_RANK[severity] ?? -1) > (SEVERITY_RANK[status] ?? -1)) status = severity;
  }
  return status;
}

function cellTitle(cell: ModelCell, findings: Map<string, ModelFinding>, locale: UiLocale): string {
  const parts: string[] = [];
  if (cell.headerPath && cell.headerPath.length > 0) parts.push(cell.headerPath.join(' › '));
  for (const id of cell.findingIds ?? []) {
    const finding = findings.get(String(id));
    if (!finding) continue;
    const explanation = pickText(finding.explanation, locale);
    parts.push(`[${finding.ruleId}] ${pickText(finding.message, locale)}${explanation ? `\n${explanation}` : ''}`);
  }
  return parts.join('\n');
}

function rangeAttr(range: ModelCell['range'] | undefined): string {
  if (!range) return '';
  return ` data-range="${range.start.line},${range.start.character},${range.end.line},${range.end.character}"`;
}

function isHeaderRow(kind: string): boolean {
  return kind === 'header' || kind === 'column-numbers';
}

function renderTable(
  table: ModelTable,
  t: number,
  findings: Map<string, ModelFinding>,
  options: RenderOptions,
  focusSlot: string | undefined,
): string {
  const { strings, locale } = options;
  const heading = [table.code, table.title].filter(Boolean).map(escapeHtml).join(' ');
  const failing = new Set<string>();
  const head: string[] = [];
  const body: string[] = [];
  table.rows.forEach((row, r) => {
    const header = isHeaderRow(row.kind);
    const cells = row.cells.map((cell, c) => {
      const id = cellId(t, r, c);
      const status = header ? 'none' : cellStatus(cell, findings);
      for (const fid of cell.findingIds ?? []) if (findings.has(String(fid))) failing.add(String(fid));
      const title = cellTitle(cell, findings, locale);
      const tag = header ? 'th' : 'td';
      const classes = ['cell', `cell-${status}`];
      if (/^\s*-?[\d,.]+\s*$/.test(cell.text)) classes.push('cell-number');
      const focusable = header ? '' : ` tabindex="${id === focusSlot ? 0 : -1}"`;
      return (
        `<${tag} class="${classes.join(' ')}" data-cell="${id}"${rangeAttr(cell.range)}${focusable}` +
        `${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(cell.text)}</${tag}>`
      );
    });
    const html = `<tr class="row row-${escapeHtml(row.kind)}" data-row="t${t}r${r}">${cells.join('')}</tr>`;
    (header ? head : body).push(html);
  });
  const meta: string[] = [];
  if (table.unit) meta.push(`${escapeHtml(strings.unit)}${escapeHtml(table.unit)}`);
  if (failing.size > 0) meta.push(escapeHtml(strings.findingsInTable.replace('{0}', String(failing.size))));
  const grid =
    table.rows.length === 0
      ? `<p class="empty">${escapeHtml(strings.emptyTable)}</p>`
      : `<table class="grid" role="grid" aria-labelledby="table-${t}-title">` +
        (head.length ? `<thead>${head.join('')}</thead>` : '') +
        `<tbody>${body.join('')}</tbody></table>`;
  return (
    `<section class="table-block" data-table="${t}"${rangeAttr(table.range)}>` +
    `<h2 class="table-title" id="table-${t}-title">${heading || escapeHtml(`#${t + 1}`)}</h2>` +
    (meta.length ? `<div class="table-meta">${meta.join(' · ')}</div>` : '') +
    `<div class="table-scroll">${grid}</div></section>`
  );
}

const CLAIM_MARKS: Record<string, string> = { ok: '✓', error: '✗', warning: '⚠', info: 'ℹ' };

function renderClaim(claim: ModelClaim, options: RenderOptions, focusable: boolean): string {
  const status = claim.status in CLAIM_MARKS ? claim.status : 'info';
  const label = {
    ok: options.strings.statusOk,
    error: options.strings.statusError,
    warning: options.strings.statusWarning,
    info: options.strings.statusInfo,
  }[status as 'ok' | 'error' | 'warning' | 'info'];
  const explanation = pickText(claim.explanation, options.locale);
  return (
    `<li class="claim claim-${status}" id="${claimDomId(claim)}" data-claim="${escapeHtml(claim.id)}"` +
    `${rangeAttr(claim.range)} tabindex="${focusable ? 0 : -1}">` +
    `<span class="claim-mark" role="img" aria-label="${escapeHtml(label)}">${CLAIM_MARKS[status]}</span>` +
    `<span class="claim-body"><span class="claim-description">${escapeHtml(pickText(claim.description, options.locale))}</span>` +
    (explanation ? `<code class="claim-explanation">${escapeHtml(explanation)}</code>` : '') +
    `</span></li>`
  );
}

function firstDataCell(tables: ModelTable[]): string | undefined {
  for (let t = 0; t < tables.length; t++) {
    const r = tables[t].rows.findIndex((row) => !isHeaderRow(row.kind) && row.cells.length > 0);
    if (r >= 0) return cellId(t, r, 0);
  }
  return undefined;
}

function hasDataCell(tables: ModelTable[], id: string | undefined): boolean {
  const m = id ? /^t(\d+)r(\d+)c(\d+)$/.exec(id) : null;
  if (!m) return false;
  const row = tables[Number(m[1])]?.rows[Number(m[2])];
  return !!row && !isHeaderRow(row.kind) && Number(m[3]) < row.cells.length;
}

/** Inner HTML of the preview body: the tab bar, the tables panel and the claims panel. */
export function renderPreview(model: DocumentModelView, options: RenderOptions): string {
  const { strings, activeTab } = options;
  const findings = new Map((model.findings ?? []).map((f) => [String(f.id), f]));
  const tables = model.tables ?? [];
  const claims = model.claims ?? [];
  // Exactly one cell takes part in the tab order (roving tabindex); arrows move inside the grid.
  const focusSlot = hasDataCell(tables, options.focusedCell) ? options.focusedCell : firstDataCell(tables);
  const tablesHtml = tables.map((table, t) => renderTable(table, t, findings, options, focusSlot)).join('');
  const claimsHtml = claims.length
    ? `<ol class="claims">${claims.map((c, i) => renderClaim(c, options, i === 0)).join('')}</ol>`
    : `<p class="empty">${escapeHtml(strings.noClaims)}</p>`;
  const tab = (id: PreviewTab, label: string, count: number) =>
    `<button type="button" role="tab" class="tab" id="tab-${id}" data-tab="${id}" aria-controls="panel-${id}" ` +
    `aria-selected="${activeTab === id}" tabindex="${activeTab === id ? 0 : -1}">${escapeHtml(label)} (${count})</button>`;
  return (
    `<div class="tabs" role="tablist">${tab('tables', strings.tablesTab, tables.length)}${tab('claims', strings.claimsTab, claims.length)}</div>` +
    `<div class="panel" role="tabpanel" id="panel-tables" aria-labelledby="tab-tables"${activeTab === 'tables' ? '' : ' hidden'}>` +
    (tables.length ? tablesHtml : `<p class="empty">${escapeHtml(strings.noTables)}</p>`) +
    `</div>` +
    `<div class="panel" role="tabpanel" id="panel-claims" aria-labelledby="tab-claims"${activeTab === 'claims' ? '' : ' hidden'}>${claimsHtml}</div>`
  );
}
