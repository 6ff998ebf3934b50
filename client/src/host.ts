// Owns the language client: starts it lazily (the first report opened, or a command), stops it when
// the extension is disabled, and wraps the server's custom protocol for the commands, the status bar
// and the preview.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReportGate } from './gate';
import { t } from './l10n';
import { DIAGNOSTIC_SOURCE, DOCUMENT_MODEL_REQUEST, SUMMARY_NOTIFICATION, type DocumentModelView, type Summary, type SummaryParams } from './protocol';

type Lsp = typeof import('./lsp');

export class ClientHost implements vscode.Disposable {
  private starting?: Promise<LanguageClient | undefined>;
  private lsp?: Lsp;
  private readonly summaries = new Map<string, SummaryParams>();
  private readonly onSummaryEmitter = new vscode.EventEmitter<SummaryParams>();
  readonly onSummary = this.onSummaryEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly gate: ReportGate,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  enabled(): boolean {
    return vscode.workspace.getConfiguration('juesuanLint').get<boolean>('enable', true);
  }

  /** The client if it was started (possibly still starting). */
  get started(): boolean {
    return this.starting !== undefined;
  }

  start(): Promise<LanguageClient | undefined> {
    if (!this.enabled()) return Promise.resolve(undefined);
    this.starting ??= this.doStart().catch((error: unknown) => {
      this.starting = undefined;
      this.output.error(`language server failed to start: ${String(error)}`);
      void vscode.window.showErrorMessage(t('juesuan-lint: the language server could not be started: {0}', String(error)));
      return undefined;
    });
    return this.starting;
  }

  private async doStart(): Promise<LanguageClient> {
    const t0 = performance.now();
    // A separate bundle, required at run time: vscode-languageclient is most of the extension's code,
    // and parsing it on every activation (any plain-text file) would cost ~25 ms.
    this.lsp ??= require(this.context.asAbsolutePath('dist/client-lsp.js')) as Lsp;
    const client = this.lsp.createClient(this.context, this.gate, this.output);
    client.onNotification(SUMMARY_NOTIFICATION, (params: SummaryParams) => {
      this.summaries.set(params.uri, params);
      this.onSummaryEmitter.fire(params);
    });
    await client.start();
    this.output.info(`language server started in ${Math.round(performance.now() - t0)} ms`);
    return client;
  }

  async stop(): Promise<void> {
    const client = await this.starting;
    this.starting = undefined;
    this.summaries.clear();
    if (client) await client.stop();
  }

  async restart(): Promise<LanguageClient | undefined> {
    const client = await this.starting;
    if (!client) return this.start();
    this.summaries.clear();
    await client.restart();
    return client;
  }

  /** Makes sure the server has the document (even one that does not look like a report). */
  async open(document: vscode.TextDocument): Promise<LanguageClient | undefined> {
    const client = await this.start();
    if (client && this.lsp) await this.lsp.openInServer(client, this.gate, document);
    return client;
  }

  /** Last summary the server published for the document (its current version or an older one). */
  summaryOf(uri: vscode.Uri): SummaryParams | undefined {
    return this.summaries.get(uri.toString());
  }

  /** Lints the document's current version (the server answers after linting) and returns its model. */
  async documentModel(document: vscode.TextDocument): Promise<DocumentModelView | undefined> {
    const client = await this.open(document);
    if (!client) return undefined;
    const model = await client.sendRequest<DocumentModelView | null>(DOCUMENT_MODEL_REQUEST, { uri: document.uri.toString() });
    return model ?? undefined;
  }

  async summary(document: vscode.TextDocument): Promise<Summary | undefined> {
    return (await this.documentModel(document))?.summary;
  }

  /** The server's diagnostics for a document (pushed or pulled: both carry our source). */
  diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
  }

  dispose(): void {
    this.onSummaryEmitter.dispose();
    void this.stop();
  }
}
