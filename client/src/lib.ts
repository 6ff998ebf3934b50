// The client's pure modules in one bundle (dist/client-lib.js) for the unit tests; not shipped.
export { renderPreview, escapeHtml, cellId, cellStatus } from './preview/render';
export { toCsv, toJson, toSarif, formatFindings } from './export';
export { mergeEdits } from './edits';
export { looksLikeReport, looksLikeReportText } from './sniff';
export { resolveLocale, formatMessage } from './locale';
