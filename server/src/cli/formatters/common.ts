// What every output format needs: the results in order, the locale and the rules' metadata.
import type { Finding, Locale, RuleMeta } from '../../core';
import type { FileResult } from '../lint-file';
import { autoFix } from '../fix';

export interface FormatContext {
  cwd: string;
  locale: Locale;
  color: boolean;
  version: string;
  informationUri: string;
  rules: RuleMeta[];
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

export function tr(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

/** ESLint severities: 2 = error, 1 = warning; info has no ESLint level and is reported as 1. */
export function eslintSeverity(finding: Finding): 1 | 2 {
  return finding.severity === 'error' ? 2 : 1;
}

export function isFixable(finding: Finding): boolean {
  return autoFix(finding) !== undefined;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  /** Files not (fully) checked: binary, too large … */
  notices: number;
  fixableErrors: number;
  fixableWarnings: number;
}

export function countFindings(results: FileResult[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, notices: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const r of results) {
    c.notices += r.notices.length;
    for (const f of r.findings) {
      if (f.severity === 'error') c.errors++;
      else if (f.severity === 'warning') c.warnings++;
      else c.infos++;
      if (isFixable(f)) {
        if (f.severity === 'error') c.fixableErrors++;
        else c.fixableWarnings++;
      }
    }
  }
  return c;
}
