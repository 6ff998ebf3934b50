// Stylesheet of the table preview. Colours come only from the theme variables VS Code defines, so
// light, dark and high-contrast themes work without a theme switch of our own.
export const PREVIEW_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 12px 24px; }
.status { color: var(--vscode-descriptionForeground); margin: 8px 0; min-height: 1.2em; }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent));
  position: sticky; top: 0; background: var(--vscode-editor-background); z-index: 1; padding-top: 6px; }
.tab { font: inherit; color: var(--vscode-foreground); background: none; border: none; border-bottom: 2px solid transparent;
  padding: 4px 10px; cursor: pointer; opacity: 0.8; }
.tab[aria-selected="true"] { border-bottom-color: var(--vscode-panelTitle-activeBorder, var(--vscode-focusBorder)); opacity: 1; }
.tab:focus-visible, .cell:focus-visible, .claim:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.table-block { margin: 16px 0 24px; }
.table-title { font-size: 1.1em; margin: 0 0 4px; }
.table-meta { color: var(--vscode-descriptionForeground); margin-bottom: 6px; }
.table-scroll { overflow-x: auto; }
.grid { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.grid th, .grid td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #8884));
  padding: 2px 6px; white-space: pre; }
.grid th { background: var(--vscode-editorWidget-background, transparent); font-weight: 600; text-align: center; }
.grid td { cursor: pointer; }
.grid td.cell-number { text-align: right; }
.row-total td { font-weight: 600; }
.row-note td { color: var(--vscode-descriptionForeground); }
.cell-error { color: var(--vscode-editorError-foreground); box-shadow: inset 0 -2px 0 var(--vscode-editorError-foreground);
  background: var(--vscode-inputValidation-errorBackground, transparent); }
.cell-warning { color: var(--vscode-editorWarning-foreground); box-shadow: inset 0 -2px 0 var(--vscode-editorWarning-foreground);
  background: var(--vscode-inputValidation-warningBackground, transparent); }
.cell-info { box-shadow: inset 0 -2px 0 var(--vscode-editorInfo-foreground); }
.cell-ok { box-shadow: inset 0 -1px 0 var(--vscode-testing-iconPassed, transparent); }
body.vscode-high-contrast .cell-error, body.vscode-high-contrast .cell-warning { outline: 1px dashed var(--vscode-contrastActiveBorder); }
.cell-current, .claim-current { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px;
  background: var(--vscode-editor-findMatchHighlightBackground); }
.claims { list-style: none; padding: 0; }
.claim { display: flex; gap: 8px; padding: 4px 6px; cursor: pointer; border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); }
.claim-mark { width: 1.2em; text-align: center; flex: none; }
.claim-ok .claim-mark { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.claim-error .claim-mark { color: var(--vscode-editorError-foreground); }
.claim-warning .claim-mark { color: var(--vscode-editorWarning-foreground); }
.claim-info .claim-mark { color: var(--vscode-editorInfo-foreground); }
.claim-body { display: flex; flex-direction: column; gap: 2px; }
.claim-explanation { font-family: var(--vscode-editor-font-family); color: var(--vscode-descriptionForeground); white-space: pre-wrap; }
.empty { color: var(--vscode-descriptionForeground); font-style: italic; }
`;
