// Which language the extension speaks. One rule for the client UI and the server's messages:
// the `juesuanLint.locale` setting if set, else VS Code's display language: Chinese variants → zh-cn,
// English → en, anything else → zh-cn (the product's default: the reports themselves are Chinese).
import type { UiLocale } from './protocol';

export function resolveLocale(setting: string | undefined, displayLanguage: string): UiLocale {
  if (setting === 'zh-cn' || setting === 'en') return setting;
  const display = displayLanguage.toLowerCase();
  return display.startsWith('en') ? 'en' : 'zh-cn';
}

/** `{0}`-style placeholders, as vscode.l10n.t formats them. */
export function formatMessage(message: string, args: ReadonlyArray<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
