// Exact money helpers and the derived figures of one department's final accounts.
// Amounts are BigInt hundredths of the report's unit (分 of 万元 or of 元); every derived number is
// computed from them, so a generated report is consistent by construction.

export const M = (s) => {
  if (typeof s === 'bigint') return s;
  if (s === undefined || s === null || s === '') return 0n;
  let t = String(s).replace(/,/g, '');
  const neg = t.startsWith('-');
  if (neg) t = t.slice(1);
  const [i, f = ''] = t.split('.');
  const v = BigInt(i || '0') * 100n + BigInt((f + '00').slice(0, 2));
  return neg ? -v : v;
};
export const sum = (xs) => xs.reduce((a, b) => a + b, 0n);

/** 1234567n → "12,345.67" (sep) or "12345.67". */
export function fmt(v, sep = false) {
  const neg = v < 0n;
  if (neg) v = -v;
  let i = (v / 100n).toString();
  const f = (v % 100n).toString().padStart(2, '0');
  if (sep) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${i}.${f}`;
}

/** part / base in percent, two decimals, rounded half-up; "" when base is 0. */
export function pct(part, base) {
  if (base === 0n) return '';
  const neg = part < 0n !== base < 0n && part !== 0n;
  const p = part < 0n ? -part : part;
  const b = base < 0n ? -base : base;
  const v = (2n * p * 10000n + b) / (2n * b); // hundredths of a percent
  return `${neg ? '-' : ''}${v / 100n}.${(v % 100n).toString().padStart(2, '0')}`;
}

/** Year-over-year: { d: |Δ| formatted later, up: bool, rate: "x.xx" } */
export function yoy(cur, prior) {
  const d = cur - prior;
  return { d: d < 0n ? -d : d, up: d > 0n, flat: d === 0n, rate: prior === 0n ? '' : pct(d < 0n ? -d : d, prior) };
}

export const CLASS_ROWS = [
  ['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'], ['205', '教育支出'],
  ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'],
  ['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'], ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'], ['216', '商业服务业等支出'], ['217', '金融支出'], ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'], ['222', '粮油物资储备支出'], ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'], ['229', '其他支出'], ['231', '债务还本支出'], ['232', '债务付息支出'],
  ['234', '抗疫特别国债安排的支出'],
];
export const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六'];

export const ECON = {
  '301': '工资福利支出', '30101': '基本工资', '30102': '津贴补贴', '30103': '奖金', '30106': '伙食补助费', '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费', '30109': '职业年金缴费', '30110': '职工基本医疗保险缴费', '30111': '公务员医疗补助缴费',
  '30112': '其他社会保障缴费', '30113': '住房公积金', '30114': '医疗费', '30199': '其他工资福利支出',
  '302': '商品和服务支出', '30201': '办公费', '30202': '印刷费', '30203': '咨询费', '30204': '手续费', '30205': '水费', '30206': '电费',
  '30207': '邮电费', '30208': '取暖费', '30209': '物业管理费', '30211': '差旅费', '30212': '因公出国（境）费用', '30213': '维修（护）费',
  '30214': '租赁费', '30215': '会议费', '30216': '培训费', '30217': '公务接待费', '30218': '专用材料费', '30226': '劳务费',
  '30227': '委托业务费', '30228': '工会经费', '30229': '福利费', '30231': '公务用车运行维护费', '30239': '其他交通费用',
  '30299': '其他商品和服务支出',
  '303': '对个人和家庭的补助', '30301': '离休费', '30302': '退休费', '30304': '抚恤金', '30305': '生活补助', '30307': '医疗费补助',
  '30308': '助学金', '30309': '奖励金', '30399': '其他对个人和家庭的补助',
  '310': '资本性支出', '31002': '办公设备购置', '31003': '专用设备购置', '31007': '信息网络及软件购置更新', '31013': '公务用车购置',
};

const X15 = [[['2080505'], '30108'], [['2080506'], '30109'], [['2101101', '2101102'], '30110'], [['2101103'], '30111'], [['2210201'], '30113']];

/** Derive every figure of the report from the input data. */
export function derive(d) {
  const items = d.items.map((it) => {
    const o = { ...it };
    for (const k of ['gpB', 'gpP', 'gfP', 'nB', 'nP', 'op', 'dGp', 'dGf', 'gfOpen', 'sy', 'jy', 'qt', 'sj', 'budget']) o[k] = M(it[k]);
    return o;
  });
  const s = { ...d.sangong };
  for (const h of ['budget', 'actual', 'prior']) s[h] = Object.fromEntries(Object.entries(d.sangong[h]).map(([k, v]) => [k, M(v)]));
  // 06: the economic cells. Mapped 社保/公积金 codes come from the 05 基本支出 of their 项; 三公 codes from the 三公 决算.
  const econ = Object.fromEntries(Object.entries(d.econ).map(([k, v]) => [k, M(v)]));
  for (const [codes, code] of X15) {
    const v = sum(items.filter((i) => codes.includes(i.code)).map((i) => i.gpB));
    if (v > 0n) econ[code] = v;
  }
  if (s.actual.abroad) econ['30212'] = s.actual.abroad;
  if (s.actual.recep) econ['30217'] = s.actual.recep;
  if (s.actual.run) econ['30231'] = s.actual.run;
  if (s.actual.buy) econ['31013'] = s.actual.buy;
  const leaves = Object.entries(econ).filter(([k]) => k.length === 5);
  const group = (g) => sum(leaves.filter(([k]) => k.startsWith(g)).map(([, v]) => v));
  const e = { leaves: Object.fromEntries(leaves), g301: group('301'), g302: group('302'), g303: group('303'), g310: group('310') };
  e.staff = e.g301 + e.g303;
  e.office = e.g302 + e.g310;
  e.total = e.staff + e.office;
  // The plug 项 (行政运行 or 事业运行) takes the 基本支出 the economic breakdown needs.
  const plug = items.find((i) => i.plug);
  plug.gpB = e.total - sum(items.filter((i) => i !== plug).map((i) => i.gpB));
  if (plug.gpB <= 0n) throw new Error(`${d.id}: plug 基本支出 ${plug.gpB}`);
  for (const i of items) {
    i.gp = i.gpB + i.gpP;
    i.gf = i.gfP;
    i.fiscal = i.gp + i.gf;
    i.basic = i.gpB + i.nB;
    i.project = i.gpP + i.gfP + i.nP;
    i.total = i.basic + i.project + i.op;
    i.gpInc = i.gp + i.dGp;
    i.gfInc = i.gf + i.dGf;
    i.fiscalInc = i.gpInc + i.gfInc;
    i.inc = i.fiscalInc + i.sy + i.jy + i.qt + i.sj;
    i.gfClose = i.gfOpen + i.gfInc - i.gf;
    if (i.gfClose < 0n) throw new Error(`${d.id} ${i.code}: gf close < 0`);
  }
  const keys = ['gpB', 'gpP', 'gfP', 'nB', 'nP', 'op', 'gp', 'gf', 'fiscal', 'basic', 'project', 'total', 'gpInc', 'gfInc', 'fiscalInc', 'inc', 'sy', 'jy', 'qt', 'sj', 'budget', 'gfOpen', 'gfClose'];
  const agg = (list) => Object.fromEntries(keys.map((k) => [k, sum(list.map((i) => i[k]))]));
  // Rows of the 功能分类 tables: 类, 款, 项 in code order, each with aggregated values.
  const codes = new Set();
  for (const i of items) { codes.add(i.code.slice(0, 3)); codes.add(i.code.slice(0, 5)); codes.add(i.code); }
  const rows = [...codes].sort((a, b) => (a + 'zz').localeCompare(b + 'zz') || a.length - b.length).map((code) => ({
    code, name: d.names[code] ?? items.find((i) => i.code === code)?.name, level: code.length === 3 ? 0 : code.length === 5 ? 1 : 2,
    ...agg(items.filter((i) => i.code.startsWith(code))),
  }));
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const T = agg(items);
  const gpOpen = M(d.gpOpen), nfOpen = M(d.nfOpen), useNf = M(d.useNf), alloc = M(d.alloc);
  const gfOpen = T.gfOpen;
  const gpClose = gpOpen + T.gpInc - T.gp;
  const gfClose = T.gfClose;
  const nfInc = T.sy + T.jy + T.qt + T.sj;
  const nfSpend = T.total - T.fiscal;
  const nfClose = nfOpen + nfInc + useNf - nfSpend - alloc;
  if (gpClose < 0n || nfClose < 0n) throw new Error(`${d.id}: negative close ${gpClose} ${nfClose}`);
  const open = gpOpen + gfOpen + nfOpen;
  const close = gpClose + gfClose + nfClose;
  const incTotal = T.inc + useNf + open;
  const outTotal = T.total + alloc + close;
  if (incTotal !== outTotal) throw new Error(`${d.id}: 总计 ${incTotal} ≠ ${outTotal}`);
  const fiscalTotalIn = T.fiscalInc + gpOpen + gfOpen;
  const fiscalTotalOut = T.fiscal + gpClose + gfClose;
  if (fiscalTotalIn !== fiscalTotalOut) throw new Error(`${d.id}: 财政拨款总计`);
  // 三公 subtotals.
  for (const h of ['budget', 'actual', 'prior']) {
    const x = s[h];
    for (const k of ['abroad', 'buy', 'run', 'recep']) x[k] = x[k] ?? 0n;
    x.car = x.buy + x.run;
    x.total = x.abroad + x.car + x.recep;
  }
  const jg = d.jgyx === 'office302'
    ? Object.fromEntries(leaves.filter(([k]) => k.startsWith('302')))
    : Object.fromEntries(Object.entries(d.jgyx ?? {}).map(([k, v]) => [k, M(v)]));
  for (const [k, v] of Object.entries(jg)) if (v > (e.leaves[k] ?? 0n)) throw new Error(`${d.id}: 10 ${k} > 06`);
  const jgTotal = sum(Object.values(jg));
  const pr = Object.fromEntries(Object.entries(d.procure).map(([k, v]) => [k, M(v)]));
  pr.total = pr.goods + pr.works + pr.services;
  if (pr.small > pr.sme || pr.sme > pr.total) throw new Error(`${d.id}: 采购`);
  const prior = Object.fromEntries(Object.entries(d.prior).map(([k, v]) => [k, M(v)]));
  return { d, items, rows, T, econ: e, s, jg, jgTotal, pr, prior, gpOpen, gfOpen, nfOpen, useNf, alloc, gpClose, gfClose, nfClose, open, close, incTotal, outTotal, fiscalTotal: fiscalTotalIn, nfInc, nfSpend };
}

// Table renderers: rows of cells → TSV or Markdown pipe table.
export const tsv = (rows) => rows.map((r) => r.join('\t')).join('\n');
export function md(rows, headRows = 1) {
  const w = Math.max(...rows.map((r) => r.length));
  const line = (r) => '| ' + r.concat(Array(w - r.length).fill('')).join(' | ') + ' |';
  // Markdown has one header row: the other header rows of the form follow the separator, as converters write them.
  const out = [line(rows[0]), '|' + Array(w).fill('---').join('|') + '|'];
  for (const r of rows.slice(1)) out.push(line(r));
  return out.join('\n');
}
