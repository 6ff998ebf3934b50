// Configuration shared by the CLI and the language server. This file is pure (no fs) so it can be
// used anywhere; load.ts adds the Node-only discovery of `.juesuan-lint.json`.
import { allRules } from '../core/rules';
import type { Locale, Localized, RuleSetting } from '../core/types';

export const CONFIG_FILE_NAME = '.juesuan-lint.json';

export interface Settings {
  /** Per-rule severity overrides; rules not listed keep their default severity. */
  rules: Record<string, RuleSetting>;
  locale?: Locale;
}

/** Settings as read from one source; every field optional so layers can be merged. */
export interface PartialSettings {
  rules?: Record<string, RuleSetting>;
  locale?: Locale;
}

export interface ConfigProblem {
  message: Localized;
}

export interface ParsedConfig {
  settings: PartialSettings;
  /** Ignored parts of the input (unknown rule, bad value, bad JSON); never fatal. */
  problems: ConfigProblem[];
}

const SETTING_ALIASES: Record<string, RuleSetting> = {
  off: 'off',
  warn: 'warning',
  warning: 'warning',
  error: 'error',
  info: 'info',
};

/** Accepts the spellings users write (`warn` like ESLint, `warning` like LSP); undefined when invalid. */
export function parseRuleSetting(value: unknown): RuleSetting | undefined {
  return typeof value === 'string' ? SETTING_ALIASES[value.trim().toLowerCase()] : undefined;
}

/** `zh-cn` / `zh` / `en` (case-insensitive); undefined when invalid. */
export function parseLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'zh-cn' || v === 'zh' || v === 'zh-hans') return 'zh-cn';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return undefined;
}

export function knownRuleIds(): string[] {
  return allRules.map((r) => r.meta.id);
}

function problem(zh: string, en: string): ConfigProblem {
  return { message: { 'zh-cn': zh, en } };
}

/**
 * Validates a configuration object (or its JSON text). Invalid parts are dropped with a problem
 * each, so one typo never disables the rest of the file.
 */
export function parseConfig(input: unknown, ruleIds: readonly string[] = knownRuleIds()): ParsedConfig {
  const problems: ConfigProblem[] = [];
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      const reason = (e as Error).message;
      return { settings: {}, problems: [problem(`配置文件不是有效的 JSON：${reason}`, `The configuration is not valid JSON: ${reason}`)] };
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { settings: {}, problems: [problem('配置必须是 JSON 对象。', 'The configuration must be a JSON object.')] };
  }
  const settings: PartialSettings = {};
  const obj = json as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== 'locale' && key !== '$schema') {
      problems.push(problem(`未知的配置项“${key}”，已忽略。`, `Unknown configuration key "${key}" ignored.`));
    }
  }
  if (obj.locale !== undefined) {
    const locale = parseLocale(obj.locale);
    if (locale) settings.locale = locale;
    else problems.push(problem(`locale 的值 ${JSON.stringify(obj.locale)} 无效（应为 "zh-cn" 或 "en"），已忽略。`, `Invalid locale ${JSON.stringify(obj.locale)} (expected "zh-cn" or "en"); ignored.`));
  }
  if (obj.rules !== undefined) {
    if (obj.rules === null || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push(problem('rules 必须是对象（规则 id → 级别）。', '"rules" must be an object (rule id → severity).'));
    } else {
      const known = new Set(ruleIds);
      const rules: Record<string, RuleSetting> = {};
      for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!known.has(id)) {
          problems.push(problem(`未知的规则“${id}”，已忽略。`, `Unknown rule "${id}" ignored.`));
          continue;
        }
        // ESLint also accepts ["warn", options]; we have no rule options, so take the level.
        const setting = parseRuleSetting(Array.isArray(value) ? value[0] : value);
        if (!setting) {
          problems.push(problem(`规则“${id}”的级别 ${JSON.stringify(value)} 无效（应为 off、info、warn、error），已忽略。`, `Invalid severity ${JSON.stringify(value)} for rule "${id}" (expected off, info, warn or error); ignored.`));
          continue;
        }
        rules[id] = setting;
      }
      settings.rules = rules;
    }
  }
  return { settings, problems };
}

/** Merges layers from weakest to strongest (defaults, config file, command line / editor settings). */
export function mergeSettings(...layers: Array<PartialSettings | undefined>): Settings {
  const out: Settings = { rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) Object.assign(out.rules, layer.rules);
    if (layer.locale) out.locale = layer.locale;
  }
  return out;
}
