// The accounts' own tables some reports attach after 公开01–11: 资产负债简表, 收入费用表, 资产增减变动情况表, 固定资产分类情况表, a
// 国有资产占用情况表 of amounts. Their arithmetic is the balance sheet's: groups add up to their 合计, numbered items to the line
// they detail, 原值 = 累计折旧 + 净值, 年初 + 本年增加 − 本年减少 = 年末, 资产 = 负债 + 净资产, 本期盈余 = 本期收入 − 本期费用.
import { l } from '../../messages';
import type { DocumentModel, Localized, Table } from '../../types';
import type { ClaimSink } from '../sink';
import { columnLabel, itemLabel, itemOperand, items, valueColumns, type Item } from './access';
import { emitSum } from './emit';

/** A table of the accounts: its title, or two rows naming the balance sheet's or the income statement's lines. */
const STATEMENT_TITLE = /资产|负债|收入费用|折旧/;
const STATEMENT_ROW = /资产|负债|原值|折旧|摊销|盈余|费用/;
/** Columns of rates or counts: nothing there adds up as money does. */
const NOT_MONEY = /[率%％]|占比|比重|面积|数量|[（(](?:个|台|辆|套|平方米|人)[)）]/;

/** The numbering of a row label, shallowest first: `一、`, `（一）`, `1.`, `（1）`. */
const MARKS = [/^[一二三四五六七八九十]+、/, /^[（(][一二三四五六七八九十]+[)）]/, /^\d+[.．、](?!\d)/, /^[（(]\d+[)）]/];
function markOf(it: Item, lineCol: number | undefined): number {
  const label = it.entry.label.replace(/^[\s\u3000]+/, '');
  const own = MARKS.findIndex((re) => re.test(label));
  if (own >= 0 || lineCol === undefined) return own;
  // (Or in a 序号 column of its own: `一 | 流动资产小计`, `1 | 货币资金`, `1.1 | 图书采购`.)
  const number = it.row.cells[lineCol]?.text.trim() ?? '';
  return /^[一二三四五六七八九十]+$/.test(number) ? 0 : /^\d+$/.test(number) ? 2 : /^\d+[.．]\d+$/.test(number) ? 3 : -1;
}

const ORIGINAL = /^(.*)原值$/;
const ACCUMULATED = /^(?:减[：:])?(.*?)累计(?:折旧|摊销)(?:[（(]摊销[)）])?$/;
const NET = /^(.*)净值$/;
/** The balance sheet's lines. */
const ASSETS = /^资产(?:总计|总额|合计)$/;
const LIABILITIES = /^负债(?:总计|总额|合计)$/;
const NET_ASSETS = /^净资产(?:总计|总额|合计)?$/;
const BOTH = /^负债(?:和|及|与)净资产(?:总计|总额|合计)$/;
const INCOME = /^本[期年]收入(?:合计)?$/;
const EXPENSES = /^本[期年]费用(?:合计)?$/;
const SURPLUS = /^本[期年](?:盈余|收支差额)$/;

export function statementClaims(model: DocumentModel, sink: ClaimSink): void {
  for (const table of model.tables) {
    if (table.kind !== 'unknown' || table.withdrawn || !table.columns.some((c) => c.role === 'name')) continue;
    const rows = items(table).filter((it) => it.entry.block === 0);
    if (!STATEMENT_TITLE.test(table.title ?? '') && rows.filter((it) => STATEMENT_ROW.test(itemLabel(it))).length < 2) continue;
    const cols = valueColumns(table, 0).filter((c) => !NOT_MONEY.test(columnLabel(table, c)));
    if (cols.length === 0) continue;
    const statement = new Statement(model, table, rows, cols, sink);
    statement.columnFormulas();
    statement.depreciation();
    statement.groups();
    statement.numberedItems();
    statement.balance();
  }
}

class Statement {
  /** A triplet's 原值 and 累计折旧: its 净值 stands for them. */
  private readonly detail = new Set<Item>();
  /** A group's heading and items: its 合计 stands for them. */
  private readonly grouped = new Set<Item>();
  /** The 净值 row of each triplet's 原值. */
  private readonly netOf = new Map<Item, Item>();
  /** The 净值 rows standing for their triplets. */
  private readonly nets = new Set<Item>();

  constructor(
    private readonly model: DocumentModel,
    private readonly table: Table,
    private readonly rows: Item[],
    private readonly cols: number[],
    private readonly sink: ClaimSink,
  ) {}

  /** The depth of the row's numbering (see markOf), −1 for none. */
  private mark(it: Item): number {
    if (this.numbering === null) {
      // (A 序号 column that numbers by levels, `一` over `1`, `2`: not a 行次 column counting the lines.)
      const col = this.table.columns.find((c) => c.role === 'line-number' && /^序号$/.test(c.headerPath.at(-1) ?? ''))?.index;
      this.numbering = col !== undefined && this.rows.some((r) => /^(?:[一二三四五六七八九十]+|\d+[.．]\d+)$/.test(r.row.cells[col]?.text.trim() ?? '')) ? col : undefined;
    }
    return markOf(it, this.numbering);
  }
  /** The 序号 column numbering the rows by levels (null until looked for). */
  private numbering: number | undefined | null = null;

  /** The row's label without numbering, `其中：`, `减：` or spaces. */
  private name(it: Item): string {
    return itemLabel(it).replace(/^减[：:]/, '');
  }

  /** A cell written in the table: a figure or a dash, not an empty cell (empty is "not stated" in these tables). */
  private stated(it: Item, col: number): boolean {
    return (it.row.cells[col]?.text.trim() ?? '') !== '';
  }

  /** total = Σ parts in one column; an empty part is a zero (unless `strict`), an empty total states nothing. */
  private emit(identity: string, description: Localized, total: Item, parts: Item[], col: number, signs?: number[], strict = false): void {
    if (!this.stated(total, col) || (strict && !parts.every((it) => this.stated(it, col)))) return;
    emitSum(this.sink, {
      kind: 'sum',
      identity,
      description,
      total: itemOperand(this.model, this.table, total, col),
      parts: parts.map((it) => itemOperand(this.model, this.table, it, col)),
      signs,
      anchor: total.entry.labelSpan,
    });
  }

  /** `年初数 | 本年增加 | 本年减少 | 年末数` and `账面原值 | 累计折旧 | 账面净值`, row by row. */
  columnFormulas(): void {
    const col = (re: RegExp) => this.cols.find((c) => re.test(columnLabel(this.table, c)));
    const flow = [col(/年末|期末/), col(/年初|期初/), col(/增加/), col(/减少/)];
    const depreciation = [col(/原值/), col(/累计(?:折旧|摊销)|^折旧/), col(/净值|净额/)];
    for (const it of this.rows) {
      const label = itemLabel(it);
      const flowText = l(`${label}：年初数 + 本年增加 − 本年减少 = 年末数`, `${label}: opening + additions − disposals = closing`);
      this.rowFormula(it, 'table.statement-flow', flowText, flow, [1, 1, -1]);
      this.rowFormula(it, 'table.statement-net-value', l(`${label}：原值 = 累计折旧 + 净值`, `${label}: cost = accumulated depreciation + net value`), depreciation);
    }
  }

  /**
   * The first column = the others (signed) on one row, when the table has all the columns, each its own, and the row states
   * every cell (`一、流动资产 | 1,286.42 |  |  | 1,412.35` gives no increase or decrease to add).
   */
  private rowFormula(it: Item, identity: string, description: Localized, cols: Array<number | undefined>, signs?: number[]): void {
    if (cols.some((c) => c === undefined) || new Set(cols).size !== cols.length || !cols.every((c) => this.stated(it, c!))) return;
    const [total, ...parts] = cols as number[];
    emitSum(this.sink, {
      kind: 'sum',
      identity,
      description,
      total: itemOperand(this.model, this.table, it, total),
      parts: parts.map((c) => itemOperand(this.model, this.table, it, c)),
      signs,
      anchor: it.entry.labelSpan,
    });
  }

  /**
   * `固定资产原值 | 减：固定资产累计折旧 | 固定资产净值`, in any order and with the 原值's items between (`二、固定资产原值` over `1.房屋…`):
   * the 原值 is the 累计折旧 and the 净值 together. The 净值 stands for the three in the sums of the table.
   */
  depreciation(): void {
    this.rows.forEach((net, k) => {
      const stem = NET.exec(this.name(net))?.[1];
      if (stem === undefined) return;
      const near = this.rows.slice(Math.max(0, k - 8), k + 4);
      const original = near.find((it) => ORIGINAL.exec(this.name(it))?.[1] === stem || (stem === '' && ORIGINAL.test(this.name(it))));
      const accumulated = near.find((it) => {
        const own = ACCUMULATED.exec(this.name(it))?.[1];
        return own !== undefined && (own === '' || own === stem);
      });
      if (!original || !accumulated) return;
      this.detail.add(original).add(accumulated);
      this.netOf.set(original, net);
      this.nets.add(net);
      for (const col of this.cols) {
        // (Not in a column of flows, `本年增加 | 本年减少`, where the 净值 states none.)
        this.emit('table.statement-depreciation', l(`${this.name(original)} = 累计折旧 + ${this.name(net)}`, `${this.name(original)} = accumulated depreciation + ${this.name(net)}`), original, [accumulated, net], col, undefined, true);
      }
    });
  }

  /**
   * `流动资产：` (a line without figures) over its items and `流动资产合计`: the items add up to the 合计. So do a group's items over its
   * `小计` row: `流动资产 | |` / `货币资金 | 791.96` … `小计 | 1150.60`.
   */
  groups(): void {
    for (let k = 0; k < this.rows.length; k++) {
      const head = this.rows[k];
      if (this.cols.some((c) => this.stated(head, c))) continue;
      const end = this.rows.findIndex((it, j) => j > k && /合计$|总计$|^小计$/.test(this.name(it)));
      if (end < 0) continue;
      const subtotal = this.name(this.rows[end]) === '小计';
      if (!/[：:]$/.test(head.entry.label.trim()) && !(subtotal && end > k + 1 && this.rows.slice(k + 1, end).every((it) => this.cols.some((c) => this.stated(it, c))))) continue;
      const stem = this.name(head).replace(/[：:]$/, '');
      const closing = this.name(this.rows[end]).replace(/合计$|总计$/, '');
      // (`流动负债：` … `负债合计`: the 合计 may name the group more broadly.)
      if (!subtotal && (closing === '' || !(stem.endsWith(closing) || closing.endsWith(stem)))) continue;
      const inner = this.rows.slice(k, end);
      for (const it of inner) this.grouped.add(it);
      if (inner.some((it) => /^其中/.test(it.entry.label.trim()))) continue;
      this.sumOver(this.rows[end], this.standIns(inner.slice(1)), '各项之和');
    }
  }

  /** The rows of a run as they add up: a triplet's 原值 and 累计折旧 give way to its 净值. */
  private standIns(run: Item[]): Item[] {
    const out: Item[] = [];
    for (const it of run) {
      const row = this.netOf.get(it) ?? it;
      if (ACCUMULATED.test(this.name(row)) && this.detail.has(row)) continue;
      if (!out.includes(row)) out.push(row);
    }
    return out;
  }

  private sumOver(total: Item, parts: Item[], words: string): void {
    if (parts.length < 2) return;
    for (const col of this.cols) {
      this.emit('table.statement-sum', l(`${itemLabel(total)} = ${words}`, `${itemLabel(total)} = the sum of its items`), total, parts, col);
    }
  }

  /**
   * Numbered lines under the line they detail: `二、固定资产原值` over `1.房屋及构筑物` … `5.家具、用具、装具`; `资产总额` over `（一）流动资产` …
   * `（五）其他资产` (a `其中：` run under an item details that item); `一、本期收入` over unnumbered lines up to `二、本期费用`.
   */
  numberedItems(): void {
    for (let k = 0; k + 1 < this.rows.length; k++) {
      const parent = this.rows[k];
      const mark = this.mark(parent);
      const next = this.rows[k + 1];
      const childMark = this.mark(next);
      if (childMark > mark && (mark >= 0 || /总额|总计|合计$/.test(this.name(parent)))) {
        const children: Item[] = [];
        let under: Item | undefined;
        let whereof: Item[] = [];
        const closeWhereof = () => {
          // (`其中：房屋 | 车辆 | 单价50万元以上设备 | 其他固定资产`: a run closed by 其他 is the whole of its item.)
          if (under && whereof.length >= 2 && /^其他/.test(this.name(whereof.at(-1)!))) this.sumOver(under, whereof, '其中各项之和');
          whereof = [];
        };
        for (let j = k + 1; j < this.rows.length; j++) {
          const it = this.rows[j];
          const own = this.mark(it);
          if (own === childMark) {
            closeWhereof();
            children.push(it);
            under = it;
            continue;
          }
          if (own < 0 && (/^其中/.test(it.entry.label.trim()) || whereof.length > 0)) {
            whereof.push(it);
            continue;
          }
          // (`二、固定资产净值` over `    固定资产原值` and `    减：累计折旧`: an item's details, by numbering or as a triplet's.)
          // (And the 净值 after a numbered 原值: `二、固定资产原值 | 减：累计折旧 | 固定资产净值 | 三、在建工程`.)
          if (own > childMark || this.detail.has(it) || this.nets.has(it)) continue;
          break;
        }
        closeWhereof();
        if (children.length >= 2) this.sumOver(parent, this.standIns(children), '所列各项之和');
        continue;
      }
      // (`一、本期收入` over unnumbered lines, closed by `二、本期费用`: the lines are its items.)
      if (mark < 0 || childMark >= 0) continue;
      const end = this.rows.findIndex((it, j) => j > k && this.mark(it) >= 0);
      if (end < 0 || this.mark(this.rows[end]) !== mark) continue;
      const run = this.rows.slice(k + 1, end);
      if (run.some((it) => /^其中/.test(it.entry.label.trim()) || this.detail.has(it) || this.grouped.has(it))) continue;
      this.sumOver(parent, run, '所列各项之和');
    }
  }

  /** 资产 = 负债 + 净资产, 负债和净资产总计 = 负债 + 净资产, 资产总计 = the asset lines above it, 本期盈余 = 本期收入 − 本期费用. */
  balance(): void {
    const row = (re: RegExp) => this.rows.find((it) => re.test(this.name(it)));
    const [assets, liabilities, netAssets, both] = [row(ASSETS), row(LIABILITIES), row(NET_ASSETS), row(BOTH)];
    for (const col of this.cols) {
      if (liabilities && netAssets) {
        if (both) this.emit('table.statement-balance', l('负债和净资产总计 = 负债 + 净资产', 'liabilities and net assets = liabilities + net assets'), both, [liabilities, netAssets], col);
        if (assets) this.emit('table.statement-balance', l('资产总计 = 负债 + 净资产', 'assets = liabilities + net assets'), assets, [liabilities, netAssets], col);
      }
      const [income, expenses, surplus] = [row(INCOME), row(EXPENSES), row(SURPLUS)];
      if (income && expenses && surplus) {
        this.emit('table.statement-surplus', l('本期盈余 = 本期收入 − 本期费用', 'surplus = revenue − expenses'), surplus, [income, expenses], col, [1, -1]);
      }
    }
    // (`流动资产 | 固定资产净值 | 在建工程 | … | 资产总计`: the asset lines above the total, unnumbered or of one numbering.)
    if (!assets) return;
    const at = this.rows.indexOf(assets);
    const top = this.mark(this.rows[0]);
    const above = this.rows.slice(0, at).filter((it) => this.mark(it) === top && !this.grouped.has(it) && (!this.detail.has(it) || this.netOf.has(it)));
    if (above.length < 2 || above.some((it) => /^其中/.test(it.entry.label.trim()) && !this.netOf.has(it))) return;
    // (Group 合计 rows stand for their groups: `流动资产合计 | 非流动资产合计 | 资产总计`.)
    this.sumOver(assets, this.standIns(above), '资产各项之和');
  }
}
