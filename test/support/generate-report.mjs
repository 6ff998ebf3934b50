// Generates realistic, internally consistent 部门决算 reports (prose 情况说明 + 公开01–11 tables) for
// benchmarks and the mutation test. Deterministic for a given seed.
//
// Every amount starts as an integer number of 分 (the source data are kept in 元 with 2 decimals);
// every total is an exact sum in 分; every published 万元 figure is rounded half-up from its own
// exact value. Roll-ups of published figures therefore show the same rounding tails (尾差) real
// reports do, never more. Rates (占比, 同比, 完成率) are computed, as authors do, from the published
// 万元 figures and rounded half-up to 2 decimals; share lists that would not add to 100% get the
// largest-remainder adjustment. Each relation is re-verified with decimal arithmetic before return.
//
// The result carries `targets`: numbers a mutation test may perturb, by category, with their spans.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Decimal = require('decimal.js');
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

// ---------------------------------------------------------------- random numbers

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** An amount in 分 between lo and hi 万元. */
  fen(loWan, hiWan) {
    return this.int(Math.round(loWan * 1e6), Math.round(hiWan * 1e6));
  }
  /** `total` 分 split into `n` positive parts with random weights (exact). */
  split(total, n) {
    if (n <= 1) return [total];
    const weights = Array.from({ length: n }, () => 0.2 + this.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => Math.floor((total * w) / sum));
    parts[n - 1] += total - parts.reduce((a, b) => a + b, 0);
    return parts;
  }
}

// ---------------------------------------------------------------- numbers as published

/** 分 → 万元 rounded half-up to 2 decimals (the published figure), as a Decimal. */
export function wan(fen) {
  return new D(fen).div(1e6).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

const fmt = (d) => d.toFixed(2);

/** A percentage as authors write it: 2 decimals, `.00` dropped (xining `占98%`). */
function pct(d) {
  const s = d.toFixed(2);
  return s.endsWith('.00') ? s.slice(0, -3) : s;
}

function ratio(a, b) {
  return a.div(b).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Shares of an exhaustive list against the stated base (the published total). When the published
 * parts add up to the base exactly and the rounded shares miss 100, authors apply the largest-
 * remainder adjustment (尾差调整); when the parts themselves carry a rounding tail, the shares are
 * left as rounded (adjusting them would make a share wrong).
 */
export function shares(values, base = values.reduce((a, b) => a.plus(b), new D(0))) {
  if (base.isZero()) return values.map(() => new D(0));
  const rounded = values.map((v) => ratio(v, base));
  const sum = values.reduce((a, b) => a.plus(b), new D(0));
  if (rounded.reduce((a, b) => a.plus(b), new D(0)).eq(100) || !sum.eq(base)) return rounded;
  const exact = values.map((v) => v.div(base).times(100));
  const floors = exact.map((e) => e.toDecimalPlaces(2, Decimal.ROUND_DOWN));
  let missing = new D(100).minus(floors.reduce((a, b) => a.plus(b), new D(0))).times(100).toNumber();
  const order = exact.map((e, i) => [e.minus(floors[i]), i]).sort((x, y) => y[0].cmp(x[0]) || x[1] - y[1]);
  const out = [...floors];
  for (const [, i] of order) {
    if (missing <= 0) break;
    out[i] = out[i].plus('0.01');
    missing--;
  }
  return out;
}

// ---------------------------------------------------------------- classification data

const CLASS_NAMES = [
  ['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'], ['205', '教育支出'],
  ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'],
  ['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'], ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'], ['216', '商业服务业等支出'], ['217', '金融支出'], ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'], ['222', '粮油物资储备支出'], ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'], ['229', '其他支出'], ['231', '债务还本支出'], ['232', '债务付息支出'], ['234', '抗疫特别国债安排的支出'],
];
const CLASS_BY_CODE = new Map(CLASS_NAMES);
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六'];

// kind: 'staff' (基本支出, personnel), 'run' (行政运行: 基本支出), 'project' (项目支出)
const DEPARTMENTS = [
  {
    name: '民政局',
    main: ['208', [['20802', '民政管理事务', [['2080201', '行政运行', 'run'], ['2080202', '一般行政管理事务', 'project'], ['2080208', '基层政权建设和社区治理', 'project']]],
      ['20810', '社会福利', [['2081001', '儿童福利', 'project'], ['2081002', '老年福利', 'project']]]]],
  },
  {
    name: '医疗保障局',
    main: ['210', [['21015', '医疗保障管理事务', [['2101501', '行政运行', 'run'], ['2101504', '信息化建设', 'project'], ['2101506', '医疗保障经办事务', 'project'], ['2101599', '其他医疗保障管理事务支出', 'project']]]]],
  },
  {
    name: '统计局',
    main: ['201', [['20105', '统计信息事务', [['2010501', '行政运行', 'run'], ['2010505', '专项统计业务', 'project'], ['2010507', '专项普查活动', 'project'], ['2010508', '统计抽样调查', 'project']]]]],
  },
  {
    name: '文化和旅游局',
    main: ['207', [['20701', '文化和旅游', [['2070101', '行政运行', 'run'], ['2070104', '图书馆', 'project'], ['2070109', '群众文化', 'project'], ['2070199', '其他文化和旅游支出', 'project']]]]],
  },
  {
    name: '农业农村局',
    main: ['213', [['21301', '农业农村', [['2130101', '行政运行', 'run'], ['2130104', '事业运行', 'run'], ['2130108', '病虫害控制', 'project'], ['2130122', '农业生产发展', 'project']]]]],
  },
];
const PLACES = ['青山市东城区', '云溪市', '临江市北湖区', '安平县', '河阳市西关区', '松岭市南山区'];

// The personnel items every department has; `econ` is the 经济分类 cell it is paid through (tables.md X15).
const STAFF_ITEMS = [
  ['208', '行政事业单位养老支出', '20805', [['2080505', '机关事业单位基本养老保险缴费支出', 'staff', '30108', [8, 40]], ['2080506', '机关事业单位职业年金缴费支出', 'staff', '30109', [4, 20]]]],
  ['210', '行政事业单位医疗', '21011', [['2101101', '行政单位医疗', 'staff', '30110', [2, 15]], ['2101103', '公务员医疗补助', 'staff', '30111', [1, 8]]]],
  ['221', '住房改革支出', '22102', [['2210201', '住房公积金', 'staff', '30113', [5, 30]]]],
];

const ECON_301 = [['30101', '基本工资'], ['30102', '津贴补贴'], ['30103', '奖金'], ['30107', '绩效工资'], ['30108', '机关事业单位基本养老保险缴费'], ['30109', '职业年金缴费'], ['30110', '职工基本医疗保险缴费'], ['30111', '公务员医疗补助缴费'], ['30112', '其他社会保障缴费'], ['30113', '住房公积金'], ['30199', '其他工资福利支出']];
const ECON_302 = [['30201', '办公费'], ['30202', '印刷费'], ['30205', '水费'], ['30206', '电费'], ['30207', '邮电费'], ['30211', '差旅费'], ['30212', '因公出国（境）费用'], ['30213', '维修（护）费'], ['30215', '会议费'], ['30216', '培训费'], ['30217', '公务接待费'], ['30228', '工会经费'], ['30229', '福利费'], ['30231', '公务用车运行维护费'], ['30239', '其他交通费用'], ['30299', '其他商品和服务支出']];
const ECON_303 = [['30302', '退休费'], ['30305', '生活补助'], ['30309', '奖励金']];
const ECON_OTHER = [['307', '债务利息及费用支出'], ['30701', '国内债务付息'], ['310', '资本性支出'], ['31002', '办公设备购置'], ['31013', '公务用车购置'], ['399', '其他支出'], ['39999', '其他支出']];

const SYN_WORDS = ['社区', '基层', '综合', '信息', '安全', '应急', '公共', '保障', '治理', '规划', '监测', '培训', '宣传', '档案', '法治', '标准', '质量', '资源', '生态', '服务'];
const SYN_ITEMS = ['行政运行', '专项业务', '一般行政管理事务', '事业运行', '项目管理', '能力建设', '运行维护', '专项补助', '其他支出'];
const REASONS_UP = ['人员变动', '基数调整', '追加年中项目资金', '政策性增资'];
const REASONS_DOWN = ['厉行节约，压减一般性支出', '项目按进度支付，部分资金收回', '基数调整', '人员减少'];

// ---------------------------------------------------------------- the text builder

class Builder {
  constructor() {
    this.chunks = [];
    this.length = 0;
    this.targets = [];
  }
  add(...parts) {
    for (const p of parts) {
      this.chunks.push(p);
      this.length += p.length;
    }
    return this;
  }
  /** Appends a number that a mutation test may perturb. */
  mark(category, text, info = {}) {
    this.targets.push({ category, start: this.length, end: this.length + text.length, text, ...info });
    return this.add(text);
  }
  line(...parts) {
    return this.add(...parts, '\n');
  }
  /** A paragraph: the text, then a blank line (as in the corpus). */
  para(...parts) {
    return this.add(...parts, '\n\n');
  }
  toString() {
    return this.chunks.join('');
  }
}

// ---------------------------------------------------------------- the department's data

function buildData(rng, extraItems) {
  const dept = rng.pick(DEPARTMENTS);
  const place = rng.pick(PLACES);
  const tree = new Map(); // 类 code → { code, name, kuan: Map(code → {code, name, items: []}) }
  const addItem = (leiCode, kuanCode, kuanName, item) => {
    if (!tree.has(leiCode)) tree.set(leiCode, { code: leiCode, name: CLASS_BY_CODE.get(leiCode), kuan: new Map() });
    const lei = tree.get(leiCode);
    if (!lei.kuan.has(kuanCode)) lei.kuan.set(kuanCode, { code: kuanCode, name: kuanName, items: [] });
    lei.kuan.get(kuanCode).items.push(item);
  };
  const amount = (kind, range) => {
    const basic = kind === 'project' ? 0 : range ? rng.fen(range[0], range[1]) : rng.fen(120, 600);
    const project = kind === 'project' ? rng.fen(3, rng.chance(0.3) ? 900 : 120) : 0;
    const total = basic + project;
    // Budgets: mostly a little above spending, sometimes below, sometimes exactly equal.
    let budget = rng.chance(0.2) ? total : Math.round(total * (0.75 + rng.next() * 0.4));
    if (budget === 0) budget = total;
    return { basic, project, total, budget, prior: Math.round(total * (0.7 + rng.next() * 0.6)) };
  };
  for (const [leiCode, kuanName, kuanCode, items] of STAFF_ITEMS) {
    for (const [code, name, kind, econ, range] of items) addItem(leiCode, kuanCode, kuanName, { code, name, kind, econ, ...amount(kind, range) });
  }
  const [mainLei, kuans] = dept.main;
  for (const [kuanCode, kuanName, items] of kuans) {
    for (const [code, name, kind] of items) addItem(mainLei, kuanCode, kuanName, { code, name, kind, ...amount(kind) });
  }
  // Growth for size: synthetic 款 with several 项 under the department's 类 and a few others.
  // The department's own 类 first, then every other 类 (large sizes need the code space: 25 类 × 88 款).
  const synLei = [mainLei, '201', '212', '213', '224', ...CLASS_NAMES.map(([c]) => c).filter((c) => ![mainLei, '201', '212', '213', '224', '223'].includes(c))];
  let made = 0;
  let slot = 0;
  for (let k = 0; made < extraItems; k++) {
    const leiCode = synLei[k % synLei.length];
    let kuanCode;
    do {
      kuanCode = `${leiCode}${String(10 + Math.floor(slot++ / synLei.length)).padStart(2, '0')}`;
      if (Number(kuanCode.slice(3)) > 98) throw new Error('size too large for the synthetic code space');
    } while (tree.get(leiCode)?.kuan.has(kuanCode));
    // Unique names (a repeated name with another value would be a real fact conflict).
    const w = SYN_WORDS.length;
    const a = k % w;
    const b = Math.floor(k / w);
    const kuanName = `${SYN_WORDS[a]}${SYN_WORDS[(a + (b % w) + 1) % w]}${b >= w ? SYN_WORDS[Math.floor(b / w) % w] : ''}事务`;
    const n = Math.min(extraItems - made, rng.int(3, SYN_ITEMS.length));
    for (let j = 0; j < n; j++) {
      const kind = j === 0 ? 'run' : 'project';
      const name = `${kuanName.replace('事务', '')}${SYN_ITEMS[j % SYN_ITEMS.length]}`;
      const code = `${kuanCode}${String(j + 1).padStart(2, '0')}`;
      addItem(leiCode, kuanCode, kuanName, { code, name, kind, ...amount(kind, kind === 'run' ? [20, 200] : undefined) });
      made++;
    }
  }
  // Order like the tables: by code.
  const classes = [...tree.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const c of classes) {
    c.kuans = [...c.kuan.values()].sort((a, b) => a.code.localeCompare(b.code));
    for (const k of c.kuans) k.items.sort((a, b) => a.code.localeCompare(b.code));
  }
  const sumOf = (list, key) => list.reduce((a, x) => a + x[key], 0);
  for (const c of classes) {
    for (const k of c.kuans) for (const key of ['basic', 'project', 'total', 'budget', 'prior']) k[key] = sumOf(k.items, key);
    for (const key of ['basic', 'project', 'total', 'budget', 'prior']) c[key] = sumOf(c.kuans, key);
  }
  const totals = {};
  for (const key of ['basic', 'project', 'total', 'budget', 'prior']) totals[key] = sumOf(classes, key);

  // 基本支出 by 经济分类: the X15 cells equal their 项, the rest of 基本支出 spread over the others.
  const items = classes.flatMap((c) => c.kuans.flatMap((k) => k.items));
  const econ = new Map();
  for (const it of items) if (it.econ) econ.set(it.econ, (econ.get(it.econ) ?? 0) + it.basic);
  const rest = totals.basic - [...econ.values()].reduce((a, b) => a + b, 0);
  const publicShare = 0.06 + rng.next() * 0.1;
  const publicTotal = Math.round(rest * publicShare); // 公用经费 (302)
  const retireTotal = rng.chance(0.5) ? Math.round(rest * 0.02) : 0; // 303
  const otherStaff = rest - publicTotal - retireTotal;
  const staffCodes = ECON_301.map(([c]) => c).filter((c) => !econ.has(c));
  rng.split(otherStaff, staffCodes.length).forEach((v, i) => econ.set(staffCodes[i], v));
  const retireCodes = ['30302', '30305'];
  if (retireTotal > 0) rng.split(retireTotal, retireCodes.length).forEach((v, i) => econ.set(retireCodes[i], v));
  // Not every 302 item is used; 三公 items are optional (出国 rarely).
  const used302 = ECON_302.map(([c]) => c).filter((c) => c !== '30212' && (['30201', '30211', '30228', '30299'].includes(c) || rng.chance(0.5)));
  rng.split(publicTotal, used302.length).forEach((v, i) => econ.set(used302[i], v));
  const econTotal = (codes) => codes.reduce((a, c) => a + (econ.get(c) ?? 0), 0);
  const e301 = econTotal(ECON_301.map(([c]) => c));
  const e302 = econTotal(ECON_302.map(([c]) => c));
  const e303 = econTotal(ECON_303.map(([c]) => c));

  // 三公: 决算 = the 06 cells (tables.md X12); 预算 = a little more; prior year for YoY.
  const sg = {
    abroad: { actual: 0, budget: 0, prior: 0 },
    car: { actual: econ.get('30231') ?? 0 },
    reception: { actual: econ.get('30217') ?? 0 },
  };
  for (const part of [sg.car, sg.reception]) {
    part.budget = part.actual === 0 ? (rng.chance(0.5) ? rng.fen(0.5, 2) : 0) : Math.round(part.actual * (1 + rng.next() * 0.25));
    part.prior = part.actual === 0 ? 0 : Math.round(part.actual * (0.75 + rng.next() * 0.5));
  }
  const cars = sg.car.actual > 0 ? rng.int(1, 4) : 0;
  const receptions = sg.reception.actual > 0 ? rng.int(2, 30) : 0;

  // 政府采购: 货物 / 工程 / 服务; 中小企业 ≤ 合计, 小微 ≤ 中小.
  const goods = rng.fen(1, 60);
  const works = rng.chance(0.3) ? rng.fen(5, 200) : 0;
  const services = rng.fen(1, 120);
  const procurement = goods + works + services;
  const sme = rng.chance(0.5) ? procurement : Math.round(procurement * (0.6 + rng.next() * 0.4));
  const micro = rng.chance(0.5) ? sme : Math.round(sme * (0.5 + rng.next() * 0.5));

  return {
    name: `${place}${dept.name}`,
    classes,
    items,
    totals,
    econ,
    e301,
    e302,
    e303,
    publicPrior: Math.round(e302 * (0.8 + rng.next() * 0.4)),
    sg,
    cars,
    receptions,
    procurement: { goods, works, services, total: procurement, sme, micro },
  };
}

// ---------------------------------------------------------------- rendering

function cell(fen) {
  return fen === 0 ? '' : fmt(wan(fen));
}

/** Writes a table as TSV lines or as a Markdown pipe table; `marks` = per-row, per-column target categories. */
function table(b, markdown, header, rows) {
  const esc = (s) => s.replace(/\|/g, '\\|');
  const width = Math.max(...header.map((h) => h.length), ...rows.map((r) => r.cells.length));
  const writeRow = (cells, marks = {}) => {
    const padded = [...cells, ...Array(width - cells.length).fill('')];
    if (markdown) b.add('|');
    padded.forEach((c, i) => {
      if (markdown) b.add(' ');
      else if (i > 0) b.add('\t');
      if (marks[i] && c !== '') b.mark(marks[i].category, c, marks[i].info);
      else b.add(markdown ? esc(c) : c);
      if (markdown) b.add(' |');
    });
    b.add('\n');
  };
  header.forEach((h, i) => {
    writeRow(h);
    if (markdown && i === 0) b.line('|', ' --- |'.repeat(width));
  });
  for (const r of rows) writeRow(r.cells, r.marks);
  b.add('\n');
}

function tableTitle(b, markdown, title, code, unit = true) {
  b.para(markdown ? `### ${title}` : title).para(code);
  if (unit) b.para('金额单位：万元');
}

function renderTables(b, data, md, year) {
  const { classes, totals } = data;
  const total = totals.total;
  const classRow = (c) => classes.find((x) => x.code === c);
  // 公开01
  tableTitle(b, md, '收入支出决算总表', '公开01表');
  const incomeRows = ['一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '三、国有资本经营预算财政拨款收入', '四、上级补助收入', '五、事业收入', '六、经营收入', '七、附属单位上缴收入', '八、其他收入'];
  const rows01 = CLASS_NAMES.map(([code, name], i) => {
    const c = classRow(code);
    return { cells: [incomeRows[i] ?? '', String(i + 1), i === 0 ? cell(total) : '', `${CN[i]}、${name}`, String(32 + i), c ? cell(c.total) : ''] };
  });
  rows01.push({ cells: ['本年收入合计', '27', cell(total), '本年支出合计', '58', cell(total)] });
  rows01.push({ cells: ['使用非财政拨款结余(含专用结余)', '28', '', '结余分配', '59', ''] });
  rows01.push({ cells: ['年初结转和结余', '29', '', '年末结转和结余', '60', ''] });
  rows01.push({ cells: ['总计', '31', cell(total), '总计', '62', cell(total)] });
  table(b, md, [['收入', '', '', '支出', '', ''], ['项目', '行次', '金额', '项目', '行次', '金额'], ['栏次', '', '1', '栏次', '', '2']], rows01);

  // 公开02, 03, 05: 功能分类 rows; 项 cells are mutation targets (they feed 款 = Σ 项).
  const fnRows = (values) => {
    const out = [{ cells: ['合计', '', ...values(totals)] }];
    for (const c of classes) {
      out.push({ cells: [c.code, c.name, ...values(c)] });
      for (const k of c.kuans) {
        out.push({ cells: [k.code, k.name, ...values(k)] });
        for (const it of k.items) {
          const cells = values(it);
          const marks = {};
          cells.forEach((_, i) => (marks[i + 2] = { category: 'table-cell', info: { code: it.code } }));
          out.push({ cells: [it.code, it.name, ...cells], marks });
        }
      }
    }
    return out;
  };
  tableTitle(b, md, '收入决算表', '公开02表');
  table(b, md, [['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'], ['功能分类科目代码', '科目名称'], ['', '栏次', '1', '2', '3', '4', '5', '6', '7']], fnRows((x) => [cell(x.total), cell(x.total)]));
  tableTitle(b, md, '支出决算表', '公开03表');
  table(b, md, [['项目', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'], ['功能分类科目代码', '科目名称'], ['栏次', '', '1', '2', '3', '4', '5', '6']], fnRows((x) => [cell(x.total), cell(x.basic), cell(x.project)]));

  // 公开04
  tableTitle(b, md, '财政拨款收入支出决算总表', '公开04表');
  const inc04 = ['一、一般公共预算财政拨款', '二、政府性基金预算财政拨款', '三、国有资本经营预算财政拨款'];
  const rows04 = CLASS_NAMES.map(([code, name], i) => {
    const c = classRow(code);
    return { cells: [inc04[i] ?? '', String(i + 1), i === 0 ? cell(total) : '', `${CN[i]}、${name}`, String(33 + i), c ? cell(c.total) : '', c ? cell(c.total) : '', '', ''] };
  });
  rows04.push({ cells: ['本年收入合计', '27', cell(total), '本年支出合计', '59', cell(total), cell(total), '', ''] });
  rows04.push({ cells: ['年初财政拨款结转和结余', '28', '', '年末财政拨款结转和结余', '60', '', '', '', ''] });
  rows04.push({ cells: ['总计', '32', cell(total), '总计', '64', cell(total), cell(total), '', ''] });
  table(b, md, [['收入', '', '', '支出'], ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], ['栏次', '', '1', '栏次', '', '2', '3', '4', '5']], rows04);

  tableTitle(b, md, '一般公共预算财政拨款支出决算表', '公开05表');
  table(b, md, [['项目', '', '本年支出'], ['功能分类科目代码', '科目名称', '小计', '基本支出', '项目支出'], ['', '栏次', '1', '2', '3']], fnRows((x) => [cell(x.total), cell(x.basic), cell(x.project)]));

  // 公开06: three (代码, 名称, 金额) blocks per line.
  tableTitle(b, md, '一般公共预算财政拨款基本支出决算表', '公开06表');
  const leaf = (code) => ({ category: 'table-cell', info: { code } });
  const block1 = [['301', '工资福利支出', data.e301], ...ECON_301.map(([c, n]) => [c, n, data.econ.get(c) ?? 0, true]), ['303', '对个人和家庭的补助', data.e303], ...ECON_303.map(([c, n]) => [c, n, data.econ.get(c) ?? 0, true])];
  const block2 = [['302', '商品和服务支出', data.e302], ...ECON_302.map(([c, n]) => [c, n, data.econ.get(c) ?? 0, true])];
  const block3 = ECON_OTHER.map(([c, n]) => [c, n, 0]);
  const rows06 = [];
  for (let i = 0; i < Math.max(block1.length, block2.length, block3.length); i++) {
    const cells = [];
    const marks = {};
    [block1, block2, block3].forEach((blk, j) => {
      const e = blk[i];
      cells.push(e?.[0] ?? '', e?.[1] ?? '', e ? cell(e[2]) : '');
      if (e?.[3]) marks[j * 3 + 2] = leaf(e[0]);
    });
    rows06.push({ cells, marks });
  }
  rows06.push({ cells: ['人员经费合计', '', cell(data.e301 + data.e303), '公用经费合计', '', cell(data.e302), '', '', ''] });
  table(b, md, [['科目代码', '科目名称', '金额', '科目代码', '科目名称', '金额', '科目代码', '科目名称', '金额']], rows06);

  for (const [title, code] of [['政府性基金预算财政拨款收入支出决算表', '公开07表'], ['国有资本经营预算财政拨款收入支出决算表', '公开08表']]) {
    tableTitle(b, md, title, code);
    b.para(`注：本部门${year}年度没有发生${title.replace('决算表', '')}，故本表无数据。`);
  }

  // 公开09
  const sg = data.sg;
  const half = (k) => {
    const car = sg.car[k];
    return [cell(sg.abroad[k] + car + sg.reception[k]), cell(sg.abroad[k]), cell(car), '', cell(car), cell(sg.reception[k])];
  };
  tableTitle(b, md, '财政拨款“三公”经费支出决算表', '公开09表');
  table(
    b,
    md,
    [
      ['“三公”经费预算数', '', '', '', '', '', '“三公”经费决算数'],
      ['合计', '因公出国（境）费用', '公务用车购置及运行维护费', '', '', '公务接待费', '合计', '因公出国（境）费用', '公务用车购置及运行维护费', '', '', '公务接待费'],
      ['', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', '', '小计', '公务用车购置费', '公务用车运行维护费', ''],
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    ],
    [{ cells: [...half('budget'), ...half('actual')] }],
  );

  // 公开10: 机关运行经费 = 302 of a 行政单位.
  tableTitle(b, md, '机关运行经费支出情况表', '公开10表');
  table(b, md, [['项目', '', '机关运行经费支出决算数'], ['经济分类编码', '经济分类名称']], [
    { cells: ['合计', '', cell(data.e302)] },
    { cells: ['302', '商品和服务支出', cell(data.e302)] },
    ...ECON_302.map(([c, n]) => ({ cells: [c, n, cell(data.econ.get(c) ?? 0)], marks: { 2: leaf(c) } })),
  ]);

  // 公开11
  const p = data.procurement;
  tableTitle(b, md, '政府采购支出情况表', '公开11表');
  table(b, md, [['政府采购支出信息', '行次', '金额']], [
    { cells: ['（一）政府采购支出合计', '1', cell(p.total)] },
    { cells: ['1. 政府采购货物支出', '2', cell(p.goods)], marks: { 2: leaf('goods') } },
    { cells: ['2. 政府采购工程支出', '3', cell(p.works)], marks: { 2: leaf('works') } },
    { cells: ['3. 政府采购服务支出', '4', cell(p.services)], marks: { 2: leaf('services') } },
    { cells: ['（二）政府采购授予中小企业合同金额', '5', cell(p.sme)] },
    { cells: ['其中：授予小微企业合同金额', '6', cell(p.micro)] },
  ]);
}

/** `比上年增加Δ万元，增长r%` from published current and prior values (Δ and r from them, as authors do). */
function yoy(b, current, prior, category = 'yoy-rate') {
  const c = wan(current);
  const p = wan(prior);
  const delta = c.minus(p);
  if (delta.isZero()) return b.add('与上年持平');
  b.add(`比上年${delta.gt(0) ? '增加' : '减少'}`).mark('yoy-delta', fmt(delta.abs())).add('万元');
  if (p.isZero()) return b;
  return b.add(`，${delta.gt(0) ? '增长' : '下降'}`).mark(category, pct(ratio(delta.abs(), p)), { base: fmt(p) }).add('%');
}

/** `年初预算为B万元，支出决算为A万元，完成年初预算的X%` + the reason clause. */
function completion(b, rng, actual, budget) {
  const a = wan(actual);
  const bud = wan(budget);
  b.add('年初预算为').mark('completion-budget', fmt(bud)).add('万元，支出决算为', fmt(a), '万元');
  if (bud.isZero()) return b.add('。');
  const rate = ratio(a, bud);
  b.add('，完成年初预算的').mark('completion-rate', pct(rate)).add('%。');
  // A rate that rounds to 100 with different amounts would make the 大于/小于 clause look wrong; say nothing then.
  if (a.gt(bud) && rate.gt(100)) b.add(`决算数大于预算数的主要原因是${rng.pick(REASONS_UP)}。`);
  else if (a.lt(bud) && rate.lt(100)) b.add(`决算数小于预算数的主要原因是${rng.pick(REASONS_DOWN)}。`);
  return b;
}

/** `A万元，其中：名1B万元，占x%；名2C万元，占y%` with shares of the published values. */
function breakdown(b, parts, { withShares = true, sep = '；', category = 'list-part', base } = {}) {
  const values = parts.map(([, fen]) => wan(fen));
  const sh = withShares ? shares(values, base) : [];
  parts.forEach(([name], i) => {
    if (i > 0) b.add(sep);
    b.add(name).mark(category, fmt(values[i])).add('万元');
    if (withShares) b.add('，占').mark('share', pct(sh[i])).add('%');
  });
  return b;
}

function renderProse(b, rng, data, md, year) {
  const h = (level, text) => b.para(md ? `${'#'.repeat(level + 1)} ${text}` : text);
  const { totals, classes } = data;
  const T = fmt(wan(totals.total));
  h(1, `第三部分 ${year}年度部门决算情况说明`);
  h(2, '一、收入支出决算总体情况说明');
  b.add(`${year}年度收入、支出总计${T}万元，`);
  yoy(b, totals.total, totals.prior).para(`，主要原因是${totals.total > totals.prior ? rng.pick(REASONS_UP) : rng.pick(REASONS_DOWN)}。`);
  h(2, '二、收入决算情况说明');
  b.para(`本年收入合计${T}万元，其中：财政拨款收入${T}万元，占100%。`);
  h(2, '三、支出决算情况说明');
  b.add(`本年支出合计${T}万元，其中：`);
  breakdown(b, [['基本支出', totals.basic], ['项目支出', totals.project]], { base: wan(totals.total) }).para('。');
  h(2, '四、财政拨款收入支出决算总体情况说明');
  b.add(`${year}年度财政拨款收入、支出总计${T}万元，`);
  yoy(b, totals.total, totals.prior).para('。');

  h(2, '五、一般公共预算财政拨款支出决算情况说明');
  h(3, '（一）一般公共预算财政拨款支出总体情况');
  b.add(`${year}年度一般公共预算财政拨款支出${T}万元，占本年支出合计的100%，`);
  yoy(b, totals.total, totals.prior).para('。');
  h(3, '（二）一般公共预算财政拨款支出结构情况');
  b.add(`${year}年度一般公共预算财政拨款支出${T}万元，主要用于以下方面：`);
  breakdown(b, classes.map((c) => [`${c.name}（类）`, c.total]), { base: wan(totals.total) }).para('。');
  h(3, '（三）一般公共预算财政拨款支出决算具体情况');
  b.add(`${year}年度一般公共预算财政拨款支出`);
  completion(b, rng, totals.total, totals.budget).para('其中：');
  classes.forEach((c, ci) => {
    b.para(`${ci + 1}. ${c.name}（类）`);
    let n = 0;
    for (const k of c.kuans) {
      for (const it of k.items) {
        b.add(`（${++n}）${k.name}（款）${it.name}（项）。`);
        completion(b, rng, it.total, it.budget).para();
      }
    }
  });
  h(3, '（四）一般公共预算财政拨款支出增减变化情况');
  classes.forEach((c, ci) => {
    b.add(`${ci + 1}. ${c.name}（类）${fmt(wan(c.total))}万元，`);
    yoy(b, c.total, c.prior).para('。');
  });

  h(2, '六、一般公共预算财政拨款基本支出决算情况说明');
  b.add(`${year}年度一般公共预算财政拨款基本支出${fmt(wan(totals.basic))}万元，其中：`);
  breakdown(b, [['人员经费', data.e301 + data.e303], ['公用经费', data.e302]], { withShares: false, sep: '，主要包括基本工资、津贴补贴、奖金、社会保障缴费、住房公积金等；' });
  b.para('，主要包括办公费、差旅费、工会经费、其他商品和服务支出等。');
  h(2, '七、政府性基金预算财政拨款收入支出决算情况说明');
  b.para(`${year}年度，本部门没有发生政府性基金预算财政拨款收入支出相关情况。`);
  h(2, '八、国有资本经营预算财政拨款收入支出决算情况说明');
  b.para(`${year}年度，本部门没有发生国有资本经营预算财政拨款收入支出相关情况。`);

  // 九、三公
  const sg = data.sg;
  const sgActual = sg.abroad.actual + sg.car.actual + sg.reception.actual;
  const sgBudget = sg.abroad.budget + sg.car.budget + sg.reception.budget;
  const sgPrior = sg.abroad.prior + sg.car.prior + sg.reception.prior;
  h(2, '九、财政拨款“三公”经费支出决算情况说明');
  h(3, '（一）“三公”经费支出总体情况说明');
  b.add(`${year}年度“三公”经费支出预算为${fmt(wan(sgBudget))}万元，支出决算为`).mark('list-total', fmt(wan(sgActual))).add('万元');
  if (sgBudget > 0) b.add('，完成预算的').mark('completion-rate', pct(ratio(wan(sgActual), wan(sgBudget)))).add('%');
  b.add('，其中：');
  const parts = [['因公出国（境）费用', sg.abroad], ['公务用车购置及运行维护费', sg.car], ['公务接待费', sg.reception]];
  parts.forEach(([name, v], i) => {
    if (i > 0) b.add('；');
    b.add(`${name}预算${fmt(wan(v.budget))}万元，支出决算为`).mark('list-part', fmt(wan(v.actual))).add('万元');
    if (v.budget > 0) b.add('，完成预算的').mark('completion-rate', pct(ratio(wan(v.actual), wan(v.budget)))).add('%');
  });
  b.para('。');
  h(3, '（二）“三公”经费支出具体执行情况说明');
  if (sgActual > 0) {
    b.add(`${year}年度“三公”经费支出决算中，`);
    breakdown(b, parts.map(([name, v]) => [`${name}支出决算`, v.actual]), { base: wan(sgActual) }).para('。');
  }
  b.para(`1. 因公出国（境）费用支出0万元。全年使用财政拨款安排因公出国（境）团组0个，0人次。`);
  b.para(`2. 公务用车购置及运行维护费支出${fmt(wan(sg.car.actual))}万元。其中：公务用车购置支出0万元，购置公务用车0辆；公务用车运行维护费支出${fmt(wan(sg.car.actual))}万元，公务用车保有量为${data.cars}辆。`);
  b.para(`3. 公务接待费支出${fmt(wan(sg.reception.actual))}万元，国内公务接待${data.receptions}批次。`);
  h(3, '（三）“三公”经费增减变化情况说明');
  b.add(`${year}年度“三公”经费支出决算数`);
  yoy(b, sgActual, sgPrior).para('。');

  h(2, '十、机关运行经费支出情况说明');
  b.add(`${year}年度，机关运行经费支出${fmt(wan(data.e302))}万元，`);
  yoy(b, data.e302, data.publicPrior).para('。');

  h(2, '十一、政府采购支出情况说明');
  const p = data.procurement;
  b.add(`${year}年度，本部门政府采购支出总额${fmt(wan(p.total))}万元，其中：`);
  breakdown(b, [['政府采购货物支出', p.goods], ['政府采购工程支出', p.works], ['政府采购服务支出', p.services]], { withShares: false, sep: '、' });
  b.add(`。授予中小企业合同金额${fmt(wan(p.sme))}万元，占政府采购支出总额的`).mark('share', pct(ratio(wan(p.sme), wan(p.total)))).add('%');
  b.add(`，其中：授予小微企业合同金额${fmt(wan(p.micro))}万元，占授予中小企业合同金额的`).mark('share', pct(ratio(wan(p.micro), wan(p.sme)))).para('%。');

  h(2, '十二、国有资产占用情况说明');
  b.para(`截至${year}年12月31日，本部门共有车辆${data.cars}辆，其中：一般公务用车${data.cars}辆。单位价值100万元以上专用设备0台（套）。`);
  h(1, '第四部分 名词解释');
  b.para('1. 财政拨款收入：指本级财政当年拨付的资金。');
  b.para('2. 基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。');
  b.para('3. 项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。');
  b.para('4. “三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。');
}

function renderReport(seed, extraItems, { markdown = false, tables = true, year = 2024 } = {}) {
  const rng = new Rng(seed);
  const data = buildData(rng, extraItems);
  const b = new Builder();
  const h = (level, text) => b.para(markdown ? `${'#'.repeat(level + 1)} ${text}` : text);
  if (markdown) b.para(`# ${data.name}${year}年度部门决算`);
  else b.para(data.name).para(`${year}年度部门决算`);
  h(1, '第一部分 部门概况');
  h(2, '一、部门职责');
  b.para(`${data.name}贯彻落实党中央关于本领域工作的方针政策和决策部署，负责拟订并组织实施本行政区域相关工作的规划、政策和标准，承担行业监督管理和公共服务职责，完成区委、区政府交办的其他任务。`);
  h(2, '二、机构设置情况');
  b.para(`纳入${year}年度决算编制范围的预算单位共计1个，具体包括：${data.name}本级。`);
  if (tables) {
    h(1, `第二部分 ${year}年度部门决算公开报表`);
    b.para('（本套报表金额单位转换时可能存在尾数误差）');
    renderTables(b, data, markdown, year);
  }
  renderProse(b, rng, data, markdown, year);
  return { text: b.toString(), targets: b.targets, data };
}

// ---------------------------------------------------------------- self-check (decimal arithmetic)

/** Re-verifies the generated relations from the published figures; throws on any inconsistency. */
function verify(data) {
  const tol = (n) => new D('0.005').times(n + 1);
  const check = (total, parts, what) => {
    const sum = parts.reduce((a, p) => a.plus(wan(p)), new D(0));
    if (wan(total).minus(sum).abs().gt(tol(parts.length))) throw new Error(`generator inconsistency: ${what}`);
  };
  const { classes, totals } = data;
  for (const key of ['total', 'basic', 'project', 'budget', 'prior']) {
    check(totals[key], classes.map((c) => c[key]), `合计 ${key}`);
    for (const c of classes) {
      check(c[key], c.kuans.map((k) => k[key]), `${c.code} ${key}`);
      for (const k of c.kuans) check(k[key], k.items.map((i) => i[key]), `${k.code} ${key}`);
    }
  }
  for (const it of data.items) if (it.basic + it.project !== it.total) throw new Error(`row ${it.code}`);
  const e = (codes) => codes.map(([c]) => data.econ.get(c) ?? 0);
  check(data.e301, e(ECON_301), '301');
  check(data.e302, e(ECON_302), '302');
  check(totals.basic, [data.e301, data.e302, data.e303], '基本支出 = 人员 + 公用');
  const p = data.procurement;
  check(p.total, [p.goods, p.works, p.services], '政府采购');
  if (p.micro > p.sme || p.sme > p.total) throw new Error('政府采购 中小/小微');
}

/**
 * A report of roughly `size` bytes (UTF-8). Options: seed, size (default ~30 KB), markdown (Markdown
 * headings and pipe tables), tables (include 公开01–11), year. Returns { text, targets, data }.
 */
export function generateReport({ seed = 1, size = 30_000, markdown = false, tables = true, year = 2024 } = {}) {
  const bytes = (r) => Buffer.byteLength(r.text, 'utf8');
  const opts = { markdown, tables, year };
  let extra = 0;
  let report = renderReport(seed, extra, opts);
  const base = bytes(report);
  if (base < size) {
    const probe = renderReport(seed, 40, opts);
    const perItem = Math.max(1, (bytes(probe) - base) / 40);
    extra = Math.max(0, Math.round((size - base) / perItem));
    report = renderReport(seed, extra, opts);
    // One correction step: the per-item cost is only an estimate.
    const err = size - bytes(report);
    if (Math.abs(err) > size * 0.03) {
      extra = Math.max(0, extra + Math.round(err / perItem));
      report = renderReport(seed, extra, opts);
    }
  }
  verify(report.data);
  return report;
}
