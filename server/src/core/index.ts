// Public API of the lint core, shared by the CLI, the language server and the tests.
export { lint, looksBinary, LintCancelled, LINT_YOUNG_GENERATION_MB } from './lint';
export { allRules, ruleById } from './rules';
export { docsUrl } from './rules/rule';
export { buildModel, lineIndexOf } from './model/document';
export { scanNumbers, parseCell } from './numbers/scan';
export { LineIndex } from './text/positions';
export { normalizeScript } from './text/script';
export { localize } from './messages';
export * from './types';
export { applyEdits, fixAll, safeEdits, recomputeShare, recomputeShareGroup, shareFigures, shareGroups, shareFixes } from './fixes';
export type { ShareFigure, ShareFixes, FixAllResult } from './fixes';
// The interval arithmetic, for tests and tools that check a relation by hand.
export * as arith from './arith/interval';
export { Operand, makeOperand, withChanges } from './arith/operand';
