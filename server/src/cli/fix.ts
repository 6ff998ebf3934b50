// `--fix`: apply every finding's safe fix, re-lint, repeat until nothing changes.
import { applyEdits, lint, type Finding, type Fix, type LintOptions, type LintResult } from '../core';

export const MAX_FIX_PASSES = 10;

/** The fix --fix applies for a finding: the preferred one if it is safe, else the first safe one. */
export function autoFix(finding: Finding): Fix | undefined {
  const safe = finding.fixes.filter((f) => f.safe === true && f.edits.length > 0);
  return safe.find((f) => f.preferred) ?? safe[0];
}

/**
 * Picks whole fixes whose edits overlap no edit already picked (a fix applied by halves would
 * corrupt the text); the rest wait for the next pass, which re-lints the changed text.
 */
export function nonOverlappingEdits(findings: Finding[]): Fix['edits'] {
  const taken: Fix['edits'] = [];
  for (const f of findings) {
    const fix = autoFix(f);
    if (!fix) continue;
    const clash = fix.edits.some((e) =>
      // Overlapping ranges, or two insertions at one point (their order would be arbitrary).
      taken.some((t) => (e.span.start < t.span.end && t.span.start < e.span.end) || (e.span.start === t.span.start && (e.span.start === e.span.end || t.span.start === t.span.end))),
    );
    if (!clash) taken.push(...fix.edits);
  }
  return taken;
}

export interface FixOutcome {
  text: string;
  /** Lint result of the final text. */
  result: LintResult;
  /** Edits applied over all passes. */
  applied: number;
  passes: number;
}

export function fixText(text: string, options: LintOptions): FixOutcome {
  let current = text;
  let applied = 0;
  let passes = 0;
  let result = lint(current, options);
  while (passes < MAX_FIX_PASSES) {
    const edits = nonOverlappingEdits(result.findings);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next.text === current) break;
    current = next.text;
    applied += next.applied;
    passes++;
    result = lint(current, options);
  }
  return { text: current, result, applied, passes };
}
