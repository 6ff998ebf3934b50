// Shapes of the language server's custom requests, as the client and the webview see them.
// Kept free of vscode imports so the webview bundle and the unit tests can use them.

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** A text the server may send already localised (string) or in both languages. */
export type MaybeLocalized = string | { 'zh-cn': string; en: string };

export type CellStatus = 'ok' | 'error' | 'warning' | 'info' | 'unchecked';

export interface ModelCell {
  text: string;
  range: LspRange;
  headerPath?: string[];
  findingIds?: Array<string | number>;
  status?: CellStatus | string;
}

export interface ModelRow {
  kind: string; // header | column-numbers | total | data | note
  code?: string;
  label?: string;
  cells: ModelCell[];
}

export interface ModelTable {
  id: number | string;
  title?: string;
  code?: string;
  kind?: string;
  unit?: string;
  range?: LspRange;
  rows: ModelRow[];
}

export interface ModelClaim {
  id: number | string;
  kind: string;
  description: MaybeLocalized;
  status: CellStatus | string;
  explanation?: MaybeLocalized;
  range: LspRange;
}

export interface ModelFinding {
  id: number | string;
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | string;
  message: MaybeLocalized;
  explanation?: MaybeLocalized;
  range: LspRange;
}

export interface Summary {
  checked: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Result of `juesuanLint/documentModel`. */
export interface DocumentModelView {
  version?: number;
  locale?: string;
  /** Why the document was not (fully) checked: binary, too large. */
  notice?: string;
  tables: ModelTable[];
  claims: ModelClaim[];
  findings: ModelFinding[];
  summary?: Summary;
}

export const DOCUMENT_MODEL_REQUEST = 'juesuanLint/documentModel';
/** Server → client notification sent with every published result. */
export const SUMMARY_NOTIFICATION = 'juesuanLint/summary';
export const FIX_ALL_KIND = 'source.fixAll.juesuan-lint';
/** Source action applying every recompute-share / recompute-group fix of the document. */
export const RECOMPUTE_KIND = 'source.recomputePercentages.juesuan-lint';
export const DIAGNOSTIC_SOURCE = 'juesuan-lint';

export interface SummaryParams extends Summary {
  uri: string;
  version: number;
  notice?: string;
}

export type UiLocale = 'zh-cn' | 'en';

export function pickText(text: MaybeLocalized | undefined, locale: UiLocale): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-cn'] ?? '';
}

/** Messages between the extension and the preview webview. */
export type ToWebview =
  | { type: 'model'; uri: string; fileName: string; model: DocumentModelView; strings: PreviewStrings; locale: UiLocale }
  | { type: 'highlight'; cellId?: string; claimId?: string }
  | { type: 'status'; text: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; range: LspRange };

export interface PreviewStrings {
  tablesTab: string;
  claimsTab: string;
  unit: string;
  emptyTable: string;
  noTables: string;
  noClaims: string;
  findingsInTable: string;
  statusOk: string;
  statusError: string;
  statusWarning: string;
  statusInfo: string;
}
