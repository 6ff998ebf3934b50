// The table preview panel beside the editor: owns the webview, feeds it the server's document model,
// follows the editor cursor and reveals cells clicked in the preview.
import * as vscode from 'vscode';
import type { DocumentModelView, FromWebview, LspPosition, LspRange, PreviewStrings, ToWebview } from '../protocol';
import { t, uiLocale } from '../l10n';
import { PREVIEW_CSS } from './styles';
import { cellId } from './render';

export const PREVIEW_VIEW_TYPE = 'juesuanLint.preview';

export interface PreviewHost {
  /** The server's model of the document, or an error message to show instead. */
  getModel(uri: vscode.Uri): Promise<DocumentModelView | string>;
  isReport(document: vscode.TextDocument): boolean;
}

interface SavedState {
  uri?: string;
}

function before(a: LspPosition, b: LspPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(range: LspRange | undefined, p: LspPosition): boolean {
  return !!range && !before(p, range.start) && !before(range.end, p);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

export function previewStrings(): PreviewStrings {
  return {
    tablesTab: t('Tables'),
    claimsTab: t('Statements'),
    unit: t('Unit: '),
    emptyTable: t('(empty table)'),
    noTables: t('No tables were found in this document.'),
    noClaims: t('No checkable statements were found in this document.'),
    findingsInTable: t('{0} findings in this table'),
    statusOk: t('holds'),
    statusError: t('error'),
    statusWarning: t('warning'),
    statusInfo: t('note'),
  };
}

export class PreviewController implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private uri?: vscode.Uri;
  private model?: DocumentModelView;
  private timer?: ReturnType<typeof setTimeout>;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly host: PreviewHost,
  ) {
    const isOurs = (uri: vscode.Uri) => this.uri?.toString() === uri.toString();
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some(isOurs)) this.schedule(50);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isOurs(e.document.uri) && e.contentChanges.length > 0) this.schedule(this.typingDelay());
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.syncCursor(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('juesuanLint.locale')) this.schedule(0);
      }),
    );
  }

  get currentUri(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  /** The server published a new result for a document. */
  resultPublished(uri: string): void {
    if (this.uri?.toString() === uri) this.schedule(50);
  }

  show(document: vscode.TextDocument): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        t('Table preview'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(),
      );
      this.attach(panel);
    }
    this.setDocument(document.uri);
  }

  /** Called by the webview serializer after a window reload. */
  async restore(panel: vscode.WebviewPanel, state: SavedState | undefined): Promise<void> {
    this.panel?.dispose();
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
    if (state?.uri) this.setDocument(vscode.Uri.parse(state.uri));
  }

  dispose(): void {
    this.panel?.dispose();
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message), undefined, this.disposables);
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.model = undefined;
      }
    });
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js'));
    const csp = `default-src 'none'; script-src 'nonce-${n}'; style-src ${webview.cspSource} 'nonce-${n}'; img-src ${webview.cspSource};`;
    return `<!DOCTYPE html>
<html lang="${uiLocale() === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">${PREVIEW_CSS}</style>
<title>${t('Table preview')}</title>
</head>
<body>
<div id="status" class="status" role="status" aria-live="polite"></div>
<main id="root"></main>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private setDocument(uri: vscode.Uri): void {
    if (this.uri?.toString() !== uri.toString()) this.model = undefined;
    this.uri = uri;
    if (this.panel) this.panel.title = t('Preview: {0}', uri.path.split('/').pop() ?? uri.toString());
    this.schedule(0);
  }

  private typingDelay(): number {
    const configured = vscode.workspace.getConfiguration('juesuanLint').get<number>('debounceMs', 300);
    return Math.max(0, configured) + 150;
  }

  private schedule(delay: number): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const uri = this.uri;
    if (!this.panel || !uri) return;
    const generation = ++this.generation;
    const result = await this.host.getModel(uri);
    // A newer refresh or another document may have started while the server was answering.
    if (generation !== this.generation || this.uri !== uri || !this.panel) return;
    if (typeof result === 'string') {
      this.post({ type: 'status', text: result });
      return;
    }
    this.model = result;
    const name = uri.path.split('/').pop() ?? uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const stale = document && result.version !== undefined && result.version !== document.version;
    this.post({ type: 'model', uri: uri.toString(), fileName: name, model: result, strings: previewStrings(), locale: uiLocale() });
    this.post({ type: 'status', text: stale ? `${name} · ${t('Updating…')}` : name });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (editor) this.syncCursor(editor);
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || !editor || editor.document.uri.toString() === this.uri?.toString()) return;
    const follow = vscode.workspace.getConfiguration('juesuanLint.preview').get<boolean>('followActiveEditor', true);
    if (follow && this.host.isReport(editor.document)) this.setDocument(editor.document.uri);
  }

  private syncCursor(editor: vscode.TextEditor): void {
    if (!this.panel || !this.model || editor.document.uri.toString() !== this.uri?.toString()) return;
    if (!vscode.workspace.getConfiguration('juesuanLint.preview').get<boolean>('followCursor', true)) return;
    const p = editor.selection.active;
    const position = { line: p.line, character: p.character };
    let cell: string | undefined;
    this.model.tables.forEach((table, ti) => {
      if (cell || (table.range && !contains(table.range, position))) return;
      table.rows.forEach((row, ri) =>
        row.cells.forEach((c, ci) => {
          if (!cell && contains(c.range, position)) cell = cellId(ti, ri, ci);
        }),
      );
    });
    const claim = cell ? undefined : this.model.claims.find((c) => contains(c.range, position));
    this.post({ type: 'highlight', cellId: cell, claimId: claim ? String(claim.id) : undefined });
  }

  private async onMessage(message: FromWebview): Promise<void> {
    if (message.type === 'ready') {
      if (this.model) this.schedule(0);
      return;
    }
    if (message.type !== 'reveal' || !this.uri) return;
    const { start, end } = message.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri?.toString());
    const document = await vscode.workspace.openTextDocument(this.uri);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection,
      preserveFocus: false,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
