// Entry point of the VS Code extension. Activation only wires listeners, commands and the status bar;
// the language client (and with it vscode-languageclient) is loaded when the first 决算 report is
// opened or a command needs it, so activating on every plain-text file stays cheap.
import * as vscode from 'vscode';
import { ReportGate } from './gate';
import { ClientHost } from './host';
import { initL10n, t } from './l10n';
import { registerCommands } from './commands';
import { PREVIEW_VIEW_TYPE, PreviewController } from './preview/panel';
import { StatusController } from './status';

const REPORT_CONTEXT_KEY = 'juesuanLint.isReport';

let host: ClientHost | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const t0 = performance.now();
  initL10n(context.extensionPath);
  const output = vscode.window.createOutputChannel('juesuan-lint', { log: true });
  const gate = new ReportGate();
  host = new ClientHost(context, gate, output);
  const clientHost = host;

  const isReport = (document: vscode.TextDocument) => gate.accepts(document);
  const preview = new PreviewController(context, {
    isReport,
    getModel: async (uri) => {
      if (!clientHost.enabled()) return t('juesuan-lint: checking is disabled (setting juesuanLint.enable).');
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
      try {
        const model = await clientHost.documentModel(document);
        return model ?? t('juesuan-lint: the language server is not running.');
      } catch (error) {
        return String(error instanceof Error ? error.message : error);
      }
    },
  });

  const status = new StatusController(async (document) => {
    if (!clientHost.started || !isReport(document)) return undefined;
    // Only what the server published: asking for a model on every editor switch would re-send whole tables.
    return clientHost.summaryOf(document.uri);
  }, (document) => {
    if (!clientHost.started || !isReport(document)) return false;
    return (clientHost.summaryOf(document.uri)?.version ?? -1) < document.version;
  });

  const startFor = (document: vscode.TextDocument) => {
    if (clientHost.started || !clientHost.enabled() || !isReport(document)) return;
    void clientHost.start();
    if (document === vscode.window.activeTextEditor?.document) status.busy();
  };

  const updateContext = (editor: vscode.TextEditor | undefined) => {
    void vscode.commands.executeCommand('setContext', REPORT_CONTEXT_KEY, !!editor && isReport(editor.document));
  };

  context.subscriptions.push(
    output,
    clientHost,
    preview,
    status,
    ...registerCommands({ context, host: clientHost, gate, preview, output }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: { uri?: string } | undefined) => preview.restore(panel, state),
    }),
    vscode.workspace.onDidOpenTextDocument(startFor),
    // A buffer can become a report while typing or pasting; only sniffed until the server runs.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!clientHost.started) startFor(e.document);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    clientHost.onSummary((s) => {
      preview.resultPublished(s.uri);
      if (vscode.window.activeTextEditor?.document.uri.toString() !== s.uri) return;
      updateContext(vscode.window.activeTextEditor);
      status.schedule(0);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('juesuanLint.enable')) {
        if (!clientHost.enabled()) await clientHost.stop();
        else vscode.workspace.textDocuments.forEach(startFor);
        status.schedule(0);
      }
      if (e.affectsConfiguration('juesuanLint.locale')) status.schedule(0);
    }),
  );

  vscode.workspace.textDocuments.forEach(startFor);
  updateContext(vscode.window.activeTextEditor);
  status.schedule(0);
  output.info(`activated in ${(performance.now() - t0).toFixed(1)} ms`);
}

export async function deactivate(): Promise<void> {
  await host?.stop();
}
