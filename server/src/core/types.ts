// Shared vocabulary of the lint pipeline. Nothing here may import vscode or any LSP package:
// the CLI, the language server and the tests all use the core directly.
import type Decimal from 'decimal.js';
import type { Operand, OperandFields } from './arith/operand';

/** Half-open range of UTF-16 code-unit offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** LSP position: 0-based line, 0-based UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Locale = 'zh-cn' | 'en';

/** A user-visible text in both supported languages. */
export interface Localized {
  'zh-cn': string;
  en: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** Money units are converted to 元 via `scale`; rates and counts keep their own dimension. */
export type MoneyUnit = '元' | '万元' | '亿元';
export type Unit = MoneyUnit | '%' | '个百分点' | 'count' | 'score' | 'year' | 'none';

/** What conversion damage a number had to be repaired from (rounding.md §7). */
export type NumberFormatIssue =
  | 'space-after-point' // `665. 39`
  | 'space-before-point' // `985 .54`
  | 'ideographic-point' // `412。87`
  | 'fullwidth' // `１２３．４５`
  | 'mixed-width' // `８１．０9`: full-width and ASCII digits in one number
  | 'bad-grouping' // `1,23,456.00`
  | 'space-in-digits' // `1 234.56`, `33802.5 3`
  | 'double-point' // `1857..82`
  | 'comma-decimal' // `315,80万元`: a comma for the decimal point
  | 'year-fused' // `与2019498.83万元相比`: 2019年498.83万元 with its 年 lost
  | 'letter-zero' // `1O4.95`: OCR's letter O for the digit 0
  | 'letter-one' // `l864.20`: OCR's letter l (or I) for the digit 1
  | 'text-marker'; // `'1150.00`: a spreadsheet's mark of a figure stored as text, left in a pasted cell

export interface NumberToken {
  /** Index in DocumentModel.numbers. */
  id: number;
  /** The characters of the number itself (digits, separators, sign), without the unit. */
  span: Span;
  /** The unit characters, when a unit follows the number. */
  unitSpan?: Span;
  /** Source text of `span`. */
  raw: string;
  /** Canonical ASCII text of the value as written (`665.39`, `-3.5`). */
  text: string;
  value: Decimal;
  /** The value is 0 (no digit 1–9 in `text`): known without building the Decimal. */
  zero: boolean;
  /** Digits after the decimal point as written; precision h = 0.5 × 10^−decimals. */
  decimals: number;
  unit: Unit;
  /** The raw unit word (`万元`, `个`, `人次`, `%` …). */
  unitText: string;
  formatIssue?: NumberFormatIssue;
  /** Unit the number is read in when its written unit is a slip (`3373.17元` among 万元 siblings). */
  readAs?: MoneyUnit;
  /** A share written without its % sign (`占 76.23;` among `占 X%` siblings): read with unit %. */
  missingPercent?: true;
  /** A rate written as a fraction of one (`1.028950` for 102.90%), in a rate column all of whose cells are: read per one, not per cent. */
  ofOne?: true;
  /** Set when the number is a table cell. */
  cell?: { table: number; row: number; col: number };
  /** Stated as about this much (`约1,100万元`, `800万元左右`): rounded to its last significant digit (±50), not to units. */
  approximate?: true;
  /** A count written in Chinese numerals (`十三辆`): exact, but no fix rewrites it in digits. */
  inWords?: true;
  /** Its operand fields, built by the first relation that reads it (arith/interval `operand`). */
  operandFields?: OperandFields;
}

export interface Line {
  index: number;
  start: number;
  /** End offset, excluding the line break. */
  end: number;
  text: string;
}

export interface Section {
  id: number;
  /** Heading text, trimmed. */
  title: string;
  /** 1 = 第X部分 / `#`, 2 = 一、, 3 = （一）, 4 = 1. / （1）. */
  level: number;
  span: Span;
  /** Span of the heading line. */
  headingSpan: Span;
  parent?: number;
}

export interface Sentence {
  id: number;
  span: Span;
  text: string;
  /** Innermost section containing it. */
  section?: number;
  /** Numbers inside, in order (ids into DocumentModel.numbers). */
  numbers: number[];
  /** Set when the sentence is a table row's prose-like cell (never for ordinary rows). */
  paragraph: number;
}

export interface TableCell {
  row: number;
  col: number;
  span: Span;
  text: string;
  /** Parsed numeric value; blank, `-`, `—` cells are empty (zero). */
  number?: number;
  empty: boolean;
  /** A subject code that slid into this value cell from the neighbouring code cell (column shift); never an amount. */
  shiftedCode?: string;
  /** A non-empty value cell that is not a number (`12.3.4`, stray text): no amount can be read from it. */
  unreadable?: boolean;
  /**
   * A figure (or blank) of a row whose blank cells vanished in extraction (model/spaced.ts): the row's figures after its
   * total are known, not their columns. Column relations skip it; the row's own sum reads its figures in any column.
   */
  unplaced?: boolean;
  /** Leading indentation of a text cell, in full-width spaces (two ASCII spaces count as one). */
  indent?: number;
  /** A Markdown cell's ASCII spaces before its text beyond the one of padding, when two or more. */
  padded?: number;
}

export type TableRowKind = 'header' | 'column-numbers' | 'total' | 'data' | 'note';

export interface TableRow {
  index: number;
  kind: TableRowKind;
  line: number;
  span: Span;
  cells: TableCell[];
  /** Normalised subject code (功能分类 3/5/7 digits or 经济分类 3/5 digits) when present. */
  code?: string;
  /** Row label (科目名称 / 项目), spaces removed. */
  label: string;
  /**
   * The row read block by block (side-by-side blocks: 公开01/04 收入 | 支出, 公开06 three
   * code/name/amount groups); absent for header rows.
   */
  entries?: Array<{
    block: number;
    /** Normalised code (3/5/7 digits), from a code cell, split 类/款/项 cells or a `2080505 名称` cell. */
    code?: string;
    /** True when the code was recovered from a column shift (the code cell is empty). */
    codeRecovered?: boolean;
    /** Label as written, spaces removed. */
    label: string;
    labelSpan?: Span;
    /** 行次 as written. */
    lineNumber?: string;
    /** Value columns of this entry, left to right (normally the block's; a total written in an odd column moves). */
    valueCols: number[];
  }>;
  /** A header row repeated after a page break (not part of the column headers). */
  repeatedHeader?: boolean;
}

export interface TableColumn {
  index: number;
  /** Header labels from top to bottom (merged header cells propagated), spaces removed. */
  headerPath: string[];
  /** Number from the 栏次 row, when present. */
  columnNumber?: string;
  /** Side-by-side block the column belongs to (0 for single tables). */
  block?: number;
  /**
   * What the column holds: a code (or one 类/款/项 part of it), a row label, a 行次, values, last year's values beside
   * this year's, changes (`增减额`: amounts, but no part of the row's total), or rates (`决算数为调整预算数的%`, `增减率`:
   * no amounts, never added up).
   */
  role?: 'code' | 'code-part' | 'name' | 'line-number' | 'value' | 'prior' | 'change' | 'rate' | 'text';
}

/** Standard disclosure table identity, identified by title (公开01表 … 公开11表). */
export type StandardTableId =
  | 'T01' | 'T02' | 'T03' | 'T04' | 'T05' | 'T06' | 'T07' | 'T08' | 'T09' | 'T10' | 'T11'
  | 'performance' // 项目支出绩效自评表
  | 'unknown';

export interface Table {
  id: number;
  /** Title line text (e.g. 收入支出决算总表), if found. */
  title?: string;
  titleSpan?: Span;
  /** Table code as written (公开01表 / 表一 / 附表1). */
  code?: string;
  kind: StandardTableId;
  /** `aligned`: columns laid out with spaces (pdftotext -layout). */
  format: 'tsv' | 'markdown' | 'aligned' | 'html';
  unit: MoneyUnit;
  /** The unit word of the table's unit line (`单位：万元`), when it has one. */
  unitSpan?: Span;
  /** The unit as written, when the table's figures are another's (model/units.ts): `unit` holds the one read. */
  unitSlip?: MoneyUnit;
  span: Span;
  rows: TableRow[];
  columns: TableColumn[];
  /** 项目名称 of a 绩效自评表. */
  projectName?: string;
  /** Notes under the table (`注：…`). */
  notes?: Array<{ span: Span; text: string }>;
  /** The table states it has no data (`注：…本表无数据`). */
  noData?: boolean;
  /** Row indexes where a continuation after a page break starts (merged into this table). */
  continuations?: number[];
  /** A space-aligned reading its own identities refute (claims/tables/misread.ts): no claims read it. */
  withdrawn?: true;
  /**
   * Its writer marks it unfinished (`（以下各行待从决算软件复制粘贴）` under it; the mark's span): a row it lacks is not yet pasted,
   * not zero, and its total is not yet the sum of its rows.
   */
  unfinished?: Span;
  /**
   * Its last rows are missing though nothing says so (claims/tables/truncated.ts): the levels above its last row fall
   * short of the rows listed under them. Treated as unfinished: a row it lacks is not zero, its totals are not summed.
   */
  truncated?: {
    lastRow: Span;
    lastName: string;
    /** From 合计 down: each level's first column whose listed rows fall short of it. */
    shortfalls: Array<{ name: string; column: string; stated: string; listed: string; span: Span }>;
  };
  /**
   * Parents whose rows are all still zero or blank in a column while the parent is filled (claims/tables/unfilled.ts):
   * a draft whose totals were typed first. Neither the parent's sum nor the zero rows are checked.
   */
  unfilledParents?: Array<{ name: string; column: string; stated: string; rows: number; span: Span }>;
  /**
   * Part columns all still zero or blank while no row's total is the sum of its parts (claims/tables/unfilled.ts): not
   * filled in yet. Neither the rows' sums nor the column's figures are checked.
   */
  unfilledColumns?: Array<{ column: string; total: string; rows: number; span: Span }>;
  /** Last year's table quoted for comparison (`（上年）收入支出决算总表`): checked in itself, compared with nothing of this year's. */
  lastYears?: true;
  /**
   * Read from a copy whose blank cells vanished (model/spaced.ts): such extractions also clip digits of narrow cells
   * (`10,661.51` as `1,066.51`), which a sum cannot tell from a slip, so its sums are reported as warnings.
   */
  blanksLost?: true;
}

export interface Paragraph {
  id: number;
  span: Span;
  section?: number;
}

export interface DocumentModel {
  text: string;
  lines: Line[];
  numbers: NumberToken[];
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tables: Table[];
  /** Report year (2024 for a 2024年度部门决算), if found. */
  reportYear?: number;
  /**
   * Where the text starts giving last year's report for comparison (`附：2023年度部门决算表（上年决算数，供对比参考）`): last
   * year's tables and titles from there on are no slips of this year's.
   */
  lastYearsFrom?: number;
  /** A 决算 report or a 部门预算 (named so in its title), if either. */
  reportKind?: 'final-accounts' | 'budget';
  /** The reporting department as it names itself before the year (`钦州市医疗保障局 2024 年度…`), if found. */
  department?: string;
  /** Spans disabled by `juesuan-lint-disable-next-line` comments, keyed by line → rule ids ('*' = all). */
  disabledLines: Map<number, Set<string>>;
  /** Space-aligned tables left unread because a cell's column was in doubt: nothing in them is checked. */
  unreadTables: UnreadTable[];
  /** Template placeholders where a figure belongs (`XX万元`, `20XX年`). */
  placeholders: Span[];
}

export interface UnreadTable {
  /** The table's first line (its header), trimmed. */
  span: Span;
  /** Its last line index (0-based). */
  lastLine: number;
  reason: Localized;
  /**
   * How it was laid out: spaces (pdftotext -layout), or one cell per line (a PDF viewer's copy); or read, but all zero
   * while the text or other tables state figures for it (not filled in yet); or with hundreds of columns (no
   * disclosure table: not read column by column).
   */
  layout: 'aligned' | 'cell-per-line' | 'unfilled' | 'too-wide';
}

/** A number taking part in a relation (a class: its decimals are built on first read). */
export type { Operand };

export type ClaimKind =
  | 'sum' // total = Σ parts (prose 其中 list or table identity)
  | 'rollup' // parent row = Σ child rows, by code prefix
  | 'share' // stated% = part / base
  | 'average' // stated average = amount / count (人均, 单车平均)
  | 'share-group' // the shares of one exhaustive list (to 100%)
  | 'change' // year over year
  | 'completion' // actual / budget
  | 'points' // 个百分点 difference
  | 'equal' // two statements of one quantity (cross-table, text-table)
  | 'le' // part ≤ whole
  | 'fact' // the same fact stated twice
  | 'reason' // a change explained by another quantity's change, stated elsewhere with a direction
  | 'dated' // a figure dated another year than the report's, beside the table's report-year figure
  | 'rank' // an item said to be the largest (second, smallest…) against another of its breakdown
  | 'grade'; // a 绩效 score and the grade stated for it (优 ≥ 90, 良 80–90, …)

export interface ClaimBase {
  id: number;
  kind: ClaimKind;
  /** Where the relation is stated: prose sentence or table identity. */
  origin: 'prose' | 'table' | 'cross-table' | 'text-table';
  /** Identity id from ../shared/domain (T06.2, X11 …) or a prose pattern name. */
  identity?: string;
  /** Short description, shown in hovers and in the claims list. */
  description: Localized;
  /** Anchor span (the stated result, or the total). */
  span: Span;
  /** Soft relations (conventions, scopes that may differ) only warn. */
  soft?: boolean;
}

export interface SumClaim extends ClaimBase {
  kind: 'sum' | 'rollup';
  total: Operand;
  parts: Operand[];
  /** Parts with signs (−1 for a 减少 in a decomposition of changes). */
  signs?: number[];
  /** False when the list may be partial: then only Σ parts ≤ total is checked. */
  exhaustive: boolean;
  /**
   * The parts named may be only the main ones (`主要原因是：一是…；二是…`): the sum is reported only where one figure's slip (a
   * direction, a digit) would make it hold.
   */
  slipOnly?: true;
}

export interface ShareClaim extends ClaimBase {
  kind: 'share';
  part: Operand;
  base: Operand;
  stated: Operand;
  /** Share group id for group recomputation (shares of one list / one column). */
  group?: number;
  /** Stated approximately or as a bound (`约占45%`, `占比超过90%`, `70%以上`): held to the figures as such, in no group. */
  approx?: Approximation;
}

export interface ShareGroupClaim extends ClaimBase {
  kind: 'share-group';
  shares: number[]; // ShareClaim ids
}

export interface ChangeClaim extends ClaimBase {
  kind: 'change';
  direction: 'up' | 'down' | 'flat';
  /** Token span of the direction word (增加/减少…), for direction fixes. */
  directionSpan?: Span;
  /** `增加1.67万元，下降0.15%`: the rate's own direction word, when it contradicts the amount's. */
  rateWord?: { direction: 'up' | 'down'; span: Span };
  /** Token span of the rate's own direction word (`下降25.51%`), for direction fixes. */
  rateDirectionSpan?: Span;
  /** `由上年的661.90万元增加至520.02万元`: the verb that reaches this year's figure, a direction of its own. */
  reachedWord?: { direction: 'up' | 'down'; span: Span };
  /**
   * `增加（减少）200.00万元，增长（下降）10.00%`: the template's two words left in place. The direction is then the
   * one the figures give; each pair is reported with the word to keep.
   */
  undecided?: Array<{ span: Span; up: string; down: string }>;
  current?: Operand;
  prior?: Operand;
  delta?: Operand;
  rate?: Operand;
  /**
   * `较2023年度决算数38.31万元，下降6.31%`: last year's figure stands right before the rate and no change is stated, so
   * it may be the change with its direction word left out (change-mismatch tries both readings).
   */
  priorBeforeRate?: true;
  /** `增加0.37万元，上升3.75个百分点`: the rate of an amount's change written in 个百分点; where that unit is (it should be %). */
  pointsUnit?: Span;
  /** `2019—2021年…分别为A、B和C，年均增长6.56%`: the rate is a compound yearly one over this many years, (C / A)^(1/n) − 1. */
  years?: number;
}

export interface CompletionClaim extends ClaimBase {
  kind: 'completion';
  actual: Operand;
  budget: Operand;
  rate?: Operand;
  /** 决算数大于/小于/等于预算数 as stated. */
  comparison?: { word: 'gt' | 'lt' | 'eq'; span: Span };
  /** The sentence's budget of the other kind (`年初预算为0万元，全年预算为321.02万元`), named in the explanation when the rate is its. */
  otherBudget?: Operand;
}

export interface PointsClaim extends ClaimBase {
  kind: 'points';
  /** This year's rate. */
  a: Operand;
  /** Last year's rate. */
  b: Operand;
  stated: Operand;
  /** The direction word of the difference (`提高`, `下降`) and where it is, when there is one. */
  direction?: 'up' | 'down';
  directionSpan?: Span;
  /** `比重为35.31%，较2018年的35.83%减少0.52%`: the difference stated with %, where that unit is (it should be 个百分点). */
  percentUnit?: Span;
  /** `变动幅度超过4个百分点` (over), `不到3个百分点` (under): the stated figure bounds the difference. */
  bound?: 'over' | 'under';
}

export interface EqualClaim extends ClaimBase {
  kind: 'equal';
  a: Operand;
  b: Operand;
}

export interface LeClaim extends ClaimBase {
  kind: 'le';
  part: Operand;
  whole: Operand;
  /** The finding's message where `part 大于 whole` would mislead (a count set against money). */
  message?: Localized;
}

/** `其次是A…，再次是B…`, `占比最大的是A`: the ranked item's figure is at least (`higher`) or at most the other's. */
export interface RankClaim extends ClaimBase {
  kind: 'rank';
  ranked: Operand;
  other: Operand;
  higher: boolean;
  /** The ranking words (`位居第一`, `其次`, `最低`). */
  words: string;
}

/** `自评得分97.45分，评价等级为“优”`: the grade the scale gives the score. */
export interface GradeClaim extends ClaimBase {
  kind: 'grade';
  score: Operand;
  /** The grade as stated (优, 良, 中, 差) and where it stands. */
  grade: string;
  gradeSpan: Span;
  /** How the report spells a grade where it differs from the scale's word (`良好` for 良 where it wrote `优秀`): for the fix. */
  spelling?: Record<string, string>;
  /** The scale, best grade first: each grade's lowest score and whether that score is in it. */
  bands: Array<{ grade: string; low: number; inclusive: boolean }>;
  /** The report states the scale (else the usual one, 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, is assumed). */
  scaleStated: boolean;
}

export interface FactClaim extends ClaimBase {
  kind: 'fact';
  /** Normalised key (quantity name + kind + year). */
  key: string;
  a: Operand;
  b: Operand;
  /** True when the two wordings differ (scope may differ): warning only. */
  looseMatch: boolean;
  /** `a` is the slip: a part of a list that adds up only with `b`'s value in its place (the finding goes on `a`). */
  firstIsOdd?: true;
  /** `b` states the figure only approximately or bounds it (`约1,100万元`, `近1,300万元`, `超过750万元`, `不足50万元`). */
  approx?: Approximation;
}

/** How a figure is stated when not exactly: about (约, 左右), nearly (近), more than (超过, 逾), less than (不足, 不到). */
export type Approximation = 'about' | 'near' | 'over' | 'under';

/** `…减少，主要原因是“三公”经费支出减少` while 三公 is said elsewhere to have increased. */
export interface ReasonClaim extends ClaimBase {
  kind: 'reason';
  subject: string;
  /** The direction the reason gives, and where. */
  direction: 'up' | 'down';
  /** The change claim that states the subject's direction. */
  stated: { claim: number; direction: 'up' | 'down' | 'flat'; span: Span };
  /** Not a reason: the figure's own change stated again, `比上年增长约10%` beside `下降10.03%` (an error, not a note). */
  restated?: true;
}

/**
 * `2023年度财政拨款收入、支出总计1607.86万元` in a 2024 report, beside 公开04表's 总计: if the two are equal,
 * the year is wrong (the tables are the report year's).
 */
export interface DatedClaim extends ClaimBase {
  kind: 'dated';
  /** The year's number token. */
  year: number;
  figure: Operand;
  table: Operand;
}

/** `参会人员392人次，人均会议费252.30元`: an average per head (per car, per batch) is the amount over the count. */
export interface AverageClaim extends ClaimBase {
  kind: 'average';
  amount: Operand;
  count: Operand;
  stated: Operand;
  /** The stated figure is a standard the amount was paid at (amount = count × months × standard), not an average worked out. */
  standard?: { months: number };
}

export type Claim =
  | AverageClaim
  | SumClaim
  | ShareClaim
  | ShareGroupClaim
  | ChangeClaim
  | CompletionClaim
  | PointsClaim
  | EqualClaim
  | LeClaim
  | FactClaim
  | ReasonClaim
  | DatedClaim
  | RankClaim
  | GradeClaim;

export interface TextEdit {
  span: Span;
  range: Range;
  newText: string;
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
  /** Safe for fix-all / --fix: mechanical, no judgement needed. */
  safe: boolean;
  /** The single obviously right fix of a finding. */
  preferred?: boolean;
  /** Fix kind, for grouping code actions: recompute-share, recompute-group, fix-total, fix-rate, normalize-number, fix-unit. */
  kind: string;
}

export interface RelatedLocation {
  span: Span;
  range: Range;
  message: Localized;
}

export interface Finding {
  ruleId: string;
  /** Key into the rule's messages (ESLint messageId). */
  messageId: string;
  severity: Severity;
  message: Localized;
  /** The arithmetic, e.g. `196.82 / 6,062.82 = 3.25%，而文中为 32%`. */
  explanation: Localized;
  span: Span;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
  /** Claim that failed, when the finding comes from a relation. */
  claim?: number;
}

/** The result of checking one claim, kept for hovers and coverage even when it holds. */
export interface Verdict {
  claim: number;
  ruleId: string;
  status: 'ok' | Severity;
  explanation: Localized;
}

export interface RuleMeta {
  id: string;
  type: 'problem' | 'suggestion' | 'layout';
  defaultSeverity: Severity;
  description: Localized;
  fixable: boolean;
  /** Message templates by id, for documentation and SARIF. */
  messages: Record<string, Localized>;
}

export type RuleSetting = 'off' | Severity;

export interface LintOptions {
  /** Per-rule overrides. */
  rules?: Record<string, RuleSetting>;
  /** Abort cooperatively (checked between stages and rules). */
  isCancelled?: () => boolean;
}

export interface LintResult {
  model: DocumentModel;
  claims: Claim[];
  verdicts: Verdict[];
  findings: Finding[];
  /** Set when the input was refused (binary) or only partly analysed (too large). */
  notice?: Localized;
}
