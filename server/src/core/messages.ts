import type { Locale, Localized } from './types';

export function localize(text: Localized, locale: Locale = 'zh-cn'): string {
  return text[locale] ?? text['zh-cn'];
}
