// The extension's commands. Each reports what it did in a notification starting with "juesuan-lint:".
import * as vscode from 'vscode';
import type { ClientHost } from './host';
import type { ReportGate } from './gate';
import type { PreviewController } from './preview/panel';
import { t, uiLocale } from './l10n';
import { mergeEdits, type PlainEdit } from './edits';
import { formatFindings, type ExportFinding, type ExportFormat } from './export';
import { FIX_ALL_KIND, RECOMPUTE_KIND, pickText, type Summary } from './protocol';
import { summaryText } from './status';

export interface CommandContext {
  context: vscode.ExtensionContext;
  host: ClientHost;
  gate: ReportGate;
  preview: PreviewController;
  output: vscode.LogOutputChannel;
}

/** The document a command works on: the active editor's, if it is a text the server can check. */
function targetDocument(gate: ReportGate): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document && gate.isCandidateLanguage(document)) return document;
  void vscode.window.showWarningMessage(t('juesuan-lint: open a report (plain text, Markdown or .juesuan.txt) first.'));
  return undefined;
}

function notifyDisabled(): void {
  void vscode.window.showWarningMessage(t('juesuan-lint: checking is disabled (setting juesuanLint.enable).'));
}

/** Lints with a progress notification (cancellable: the command stops waiting, the server goes on). */
async function lintWithProgress(c: CommandContext, document: vscode.TextDocument): Promise<Summary | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('juesuan-lint: checking…'), cancellable: true },
    (_progress, token) =>
      Promise.race([
        c.host.summary(document),
        new Promise<undefined>((resolve) => token.onCancellationRequested(() => resolve(undefined))),
      ]),
  );
}

async function lint(c: CommandContext): Promise<void> {
  const document = targetDocument(c.gate);
  if (!document) return;
  if (!c.host.enabled()) return notifyDisabled();
  const summary = await lintWithProgress(c, document);
  if (!summary) return;
  const message = t('juesuan-lint: {0} · {1} notes', summaryText(summary), summary.infos);
  const action = summary.errors + summary.warnings + summary.infos > 0 ? t('Show problems') : undefined;
  const choice = await vscode.window.showInformationMessage(message, ...(action ? [action] : []));
  if (choice === action && action) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

function codeActionEdits(action: vscode.CodeAction, uri: vscode.Uri): PlainEdit[] {
  return (action.edit?.get(uri) ?? []).map((e) => ({
    range: { start: { line: e.range.start.line, character: e.range.start.character }, end: { line: e.range.end.line, character: e.range.end.character } },
    newText: e.newText,
  }));
}

function toWorkspaceEdit(uri: vscode.Uri, edits: PlainEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  return edit;
}

function fullRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, document.lineCount, 0);
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  // Plain Commands have a string `command`; CodeActions carry an edit and/or a Command object.
  return actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Edits of every percentage of the document, recomputed by the server's source action. */
async function recomputeEdits(document: vscode.TextDocument): Promise<PlainEdit[]> {
  const actions = (await codeActions(document.uri, fullRange(document), RECOMPUTE_KIND)).filter((a) => a.kind?.value === RECOMPUTE_KIND);
  return mergeEdits(actions.flatMap((a) => codeActionEdits(a, document.uri)));
}

/** Edits of the server's fix-all source action. */
async function fixAllEdits(document: vscode.TextDocument): Promise<PlainEdit[]> {
  const actions = (await codeActions(document.uri, fullRange(document), FIX_ALL_KIND)).filter((a) => a.kind?.value === FIX_ALL_KIND);
  return mergeEdits(actions.flatMap((a) => codeActionEdits(a, document.uri)));
}

async function applyAndReport(document: vscode.TextDocument, version: number, edits: PlainEdit[], none: string): Promise<void> {
  if (document.version !== version) {
    void vscode.window.showWarningMessage(t('juesuan-lint: the edits could not be applied (the document changed meanwhile?).'));
    return;
  }
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(none);
    return;
  }
  const ok = await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits));
  if (ok) void vscode.window.showInformationMessage(t('juesuan-lint: fixed {0}', edits.length));
  else void vscode.window.showErrorMessage(t('juesuan-lint: the edits could not be applied (the document changed meanwhile?).'));
}

/** Lints the target report, then applies the edits `collect` gathers from the server. */
async function applyServerEdits(c: CommandContext, collect: (d: vscode.TextDocument) => Promise<PlainEdit[]>, none: string): Promise<void> {
  const document = targetDocument(c.gate);
  if (!document) return;
  if (!c.host.enabled()) return notifyDisabled();
  if (!(await lintWithProgress(c, document))) return;
  const version = document.version;
  await applyAndReport(document, version, await collect(document), none);
}

const recomputePercentages = (c: CommandContext) => applyServerEdits(c, recomputeEdits, t('juesuan-lint: every percentage already matches its amounts.'));
const fixAll = (c: CommandContext) => applyServerEdits(c, fixAllEdits, t('juesuan-lint: nothing to fix automatically.'));

async function openPreview(c: CommandContext): Promise<void> {
  const document = targetDocument(c.gate);
  if (!document) return;
  if (!c.host.enabled()) return notifyDisabled();
  await c.host.open(document);
  c.preview.show(document);
}

const SEVERITIES: Record<string, ExportFinding['severity']> = { error: 'error', warning: 'warning', info: 'info' };

async function exportFindings(c: CommandContext): Promise<void> {
  const document = targetDocument(c.gate);
  if (!document) return;
  if (!c.host.enabled()) return notifyDisabled();
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: t('Spreadsheet (UTF-8 with BOM)'), format: 'csv' as ExportFormat },
      { label: 'JSON', description: t('Findings with the summary'), format: 'json' as ExportFormat },
      { label: 'SARIF', description: t('SARIF 2.1.0, for code-scanning tools'), format: 'sarif' as ExportFormat },
    ],
    { title: t('juesuan-lint: export findings'), placeHolder: t('Choose a format') },
  );
  if (!picked) return;
  const model = await c.host.documentModel(document);
  if (!model) return;
  const extension = picked.format === 'sarif' ? 'sarif' : picked.format;
  const base = document.uri.path.split('/').pop()?.replace(/\.[^.]*$/, '') || 'report';
  const folder = document.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.findings.${extension}`) : undefined,
    filters: { [picked.label]: [extension] },
    title: t('juesuan-lint: export findings'),
  });
  if (!target) return;
  const helpUris = new Map<string, string>();
  for (const d of c.host.diagnostics(document.uri)) {
    if (typeof d.code === 'object' && d.code) helpUris.set(String(d.code.value), d.code.target.toString());
  }
  const locale = uiLocale();
  const pkg = c.context.extension.packageJSON as { version: string; repository?: { url?: string } };
  const text = formatFindings(picked.format, {
    uri: document.uri.toString(),
    displayPath: vscode.workspace.asRelativePath(document.uri, false),
    summary: model.summary,
    findings: model.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: SEVERITIES[f.severity] ?? 'info',
      message: pickText(f.message, locale),
      explanation: pickText(f.explanation, locale) || undefined,
      range: f.range,
      helpUri: helpUris.get(f.ruleId),
    })),
    tool: { name: 'juesuan-lint', version: pkg.version, informationUri: pkg.repository?.url ?? 'https://github.com/juesuan-lint/juesuan-lint' },
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const open = t('Open');
  const choice = await vscode.window.showInformationMessage(
    t('juesuan-lint: exported {0} findings to {1}', model.findings.length, vscode.workspace.asRelativePath(target, false)),
    open,
  );
  if (choice === open) await vscode.window.showTextDocument(target);
}

async function restartServer(c: CommandContext): Promise<void> {
  if (!c.host.enabled()) return notifyDisabled();
  const client = await c.host.restart();
  if (client) void vscode.window.showInformationMessage(t('juesuan-lint: language server restarted.'));
}

export function registerCommands(c: CommandContext): vscode.Disposable[] {
  const commands: Record<string, (c: CommandContext) => Promise<void>> = {
    'juesuanLint.lint': lint,
    'juesuanLint.recomputePercentages': recomputePercentages,
    'juesuanLint.fixAll': fixAll,
    'juesuanLint.openPreview': openPreview,
    'juesuanLint.exportFindings': exportFindings,
    'juesuanLint.restartServer': restartServer,
  };
  return Object.entries(commands).map(([id, run]) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        await run(c);
      } catch (error) {
        c.output.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        void vscode.window.showErrorMessage(t('juesuan-lint: {0} failed: {1}', id, error instanceof Error ? error.message : String(error)));
      }
    }),
  );
}
