// Effective settings of one document: defaults < nearest `.juesuan-lint.json` < editor settings
// (workspace/configuration section `juesuanLint`). The file is read by the shared config module, so
// the CLI and the server interpret it identically.
import { fileURLToPath } from 'node:url';
import { mergeSettings, parseConfig, type ConfigLoader, type ConfigProblem } from '../config';
import type { Locale, RuleSetting } from '../core/types';

export interface DocumentSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  debounceMs: number;
  locale: Locale;
  /** Problems found in the configuration (shown once to the user). */
  problems: Array<{ source: string; problem: ConfigProblem }>;
}

export const DEFAULT_DEBOUNCE_MS = 200;
const MAX_DEBOUNCE_MS = 10_000;

/** Locale from the client's UI language (`initialize.locale`): Chinese unless the UI is English. */
export function localeFromClient(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
}

/**
 * Combines the editor section (any shape: clients answer `null` for unknown sections) with the
 * configuration file found for the document.
 */
export function resolveSettings(editor: unknown, uri: string, loader: ConfigLoader, fallbackLocale: Locale): DocumentSettings {
  const section = editor && typeof editor === 'object' && !Array.isArray(editor) ? (editor as Record<string, unknown>) : {};
  const problems: DocumentSettings['problems'] = [];

  let fileSettings = {};
  if (uri.startsWith('file:')) {
    try {
      const loaded = loader.loadConfigFor(fileURLToPath(uri));
      fileSettings = loaded.settings;
      for (const p of loaded.problems) problems.push({ source: loaded.path ?? '.juesuan-lint.json', problem: p });
    } catch {
      // An unreadable path (e.g. a URI the OS cannot map) just has no configuration file.
    }
  }

  const editorInput: Record<string, unknown> = {};
  if (section.rules !== undefined && section.rules !== null) editorInput.rules = section.rules;
  if (typeof section.locale === 'string' && section.locale !== 'auto' && section.locale !== '') editorInput.locale = section.locale;
  const parsed = parseConfig(editorInput);
  for (const p of parsed.problems) problems.push({ source: 'juesuanLint', problem: p });

  const merged = mergeSettings(fileSettings, parsed.settings);
  const debounce = typeof section.debounceMs === 'number' && Number.isFinite(section.debounceMs) ? section.debounceMs : DEFAULT_DEBOUNCE_MS;
  return {
    enable: section.enable !== false,
    rules: merged.rules,
    debounceMs: Math.max(0, Math.min(MAX_DEBOUNCE_MS, debounce)),
    locale: merged.locale ?? fallbackLocale,
    problems,
  };
}
