// Quick fixes from the findings' fixes, the share recomputations (one share, a whole list), and fix-all.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize } from '../core/messages';
import type { Finding, Fix, Locale, Span } from '../core/types';
import type { Analysis } from './analysis';
import { toDiagnostic } from './diagnostics';
import { FIX_ALL_KIND, RECOMPUTE_KIND, SOURCE, type DiagnosticData } from './protocol';

export interface EditTarget {
  uri: string;
  version: number;
  /** The client understands versioned `documentChanges`. */
  documentChanges: boolean;
}

export function workspaceEdit(target: EditTarget, edits: LspTextEdit[]): WorkspaceEdit {
  if (target.documentChanges) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  return { changes: { [target.uri]: edits } };
}

function isOurs(d: Diagnostic): boolean {
  return d.source === SOURCE || (typeof d.code === 'string' && d.source === undefined);
}

/**
 * The findings a code-action request is about. Context diagnostics are matched by id when the client
 * echoes our `data` for this version, else by line + rule id: clients echo ranges in their own units
 * (Neovim 0.7 sends byte columns), so the exact range cannot be trusted.
 */
export function findingsFor(analysis: Analysis, params: CodeActionParams): Array<{ index: number; diagnostic?: Diagnostic }> {
  const ours = (params.context.diagnostics ?? []).filter(isOurs);
  const out = new Map<number, Diagnostic | undefined>();
  if (ours.length) {
    for (const d of ours) {
      const data = d.data as Partial<DiagnosticData> | undefined;
      if (data && typeof data.id === 'number' && data.version === analysis.version && analysis.findings[data.id]?.ruleId === data.ruleId) {
        out.set(data.id, d);
        continue;
      }
      analysis.findings.forEach((f, i) => {
        if (f.range.start.line === d.range?.start?.line && (d.code === undefined || f.ruleId === d.code)) out.set(i, d);
      });
    }
  } else {
    const first = params.range.start.line;
    const last = params.range.end.line;
    analysis.findings.forEach((f, i) => {
      if (f.range.start.line <= last && f.range.end.line >= first) out.set(i, undefined);
    });
  }
  return [...out].map(([index, diagnostic]) => ({ index, diagnostic }));
}

function signature(edits: Array<{ span: Span; newText: string }>): string {
  return edits.map((e) => `${e.span.start}:${e.span.end}:${e.newText}`).sort().join('|');
}

/** The recompute-percentage fixes that apply to a finding: its share, and the lists it belongs to. */
function shareFixesFor(analysis: Analysis, finding: Finding): Fix[] {
  const claim = finding.claim;
  if (claim === undefined) return [];
  const out: Fix[] = [];
  const single = analysis.shareFixes.single.find(([id]) => id === claim)?.[1];
  if (single) out.push({ ...single, preferred: finding.ruleId === 'share-mismatch' && finding.severity === 'error' && !finding.fixes.some((f) => f.preferred) });
  for (const g of analysis.shareFixes.groups) {
    if (!g.shares.includes(claim) && !g.groupClaims.includes(claim)) continue;
    if (g.recompute) out.push(g.recompute);
    if (g.largestRemainder) out.push(g.largestRemainder);
  }
  return out;
}

export function quickFixes(analysis: Analysis, params: CodeActionParams, target: EditTarget, locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const { index, diagnostic } of findingsFor(analysis, params)) {
    const finding = analysis.findings[index];
    const diag = diagnostic ?? toDiagnostic(finding, index, analysis, locale);
    const fixes = [...finding.fixes, ...shareFixesFor(analysis, finding)];
    const preferredCount = fixes.filter((f) => f.preferred).length;
    for (const fix of fixes) {
      const key = signature(fix.edits);
      if (seen.has(key) || fix.edits.length === 0) continue;
      seen.add(key);
      actions.push({
        title: localize(fix.title, locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        // Preferred only when it is the one clearly right fix (auto-fix in editors applies it blindly).
        isPreferred: fix.preferred === true && preferredCount === 1 ? true : undefined,
        edit: workspaceEdit(
          target,
          fix.edits.map((e) => ({ range: e.range, newText: e.newText })),
        ),
      });
    }
  }
  return actions;
}

export function fixAllAction(doc: TextDocument, edits: Array<{ span: Span; newText: string }>, target: EditTarget, locale: Locale): CodeAction | undefined {
  if (edits.length === 0) return undefined;
  return {
    title: locale === 'en' ? 'Fix all safe juesuan-lint problems' : '修复全部可安全自动修复的问题（juesuan-lint）',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(
      target,
      edits.map((e) => ({ range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText })),
    ),
  };
}

/**
 * Every share of the document recomputed from its part and base ("重新计算本文档全部百分比"): the
 * recomputation of each list, then of each share outside those lists; edits never overlap.
 */
export function recomputeAllAction(analysis: Analysis, target: EditTarget, locale: Locale): CodeAction | undefined {
  const edits: Fix['edits'] = [];
  const taken = new Set<number>();
  const add = (fix: Fix | undefined) => {
    if (!fix || fix.edits.some((e) => taken.has(e.span.start))) return;
    for (const e of fix.edits) {
      taken.add(e.span.start);
      edits.push(e);
    }
  };
  for (const g of analysis.shareFixes.groups) add(g.recompute);
  for (const [, fix] of analysis.shareFixes.single) add(fix);
  if (edits.length === 0) return undefined;
  return {
    title: locale === 'en' ? `Recompute all percentages in the document (${edits.length})` : `重新计算本文档全部百分比（${edits.length} 处）`,
    kind: RECOMPUTE_KIND,
    edit: workspaceEdit(
      target,
      edits.sort((a, b) => a.span.start - b.span.start).map((e) => ({ range: e.range, newText: e.newText })),
    ),
  };
}

export function wantsKind(only: string[] | undefined, kind: string): boolean {
  // `only: ['source']` asks for every source action, `['source.fixAll']` for every fix-all.
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}
