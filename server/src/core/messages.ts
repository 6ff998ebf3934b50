import type { Locale, Localized } from './types';

export function localize(text: Localized, locale: Locale = 'zh-cn'): string {
  return text[locale] ?? text['zh-cn'];
}

/** Both languages of a message at once: `l('占比不符', 'share mismatch')`. */
export function l(zh: string, en: string): Localized {
  return { 'zh-cn': zh, en };
}
