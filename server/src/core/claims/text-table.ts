// Prose ↔ table (prose.md §8): an amount the 情况说明 states about a table quantity must equal the
// cell. Each prose statement is mapped to the cell its words name; the 绩效 prose to the 自评表 of
// the project its section is about.
import { checkEqual, exact, isMoney, operand, sumOperand } from '../arith/interval';
import { asExact, magnitude } from '../arith/operand';
import { l } from '../messages';
import type { ChangeClaim, CompletionClaim, DatedClaim, DocumentModel, EqualClaim, FactClaim, Operand, ShareClaim, StandardTableId } from '../types';
import type { ProseFacts } from './prose';
import { comparedYear, fundTableNote, PROJECT_NAME, projectFigure, WHOLLY_MADE_OF } from './prose/facts';
import { partName } from './prose/shares';
import { inBudgetList } from './prose/lists';
import { AVERAGE_NAME, OWNER } from './prose/subjects';
import { budgetKind, OPENING_YEAR, reasonBefore, withoutDepartment, type ProseToken } from './prose/tokens';
import type { ClaimSink } from './sink';
import { findTableValue, performanceTables, type TableValue, type TableValueQuery } from './tables';
import { columnLabel, items, tableName } from './tables/access';
import { ALL_SOURCES_HEADING, BEYOND_DEPARTMENT_HEADING, beyondDepartmentBefore, FUND_LABEL, FUND_ONLY_HEADING, FUND_OPENING, INCOME_BY_CLASS, INCOME_SECTION, NON_FISCAL_LABEL, allSourcesSentence } from '../text/sources';
import { lowerBound } from '../text/search';
import { assetCount, assetLabel, assetsTable, assetsTableName, CARS_IN_ALL_ROW } from './tables/assets';
import { CHANGE, PRIOR_YEAR, statisticsCount, statisticsTable } from './tables/sangong';
import { CLASS_NAME, ECONOMIC_CLASS, namesClassOrItem } from '../text/classes';

/** 一般公共预算 only, all funds, or another fund or unit (政府性基金 / 国有资本经营 in 07/08 only; 本级, 二级单位 in no table). */
type Scope = 'general' | 'all' | 'other';

interface Mapping {
  subject: RegExp;
  roles: Array<ProseToken['role']>;
  /** A difference only warns. */
  soft?: boolean;
  queries: (match: RegExpMatchArray, scope: Scope, pt: ProseToken, basicAllIsGeneral: () => boolean, listTotal: ProseToken | undefined) => TableValueQuery[];
}

/** Domestic or foreign reception alone: a part of 公务接待费. */
const RECEPTION_PART = /(?:国内|国[（(]境[)）]外|境外|外事|外宾)公务接待/;

/** Columns of 公开09表 by quantity: [预算数, 决算数] 栏次. */
const SANGONG: Array<[RegExp, [string, string]]> = [
  [/三公/, ['1', '7']],
  [/因公出国|出国（境）|出国\(境\)/, ['2', '8']],
  [/公务用车购置及运行/, ['3', '9']],
  [/公务用车运行维护|公务用车运行费/, ['5', '11']],
  [/公务用车购置/, ['4', '10']],
  [/公务接待/, ['6', '12']],
];

/**
 * The spending column of a row: 公开05表's 本年支出 小计 for the 一般公共预算 scope, 公开03表's 本年支出合计
 * for all funds, found by header words (templates differ in which column comes first, and some head
 * it only 合计).
 */
function spending(scope: Scope, label: string, unique?: TableValueQuery['unique'], part?: string): TableValueQuery[] {
  // (`项目支出主要包括：综合医院（项）9872.71万元`: the item's 项目支出, not its whole spending.)
  if (part) return [{ kind: scope === 'general' ? 'T05' : 'T03', label, column: [part], unique }];
  // (`unique` in each literal rather than spread in afterwards: 项 figures are many.)
  return scope === 'general'
    ? [
        { kind: 'T05', label, column: SPENT_SUBTOTAL, notUnder: PARTS_OF_SPENDING, unique },
        { kind: 'T05', label, column: SUBTOTAL, notUnder: PARTS_OF_SPENDING, unique },
        { kind: 'T05', label, column: SPENT_TOTAL, unique },
        // The short template: `科目名称 | 合计 | 基本支出 | 项目支出`.
        { kind: 'T05', label, column: TOTAL, unique },
      ]
    : [
        { kind: 'T03', label, column: SPENT_THIS_YEAR_TOTAL, unique },
        { kind: 'T03', label, column: SPENT_TOTAL, unique },
        { kind: 'T03', label, column: TOTAL, unique },
        // (A 项 of all funds, in a report that prints 公开05表 but no 公开03表: that table's row, a warning at most.)
        ...(unique?.codeLength === 7 ? [{ kind: 'T05' as const, label, column: SPENT_SUBTOTAL, notUnder: PARTS_OF_SPENDING, unique, fallback: true }] : []),
      ];
}

/** Header words of the spending columns (shared by the queries, which only read them). */
const SPENT_SUBTOTAL = ['本年支出', '小计'];
const SUBTOTAL = ['小计'];
/** (`本年支出 | 合计 | 基本支出（小计 | 人员经费 | 公用经费）| 项目支出`: that 小计 is 基本支出's.) */
const PARTS_OF_SPENDING = ['基本支出', '项目支出'];
const SPENT_TOTAL = ['支出合计'];
const SPENT_THIS_YEAR_TOTAL = ['本年支出合计'];
const TOTAL = ['合计'];

// A 项 name picks its 项 row (7-digit code) only exactly, and a name many 款 share (一般行政管理事务) only
// with its 款 named: a PDF wrap that cut the name (`其他` / `市场监督管理事务（项）`) must not pick the 款.
/** What an item's figure is when not its spending: `年初结转和结余`, `年末结转和结余`, `本年收入`. */
// (`群众体育（项）年末结转24.80万元`: a balance named short.)
const ITEM_OTHER_FIGURE = /^(年初结转(?:和?结余)?|年末结转(?:和?结余)?|年初结余|年末结余|本年收入)$/;

const ITEM_MAPPING: Mapping = {
  subject: /(?:([^（()）]+?)[（(]款[)）])?([^（()）]+?)[（(]\s*项[)）]/,
  roles: ['amount', 'budget'],
  queries: (m, scope, pt, _basic, listTotal) => {
    const unique = { parent: m[1], codeLength: 7 };
    if (pt.role !== 'budget') {
      const queries = spending(scope, m[2], unique, spendingPartOf(pt, listTotal));
      // (A 政府性基金 项 listed among the general ones, `农业生产发展支出（项）`: 公开07表's row of that whole name.)
      return scope === 'general' ? [...queries, { kind: 'T07', label: m[2], column: ['本年支出'], unique }] : queries;
    }
    // (A 公开05表 with budget columns, `年初预算数 | 全年预算数 | 决算数`: a bare `预算` names neither.)
    const kind = budgetKind(pt.lead);
    return scope === 'general' && kind ? ITEM_BUDGET_COLUMNS[kind].map((column) => ({ kind: 'T05', label: m[2], column, unique })) : [];
  },
};
const ITEM_BUDGET_COLUMNS = { initial: [['年初预算']], adjusted: [['全年预算'], ['调整后预算'], ['调整预算']] };

/** `基本支出主要用于：…`, `项目支出主要包括：…`: a sentence listing the items of one part of the spending. */
function spendingPartOf(pt: ProseToken, listTotal: ProseToken | undefined): string | undefined {
  // (Or a 其中 list of one part: `项目支出1413.65万元全部列入节能环保支出（类），其中：环境保护管理事务（款）209.35万元，…`.)
  // (Or the part stated with its figure right before the items: `教育支出中，项目支出3,763.41万元，主要为：学前教育（项）…`.)
  // (Or the item's own name, `城市社区卫生机构（项）项目支出612.40万元`.)
  return OWN_SPENDING_PART.exec(pt.subject)?.[1] ?? SPENDING_PART_LIST.exec(pt.sentence.text)?.[1] ?? SPENDING_PART_WITH_FIGURE.exec(pt.sentence.text)?.[1] ?? (listTotal ? SPENDING_PART.exec(listTotal.subject)?.[1] : undefined);
}
/**
 * The 基本支出 or 项目支出 a 类, 款 or 项 is listed under through the items above it (`项目支出…（其中：交通运输支出（类）…（其中：公路水路运输
 * （款）…（包括公路养护（项）…）））`), or that the 类 above it wholly makes up (`项目支出2713.63万元（全部为交通运输支出（类）2713.63万元…）`).
 */
function splitAbove(facts: ProseFacts, pt: ProseToken): ProseToken | undefined {
  let item = pt;
  let total = facts.listOf.get(item)?.totals.get('amount');
  for (let depth = 0; total && depth < 4 && /[（(]\s*[类款项]\s*[)）]$/.test(total.subject); depth++) {
    item = total;
    total = facts.listOf.get(item)?.totals.get('amount');
  }
  if (total && SPENDING_PART.test(total.subject)) return total;
  if (!WHOLLY_MADE_OF.test(item.lead)) return undefined;
  const tokens = facts.analysis.bySentence.get(item.sentence.id) ?? [];
  const whole = tokens.slice(0, item.index).reverse().find((t) => t.role === 'amount');
  return whole && whole.depth < item.depth && SPENDING_PART.test(whole.subject) ? whole : undefined;
}
const SPENDING_PART_WITH_FIGURE = /^[^。；;]{0,20}中[，,：:]?\s*(?:一般公共预算财政拨款)?(基本支出|项目支出)(?:为)?\s*[0-9,.]+\s*(?:万元|亿元|元)[，,]?\s*(?:主要)?(?:为|是|包括|用于|有)[：:]/;
const SPENDING_PART = /^(?:一般公共预算财政拨款)?(基本支出|项目支出)$/;
const OWN_SPENDING_PART = /[（(]\s*[类款项]\s*[)）]\s*(?:支出)?(?:中的?)?(基本支出|项目支出)$/;

const SPENDING_PART_LIST = /^\s*(?:其中[，,：:]?)?(?:一般公共预算财政拨款)?(基本支出|项目支出)(?:主要)?(?:包括|用于|有)[：:]/;

/**
 * The items of a 人员经费 or 公用经费 list (`主要包括：基本工资…、生活补助…`): 公开06表's rows of those names, when
 * the list's total is the 一般公共预算's (last of the mappings: any name those above do not take).
 */
const ECONOMIC_ITEM_MAPPING: Mapping = {
  subject: /^([\u4e00-\u9fff（）()]{2,16})$/,
  roles: ['amount'],
  queries: (m, scope, pt, basicAllIsGeneral, listTotal) => (economicItem(pt, listTotal) && (scope === 'general' || basicAllIsGeneral()) ? [economicRow(m[1])] : []),
};
/** 公开06表's row of an item's name. */
function economicRow(name: string): TableValueQuery {
  return { kind: 'T06', label: new RegExp(`^${name.replace(/[()（）]/g, '\\$&')}$`), notCode: GOVERNMENT_CLASS_ITEM };
}
/** An item framed by its whole: `公用经费中印刷费仅12.50元`, `商品和服务支出中，办公费29.22万元，…`. */
const ECONOMIC_FRAME = /(?:人员经费|公用经费|工资福利支出|商品和服务支出)中[，,]?[\u4e00-\u9fff（）()]{2,16}(?:仅|为|是|共|达)?$/;
// (`公用经费明细：办公费8.46万元，…公务接待费1.92万元…`.)
const ECONOMIC_SENTENCE_FRAME = /^\s*(?:人员经费|公用经费|工资福利支出|商品和服务支出|对个人和家庭的补助)(?:支出)?(?:中[，,：:]|(?:明细|具体|构成)(?:如下|为|是)?[：:])/;
/** Whether a figure is an item of 人员经费 / 公用经费 or a class of them: by its list's total, or by the whole framing it. */
function economicItem(pt: ProseToken, listTotal: ProseToken | undefined): boolean {
  return (listTotal !== undefined && ECONOMIC_PARENT.test(listTotal.subject)) || ECONOMIC_FRAME.test(pt.lead) || ECONOMIC_SENTENCE_FRAME.test(pt.sentence.text);
}
/** The totals whose items are 公开06表's rows: 人员经费 / 公用经费, and the classes 301, 302, 303 (`商品和服务支出主要为办公费…`). */
const ECONOMIC_PARENT = /^(?:人员经费|公用经费|工资福利支出|商品和服务支出|对个人和家庭的?补助(?:支出)?)$/;

/**
 * A class of 公开06表 by its code first: a layout that heads the group with a blank `301 工资福利支出` row and sums it in a
 * `工资福利支出小计` row below gives the code to the subtotal.
 */
function economicClass(name: string): TableValueQuery[] {
  // (By the whole name, or its 小计: `30299 其他商品和服务支出` is no 商品和服务支出 row.)
  return [{ kind: 'T06', code: ECONOMIC_CLASS_CODES[name] }, { kind: 'T06', label: new RegExp(`^${name}(?:小计|合计)?$`), notCode: GOVERNMENT_CLASS_ITEM }];
}
/**
 * A 款 of the 政府预算支出经济分类 (`50501 工资福利支出`, `50103 住房公积金`): a part of one 类 (对事业单位经常性补助, 机关工资福利支出) that
 * bears the name of a whole 部门 class or item.
 */
const GOVERNMENT_CLASS_ITEM = /^5\d{4}$/;
const ECONOMIC_CLASS_CODES: Record<string, string> = { 工资福利支出: '301', 商品和服务支出: '302', 对个人和家庭的补助: '303', 资本性支出: '310' };

/**
 * 基本支出's economic classes (公开06表 301, 302, 303, 310): only as parts of a 基本支出, 人员经费 or 公用经费 list
 * (项目支出 has its own 商品和服务支出), of the 一般公共预算 or of all funds when the two 基本支出 are one.
 */
const ECONOMIC_CLASS_MAPPING: Mapping = {
  subject: ECONOMIC_CLASS,
  roles: ['amount'],
  queries: (m, scope, _pt, basicAllIsGeneral, listTotal) =>
    listTotal && /基本支出$|^(?:人员经费|公用经费)$/.test(listTotal.subject) && (scope === 'general' || basicAllIsGeneral()) ? economicClass(m[1].replace(/^对个人和家庭的?补助(?:支出)?$/, '对个人和家庭的补助')) : [],
};

/** The 类 of 功能分类 (2024 catalogue, and 文化体育与传媒 before it), named without `（类）`. */
/** A list total whose items are 类: the spending of one fund or of all. */
const SPENDING_WHOLE = /财政拨款支出$|^(?:本年)?支出(?:合计)?$/;

/**
 * A project by its name (`（6）教育信息化建设项目，支出49.74万元`): its row in a table of the projects (项目支出绩效自评结果汇总表,
 * 重点项目情况表), by exact name. Only warns: the prose may state the 财政拨款 part of a project the table counts whole.
 */
const PROJECT_MAPPING: Mapping = {
  subject: PROJECT_NAME,
  roles: ['amount', 'budget'],
  soft: true,
  queries: (m, _scope, pt) => {
    const figure = projectFigure(pt);
    const label = new RegExp(`^${m[1].replace(/[()（）]/g, '\\$&')}$`);
    return figure ? PROJECT_COLUMNS[figure.measure].map((column) => ({ kind: 'unknown', label, column })) : [];
  },
};
/** The columns of a project table that hold each figure (a bare `预算` names no column: 年初 or 全年). */
const PROJECT_COLUMNS: Record<NonNullable<ReturnType<typeof projectFigure>>['measure'], string[][]> = {
  spent: [['执行数'], ['实际支出'], ['决算数'], ['支出数']],
  'budget:initial': [['年初预算']],
  'budget:adjusted': [['全年预算'], ['调整后预算'], ['调整预算']],
  'budget:': [],
};

/**
 * A row of the 政府采购 table laid out by category (`货物`, `1.工程类`, `其中：政府采购服务支出`), not a unit whose name holds the word
 * (`莲都区建设工程质量安全监督站`, `XX服务中心`).
 */
function categoryRow(word: string): RegExp {
  return new RegExp(`^(?:其中[：:]?)?(?:[（(]?[一二三四五六1-6][)）、.．]?)?(?:政府采购)?${word}(?:类)?(?:采购)?(?:支出)?(?:合同)?(?:金额)?$`);
}
const GOODS_ROW = categoryRow('货物');
const WORKS_ROW = categoryRow('工程');
const SERVICES_ROW = categoryRow('服务');

const MAPPINGS: Mapping[] = [
  { subject: /^(?:本年)?收入合计$/, roles: ['amount'], queries: () => [{ kind: 'T01', label: '本年收入合计', block: 0 }, { kind: 'T02', label: '合计', column: ['本年收入合计'] }] },
  { subject: /^(?:本年)?支出合计$/, roles: ['amount'], queries: () => [{ kind: 'T01', label: '本年支出合计', block: 1 }, { kind: 'T03', label: '合计', column: ['本年支出合计'] }] },
  { subject: /^财政拨款(?:收入、?支出|收、?支)总计$/, roles: ['amount'], queries: () => [{ kind: 'T04', label: '总计', block: 0 }] },
  { subject: /^财政拨款收入总计$/, roles: ['amount'], queries: () => [{ kind: 'T04', label: '总计', block: 0 }] },
  { subject: /^财政拨款支出总计$/, roles: ['amount'], queries: () => [{ kind: 'T04', label: '总计', block: 1 }] },
  { subject: /^(?:收入、?支出|收、?支)总计$/, roles: ['amount'], queries: () => [{ kind: 'T01', label: '总计', block: 0 }] },
  // 收入总计 / 支出总计 alone: 公开01表's, unless a 财政拨款 section means 公开04表's.
  { subject: /^收入总计$/, roles: ['amount'], queries: (_m, scope) => (scope === 'all' ? [{ kind: 'T01', label: '总计', block: 0 }] : []) },
  { subject: /^支出总计$/, roles: ['amount'], queries: (_m, scope) => (scope === 'all' ? [{ kind: 'T01', label: '总计', block: 1 }] : []) },
  { subject: /一般公共预算财政拨款基本支出$/, roles: ['amount'], queries: () => [{ kind: 'T05', label: '合计', column: ['基本支出'] }] },
  { subject: /一般公共预算财政拨款支出$/, roles: ['amount'], queries: () => spending('general', '合计') },
  // (`财政拨款收入中，一般公共预算财政拨款收入1851.46万元`: 公开04表's income row of that fund.)
  { subject: /^一般公共预算财政拨款(?:本年)?收入$/, roles: ['amount'], queries: () => [{ kind: 'T04', label: /^(?:[一二三][、.．]?)?一般公共预算财政拨款(?:收入)?$/, block: 0 }] },
  {
    subject: /^(基本支出|项目支出)$/,
    roles: ['amount'],
    queries: (m, scope) => [scope === 'general' ? { kind: 'T05', label: '合计', column: [m[1]] } : { kind: 'T03', label: '合计', column: [m[1]] }],
  },
  // 公开06表 is the 一般公共预算 基本支出: the 人员经费 of all funds' 基本支出 restates it only when the two are one.
  // (In the layout of 05, `合计 | 人员经费 | 公用经费` columns, the 合计 row's cell.)
  { subject: /^(人员经费|公用经费)$/, roles: ['amount'], queries: (m, scope, _pt, basicAllIsGeneral) => (scope === 'general' || basicAllIsGeneral() ? [{ kind: 'T06', label: `${m[1]}合计` }, { kind: 'T06', label: '合计', column: [m[1]] }] : []) },
  ECONOMIC_CLASS_MAPPING,
  // Income by source and the other spending columns of all funds: 公开01表 rows, 公开02/03表 合计.
  {
    subject: /^(上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入)$/,
    roles: ['amount'],
    queries: (m, scope) => (scope === 'all' ? [{ kind: 'T01', label: m[1], block: 0 }, { kind: 'T02', label: '合计', column: [m[1]] }] : []),
  },
  // 公开01表's carry-overs (all funds; a 财政拨款 section's are 公开04表's, named with 财政拨款).
  { subject: /^(年初结转和结余)$/, roles: ['amount'], queries: (m, scope) => (scope === 'all' ? [{ kind: 'T01', label: m[1], block: 0 }] : []) },
  { subject: /^(年末结转和结余)$/, roles: ['amount'], queries: (m, scope) => (scope === 'all' ? [{ kind: 'T01', label: m[1], block: 1 }] : []) },
  // (The older `结转下年`: 表一's, or 表四's in a sentence about 财政拨款.)
  {
    subject: /^结转下年$/,
    roles: ['amount'],
    queries: (_m, scope, pt) => (/财政拨款/.test(pt.sentence.text) ? [{ kind: 'T04', label: /^(?:[一二三四五六七八九十]+、)?结转下年/, block: 1 }] : scope === 'all' ? [{ kind: 'T01', label: /^(?:[一二三四五六七八九十]+、)?结转下年/, block: 1 }] : []),
  },
  // (`使用非财政拨款结余(含专用结余)`, the older `用事业基金弥补收支差额`; `结余分配` on the other side.)
  { subject: /^(?:本年)?使用非财政拨款结余$|^用事业基金弥补收支差额$/, roles: ['amount'], queries: (_m, scope) => (scope === 'all' ? [{ kind: 'T01', label: /^(?:使用非财政拨款结余|用事业基金弥补收支差额)/, block: 0 }] : []) },
  { subject: /^结余分配$/, roles: ['amount'], queries: (_m, scope) => (scope === 'all' ? [{ kind: 'T01', label: /^结余分配/, block: 1 }] : []) },
  { subject: /^财政拨款收入$/, roles: ['amount'], queries: () => [{ kind: 'T02', label: '合计', column: ['财政拨款收入'] }, { kind: 'T04', label: '本年收入合计', block: 0 }] },
  // 公开04表's own year and carry-overs: `本年财政拨款支出`, `年初财政拨款结转和结余`, `年末财政拨款结转和结余`.
  { subject: /^财政拨款支出$/, roles: ['amount'], queries: () => [{ kind: 'T04', label: '本年支出合计', block: 1 }] },
  { subject: /^(?:年初财政拨款|财政拨款年初)结转和结余$/, roles: ['amount'], queries: () => [{ kind: 'T04', label: /^年初(?:财政拨款)?结转和结余$/, block: 0 }] },
  { subject: /^(?:年末财政拨款|财政拨款年末)结转和结余$/, roles: ['amount'], queries: () => [{ kind: 'T04', label: /^年末(?:财政拨款)?结转和结余$/, block: 1 }] },
  { subject: /^(上缴上级支出|经营支出|对附属单位补助支出)$/, roles: ['amount'], queries: (m, scope) => (scope === 'all' ? [{ kind: 'T03', label: '合计', column: [m[1]] }] : []) },
  // 类 and 项 by name: `社会保障和就业支出（类）`, `…（款）机关事业单位基本养老保险缴费支出（项）`.
  {
    subject: /(?:[（(]款[)）])?([^（()）]+?)[（(]\s*(\d{3})?\s*类[)）](?:支出)?$/,
    roles: ['amount'],
    queries: (m, scope, pt, _basic, listTotal) => spending(scope, m[1], undefined, spendingPartOf(pt, listTotal)),
  },
  // 类 by name alone (`主要用于以下方面：` / `2.“卫生健康支出”541.45万元，占3.14%；`).
  {
    subject: CLASS_NAME,
    roles: ['amount'],
    // (In a list of the spending, or in a section about the 一般公共预算's: numbered paragraphs of their own.)
    queries: (m, scope, pt, _basic, listTotal) => ((listTotal ? SPENDING_WHOLE.test(listTotal.subject) : scope === 'general') ? spending(scope, `${m[1]}支出`, undefined, spendingPartOf(pt, listTotal)) : []),
  },
  ITEM_MAPPING,
  // A 款 by its name (`教育管理事务（款）支出决算502.76万元`): its 款 row (5-digit code) only, by exact name.
  {
    subject: /^(?:[^（()）]+?[（(]类[)）])?([^（()）]+?)[（(]\s*款[)）](?:支出)?$/,
    roles: ['amount'],
    queries: (m, scope, pt, _basic, listTotal) => spending(scope, m[1], { codeLength: 5 }, spendingPartOf(pt, listTotal)),
  },
  // (A fund's 款 by its name alone, `教育费附加安排的支出559.86万元`, `国有土地使用权出让收入安排的支出…`: its 款 row, by exact name.)
  {
    subject: /^([^（()）]{2,30}?收入安排的支出|[^（()）]{2,30}?(?:附加|基金|公益金)安排的支出)$/,
    roles: ['amount'],
    queries: (m, scope, pt, _basic, listTotal) => [...spending(scope, m[1], { codeLength: 5 }, spendingPartOf(pt, listTotal)), { kind: 'T07', label: m[1], column: ['本年支出'], unique: { codeLength: 5 } }],
  },
  // A subject named with its code in brackets (`行政运行（2240101）`) or before it (`2050299 其他普通教育支出：…`): the row of
  // that code.
  {
    subject: /^[^（()）]+?[（(]\s*(\d{3}|\d{5}|\d{7})\s*[)）]$|^(2\d{2}|2\d{4}|2\d{6})(?=[\u4e00-\u9fff])/,
    roles: ['amount'],
    queries: (m, scope, pt, _basic, listTotal) => spending(scope, '', undefined, spendingPartOf(pt, listTotal)).map((q) => ({ ...q, label: undefined, code: m[1] ?? m[2] })),
  },
  // (A table of one row names it, `机关运行经费支出`, rather than 合计.)
  { subject: /机关运行经费$/, roles: ['amount'], queries: () => [{ kind: 'T10', label: '合计' }, { kind: 'T10', label: /^机关运行经费(?:支出)?(?:合计)?$/ }] },
  // 公开11表 by row name, or (one row of figures under the names) by column.
  // (Not one category's share of it, `货物、工程、服务采购授予中小企业合同金额分别为…`: the table gives the whole.)
  // (`通过预留采购份额方式授予中小企业合同金额…`: the reserved share is a part of the SME contracts, no row of its own.)
  { subject: /预留/, roles: ['amount'], queries: () => [] },
  // (Only a name that ends as an award: `科技型中小企业研发费用后补助` is a grant to firms, no procurement.)
  { subject: /^(?!.*(?:货物|工程|服务)).*小微企业(?:的)?(?:合同|采购|中标|成交)?(?:金额|额)?$/, roles: ['amount'], queries: () => [{ kind: 'T11', label: /小微/ }, { kind: 'T11', procurement: 'micro' }] },
  { subject: /^(?!.*(?:货物|工程|服务)).*中小企业(?:的)?(?:合同|采购|中标|成交)?(?:金额|额)?$/, roles: ['amount'], queries: () => [{ kind: 'T11', label: /授予中小企业/ }, { kind: 'T11', procurement: 'sme' }] },
  { subject: /政府采购(?:支出)?(?:总额|合计|金额)$|^政府采购支出$/, roles: ['amount'], queries: () => [{ kind: 'T11', label: /政府采购(?:支出)?(?:合计|总额|总计)/ }, { kind: 'T11', procurement: 'total' }] },
  { subject: /政府采购货物/, roles: ['amount'], queries: () => [{ kind: 'T11', label: GOODS_ROW }, { kind: 'T11', procurement: 'goods' }] },
  { subject: /政府采购工程/, roles: ['amount'], queries: () => [{ kind: 'T11', label: WORKS_ROW }, { kind: 'T11', procurement: 'works' }] },
  { subject: /政府采购服务/, roles: ['amount'], queries: () => [{ kind: 'T11', label: SERVICES_ROW }, { kind: 'T11', procurement: 'services' }] },
  {
    subject: /三公|因公出国|公务用车|公务接待/,
    roles: ['amount', 'budget'],
    queries: (_m, scope, pt, basicAllIsGeneral, listTotal) => {
      // (`其中国内公务接待费3.04万元…；国（境）外公务接待费0万元`: a part of 公务接待费; the table gives the whole. So is the rest
      // after a part, `其他公务接待费2.96万元由基本支出列支`.)
      // (Nor one another source paid, `…中心使用事业收入安排公务接待费0.36万元…不属于财政拨款“三公”经费`.)
      if (RECEPTION_PART.test(pt.subject) || /^(?:其他|其余|剩余)|^(?:年中|年度中|年内)?(?:追加|调减|调增|追减|核减|核增)|事业收入|经营收入|自有资金|非财政拨款|其他资金/.test(pt.subject)) return [];
      // (`机关运行经费按经济分类见公开10表，其中公务用车运行维护费6.24万元…；公务接待费2.96万元`: 机关运行经费's item, not 三公's.)
      // (Or one stated as its share: `其中，公务用车运行维护费13.95万元，占机关运行经费的21.16%`.)
      if (pt.role === 'amount' && (/机关运行经费/.test(pt.sentence.text.slice(0, pt.token.span.start - pt.sentence.span.start)) || /^[^；;。]{0,8}[，,]\s*占机关运行经费/.test(pt.sentence.text.slice(pt.token.span.end - pt.sentence.span.start)))) return [];
      // (`商品和服务支出中，…公务接待费3.95万元`: the 基本支出's item, 公开06表's row, not the 三公 spending of 公开09表.)
      if (pt.role === 'amount' && economicItem(pt, listTotal)) return scope === 'general' || basicAllIsGeneral() ? [economicRow(pt.subject)] : [];
      // (Nor two of them summed, `公务用车运行维护费和公务接待费合计14.10万元`: no cell of the table.)
      if (/(?:运行维护费|运行费|接待费|出国（境）费|出国\(境\)费|购置费)(?:和|及|与|、)(?:公务|因公)/.test(pt.subject)) return [];
      const entry = SANGONG.find(([re]) => re.test(pt.subject));
      return entry ? [{ kind: 'T09', column: entry[1][pt.role === 'budget' ? 0 : 1] }] : [];
    },
  },
  PROJECT_MAPPING,
  ECONOMIC_ITEM_MAPPING,
];

/** The item of a 机关运行经费 list (its name without `主要用于`), or undefined. */
function runningCostItem(facts: ProseFacts, pt: ProseToken): string | undefined {
  const total = facts.listOf.get(pt)?.totals.get('amount');
  if (!total || total === pt || !/机关运行经费(?:支出)?$/.test(total.subject)) return undefined;
  const name = pt.subject.replace(/^(?:主要)?(?:用于|包括)/, '');
  return name === '' ? undefined : name;
}

/** The 一般公共预算 subset or all funds: from the list total, else from the section headings. */
function scopeOf(sections: SectionScopes, facts: ProseFacts, pt: ProseToken, units: UnitNames): Scope {
  if (sections.under(pt.sentence.section, OTHER_FUND)) return 'other';
  // (A fund's own account, under its label or in the note under its table: `- 政府性基金预算财政拨款：年初结转和结余…`.)
  // (So are the figures under a heading naming only the fund: `（一）一般公共预算财政拨款` / `年初结转和结余…，本年收入…`.)
  // (Or of a paragraph opening with one fund's part: `2.一般公共预算财政拨款项目支出结转和结余。年初551.01万元，加本年收入…`; or an item's:
  // `该项目年初结转93.07万元，本年收入777.36万元…`.)
  if (FUND_LABEL.test(pt.sentence.text) || NON_FISCAL_LABEL.test(pt.sentence.text) || sections.fundNote(pt.sentence) || sections.under(pt.sentence.section, FUND_ONLY_HEADING)) return 'other';
  if (THIS_ITEM_OPENING.test(pt.sentence.text) || sections.opens(pt.sentence.paragraph, FUND_PART_PARAGRAPH)) return 'other';
  // (A 类's income by functional class, `1.教育支出（类）5603.69万元，占本年收入合计的82.69%`: 公开02表's, not the spending tables'.)
  if (namesClassOrItem(pt.subject) && (INCOME_BY_CLASS.test(pt.sentence.text) || sections.under(pt.sentence.section, INCOME_SECTION))) return 'other';
  // (`按照全口径统计（含事业收入、经营收入等非财政拨款资金安排的支出），本部门…“三公”经费支出合计34.45万元`: not the tables' 财政拨款.)
  if (allSourcesSentence(pt.sentence) || sections.under(pt.sentence.section, ALL_SOURCES_HEADING)) return 'other';
  // (Nor a region's or the business the body handles: `（四）全区政府采购执行情况`, `三、2023年度业务开展情况`.)
  if (beyondDepartmentBefore(pt.sentence, pt.token.span.start - pt.sentence.span.start) || sections.under(pt.sentence.section, BEYOND_DEPARTMENT_HEADING)) return 'other';
  // (`一般公共预算财政拨款年末结转和结余44.69万元，为年初结转和结余49.38万元加本年收入…`: the fund's own accounts.)
  if (FUND_OPENING.exec(pt.sentence.text)?.[1] === '一般公共预算') return 'general';
  // (`本部门2023年度一般公共预算项目4个，项目支出587.70万元`: the spending of that fund's projects.)
  if (GENERAL_FUND_PROJECTS.test(pt.sentence.text.slice(0, pt.token.span.start - pt.sentence.span.start))) return 'general';
  const list = facts.listOf.get(pt);
  const total = list?.totals.get('amount');
  // A unit's own figure (`其中，…局本级“三公”经费支出决算5.00万元`), and the parts of one unit's total (厅本级本年支出合计…，
  // 其中：, `宜昌市农业技术推广中心本年收入3694.69万元中，财政拨款收入…`), are not the department's tables.
  if (units.names(pt.subject) || (total && units.names(total.subject))) return 'other';
  // …or of a sentence about one unit (`其中，厅本级本年支出合计…，其中：基本支出…；项目支出…`).
  for (const t of facts.analysis.bySentence.get(pt.sentence.id) ?? []) if (t.index < pt.index && t.role === 'amount' && units.names(t.subject)) return 'other';
  // (A 类 or 款 of the classification names no fund: `农业农村（款）…，其中：一般行政管理事务（项）…` is its section's.)
  // (Nor does an economic class or 人员经费 / 公用经费: `商品和服务支出中，办公费…` in the 一般公共预算 基本支出 section is that fund's.)
  // (A total its words do not name, `（三）具体情况。…决算21189.99万元。其中：药品事务（项）…`, leaves the scope to the section.)
  // (Nor does a 类 named without its mark: `其中，文化旅游体育与传媒支出1707.06万元，包括：文物（款）…`.)
  // (`财政拨款支出34044.53万元（基本支出…、项目支出4058.46万元）` holds the 政府性基金's spending too where there is some: the parts are not
  // 公开05表's.)
  if (total && total.subject && !CLASS_ITEM.test(total.subject) && !CLASS_NAME.test(total.subject) && !ECONOMIC_PARENT.test(total.subject)) {
    if (!/一般公共预算|财政拨款/.test(total.subject)) return 'all';
    const ofAllFunds = FISCAL_SPENDING.test(total.subject) && !/一般公共预算|政府性基金|国有资本/.test(pt.subject);
    return !ofAllFunds || sections.fiscalIsGeneral(total) ? 'general' : 'other';
  }
  // (Or a heading run into its paragraph: `五、一般公共预算财政拨款支出决算情况说明。（一）总体情况。…`.)
  return sections.under(pt.sentence.section, GENERAL_FUND) || sections.paragraphHeading(pt.sentence.paragraph, GENERAL_FUND) ? 'general' : 'all';
}

const GENERAL_FUND_PROJECTS = /^[^，,。；;]{0,20}一般公共预算(?:财政拨款)?(?:安排的?)?项目\d*个?[，,]\s*(?:项目)?支出$/;
/** All 财政拨款 spending (every fund's), as a whole. */
const FISCAL_SPENDING = /^(?:本年|本部门)?财政拨款(?:本年)?支出(?:合计|总额|决算数?)?$/;
const CLASS_ITEM = /[（(]\s*\d*\s*[类款项][)）]/;
/** The 类 a total names, as its row does: `一般公共服务支出（类）` and `一般公共服务支出` are the row `201 一般公共服务支出`. */
const CLASS_OF_TOTAL = /^([^（()）]+?支出)(?:[（(]\s*类\s*[)）])?$/;

const OTHER_FUND = /政府性基金|国有资本经营/;
const FUND_PART_PARAGRAPH = /^\s*(?:[（(]?\d{1,2}[)）.、．]|[（(][一二三四五六七八九十]{1,3}[)）])?\s*(?:一般公共预算|政府性基金预算?|国有资本经营预算?|非)财政拨款(?:基本支出|项目支出)?(?:结转和?结余|结转|结余)(?:情况)?[。：:]/;
// (Or a named project's: `（1）老旧小区改造项目年初结转2430.65万元，本年安排…，本年支出6158.72万元，年末结转…`.)
// (Or a numbered item's flows from its carry-over: `（3）城市道路桥梁维修养护年初结转318.20万元，本年安排…，本年支出…`.)
const THIS_ITEM_OPENING = /^\s*(?:(?:该|此|本)(?:项目|科目|项|款|类)(?:[^，,。；;\d]{0,6})|(?:[（(]?\d{1,2}[)）.、．]\s*)?[^，,。；;：:\d]{2,30}?项目[：:，,]?)(?:年初|本年|年末)|^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[.、．])\s*[^，,。；;：:\d]{2,30}?(?:年初结(?:转|余)|本年安排)/;
/** A fund's figure as a whole and the table that states it: 政府性基金 in 公开07表, 国有资本经营 in 公开08表. */
const FUND_FIGURE = /^(政府性基金|国有资本经营)预算(?:财政拨款)?(收入|支出|年初结转和结余|年末结转和结余)$/;
/** The columns of that table's 合计 row that state each figure. */
const FUND_COLUMNS: Record<string, string[][]> = {
  收入: [['本年收入']],
  支出: [['本年支出', '小计'], ['本年支出', '合计'], ['本年支出']],
  年初结转和结余: [['年初结转和结余']],
  年末结转和结余: [['年末结转和结余']],
};
const GENERAL_FUND = /一般公共预算|财政拨款支出/;
const GOVERNMENT_FUND = /政府性基金/;
/** A 国有资本经营预算 section: its 项 are 公开08表's. */
const STATE_CAPITAL_FUND = /国有资本经营/;

/**
 * Whether a section or one of its ancestors has a heading with some words, memoised per section and
 * pattern: every figure of a section asks.
 */
/** A numbered heading run into its paragraph: `五、一般公共预算财政拨款支出决算情况说明。（一）总体情况。…`. */
const RUN_IN_HEADING = /^\s*[一二三四五六七八九十]{1,3}[、.．]([^。\n]{2,40})[。\n]/;
const RUN_IN_PART = /^\s*[（(][一二三四五六七八九十]{1,3}[)）]([^。\n]{2,40})[。\n]/;
/** How many paragraphs back a run-in heading still heads. */
const RUN_IN_LOOKBACK = 40;

class SectionScopes {
  private readonly memo = new Map<RegExp, Int8Array>();

  private generalTotal?: Operand | null;

  constructor(private readonly model: DocumentModel) {}

  /** A 财政拨款 spending figure that is 公开05表's 一般公共预算 total (no other fund spent), or no 公开05表 to say otherwise. */
  fiscalIsGeneral(total: ProseToken): boolean {
    if (this.generalTotal === undefined) {
      const value = firstStated(this.model, spending('general', '合计'));
      this.generalTotal = value ? tableOperand(this.model, value.table, value.token, '公开05表 合计', value.span) : null;
    }
    return this.generalTotal === null || checkEqual(operand(total.token, total.subject), this.generalTotal).ok;
  }

  /** A paragraph that opens with a numbered heading run into it (`五、一般公共预算…说明。…`) whose words match. */
  paragraphHeading(paragraph: number, words: RegExp): boolean {
    // (The nearest such heading at or before the paragraph, in its section: `6.科普活动（项）。…` after `五、一般公共预算…说明。…`;
    // found once per paragraph, every figure of it asks.)
    let heading = this.runIn.get(paragraph);
    if (heading === undefined) {
      heading = '';
      // (With the nearest numbered part's run-in title under it: `（五）一般公共预算财政拨款支出决算情况。…` / `社会保障和就业支出（类）…`.)
      let part: string | undefined;
      const section = this.model.paragraphs[paragraph]?.section;
      for (let k = paragraph; k >= 0 && k > paragraph - RUN_IN_LOOKBACK; k--) {
        const p = this.model.paragraphs[k];
        if (!p || p.section !== section) break;
        const opening = this.model.text.slice(p.span.start, Math.min(p.span.end, p.span.start + 60));
        const top = RUN_IN_HEADING.exec(opening);
        if (top) {
          heading = top[1];
          break;
        }
        part ??= RUN_IN_PART.exec(opening)?.[1];
      }
      if (part !== undefined) heading = `${part}|${heading}`;
      this.runIn.set(paragraph, heading);
    }
    return heading !== '' && words.test(heading);
  }
  private readonly runIn = new Map<number, string>();

  /** Whether a paragraph's text opens with `words`. */
  opens(paragraph: number, words: RegExp): boolean {
    const p = this.model.paragraphs[paragraph];
    return p !== undefined && words.test(this.model.text.slice(p.span.start, Math.min(p.span.end, p.span.start + 60)));
  }

  /** The fund of the table a note under it is about (see fundTableNote). */
  fundNote(sentence: DocumentModel['sentences'][number]): string | undefined {
    return fundTableNote(this.model, sentence);
  }

  under(section: number | undefined, words: RegExp): boolean {
    if (section === undefined) return false;
    let known = this.memo.get(words);
    if (!known) this.memo.set(words, (known = new Int8Array(this.model.sections.length)));
    if (known[section] === 0) {
      const s = this.model.sections[section];
      known[section] = words.test(s.title) || this.under(s.parent, words) ? 1 : -1;
    }
    return known[section] === 1;
  }
}

/** A paragraph opening with a 科目 item, named by its code or level (`3.学前教育（2050201）：`, `1）…行政运行（项）`). */
const ITEM_PARAGRAPH = /^\s*(?:[（(]?\d{1,2}[)）.．、]|[①-⑳])\s*[^，,。；;：:\d]{2,40}?(?:[（(]\s*(?:\d{3}|\d{5}|\d{7})\s*[)）]|[（(]\s*[类款项]\s*[)）])/;

const UNIT_SCOPE = /本级|二级|所属|下属/;

/** An institution's name opening a figure's name: `宜昌市农业技术推广中心本年收入`, `XX卫生院支出`. */
const INSTITUTION = /^(.{2,24}?(?:中心|院|学校|中学|小学|幼儿园|站|所|大队|支队|馆))(?=本级|本年|收入|支出|年初|年末|财政拨款)/;

/** Whether a figure's name is one unit's rather than the department's: 本级 / 所属 words, a listed unit, another institution. */
class UnitNames {
  private readonly units: string[];

  constructor(private readonly department: string | undefined, units: string[]) {
    this.units = units.filter((u) => u !== '本级' && u.length >= 3);
  }

  names(subject: string): boolean {
    if (UNIT_SCOPE.test(subject) || this.units.some((u) => subject.includes(u))) return true;
    const institution = INSTITUTION.exec(subject)?.[1];
    return institution !== undefined && this.department !== undefined && !this.department.includes(institution) && !institution.includes(this.department);
  }
}

/** The first of the queries' cells that states a figure (a blank cell states none). */
function firstStated(model: DocumentModel, queries: TableValueQuery[]): TableValue | undefined {
  for (const query of queries) {
    const value = findTableValue(model, query);
    if (value?.token !== undefined) return value;
  }
  return undefined;
}

function tableOperand(model: DocumentModel, tableId: number, token: number | undefined, label: string, span: { start: number; end: number }): Operand {
  const table = model.tables[tableId];
  return token === undefined ? exact(0, label, span) : operand(model.numbers[token], label, table.unit);
}

/**
 * The year token that opens `pt`'s sentence and dates it (`2023年度财政拨款收入、支出总计…`), unless the
 * figure is a comparison's own (`比2023年的287.50万元`).
 */
function openingYear(model: DocumentModel, pt: ProseToken): number | undefined {
  if (/比|较|与|上年|同期/.test(pt.lead)) return undefined;
  const first = pt.sentence.numbers.find((id) => model.numbers[id].unit === 'year');
  const year = first === undefined ? undefined : model.numbers[first];
  if (!year || year.value.toNumber() !== pt.year) return undefined;
  // (The sentence up to that year's 年 opens with it, after a list marker at most.)
  return OPENING_YEAR.test(model.text.slice(pt.sentence.span.start, year.unitSpan?.end ?? year.span.end)) ? first : undefined;
}

/**
 * `财政拨款收入总计907.13万元由年初结转和结余49.38万元和本年收入857.75万元构成；财政拨款支出总计由本年支出888.28万元和年末结转
 * 和结余18.85万元构成`: in a clause about the 财政拨款 总计, 本年收入 and the carry-overs are 公开04表's figures, not 公开01表's.
 * The name to look up instead, or undefined.
 */
/** `该科目年末结转和结余…`: a figure named by pointing back at its paragraph's item. */
const THIS_ITEM_FIGURE = /^(?:该|此)科目(.+)$/;
const ITEM_NAME = /^.*[（(]\s*项[)）]/;

/**
 * `1.…（款）征地和拆迁补偿支出（项）支出4611.37万元，…。该科目年末结转和结余565.38万元。`: 该科目 is the 项 its paragraph opens
 * with; the figure is named as that 项's (`…（项）年末结转和结余`).
 */
function thisItemSubject(model: DocumentModel, facts: ProseFacts, pt: ProseToken): string | undefined {
  const m = THIS_ITEM_FIGURE.exec(pt.subject);
  if (!m) return undefined;
  // (The paragraph's first sentence, by position: a scan of every sentence for each such figure would be quadratic.)
  const first = model.sentences[lowerBound(model.sentences, (s) => s.span.start, model.paragraphs[pt.sentence.paragraph].span.start)];
  const head = first && facts.analysis.bySentence.get(first.id)?.find((t) => t.role === 'amount');
  const item = head && head !== pt ? ITEM_NAME.exec(head.subject)?.[0] : undefined;
  return item ? item + m[1] : undefined;
}

/**
 * `年末财政拨款结转和结余101.23万元，其中一般公共预算财政拨款结转和结余68.73万元、政府性基金…32.50万元`: a fund's part of the year-end
 * balance, 公开04表's cell in that fund's column (the fund's words, as its header names it).
 */
function yearEndFundPart(facts: ProseFacts, pt: ProseToken): string | undefined {
  const fund = YEAR_END_FUND_PART.exec(pt.subject)?.[1];
  const total = fund ? facts.listOf.get(pt)?.totals.get('amount') : undefined;
  return total && total !== pt && /^(?:年末财政拨款|财政拨款年末)结转和结余$/.test(total.subject) ? fund : undefined;
}
const YEAR_END_FUND_PART = /^(一般公共预算|政府性基金|国有资本经营)(?:预算)?(?:财政拨款)?(?:结转和结余)?$/;

function fiscalSubject(text: string, pt: ProseToken): string | undefined {
  const sentenceStart = pt.sentence.span.start;
  const before = text.slice(sentenceStart, pt.token.span.start);
  const clause = before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'), before.lastIndexOf('。')) + 1);
  // (Or a sentence opening with the 财政拨款 of all funds: `财政拨款年末结转和结余…，为年初结转和结余…加…`.)
  const opening = FUND_OPENING.exec(pt.sentence.text);
  if (!FISCAL_TOTAL_CLAUSE.test(clause) && !(opening && !opening[1])) return undefined;
  // (The joining words, `由年初结转和结余…和本年收入…`, normalizeSubject took off.)
  return FISCAL_NAMES[pt.subject];
}
const FISCAL_TOTAL_CLAUSE = /财政拨款(?:收入|支出|收、?支|收入、?支出)?总计/;
const FISCAL_NAMES: Record<string, string> = {
  收入合计: '财政拨款收入',
  支出合计: '财政拨款支出',
  年初结转和结余: '年初财政拨款结转和结余',
  年末结转和结余: '年末财政拨款结转和结余',
};

/** Words naming the part of a figure something covers (`涉及…支出`), not the figure. */
const COVERED = /^(?:涉及|覆盖|涵盖)/;

/** The first mapping for a role and subject, with its match (subjects repeat: memoised per lint). */
function mappingFinder(): (role: ProseToken['role'], subject: string) => [Mapping, RegExpMatchArray] | undefined {
  // By role, then by the subject string itself (no key string built per token); null: no mapping.
  const found = new Map<ProseToken['role'], Map<string, [Mapping, RegExpMatchArray] | null>>();
  return (role, subject) => {
    let bySubject = found.get(role);
    if (!bySubject) found.set(role, (bySubject = new Map()));
    let result = bySubject.get(subject);
    if (result === undefined) {
      result = null;
      // (`本部门收入总计`: the owner names who states the figure, not which.)
      const named = subject.replace(OWNER, '');
      // (`涉及一般公共预算财政拨款支出66.20万元`: the part of a total an evaluation covers, not the total.)
      if (COVERED.test(named)) {
        bySubject.set(subject, null);
        return undefined;
      }
      for (const mapping of MAPPINGS) {
        if (!mapping.roles.includes(role)) continue;
        const m = named.match(mapping.subject);
        if (m) {
          result = [mapping, m];
          break;
        }
      }
      bySubject.set(subject, result);
    }
    return result ?? undefined;
  };
}

const GRAND_TOTAL_NAME = /^(?:本年)?(?:支出|收入)(?:合计|总计)$/;

export function textTableClaims(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  if (model.tables.length === 0) return;
  const seen = new Set<string>();
  const mappingOf = mappingFinder();
  const sections = new SectionScopes(model);
  const units = new UnitNames(model.department, facts.units);
  let basicEqual: boolean | undefined;
  const basicAllIsGeneral = () => (basicEqual ??= sameCell(model, { kind: 'T03', label: '合计', column: ['基本支出'] }, { kind: 'T05', label: '合计', column: ['基本支出'] }));
  for (const pt of facts.analysis.tokens) {
    // (Nor a figure named by a run of names its run did not share out, `办公费、…、其他商品和服务支出分别为…` read short: no one row's.)
    if (!pt.subject || pt.ofUnit || pt.subject.startsWith('、')) continue;
    // (`…增长19.75%，主要原因是上级下达…补助资金450万元，当年支出420万元`: a total named in a reason is that money's, not the report's.)
    if (pt.role === 'amount' && GRAND_TOTAL_NAME.test(pt.subject) && reasonBefore(pt.sentence, pt.token.span.start)) continue;
    // (`公务接待费4.04万元，…其中：国内公务接待15批次、46人次，支出1.68万元；外事接待…，支出2.36万元`: a part that took the name of
    // its list's total is a part of that figure, not the figure the tables state.)
    const ownTotal = facts.listOf.get(pt)?.totals.get(pt.role);
    if (!pt.ownSubject && ownTotal && ownTotal !== pt && ownTotal.subject === pt.subject) continue;
    // (`全年预算数3047.05万元，其中：基本支出781.05万元、项目支出2266.00万元`: parts of a budget are budgets, not the tables' actuals.)
    if (inBudgetList(pt, facts.listOf.get(pt), facts.listOf)) continue;
    // (`…疾病预防控制机构（项）：…支出决算为533.22万元（其中：基本支出476.26万元，项目支出56.96万元）`: a 项's own 基本支出, not the
    // department's.)
    // (So too a 类 named without its mark: `一般公共服务支出1705.51万元，占28.12%，其中基本支出1349.05万元、项目支出356.46万元`.)
    // A 类's own 基本/项目支出 is its row's cell in that column.
    let classPart: { name: string; column: string } | undefined;
    if (ownTotal && ownTotal !== pt && (CLASS_ITEM.test(ownTotal.subject) || CLASS_NAME.test(ownTotal.subject)) && !CLASS_ITEM.test(pt.subject)) {
      const name = CLASS_OF_TOTAL.exec(ownTotal.subject)?.[1];
      if (!name || pt.role !== 'amount' || !/^(?:基本支出|项目支出)$/.test(pt.subject)) continue;
      classPart = { name, column: pt.subject };
    }
    // (`“三公”经费年初预算为14.54万元，年中调整后全年预算为15.41万元`: a table's 预算数 is the year's, not the 年初 one beside it;
    // only a column headed 年初预算数 holds it.)
    const initialBesideAdjusted = pt.role === 'budget' && budgetKind(pt.lead) === 'initial' && (facts.analysis.bySentence.get(pt.sentence.id) ?? []).some((t) => t.role === 'budget' && budgetKind(t.lead) === 'adjusted');
    if (pt.year !== undefined) {
      if (initialBesideAdjusted) continue;
      const year = openingYear(model, pt);
      const found = year !== undefined && (pt.role === 'amount' || pt.role === 'prior') ? mappingOf('amount', pt.subject) : undefined;
      const scope = found && scopeOf(sections, facts, pt, units);
      if (!found || scope === 'other') continue;
      const [mapping, m] = found;
      for (const query of mapping.queries(m, scope!, pt, basicAllIsGeneral, facts.listOf.get(pt)?.totals.get('amount'))) {
        const value = findTableValue(model, query);
        if (!value) continue;
        const name = tableName(model.tables[value.table]);
        sink.add<DatedClaim>({
          kind: 'dated',
          origin: 'text-table',
          identity: 'text-table.year',
          description: l(`文中${pt.year}年度“${pt.subject}”与${name}“${value.label}”（${model.reportYear}年度）`, `"${pt.subject}" of ${pt.year} in the text beside ${name} "${value.label}" (${model.reportYear})`),
          span: pt.token.span,
          year: year!,
          figure: operand(pt.token, `文中${pt.year}年度${pt.subject}`),
          table: tableOperand(model, value.table, value.token, `${name} ${value.label}`, value.span),
          id: -1,
        });
        break;
      }
      continue;
    }
    // `机关运行经费支出84.21万元，主要用于差旅费11.97万元、公务用车运行维护费14.02万元等`: its items are 公开10表's
    // rows (公务用车运行维护费 there is not 公开09表's, which counts only 财政拨款 三公 spending).
    const runningCost = pt.role === 'amount' ? runningCostItem(facts, pt) : undefined;
    // `政府性基金预算财政拨款支出344.09万元`, or a fund's carry-over sentence: 公开07表's 合计 row.
    const fundFigure = pt.role === 'amount' ? FUND_FIGURE.exec(pt.subject) : null;
    const yearEndOfFund = pt.role === 'amount' ? yearEndFundPart(facts, pt) : undefined;
    let queries: TableValueQuery[];
    let soft = false;
    if (yearEndOfFund) queries = [{ kind: 'T04', label: /^年末(?:财政拨款)?结转和结余$/, block: 1, column: [yearEndOfFund] }];
    else if (classPart) {
      const scope = scopeOf(sections, facts, ownTotal!, units);
      if (scope === 'other') continue;
      queries = spending(scope, classPart.name, { codeLength: 3 }, classPart.column);
    } else if (runningCost) queries = [{ kind: 'T10', label: runningCost, unique: {} }];
    else if (fundFigure) queries = FUND_COLUMNS[fundFigure[2]].map((column) => ({ kind: fundFigure[1] === '政府性基金' ? 'T07' : 'T08', label: '合计', column }));
    else {
      const subject = thisItemSubject(model, facts, pt) ?? fiscalSubject(model.text, pt) ?? pt.subject;
      const found = AVERAGE_NAME.test(subject) ? undefined : mappingOf(pt.role, subject);
      if (!found) continue;
      const [mapping, m] = found;
      // (`…（项）年初结转和结余32.14万元，本年未安排支出`: the 项's carried balance or income, not its spending: a 政府性基金 项's is
      // in 公开07表's column of that name; another fund's 项 has no such column to compare with.)
      const itemSpending = mapping === ITEM_MAPPING && pt.role === 'amount';
      const tail = itemSpending ? ITEM_OTHER_FIGURE.exec(subject.slice((m.index ?? 0) + m[0].length)) : null;
      if (tail) {
        if (!sections.under(pt.sentence.section, GOVERNMENT_FUND)) continue;
        queries = [{ kind: 'T07', label: m[2], column: [tail[1].replace(/^(年初|年末).*$/, '$1结转和结余')], unique: { parent: m[1], codeLength: 7 } }];
      } else {
        soft = mapping.soft === true;
        const listTotal = splitAbove(facts, pt) ?? facts.listOf.get(pt)?.totals.get('amount');
        // (An item of `人员经费80.00万元，主要包括：…` has the scope of its list's total; a class of `公用经费…，主要包括商品和服务支出…`
        // is the 一般公共预算's when either its own words or its list's total say so.)
        const ownScope = mapping === ECONOMIC_ITEM_MAPPING && listTotal ? scopeOf(sections, facts, listTotal, units) : scopeOf(sections, facts, pt, units);
        const scope = mapping === ECONOMIC_CLASS_MAPPING && ownScope !== 'general' && listTotal && scopeOf(sections, facts, listTotal, units) === 'general' ? 'general' : ownScope;
        // The 收入/支出 of a 政府性基金 section are that fund's (公开07表), not the department's: only a 项
        // named there is looked up, in 公开07表's 本年支出.
        if (scope !== 'other') queries = mapping.queries(m, scope, pt, basicAllIsGeneral, listTotal);
        else if (itemSpending && (sections.under(pt.sentence.section, GOVERNMENT_FUND) || sections.under(pt.sentence.section, STATE_CAPITAL_FUND))) {
          // (A 国有资本经营 section's 项 likewise, in 公开08表.)
          const kind = sections.under(pt.sentence.section, GOVERNMENT_FUND) ? 'T07' : 'T08';
          queries = [{ kind, label: m[2], column: ['本年支出'], unique: { parent: m[1], codeLength: 7 } }];
        } else continue;
      }
    }
    // (`3.学前教育（2050201）：…决算3520.28万元…。其中：基本支出2078.51万元，项目支出1441.77万元。`: the split of an item's
    // paragraph is the item's, not the department's.)
    if (!classPart && pt.role === 'amount' && /^(?:基本支出|项目支出)$/.test(pt.subject) && ITEM_PARAGRAPH.test(model.text.slice(model.paragraphs[pt.sentence.paragraph].span.start, pt.token.span.start))) continue;
    // (Nor the split of another whole than a spending total: `其他资金支出1100.00万元，其中：基本支出420.00万元…`, `社会福利事业单位198.30万元
    // （基本支出156.30万元、项目支出42.00万元）`.)
    const splitOf = !classPart && pt.role === 'amount' && /^(?:基本支出|项目支出)$/.test(pt.subject) ? facts.listOf.get(pt)?.totals.get('amount') : undefined;
    if (splitOf && !SPENDING_WHOLE_OF_SPLIT.test(withoutDepartment(splitOf.subject.replace(OWNER, ''), model.department))) continue;
    const named = classPart ? `${ownTotal!.subject}${pt.subject}` : pt.subject;
    for (const query of queries) {
      // (The narrower table only when the report prints none of the figure's own.)
      if (query.fallback && model.tables.some((t) => t.kind === 'T03' && !t.withdrawn)) continue;
      const value = findTableValue(model, query);
      if (!value || (initialBesideAdjusted && !columnLabel(model.tables[value.table], value.col).includes('年初'))) continue;
      const key = `${pt.token.id}:${value.table}:${value.row}:${value.col}`;
      if (seen.has(key)) break;
      seen.add(key);
      const name = tableName(model.tables[value.table]);
      const what = pt.role === 'budget' ? '预算数' : '';
      sink.add<EqualClaim>({
        kind: 'equal',
        origin: 'text-table',
        identity: `text-table.${(query.kind as StandardTableId | StandardTableId[]).toString()}`,
        description: l(`文中“${named}”${what}与${name}“${value.label}”一致`, `"${named}"${pt.role === 'budget' ? ' (budget)' : ''} in the text equals ${name} "${value.label}"`),
        span: pt.token.span,
        a: operand(pt.token, `文中${named}${what}`),
        b: tableOperand(model, value.table, value.token, `${name} ${value.label}`, value.span),
        soft: soft || query.fallback || undefined,
        id: -1,
      });
      break;
    }
  }
  statisticsProse(model, facts, sink);
  assetsProse(model, facts, sink);
  performanceProse(model, facts, sink);
  executionsWithinProjects(model, sink);
  sharesOfTableTotals(model, facts, sink);
  completionsOfTableBudgets(model, facts, sink);
  completionsOfTableFigures(model, facts, sink);
  changesOfTableFigures(model, facts, sink);
  budgetGapsOfTableFigures(model, facts, sink);
  sangongSharesOfTableFigures(model, facts, sink);
  sangongComparisonsOfTableFigures(model, facts, sink);
  sangongChangesOfTableFigures(model, facts, (pt) => scopeOf(sections, facts, pt, units) === 'other', sink);
}

/** The wholes a 基本支出 / 项目支出 split is of: the spending of the department or of one fund's 财政拨款. */
const SPENDING_WHOLE_OF_SPLIT = /^(?:本年)?支出(?:合计|总计|决算)?$|^(?:收入、支出|收支)总计$|^(?:一般公共预算|政府性基金预算|国有资本经营预算)?财政拨款(?:本年)?支出(?:合计)?$/;

/** `决算数大于预算数`, with no budget named by kind (公开09表's 预算数 may be either). */
const PLAIN_COMPARISON = /决算数?(?:[^，,。；;]{0,6}?)(大于|高于|超过|多于|小于|低于|少于)预算数?/;

/**
 * `（三）“三公”经费决算数大于预算数的主要原因是…` with no figure in its sentence: the 三公 quantity's 决算数 against its 预算数 in
 * 公开09表.
 */
function sangongComparisonsOfTableFigures(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  for (const sentence of model.sentences) {
    const m = PLAIN_COMPARISON.exec(sentence.text);
    if (!m || (facts.analysis.bySentence.get(sentence.id) ?? []).some((t) => isMoney(t.token.unit) || t.token.unit === '%')) continue;
    const entry = lastSangongNamed(sentence.text.slice(0, m.index));
    if (!entry) continue;
    const cells = sangongCells(model, entry[1]);
    if (!cells) continue;
    const { name, operands: [budget, actual] } = cells;
    const start = sentence.span.start + m.index;
    sink.add<CompletionClaim>({
      kind: 'completion',
      origin: 'text-table',
      identity: 'text-table.comparison',
      description: l(`文中“决算数${m[1]}预算数”（${name}）`, `"actual vs budget" in the text (${name})`),
      span: { start, end: start + m[0].length },
      actual,
      budget,
      comparison: { word: /大于|高于|超过|多于/.test(m[1]) ? 'gt' : 'lt', span: { start, end: start + m[0].length } },
    });
  }
}

/**
 * Two cells of one 公开09表 by their 栏次, as operands named by that table (`表九 决算数 合计（栏7）`); undefined unless both hold
 * numbers of the same table.
 */
function sangongCells(model: DocumentModel, columns: [string, string]): { name: string; operands: [Operand, Operand]; labels: [string, string] } | undefined {
  const [a, b] = columns.map((column) => findTableValue(model, { kind: 'T09', column }));
  if (a?.token === undefined || b?.token === undefined || a.table !== b.table) return undefined;
  const name = tableName(model.tables[a.table]);
  return {
    name,
    operands: [tableOperand(model, a.table, a.token, `${name} ${a.label}`, a.span), tableOperand(model, b.table, b.token, `${name} ${b.label}`, b.span)],
    labels: [a.label, b.label],
  };
}

/**
 * `“三公”经费支出中，公务用车购置及运行维护费占98.56%，公务接待费占1.44%`: a share of a 三公 part whose figure the prose never
 * states is 公开09表's 决算数 of that part over its 三公 合计.
 */
function sangongSharesOfTableFigures(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  for (const share of facts.analysis.tokens) {
    if (share.role !== 'share' || !share.ownSubject || share.year !== undefined || !/^[^，,。；;占]{2,24}占(?:比)?(?:为)?$/.test(share.lead)) continue;
    const entry = lastSangongNamed(share.subject);
    if (!entry || entry === SANGONG[0] || RECEPTION_PART.test(share.subject)) continue;
    // (Framed by the 三公 total: `“三公”经费支出中，…`, `其中：`.)
    if (!/三公/.test(model.text.slice(share.sentence.span.start, share.token.span.start))) continue;
    if (facts.subjects.find(share.subject, share.token.span.start, (t) => t.role === 'amount' && t.year === undefined)) continue;
    const cells = sangongCells(model, [entry[1][1], SANGONG[0][1][1]]);
    if (!cells) continue;
    const { name, operands: [part, base] } = cells;
    sink.add<ShareClaim>({
      kind: 'share',
      origin: 'text-table',
      identity: 'text-table.sangong-share',
      description: l(`${share.subject}占“三公”经费的比重（${name}）`, `share of ${share.subject} in the 三公 spending (${name})`),
      span: share.token.span,
      part,
      base,
      stated: operand(share.token, '占比'),
    });
  }
}

/** The 三公 counts the prose states and the 相关统计数 row each is (出国 人次 by its clause: 接待 has 人次 too). */
const STATISTIC_COUNTS: Array<{ name: string; row: RegExp; unit: string; prose: (subject: string, clause: string, allDomestic: boolean) => boolean }> = [
  // (`全年共接待国内来访团组112个`: groups received are reception batches, not trips abroad.)
  { name: '因公出国（境）团组数', row: /团组数/, unit: '个', prose: (subject, clause) => /团组/.test(subject) && !/接待|来访/.test(clause) },
  { name: '因公出国（境）人次', row: /出国[^，,]*人(?:次|数)/, unit: '人次', prose: (_subject, clause) => /出国/.test(clause) && !/接待/.test(clause) },
  // (Or the total of the cars the clause says were bought: `购置执法执勤用车6辆、应急保障用车4辆…，共12辆`.)
  { name: '公务用车购置数', row: /购置数/, unit: '辆', prose: (subject, clause) => (/购置/.test(subject) || /购置[^；;。]*[，,]\s*(?:共|共计|合计)$/.test(clause)) && !/保有/.test(subject) },
  { name: '公务用车保有量', row: /保有量/, unit: '辆', prose: (subject) => /保有量/.test(subject) },
  // (The table's reception rows are the domestic ones; a count the prose says is domestic, or all of it when the table
  // states no foreign reception: `全年共接待31批次、192人次`.)
  { name: '国内公务接待批次', row: /国内[^，,]*接待[^，,]*批次/, unit: '批次', prose: (_subject, clause, allDomestic) => (DOMESTIC.test(clause) || (allDomestic && /接待/.test(clause))) && !ABROAD.test(clause) },
  { name: '国内公务接待人次', row: /国内[^，,]*接待[^，,]*人(?:次|数)/, unit: '人次', prose: (_subject, clause, allDomestic) => /接待/.test(clause) && (DOMESTIC.test(clause) || allDomestic) && !ABROAD.test(clause) },
];
// (`国内外来访团组93批次` counts the foreign ones too.)
const DOMESTIC = /国内(?!外)/;
/** Words after the counts that say all of them were domestic: `共计接待107批次、429人次，均为国内公务接待`. */
const ALL_DOMESTIC_AFTER = /^[^。；;]*?(?:均|全部|全)(?:为|是|系)国内/;
/** The words before a count that total the counts before it: `…、特种专业技术用车2辆，共12辆`. */
const TOTAL_COUNT_LEAD = /(?:共|共计|合计|总计)$/;
/** The words before a count that make it a change, not a level. */
const CHANGE_BEFORE_COUNT = /(?:增加|减少|增长|下降|上升|降低|提高|增|减|多|少)了?$/;
const ABROAD = /国[（(]境[)）]外|境外|外事|外宾/;
const SANGONG_WORDS = /三公|公务|接待费|出国|团组/;

/**
 * `全年安排因公出国（境）团组1个，累计7人次`, `公务用车保有量为5辆`: this year's counts in the prose against the
 * 相关统计数 table under 公开09 (counts are exact).
 */
function statisticsProse(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  const stats = statisticsTable(model);
  if (!stats) return;
  const rows = items(stats);
  const allDomestic = !rows.some((r) => {
    const foreign = /接待/.test(r.entry.label) && ABROAD.test(r.entry.label) ? statisticsCount(model, r, r.entry.label) : undefined;
    return foreign !== undefined && !foreign.value.isZero();
  });
  const includesForeign = rows.some((r) => /^其中/.test(r.entry.label) && /接待/.test(r.entry.label) && ABROAD.test(r.entry.label) && statisticsCount(model, r, r.entry.label)?.value.isZero() === false);
  for (const pt of facts.analysis.tokens) {
    if (pt.role !== 'count' || (pt.year !== undefined && model.reportYear !== undefined && pt.year !== model.reportYear)) continue;
    const before = model.text.slice(pt.sentence.span.start, pt.token.span.start);
    const clause = before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'), before.lastIndexOf('。')) + 1);
    // (Last year's and the budgeted counts are other figures; `各预算单位` names whose they are. A change before the
    // count's own clause, `较上年增加0.43万元，增幅6.69%，…公务用车保有量2辆`, is another figure's.)
    // (`由上年的88批次减少至71批次，减少17批次`: the count after a change word is the change; the one after `至` is this year's.)
    // (Nor the year's opening count, `年初公务用车保有量8辆，本年新购置2辆…`.)
    if (CHANGE_BEFORE_COUNT.test(pt.lead) || /(?:由|从)$/.test(pt.lead) || /年初|上年末|期初/.test(pt.lead)) continue;
    // (`国内公务接待42批次、386人次，其中：上级部门督导检查28批次…`, `（局机关29批次…）`: a part of the count stated before; `大巴、运输车
    // 各1辆，共2辆`: each one's.)
    if (/各$/.test(pt.lead)) continue;
    // (`全年共接待20批次、124人次，包括：上级部门检查指导14批次、86人次；…`: a part of a counted list.)
    const counted = facts.listOf.get(pt)?.totals.get('count');
    if (counted && counted !== pt) continue;
    const sentenceTokens = facts.analysis.bySentence.get(pt.sentence.id) ?? [];
    // (The counts of the few figures before it: a sentence of thousands of counts is read once each.)
    const near = sentenceTokens.slice(Math.max(0, pt.index - 12), pt.index);
    const totalled = TOTAL_COUNT_LEAD.test(pt.lead);
    if (!totalled && near.some((o) => o.role === 'count' && o.token.unitText === pt.token.unitText && !/各$/.test(o.lead) && /其中|[（(]/.test(model.text.slice(o.token.span.end, pt.token.span.start)))) continue;
    // (Nor a part of a count the sentence totals after it: `购置执法执勤用车6辆（…）、应急保障用车4辆（…）…，共12辆`.)
    if (sentenceTokens.slice(pt.index + 1, pt.index + 12).some((o) => o.role === 'count' && o.token.unitText === pt.token.unitText && TOTAL_COUNT_LEAD.test(o.lead) && !/其中|[；;]/.test(model.text.slice(pt.token.span.end, o.token.span.start)))) continue;
    if (!/至$/.test(pt.lead) && /上年|去年|上一年|同期|预算(?!单位)|计划/.test(clause.slice(Math.max(clause.lastIndexOf('，'), clause.lastIndexOf(',')) + 1))) continue;
    // (A paragraph that tells domestic from foreign receptions, `公务接待4批次…其中：国内公务接待3批次…接待外宾1批次`, counts all
    // of them where it names neither.)
    const paragraph = model.paragraphs[pt.sentence.paragraph];
    const paragraphText = paragraph ? model.text.slice(paragraph.span.start, paragraph.span.end) : '';
    // (`全年接收进馆档案1.8万卷，…接待查档群众5860人次`: a count of the department's work, in a paragraph naming no 三公 spending.)
    if (!SANGONG_WORDS.test(paragraphText) && !SANGONG_WORDS.test(model.sections.at(pt.sentence.section ?? -1)?.title ?? '')) continue;
    const domesticOnly = (allDomestic && !DOMESTIC.test(paragraphText) && !ABROAD.test(paragraphText)) || ALL_DOMESTIC_AFTER.test(model.text.slice(pt.token.span.end, pt.sentence.span.end));
    // (`国内公务接待批次 46` over `其中：外事接待批次 5`: the table's domestic rows count the foreign receptions too; the prose's domestic
    // count alone is not theirs, its count of all receptions is.)
    if (includesForeign && /接待/.test(clause) && (DOMESTIC.test(clause) || ABROAD.test(clause))) continue;
    const link = STATISTIC_COUNTS.find((c) => c.unit === pt.token.unitText && c.prose(pt.subject, clause, domesticOnly || includesForeign));
    const it = link && rows.find((r) => link.row.test(r.entry.label));
    const name = tableName(model.tables[stats.id]);
    const count = it && statisticsCount(model, it, `${name} ${it.entry.label}`);
    if (!it || !count) continue;
    sink.add<EqualClaim>({
      kind: 'equal',
      origin: 'text-table',
      identity: 'text-table.statistics',
      description: l(`文中${link.name}与${name}“${it.entry.label}”一致`, `${link.name} in the text equals ${name} "${it.entry.label}"`),
      span: pt.token.span,
      a: asExact(operand(pt.token, `文中${link.name}`)),
      b: count,
      id: -1,
    });
  }
}

/**
 * A row counting equipment (`单价50万元（含）以上通用设备（台、套）`), not the row of its value (`3.通用设备（不含车辆）`,
 * 万元 or 元), which a count in the text is not.
 */
const EQUIPMENT_COUNT_ROW = /台|套|单价|以上/;

/** The cars of the whole department in words: `本部门共有车辆`, `车辆总数`, `实有车辆`. */
const CARS_IN_ALL = /^(?:本部门|本单位|本局|全局)?(?:共有|实有|现有|共计)?车辆(?:总数|合计|共计|数)?(?:为|共)?$/;

/**
 * `截至2024年12月31日，本部门共有车辆11辆，其中：…机要通信用车1辆…；单价50万元（含）以上通用设备4台（套）`: the year-end counts
 * against the 国有资产占用情况表 attached (counts are exact). Last year's counts and the levels a change started from are
 * other figures.
 */
function assetsProse(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  const table = assetsTable(model);
  if (!table) return;
  const rows = items(table);
  const name = assetsTableName(table);
  for (const pt of facts.analysis.tokens) {
    if (pt.role !== 'count' || !pt.ownSubject || (pt.year !== undefined && pt.year !== model.reportYear)) continue;
    if (/上年|去年|上一年|同期|年初|由$|从$|比|较/.test(pt.lead) || CHANGE_BEFORE_COUNT.test(pt.lead)) continue;
    const subject = pt.subject.replace(/^其中[：:]?/, '');
    const unit = pt.token.unitText;
    const row =
      unit === '辆' && CARS_IN_ALL.test(subject) ? rows.find((it) => CARS_IN_ALL_ROW.test(assetLabel(it)))
      : unit === '辆' && /用车$/.test(subject) ? rows.find((it) => assetLabel(it) === subject)
      : /^(?:台|套|台（套）|台\(套\)|台套)$/.test(unit) ? rows.find((it) => EQUIPMENT_COUNT_ROW.test(it.entry.label) && ((/通用设备/.test(subject) && /通用设备/.test(it.entry.label)) || (/专用设备/.test(subject) && /专用设备/.test(it.entry.label))))
      : undefined;
    const count = row && assetCount(model, table, row);
    if (!row || !count) continue;
    // (`单价50万元（含）以上通用设备` leaves the name `以上通用设备`: the row's words name it better.)
    const named = unit === '辆' ? subject : assetLabel(row);
    sink.add<EqualClaim>({
      kind: 'equal',
      origin: 'text-table',
      identity: 'text-table.assets',
      description: l(`文中${named}与${name}“${assetLabel(row)}”一致`, `${named} in the text equals ${name} "${assetLabel(row)}"`),
      span: pt.token.span,
      a: asExact(operand(pt.token, `文中${named}`)),
      b: count,
      id: -1,
    });
  }
}

/**
 * `“三公”经费财政拨款支出54.84万元，完成预算的91.91%` with the budget only in the 三公 table (预算数): the rate
 * is the prose actual over the table's budget of the same item.
 */
function completionsOfTableBudgets(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  for (const { actual, rate } of facts.ratesWithoutBudget) {
    if (actual.year !== undefined) continue;
    const entry = SANGONG.find(([re]) => re.test(actual.subject));
    const value = entry && findTableValue(model, { kind: 'T09', column: entry[1][0] });
    if (value?.token === undefined) continue;
    const name = tableName(model.tables[value.table]);
    sink.add<CompletionClaim>({
      kind: 'completion',
      origin: 'text-table',
      identity: 'text-table.completion',
      description: l(`${actual.subject}预算完成率（预算数见${name}）`, `budget completion of ${actual.subject} (budget in ${name})`),
      span: rate.token.span,
      actual: operand(actual.token, '决算数'),
      budget: tableOperand(model, value.table, value.token, `${name} ${value.label}`, value.span),
      rate: operand(rate.token, '完成率'),
    });
  }
}

/**
 * `其中：因公出国（境）费支出决算为预算的82.17%；公务用车购置及运行费支出决算为预算的91.71%；…`: a 三公 quantity's completion rate in a
 * sentence that states neither of its figures is 公开09表's 决算数 over its 预算数. (Soft when the rate names 年初 or 全年: the table's
 * 预算数 may be the other.)
 */
/** A 科目 named with its level: `养老服务（项）`, `社会福利（款）`; the last name is the one changed. */
const LEVELLED_NAME = /([^（()）]+)[（(]\s*[类款项]\s*[)）]\s*(?:支出)?$/;
const NAMED_IN_CLAUSE = /([^（()），,：:、]{2,24})[（(]\s*[类款项]\s*[)）]/g;

/**
 * `养老服务（项）增幅最大，比上年增加316.85万元，增长49.10%`: a 科目's change with neither its figure nor last year's in the prose is
 * the table's figure against Δ: the rate is Δ over the figure less Δ. The figure is 公开05表's, or 公开03表's where 05 is not printed
 * (where both are, only when they agree: the prose does not say which fund).
 */
function changesOfTableFigures(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  for (const { claim, subject } of facts.changes) {
    if (claim.current || claim.prior || !claim.delta || !claim.rate || claim.direction === 'flat' || claim.delta.token === undefined || !isMoney(model.numbers[claim.delta.token].unit)) continue;
    // (Or named in its clause before it, not as the change's subject: `从增减情况看，养老服务（项）增幅最大，比上年增加…`.)
    const at = claim.delta.span?.start ?? claim.span.start;
    const clause = model.text.slice(Math.max(0, at - 40), at).split(/[。；;\n]/).at(-1)!;
    const name = (LEVELLED_NAME.exec(subject)?.[1] ?? [...clause.matchAll(NAMED_IN_CLAUSE)].at(-1)?.[1])?.trim();
    if (!name) continue;
    const [general, all] = [spending('general', name, {}), spending('all', name, {})].map((queries) => firstStated(model, queries));
    if (general && all && !model.numbers[general.token!].value.eq(model.numbers[all.token!].value)) continue;
    const value = general ?? all;
    if (!value) continue;
    const table = tableName(model.tables[value.table]);
    sink.add<ChangeClaim>({
      kind: 'change',
      origin: 'text-table',
      identity: 'text-table.change',
      description: l(`${subject}与上年比较（本年数见${table}）`, `${subject} compared with the previous year (this year's figure in ${table})`),
      span: claim.span,
      direction: claim.direction,
      current: tableOperand(model, value.table, value.token, `${table} ${value.label}`, value.span),
      prior: undefined,
      delta: claim.delta,
      rate: claim.rate,
    });
  }
}

const FORMULA_FACTOR = /(?:[×xX*＊]|乘以?)\s*$/;

function completionsOfTableFigures(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  for (const pt of facts.analysis.tokens) {
    if (pt.role !== 'completion-rate' || pt.token.unit !== '%' || (pt.year !== undefined && pt.year !== model.reportYear)) continue;
    // (Not a formula's `×100%`: `预算执行率=实际支出数÷预算数×100%=87.74%`.)
    if (FORMULA_FACTOR.test(model.text.slice(Math.max(0, pt.token.span.start - 3), pt.token.span.start))) continue;
    const entry = lastSangongNamed(pt.subject);
    if (!entry || (facts.analysis.bySentence.get(pt.sentence.id) ?? []).some((t) => t.role === 'amount' || t.role === 'budget')) continue;
    const cells = sangongCells(model, entry[1]);
    if (!cells) continue;
    const { name, operands: [budget, actual] } = cells;
    sink.add<CompletionClaim>({
      kind: 'completion',
      origin: 'text-table',
      identity: 'text-table.sangong-completion',
      description: l(`${pt.subject}预算完成率（决算数、预算数见${name}）`, `budget completion of ${pt.subject} (actual and budget in ${name})`),
      span: pt.token.span,
      actual,
      budget,
      rate: operand(pt.token, '完成率'),
      soft: /年初|全年|调整/.test(pt.lead) || undefined,
    });
  }
}

/** The 三公 quantity named last in some words (`“三公”经费中，公务接待费…` is 公务接待费's); the longest at one place. */
function lastSangongNamed(words: string): (typeof SANGONG)[number] | undefined {
  let best: { entry: (typeof SANGONG)[number]; at: number; length: number } | undefined;
  for (const entry of SANGONG) {
    for (const m of words.matchAll(new RegExp(entry[0].source, 'g'))) {
      if (!best || m.index! > best.at || (m.index === best.at && m[0].length > best.length)) best = { entry, at: m.index!, length: m[0].length };
    }
  }
  return best?.entry;
}

/**
 * `“三公”经费支出决算比上年减少3.03万元` beside a 公开09表 laid out `预算数 | 决算数 | 2020年决算数 | 增减额`: the change is the
 * table's 增减额 (its magnitude; the table marks a decrease △ or −), or, with no such column, its 决算数 − 上年决算数. The table's
 * finer figures (元) then settle the rate stated after it.
 */
function sangongChangesOfTableFigures(model: DocumentModel, facts: ProseFacts, otherScope: (pt: ProseToken) => boolean, sink: ClaimSink): void {
  for (const pt of facts.analysis.tokens) {
    if (pt.role !== 'delta' || (pt.direction !== 'up' && pt.direction !== 'down') || (pt.year !== undefined && pt.year !== model.reportYear)) continue;
    const entry = lastSangongNamed(pt.subject);
    // (Not a change since an earlier year: `与2022年相比，2024年“三公”经费减少2.75万元`.)
    if (!entry || RECEPTION_PART.test(pt.subject) || /预算/.test(pt.lead) || comparedYear(model, pt) !== '' || otherScope(pt)) continue;
    const quantity = Number(entry[1][1]) - 6;
    const change = findTableValue(model, { kind: 'T09', column: String(CHANGE + quantity) });
    const delta = operand(pt.token, pt.direction === 'down' ? `文中${pt.subject}比上年减少` : `文中${pt.subject}比上年增加`);
    if (change?.token !== undefined) {
      const name = tableName(model.tables[change.table]);
      sink.add<EqualClaim>({
        kind: 'equal',
        origin: 'text-table',
        identity: 'text-table.sangong-change',
        description: l(`文中“${pt.subject}”增减额与${name}“${change.label}”一致`, `the change of "${pt.subject}" in the text equals ${name} "${change.label}"`),
        span: pt.token.span,
        a: delta,
        b: magnitude(tableOperand(model, change.table, change.token, `${name} ${change.label}`, change.span)),
        id: -1,
      });
      continue;
    }
    const cells = sangongCells(model, [String(PRIOR_YEAR + quantity), entry[1][1]]);
    if (!cells) continue;
    const { name, operands: [prior, current], labels: [, currentLabel] } = cells;
    sink.add<ChangeClaim>({
      kind: 'change',
      origin: 'text-table',
      identity: 'text-table.sangong-change',
      description: l(`文中${currentLabel}比上年的增减额（${name}）`, `the change of ${currentLabel} from last year in the text (${name})`),
      span: pt.token.span,
      direction: pt.direction,
      current,
      prior,
      delta,
    });
  }
}

/** A paragraph's opening label: `（三）公务接待费：…`. */
const PARAGRAPH_LABEL = /^[^，,。；;：:\d]{0,24}/;

/**
 * `2021年度公务用车购置费支出决算数小于年初预算数0.46万元`, `（三）公务接待费：…决算数比预算数少0.43万元`: a 三公 quantity's gap from its
 * budget, neither stated in the prose, is 公开09表's 决算数 − 预算数. (Soft when the gap names 年初 or 全年: the table's 预算数 may be
 * the other.)
 */
function budgetGapsOfTableFigures(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  for (const pt of facts.analysis.tokens) {
    if (pt.role !== 'budget-delta' || (pt.direction !== 'up' && pt.direction !== 'down') || (pt.year !== undefined && pt.year !== model.reportYear)) continue;
    const sentence = pt.sentence;
    const before = model.text.slice(sentence.span.start, pt.token.span.start);
    const paragraph = model.paragraphs[sentence.paragraph];
    const label = PARAGRAPH_LABEL.exec(model.text.slice(paragraph.span.start, paragraph.span.end))![0];
    const entry = lastSangongNamed(pt.subject) ?? lastSangongNamed(before) ?? lastSangongNamed(label);
    if (!entry || RECEPTION_PART.test(before)) continue;
    // (A gap whose budget or actual the prose states is checked there, with them.)
    const tokens = facts.analysis.bySentence.get(sentence.id) ?? [];
    if (tokens.some((t) => t !== pt && (t.role === 'budget' || t.role === 'completion-rate'))) continue;
    const cells = sangongCells(model, entry[1]);
    if (!cells) continue;
    const { name, operands: [budget, actual], labels: [, actualLabel] } = cells;
    sink.add<ChangeClaim>({
      kind: 'change',
      origin: 'text-table',
      identity: 'text-table.budget-difference',
      description: l(`文中${actualLabel}与预算数之差（${name}）`, `the gap of ${actualLabel} from its budget in the text (${name})`),
      span: pt.token.span,
      direction: pt.direction,
      current: actual,
      prior: budget,
      delta: operand(pt.token, pt.direction === 'down' ? '比预算减少' : '比预算增加'),
      soft: /年初|全年|调整/.test(pt.lead) || undefined,
    });
  }
}

/**
 * Bases the prose names but never states, by name: the department's spending and its 基本/项目支出 — of
 * the 一般公共预算 (公开05表) when the name says so, of all 财政拨款 (公开04表, spending only), else of all
 * funds (公开01/03表).
 */
function tableBase(named: string): TableValueQuery[] {
  const fund = /一般公共预算/.test(named) ? 'general' : /财政拨款/.test(named) ? 'fiscal' : 'all';
  const core = named.replace(/一般公共预算|财政拨款|本年度?|全年|部门|总额|总数|合计|决算数?/g, '');
  if (core === '支出') {
    if (fund === 'general') return spending('general', '合计');
    if (fund === 'fiscal') return [{ kind: 'T04', label: '本年支出合计', block: 1 }];
    return [{ kind: 'T01', label: '本年支出合计', block: 1 }, ...spending('all', '合计')];
  }
  if ((core !== '基本支出' && core !== '项目支出') || fund === 'fiscal') return [];
  return [{ kind: fund === 'general' ? 'T05' : 'T03', label: '合计', column: [core] }];
}

/** `共涉及资金300.00万元，占一般公共预算项目支出总额的85.00%`: a share of a total only the tables state. */
function sharesOfTableTotals(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  for (const { share, part, named } of facts.unresolvedShares) {
    const distributed = DISTRIBUTED_TOTAL.test(named) ? distributionTotal(model, part) : undefined;
    if (distributed) {
      const partLabel = partName(part);
      sink.add<ShareClaim>({
        kind: 'share',
        origin: 'text-table',
        identity: 'text-table.distribution-share',
        description: l(`${partLabel}占${distributed.label}的比重`, `share of ${partLabel} in ${distributed.label}`),
        span: share.token.span,
        part: operand(part.token, partLabel),
        base: distributed.operand,
        stated: operand(share.token, '占比'),
      });
      continue;
    }
    // (`占一般公共预算项目支出调整后预算的100%`: the tables state what was spent, no budget.)
    // (The name may stop short of the budget word the share's words go on to: `…项目支出调整后预算的`.)
    for (const query of /(?<!一般公共)预算/.test(named) || /(?<!一般公共)预算(?:数|金额)?的?$/.test(share.lead) ? [] : tableBase(named)) {
      const value = findTableValue(model, query);
      if (value?.token === undefined) continue;
      const name = tableName(model.tables[value.table]);
      const partLabel = partName(part);
      sink.add<ShareClaim>({
        kind: 'share',
        origin: 'text-table',
        identity: 'text-table.share',
        description: l(`${partLabel}占${name}“${value.label}”的比重`, `share of ${partLabel} in ${name} "${value.label}"`),
        span: share.token.span,
        part: operand(part.token, partLabel),
        base: tableOperand(model, value.table, value.token, `${name} ${value.label}`, value.span),
        stated: operand(share.token, '占比'),
      });
      break;
    }
  }
}

/** What money shared out comes to: `占分配总额的`, `占全区补贴总额的`, `占补助资金总额的`, `占下达资金总额的`. */
const DISTRIBUTED_TOTAL = /^(?:全[省市区县镇乡])?[\u4e00-\u9fff]{0,8}?(?:分配|补助|补贴|发放|下达|奖补|拨付)(?:资金|金额)?(?:总额|总数|合计|总量)$/;
/** A column of the money shared out. */
const DISTRIBUTED_COLUMN = /分配|补助|补贴|发放|下达|奖补|拨付|金额|资金/;
/** How many tables back a share of money shared out looks for the table it was shared out in. */
const DISTRIBUTION_TABLES_BACK = 2;

/**
 * `从分配结果看，…凤台县城关中学232.74万元…，占分配总额的40.13%` after the table the money was shared out in: the 合计 of the
 * column the part is a row of (or of the table's first column of money shared out).
 */
function distributionTotal(model: DocumentModel, part: ProseToken): { operand: Operand; label: string } | undefined {
  const before = model.tables.filter((t) => t.kind === 'unknown' && !t.withdrawn && t.span.end <= part.token.span.start).slice(-DISTRIBUTION_TABLES_BACK).reverse();
  for (const table of before) {
    const rows = items(table);
    const total = rows.find((it) => /^(?:合计|总计)$/.test(it.entry.label.replace(/\s/g, '')));
    if (!total) continue;
    const cols = total.entry.valueCols.filter((c) => !/[率%％]|占比|比重|标准|单价|人均|户均|均/.test(columnLabel(table, c)));
    const cellValue = (it: (typeof rows)[number], c: number) => model.numbers[it.row.cells[c]?.number ?? -1];
    const col =
      cols.find((c) => rows.some((it) => it !== total && cellValue(it, c)?.value.eq(part.token.value))) ??
      cols.find((c) => DISTRIBUTED_COLUMN.test(columnLabel(table, c)));
    const cell = col === undefined ? undefined : cellValue(total, col);
    if (!cell || col === undefined) continue;
    const label = `${tableName(table)}“合计 · ${columnLabel(table, col)}”`;
    return { operand: operand(cell, label, table.unit), label };
  }
  return undefined;
}

/** Two table cells hold the same figure (both stated, same unit, equal values). */
function sameCell(model: DocumentModel, a: TableValueQuery, b: TableValueQuery): boolean {
  const x = findTableValue(model, a);
  const y = findTableValue(model, b);
  if (x?.token === undefined || y?.token === undefined) return false;
  const [nx, ny] = [model.numbers[x.token], model.numbers[y.token]];
  return model.tables[x.table].unit === model.tables[y.table].unit && nx.value.eq(ny.value);
}

/**
 * The 自评表 of the department's projects report what each spent; together they cannot exceed the
 * 项目支出 of 公开03表 (xining: 402.51 + 79.36 = 481.87 > 456.50). Soft: a 绩效 scope (other funds,
 * carried-over money) may differ from the year's 项目支出.
 */
const WHOLE_DEPARTMENT = /整体/;

function executionsWithinProjects(model: DocumentModel, sink: ClaimSink): void {
  // (Not the 部门整体支出绩效自评表: its 年度资金总额 is the whole year's spending, no project's.)
  const executed = performanceTables(model)
    .filter((info) => !WHOLE_DEPARTMENT.test(model.tables[info.table].title ?? ''))
    .map((info) => info.executed)
    .filter((id): id is number => id !== undefined)
    .map((id) => operand(model.numbers[id], '绩效自评表 全年执行数'));
  if (executed.length < 2) return;
  const projects = findTableValue(model, { kind: ['T03', 'T05'], label: '合计', column: ['项目支出'] });
  if (!projects?.token) return;
  const whole = operand(model.numbers[projects.token], `${tableName(model.tables[projects.table])} 项目支出合计`, model.tables[projects.table].unit);
  sink.add({
    kind: 'le',
    origin: 'text-table',
    identity: 'performance.executions',
    description: l('各项目自评执行数之和不超过项目支出', 'the projects’ executions do not exceed 项目支出'),
    span: executed[0].span!,
    part: sumOperand(executed, `${executed.length} 个项目执行数之和`, executed[0].span),
    whole,
    soft: true,
  });
}

/** Character-bigram Dice similarity: project names are restated with small variations. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, a.length - 1 + b.length - 1);
  return (2 * common) / total;
}

// (Or `1. 高标准农田建设项目绩效自评综述：`, `2. “义务教育学生营养改善计划”项目：`, `2. 公共文化服务体系建设补助资金：`: the name before the colon,
// held to the 自评表's by similarity.)
const PROJECT_PARAGRAPH_OPENING = /^\s*(?:\d+[.、．]\s*|[（(]\d+[)）]\s*)?[“"]?([^，,。；;：:\d“”"]{2,40}?)[”"]?(?:项目)?(?:(?:绩效)?(?:自评)?(?:情况|结果|综述|概述)?[：:]|(?=(?:绩效)?自评))/;

/**
 * `1. 公务员医疗补助项目绩效自评情况：…全年预算数为470万元，实际支出402.51万元，完成年度预算的85.64%…
 * 项目自评得分93.5分` against the 自评表 of that project.
 */
function performanceProse(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  for (const info of performanceTables(model)) {
    if (!info.projectName) continue;
    const name = info.projectName.replace(/项目$/, '');
    let best: { section: number; score: number } | undefined;
    for (const section of model.sections) {
      if (!/绩效|自评/.test(section.title)) continue;
      const title = section.title.replace(/^[\d一二三四五六七八九十（）().、．\s]+/, '').replace(/(项目)?(绩效)?(自评)?(情况|结果)?[：:]?$/, '');
      const score = similarity(title, name);
      if (score >= 0.6 && (!best || score > best.score)) best = { section: section.id, score };
    }
    // (`1.信息化系统运行维护项目绩效自评情况：根据年初设定的绩效目标，项目自评得分90.13分…`: a paragraph opening with the
    // project's name, no heading of its own.)
    let span = best ? model.sections[best.section].span : undefined;
    if (!span) {
      let bestScore = 0;
      for (const paragraph of model.paragraphs) {
        const opening = PROJECT_PARAGRAPH_OPENING.exec(model.text.slice(paragraph.span.start, paragraph.span.start + 60));
        const score = opening ? similarity(opening[1], name) : 0;
        if (score >= 0.6 && score > bestScore) {
          span = paragraph.span;
          bestScore = score;
        }
      }
    }
    // (Or the paragraph that names the project in quotes: `我局…公开“法律援助经费”项目绩效自评表。该项目年初预算360.00万元…`.)
    // (From the quote to the next project quoted: `“耕地质量提升…”项目年初预算…；“农作物重大病虫害统防统治”项目年初预算…`.)
    if (!span && name.length >= 4) {
      for (const paragraph of model.paragraphs) {
        const words = model.text.slice(paragraph.span.start, paragraph.span.end);
        const at = words.indexOf(`“${name}`);
        if (at < 0) continue;
        // (Not a run of names, `“A”、“B”、“C”自评得分分别为…`: which figure is whose the 分别 says, not the place.)
        if (/[”"][、，,和及与]\s*$/.test(words.slice(Math.max(0, at - 3), at)) || /^[^“”"]{0,42}[”"]\s*[、，,和及与]\s*[“"]/.test(words.slice(at + 1, at + name.length + 6))) break;
        const next = words.slice(at + name.length + 1).search(/“[^”]{2,40}”(?:项目|资金)/);
        span = { start: paragraph.span.start + at, end: next < 0 ? paragraph.span.end : paragraph.span.start + at + name.length + 1 + next };
        break;
      }
    }
    if (!span) continue;
    const tokens = facts.analysis.tokens.filter((t) => t.token.span.start >= span.start && t.token.span.start < span.end && t.token.cell === undefined);
    const pick = (role: ProseToken['role'], words?: RegExp) => tokens.find((t) => t.role === role && (!words || words.test(t.lead)));
    // (`项目年初预算数为343.99万元，年中调减8.07万元，全年预算数为335.92万元`: the 全年 one when both are stated; the 年初 one is the
    // table's 年初预算数.)
    const pairs: Array<[ProseToken | undefined, number | undefined, string]> = [
      [pick('budget', /全年预算|调整后预算/) ?? pick('budget', /^(?!.*年初).*预算数/), info.annualBudget, '全年预算数'],
      [pick('budget', /年初预算/), info.initialBudget, '年初预算数'],
      [pick('amount', /实际支出|执行数|支出/), info.executed, '全年执行数'],
      [pick('completion-rate'), info.executionRate, '执行率'],
    ];
    for (const [pt, cell, label] of pairs) {
      if (!pt || cell === undefined) continue;
      sink.add<EqualClaim>({
        kind: 'equal',
        origin: 'text-table',
        identity: 'text-table.performance',
        description: l(`文中“${info.projectName}”${label}与绩效自评表一致`, `${label} of "${info.projectName}" in the text equals the 自评表`),
        span: pt.token.span,
        a: operand(pt.token, `文中${label}`),
        b: operand(model.numbers[cell], `绩效自评表 ${label}`),
      });
    }
    // (The project's total, not one indicator's: `执行率得分9.4分，项目自评总分97.4分`.)
    const score = pick('score', /自评(?:总)?(?:得)?分|总分|综合得分/) ?? pick('score', /^(?!.*(?:执行率|指标|分值)).*得分/);
    if (score && info.totalScore !== undefined) {
      const table = model.numbers[info.totalScore];
      sink.add<FactClaim>({
        kind: 'fact',
        origin: 'text-table',
        identity: 'text-table.score',
        description: l(`“${info.projectName}”自评得分两处表述`, `self-assessment score of "${info.projectName}" stated twice`),
        span: score.token.span,
        key: `score|${info.projectName}`,
        a: asExact(operand(table, '绩效自评表 总分')),
        b: asExact(operand(score.token, '文中自评得分')),
        looseMatch: false,
      });
    }
  }
  respectiveProjectScores(model, facts, sink);
}

/** `“A”、“B”、“C”自评得分分别为97.26分、95.10分和96.00分`: the k-th project's score is the k-th, against its 自评表's 总分. */
function respectiveProjectScores(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  const tables = performanceTables(model).filter((info) => info.projectName && info.totalScore !== undefined);
  if (tables.length < 2) return;
  for (const sentence of model.sentences) {
    const run = QUOTED_RUN_RESPECTIVE.exec(sentence.text);
    if (!run) continue;
    const names = [...run[1].matchAll(/[“"]([^”"]{2,40})[”"]/g)].map((m) => m[1].replace(/项目$/, ''));
    const after = sentence.span.start + run.index + run[0].length;
    const scores = (facts.analysis.bySentence.get(sentence.id) ?? []).filter((t) => t.role === 'score' && t.token.span.start >= after).slice(0, names.length);
    if (names.length < 2 || scores.length !== names.length) continue;
    names.forEach((name, k) => {
      const info = tables.find((x) => similarity(x.projectName!.replace(/项目$/, ''), name) >= 0.8);
      if (!info) return;
      sink.add<FactClaim>({
        kind: 'fact',
        origin: 'text-table',
        identity: 'text-table.score',
        description: l(`“${info.projectName}”自评得分两处表述`, `self-assessment score of "${info.projectName}" stated twice`),
        span: scores[k].token.span,
        key: `score|${info.projectName}`,
        a: asExact(operand(model.numbers[info.totalScore!], '绩效自评表 总分')),
        b: asExact(operand(scores[k].token, '文中自评得分')),
        looseMatch: false,
      });
    });
  }
}
/** A run of quoted names, then their scores 分别: `“A”、“B”、“C”自评得分分别为`. */
const QUOTED_RUN_RESPECTIVE = /((?:[“"][^”"]{2,40}[”"](?:项目)?\s*[、，,和及与]\s*)+[“"][^”"]{2,40}[”"](?:项目)?)[^。；;\d]{0,16}?(?:自评)?(?:得分|评分)[^。；;\d]{0,4}分别为/;
