// Custom protocol of the juesuan-lint language server, on top of standard LSP. Both sides (this server
// and the VS Code client's table preview / status bar) code against the shapes below.
//
// Request `juesuanLint/documentModel`
//   params: { uri: string }
//   result: DocumentModelResult | null   (null when the document is not open)
//   Answered for the document's current version (the server lints first if needed). All ranges are
//   LSP ranges (0-based line, UTF-16 character) in that version. Texts are in the configured locale.
//   {
//     version, locale,
//     tables: [{ id, title?, code?, kind: 'T01'…'T11'|'performance'|'unknown', unit: '元'|'万元'|'亿元', range,
//                rows: [{ kind: 'header'|'column-numbers'|'total'|'data'|'note', code?, label, range,
//                         cells: [{ text, range, headerPath: string[], columnNumber?, token?: number,
//                                   findingIds: number[], status }] }] }],
//     claims:   [{ id, kind, description, status, explanation, range,
//                  tokens: [{ id, text, label, range }] }],
//     findings: [{ id, ruleId, severity: 'error'|'warning'|'info', message, explanation, range }],
//     summary:  { checked, errors, warnings, infos },
//     notice?: string
//   }
//   status = 'ok' | 'error' | 'warning' | 'info' | 'unchecked' (worst verdict/finding touching it;
//   'unchecked' when no relation uses the cell). findingIds index `findings` (= Diagnostic.data.id).
//
// Notification `juesuanLint/summary` (server → client), sent whenever a new result is published:
//   { uri, version, checked, errors, warnings, infos, notice? }
//   checked = number of relations verified (claims with a verdict); notice = why a document was not checked.
//
// Diagnostics: source 'juesuan-lint', code = rule id, codeDescription.href = rule docs,
// data = { id: finding id, version: document version, ruleId }.
// Code action kinds: 'quickfix' and 'source.fixAll.juesuan-lint'.
// Settings section `juesuanLint`: { enable: boolean, rules: { [id]: 'off'|'info'|'warning'|'error' },
//   debounceMs: number, locale: 'zh-cn'|'en'|'auto' }; `.juesuan-lint.json` (nearest above the file)
//   is merged underneath (editor settings win).
import type { Range } from '../core/types';

export const DOCUMENT_MODEL_METHOD = 'juesuanLint/documentModel';
export const SUMMARY_METHOD = 'juesuanLint/summary';
export const FIX_ALL_KIND = 'source.fixAll.juesuan-lint';
/** One source action recomputing every share of the document (lists first, then single shares). */
export const RECOMPUTE_KIND = 'source.recomputePercentages.juesuan-lint';
export const SOURCE = 'juesuan-lint';
export const SETTINGS_SECTION = 'juesuanLint';

export type Status = 'ok' | 'error' | 'warning' | 'info' | 'unchecked';

export interface DocumentModelParams {
  uri: string;
}

export interface Summary {
  checked: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface SummaryParams extends Summary {
  uri: string;
  version: number;
  notice?: string;
}

export interface CellResult {
  text: string;
  range: Range;
  headerPath: string[];
  columnNumber?: string;
  token?: number;
  findingIds: number[];
  status: Status;
}

export interface RowResult {
  kind: string;
  code?: string;
  label: string;
  range: Range;
  cells: CellResult[];
}

export interface TableResult {
  id: number;
  title?: string;
  code?: string;
  kind: string;
  unit: string;
  range: Range;
  rows: RowResult[];
}

export interface ClaimResult {
  id: number;
  kind: string;
  description: string;
  status: Status;
  explanation: string;
  range: Range;
  tokens: Array<{ id: number; text: string; label: string; range: Range }>;
}

export interface FindingResult {
  id: number;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  explanation: string;
  range: Range;
}

export interface DocumentModelResult {
  version: number;
  locale: string;
  tables: TableResult[];
  claims: ClaimResult[];
  findings: FindingResult[];
  summary: Summary;
  notice?: string;
}

/** What a diagnostic carries for code actions. */
export interface DiagnosticData {
  id: number;
  version: number;
  ruleId: string;
}
