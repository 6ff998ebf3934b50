// Status bar item for the active report: "18 项关系已核对 · 3 处错误"; a click opens the Problems view.
import * as vscode from 'vscode';
import type { Summary } from './protocol';
import { t } from './l10n';

export const STATUS_ITEM_ID = 'juesuanLint.status';

export function summaryText(summary: Summary): string {
  const parts = [t('{0} relations checked', summary.checked), t('{0} errors', summary.errors)];
  if (summary.warnings > 0) parts.push(t('{0} warnings', summary.warnings));
  return parts.join(' · ');
}

export class StatusController implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[] = [];

  private busyTimer?: ReturnType<typeof setTimeout>;

  constructor(
    /** Summary of the active report, undefined when the active editor is not one. */
    private readonly summarize: (document: vscode.TextDocument) => Promise<Summary | undefined>,
    /** True while the server has not yet published a result for the document's current version. */
    private readonly pending: (document: vscode.TextDocument) => boolean,
  ) {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
    this.item.name = t('juesuan-lint status');
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      // A lint still running a second after an edit shows a spinner until its result arrives.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== vscode.window.activeTextEditor?.document || e.contentChanges.length === 0) return;
        if (this.busyTimer) clearTimeout(this.busyTimer);
        this.busyTimer = setTimeout(() => {
          if (e.document === vscode.window.activeTextEditor?.document && this.pending(e.document)) this.busy();
        }, 1000);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(100);
      }),
    );
  }

  busy(): void {
    this.item.text = `$(sync~spin) ${t('juesuan-lint: checking…')}`;
    this.item.show();
  }

  schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    // No text editor (the preview or another panel has focus): keep showing the last report's state.
    if (!document) return;
    const summary = await this.summarize(document).catch(() => undefined);
    if (document !== vscode.window.activeTextEditor?.document) return;
    if (!summary) {
      if (this.pending(document)) this.busy();
      else this.item.hide();
      return;
    }
    const icon = summary.errors > 0 ? '$(error)' : summary.warnings > 0 ? '$(warning)' : '$(check)';
    const text = summaryText(summary);
    this.item.text = `${icon} ${text}`;
    this.item.accessibilityInformation = { label: `juesuan-lint: ${text}` };
    this.item.tooltip = new vscode.MarkdownString(
      [
        `**juesuan-lint**`,
        '',
        `- ${t('{0} relations checked', summary.checked)}`,
        `- ${t('{0} errors', summary.errors)}`,
        `- ${t('{0} warnings', summary.warnings)}`,
        `- ${t('{0} notes', summary.infos)}`,
        '',
        t('Click to open the Problems view.'),
      ].join('\n'),
    );
    this.item.backgroundColor = summary.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.busyTimer) clearTimeout(this.busyTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}
