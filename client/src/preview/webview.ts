// Script of the table preview (runs inside the webview, no Node, no vscode module). It renders the
// model the extension posts with renderPreview (which escapes all document text), keeps keyboard
// navigation (roving tabindex, arrow keys, Enter = reveal in the editor) and persists its state so
// the preview survives a window reload.
import type { DocumentModelView, FromWebview, PreviewStrings, ToWebview, UiLocale } from '../protocol';
import { renderPreview, type PreviewTab } from './render';

interface State {
  uri?: string;
  fileName?: string;
  model?: DocumentModelView;
  strings?: PreviewStrings;
  locale?: UiLocale;
  activeTab: PreviewTab;
  focusedCell?: string;
  currentCell?: string;
  currentClaim?: string;
}

declare function acquireVsCodeApi(): {
  postMessage(message: FromWebview): void;
  getState(): State | undefined;
  setState(state: State): void;
};

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const statusLine = document.getElementById('status') as HTMLElement;
let state: State = { activeTab: 'tables', ...(vscode.getState() ?? {}) };

function save(): void {
  vscode.setState(state);
}

function render(): void {
  if (!state.model || !state.strings || !state.locale) return;
  const scrollY = window.scrollY;
  root.innerHTML = renderPreview(state.model, {
    strings: state.strings,
    locale: state.locale,
    activeTab: state.activeTab,
    focusedCell: state.focusedCell,
  });
  markCurrent();
  window.scrollTo(0, scrollY);
}

function markCurrent(): void {
  root.querySelectorAll('.cell-current, .claim-current').forEach((e) => e.classList.remove('cell-current', 'claim-current'));
  const cell = state.currentCell ? root.querySelector(`[data-cell="${state.currentCell}"]`) : null;
  cell?.classList.add('cell-current');
  const claim = state.currentClaim ? root.querySelector(`[data-claim="${CSS.escape(state.currentClaim)}"]`) : null;
  claim?.classList.add('claim-current');
}

function reveal(element: Element): void {
  const parts = element.getAttribute('data-range')?.split(',').map(Number);
  if (!parts || parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return;
  const [sl, sc, el, ec] = parts;
  vscode.postMessage({ type: 'reveal', range: { start: { line: sl, character: sc }, end: { line: el, character: ec } } });
}

function focusCell(cell: HTMLElement): void {
  const grid = cell.closest('.panel');
  grid?.querySelectorAll('[data-cell][tabindex="0"]').forEach((e) => e.setAttribute('tabindex', '-1'));
  cell.setAttribute('tabindex', '0');
  cell.focus();
  state.focusedCell = cell.getAttribute('data-cell') ?? undefined;
  save();
}

function selectTab(tab: PreviewTab, focus: boolean): void {
  state.activeTab = tab;
  save();
  render();
  if (focus) (root.querySelector(`#tab-${tab}`) as HTMLElement | null)?.focus();
}

/** The focusable cell in direction (dr, dc) inside the same table, skipping header cells. */
function neighbour(cell: HTMLElement, dr: number, dc: number): HTMLElement | undefined {
  const row = cell.parentElement as HTMLTableRowElement;
  const c = Array.from(row.children).indexOf(cell);
  const focusable = (e: Element | undefined) => (e?.hasAttribute('tabindex') ? (e as HTMLElement) : undefined);
  if (dr === 0) return focusable(row.children[c + dc]);
  const rows = Array.from(cell.closest('table')?.querySelectorAll('tbody tr') ?? []);
  for (let r = rows.indexOf(row) + dr; r >= 0 && r < rows.length; r += dr) {
    const next = focusable(rows[r].children[Math.min(c, rows[r].children.length - 1)]);
    if (next) return next;
  }
  return undefined;
}

root.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const tab = target.closest('[data-tab]');
  if (tab) return selectTab(tab.getAttribute('data-tab') as PreviewTab, false);
  const item = target.closest('[data-cell][data-range], [data-claim]') as HTMLElement | null;
  if (!item) return;
  if (item.hasAttribute('data-cell')) focusCell(item);
  reveal(item);
});

root.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (target.matches('[data-tab]')) {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      selectTab(state.activeTab === 'tables' ? 'claims' : 'tables', true);
      event.preventDefault();
    }
    return;
  }
  if (event.key === 'Enter' || event.key === ' ') {
    if (target.matches('[data-cell], [data-claim]')) {
      reveal(target);
      event.preventDefault();
    }
    return;
  }
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const move = moves[event.key];
  if (!move) return;
  if (target.matches('td[data-cell]')) {
    const next = neighbour(target, move[0], move[1]);
    if (next) focusCell(next);
    event.preventDefault();
  } else if (target.matches('[data-claim]') && move[1] === 0) {
    const next = (move[0] > 0 ? target.nextElementSibling : target.previousElementSibling) as HTMLElement | null;
    if (next) {
      target.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    }
    event.preventDefault();
  }
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'model') {
    if (message.uri !== state.uri) state = { activeTab: state.activeTab };
    Object.assign(state, { uri: message.uri, fileName: message.fileName, model: message.model, strings: message.strings, locale: message.locale });
    save();
    render();
  } else if (message.type === 'highlight') {
    state.currentCell = message.cellId;
    state.currentClaim = message.claimId;
    save();
    markCurrent();
    const current = root.querySelector('.cell-current, .claim-current');
    current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  } else if (message.type === 'status') {
    statusLine.textContent = message.text;
  }
});

render();
vscode.postMessage({ type: 'ready' });
