// User-visible strings of the extension. Source strings are English, written as t("English text")
// like vscode.l10n.t; l10n/bundle.l10n.zh-cn.json holds the Chinese. `juesuanLint.locale` can ask for a
// language other than VS Code's display language, which vscode.l10n cannot do, so the bundle is then
// read directly.
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, resolveLocale } from './locale';
import type { UiLocale } from './protocol';

let extensionPath = '';
let zhBundle: Record<string, string> | undefined;

export function initL10n(path: string): void {
  extensionPath = path;
}

export function uiLocale(): UiLocale {
  return resolveLocale(vscode.workspace.getConfiguration('juesuanLint').get<string>('locale'), vscode.env.language);
}

/** The language vscode.l10n.t produces: we ship only a zh-cn bundle, so every other display language gets English. */
function vscodeL10nLocale(): UiLocale {
  return vscode.env.language.toLowerCase() === 'zh-cn' ? 'zh-cn' : 'en';
}

function chineseBundle(): Record<string, string> {
  if (!zhBundle) {
    try {
      zhBundle = JSON.parse(readFileSync(join(extensionPath, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    } catch {
      zhBundle = {};
    }
  }
  return zhBundle;
}

export function t(message: string, ...args: Array<string | number | boolean>): string {
  const locale = uiLocale();
  if (locale === vscodeL10nLocale()) return vscode.l10n.t(message, ...args);
  return formatMessage(locale === 'zh-cn' ? (chineseBundle()[message] ?? message) : message, args);
}
