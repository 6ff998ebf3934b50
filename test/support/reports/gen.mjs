// Six whole 部门决算公开 reports in other places' templates (a provincial department with 二级单位, a
// municipal bureau, a county 事业单位 in 元, a school, a 差额 hospital with 事业/经营收入, a department
// without 政府性基金), consistent by construction (exact BigInt cents, shares rounded half-up), and
// three slips each. `node test/support/reports/gen.mjs <dir>` writes them out for reading.
import { writeFileSync, mkdirSync } from 'node:fs';
import { DATA } from './data.mjs';
import { derive, fmt, pct, sum } from './lib.mjs';
import { tables } from './tables.mjs';
import { prose } from './prose.mjs';

const N13 = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];
const TERMS = `1.财政拨款收入：指单位从同级财政部门取得的财政预算资金，包括一般公共预算财政拨款和政府性基金预算财政拨款。
2.事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。
3.其他收入：指单位取得的除上述收入以外的各项收入。
4.年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。
5.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。
6.项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。
7.“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。
8.机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。`;

function build(d) {
  const R = derive(d);
  const T = R.T;
  const W = (x, sep) => `${fmt(x, sep)}${d.unit}`;
  let st, v, head;
  const base = { n: N13, why: ['高标准农田建设项目资金增加', '中央转移支付项目资金增加', '项目资金增加', '严格落实过紧日子要求'], chg: 'bi', sangongWhy: '决算数小于预算数的主要原因是严格执行中央八项规定精神，压减一般性支出。' };
  switch (d.id) {
    case 'A': {
      const units = [['厅本级', M2(R, 0.52)], ['省农业技术推广总站', M2(R, 0.31)]];
      units.push(['省种子管理站', T.total - units[0][1] - units[1][1]]);
      st = { format: 'tsv', allClassRows: true, note08: '注：本部门2024年度没有国有资本经营预算财政拨款收入支出，故本表无数据。' };
      v = { ...base, who: '本部门', totalParts: true, incomeStyle: 'numbered', byUnit: units, allFundsStaff: [R.econ.staff + 20_00n, R.econ.office + 5_60n],
        fiscalParts: true, gfUse: '农村公益事业', unitSplit: [units[0][0], units[0][1], 2_456_78n], jgScope: '本部门（厅本级和省农业技术推广总站）' };
      head = `${d.name}2024年度部门决算

目录
第一部分 部门概况
第二部分 2024年度部门决算表
第三部分 2024年度部门决算情况说明
第四部分 名词解释

第一部分 部门概况

一、主要职能
贯彻执行党中央关于“三农”工作的方针政策和决策部署，统筹研究和组织实施全省“三农”工作的发展战略、中长期规划和重大政策。

二、部门决算单位构成
纳入本部门2024年度部门决算编制范围的单位共3个，包括：厅本级（行政单位）、省农业技术推广总站（参照公务员法管理事业单位）、省种子管理站（公益一类事业单位）。本报告所列数据为部门汇总数（含厅本级及所属二级单位）。

三、人员构成
本部门编制总数286人，其中：行政编制126人，事业编制160人。年末实有在职人员271人，其中：行政人员118人，事业人员153人。离退休人员198人，其中：离休人员3人，退休人员195人。

第二部分 2024年度部门决算表

（本部分报表金额单位：万元，转换时可能存在尾数误差）`;
      break;
    }
    case 'B':
      st = { format: 'md', note07: '' };
      v = { ...base, md: true, who: '本局', chg: 'jiao', incomeStyle: 'inline', gpBase: 'fiscal', structStyle: 'list', procShares: true,
        why: ['食品安全监管项目经费增加', '食品安全监管项目资金增加', '食品药品抽检任务增加', '办公费、水电费等公用支出减少'] };
      head = `# ${d.name}2024年度部门决算公开

## 第一部分 部门概况

### 一、部门职责
负责全市市场综合监督管理，组织实施质量强市战略，负责食品、药品、特种设备安全监督管理。

### 二、机构设置
本局内设科室14个，下设派出机构（市场监督管理所）9个。纳入2024年度部门决算编制范围的单位1个，即本局本级（含派出机构）。

### 三、人员情况
年末在职人员编制125人，实有在职人员118人，其中：行政人员106人，工勤人员12人。退休人员36人。

## 第二部分 2024年度部门决算表`;
      break;
    case 'C':
      st = { format: 'tsv', sep: true, zero: '0.00', allClassRows: false, note07: '注：本单位2024年度无政府性基金预算财政拨款收入、支出，本表为空表。', note08: '注：本单位2024年度无国有资本经营预算财政拨款收入、支出，本表为空表。', note10: '注：本单位为公益一类事业单位，不涉及机关运行经费，本表为空表。' };
      v = { ...base, sep: true, who: '本单位', chg: 'tongbi', incomeStyle: 'inline', spendLead: '2024年度',
        why: ['农业生产发展项目资金增加', '农业生产发展项目资金增加', '人员调资', ''], jgText: '本单位为公益一类事业单位，不涉及机关运行经费。' };
      head = `${d.name}2024年度单位决算

第一部分 单位概况

一、主要职责
承担全县农业新技术、新品种的引进、试验、示范和推广工作，开展农业技术培训和农业信息服务。

二、单位构成
本单位为县农业农村局所属公益一类事业单位，无下属单位。纳入2024年度决算编制范围的单位1个。年末实有在职人员23人，退休人员9人。

第二部分 2024年度单位决算表

（本部分报表金额单位：元）`;
      break;
    case 'D':
      st = { format: 'md', indent: false, note08: '注：本表无数据。', note10: '注：本单位为事业单位，无机关运行经费。' };
      v = { ...base, md: true, who: '本校', chg: 'prior', chg2: 'bi', incomeStyle: 'numbered', structStyle: 'inline', shareWord: '本年支出合计的',
        why: ['教学设施改善项目支出增加', '上级补助的义务教育资助资金增加', '教职工基本工资调整', ''], gfUse: '学校体育设施和学生资助',
        jgText: '本校为公益二类事业单位，机关运行经费不适用。', allFundsStaff: [R.econ.staff + 186_50n - 40_00n, R.econ.office + 40_00n] };
      head = `# ${d.name}2024年度部门决算

## 第一部分 学校概况

### 一、主要职能
实施普通高中学历教育，兼办初中教育，促进基础教育发展。

### 二、机构设置及人员情况
本校为市教育局所属公益二类事业单位，设教学班48个。年末在校学生2,356人，其中：高中学生1,862人，初中学生494人。在职教职工216人，其中：专任教师198人，其他人员18人。

## 第二部分 2024年度部门决算表`;
      break;
    case 'E':
      st = { format: 'tsv', zero: '-', allClassRows: true, note07: '注：本单位2024年度无政府性基金预算财政拨款收入支出，故本表无数据。', note08: '注：本单位2024年度无国有资本经营预算财政拨款收入支出，故本表无数据。', note10: '注：本单位为差额拨款事业单位，不涉及机关运行经费。' };
      v = { ...base, who: '本院', totalParts: true, zeros: false, incomeStyle: 'inline', fiscalParts: true, chg: 'tongbi',
        why: ['门诊、住院业务量增加，事业收入增长', '公共卫生服务项目资金增加', '基本公共卫生服务经费标准提高', ''],
        jgText: '本院为差额拨款事业单位，不涉及机关运行经费。', allFundsStaff: [R.econ.staff + 2_100_00n, R.econ.office + 765_40n] };
      head = `${d.name}2024年度部门决算

第一部分 单位概况

一、单位职责
承担全县妇女儿童保健、孕产期保健、儿童保健、妇女病筛查、出生缺陷防治等公共卫生服务，开展妇幼健康相关的基本医疗服务。

二、单位性质及人员情况
本院为县卫生健康局所属差额拨款公益二类事业单位，核定床位120张。年末在职职工186人，其中：卫生技术人员158人，其他人员28人。

第二部分 2024年度部门决算表

（金额单位：万元）`;
      break;
    case 'F':
      st = { format: 'md', note07: '注：本部门2024年度没有政府性基金预算财政拨款收入、支出，故本表为空表。', note08: '注：本部门2024年度没有国有资本经营预算财政拨款收入、支出，故本表为空表。' };
      v = { ...base, md: true, who: '本部门', chg: 'bi', incomeStyle: 'inline', structStyle: 'inline', totalParts: true,
        why: ['社区矫正项目经费增加', '社区矫正项目经费增加', '人员经费增加', '公用经费压减'],
        noGf: '2024年度本部门无政府性基金预算财政拨款收入、支出及结转结余，故《政府性基金预算财政拨款收入支出决算表》以空表列示。' };
      head = `# ${d.name}2024年度部门决算

## 第一部分 部门概况

### 一、主要职能
负责全区法治宣传教育、人民调解、社区矫正、法律援助、公共法律服务体系建设等工作。

### 二、机构设置
本局内设科室6个，下设司法所8个。纳入本部门2024年度部门决算编制范围的单位为本局本级。

## 第二部分 2024年度部门决算表`;
      break;
  }
  const mid = d.id === 'C' ? '第三部分 2024年度单位决算情况说明' : '第三部分 2024年度部门决算情况说明';
  const text = [head, tables(R, st), v.md ? `## ${mid}` : mid, prose(R, v), v.md ? '## 第四部分 名词解释' : '第四部分 名词解释', TERMS].join('\n\n') + '\n';
  return { R, text };
}
/** A share of the 本年支出合计, rounded to cents (the per-unit split of report A). */
function M2(R, f) {
  return (R.T.total * BigInt(Math.round(f * 100))) / 100n;
}

/** Slips: [description, from, to, nth, rule] — the nth occurrence of `from` becomes `to`. */
const SLIPS = {
  A: (R) => [
    ['share of 项目支出 in 支出决算', `占${pctOf(R.T.project, R.T.total)}`, `占${bump(pctOf(R.T.project, R.T.total), 0.3)}`, 0, 'share-mismatch'],
    ['table 03 cell 2130106 项目支出', tcell(R, '2130106', 'project'), tcell(R, '2130106', 'project', 1), 1, 'sum-mismatch'],
    ['三公 total YoY rate', `${rateOf(R.s.actual.total, R.s.prior.total)}%`, `${bump(rateOf(R.s.actual.total, R.s.prior.total), 1)}%`, 0, 'change-mismatch'],
  ],
  B: (R) => [
    ['其中 part 基本支出 in the 支出 section', `基本支出${fmt(R.T.basic)}万元，占`, `基本支出${fmt(R.T.basic + 1000n)}万元，占`, 0, 'sum-mismatch'],
    ['restated 本年收入合计 in 收入 section', `本年收入合计${fmt(R.T.inc)}万元，其中`, `本年收入合计${fmt(R.T.inc + 100n)}万元，其中`, 0, 'text-table-mismatch'],
    ['completion rate of 一般公共预算', `完成年初预算的${pctOf(R.T.gp, sum(R.items.filter((i) => i.gp).map((i) => i.budget)))}`, `完成年初预算的${bump(pctOf(R.T.gp, sum(R.items.filter((i) => i.gp).map((i) => i.budget))), 2)}`, 0, 'completion-mismatch'],
  ],
  C: (R) => [
    ['gp YoY rate', `幅${rateOf(R.T.gp, R.prior.gp)}%`, `幅${bump(rateOf(R.T.gp, R.prior.gp), 0.5)}%`, 0, 'change-mismatch'],
    ['share of 公用经费', `占${pctOf(R.econ.office, R.econ.total)}`, `占${bump(pctOf(R.econ.office, R.econ.total), 1)}`, 0, 'share-mismatch'],
    ['table 06 cell 30101', fmt(R.econ.leaves['30101'], true), fmt(R.econ.leaves['30101'] + 100000n, true), 0, 'rollup-mismatch', '301\t工资福利支出'],
  ],
  D: (R) => [
    ['事业收入 amount in 收入 section', `事业收入${fmt(R.T.sy)}万元`, `事业收入${fmt(R.T.sy + 2000n)}万元`, 0, 'text-table-mismatch'],
    ['class share in structure', `占${pctOf(R.rows.find((r) => r.code === '205').gp, R.T.gp)}`, `占${bump(pctOf(R.rows.find((r) => r.code === '205').gp, R.T.gp), 2)}`, 0, 'share-mismatch'],
    ['政府采购 服务 cell in table 11', `| ${fmt(R.pr.services)} |`, `| ${fmt(R.pr.services + 1000n)} |`, 0, 'sum-mismatch'],
  ],
  E: (R) => [
    ['经营支出 share', `经营支出${fmt(R.T.op)}万元，占${pctOf(R.T.op, R.T.total)}`, `经营支出${fmt(R.T.op)}万元，占${bump(pctOf(R.T.op, R.T.total), 0.5)}`, 0, 'share-mismatch'],
    ['restated 财政拨款收入、支出总计', `财政拨款收入、支出总计${fmt(R.fiscalTotal)}万元`, `财政拨款收入、支出总计${fmt(R.fiscalTotal + 1000n)}万元`, 0, 'change-mismatch'],
    ['03 基本支出 合计 cell', `合计\t\t${fmt(R.T.total)}\t${fmt(R.T.basic)}`, `合计\t\t${fmt(R.T.total)}\t${fmt(R.T.basic + 500n)}`, 0, 'sum-mismatch'],
  ],
  F: (R) => [
    ['机关运行经费 YoY Δ', `机关运行经费支出${fmt(R.jgTotal)}万元，比2023年度减少${fmt(R.prior.jgyx - R.jgTotal)}`, `机关运行经费支出${fmt(R.jgTotal)}万元，比2023年度减少${fmt(R.prior.jgyx - R.jgTotal + 100n)}`, 0, 'change-mismatch'],
    ['人员经费 in 基本支出 section', `人员经费${fmt(R.econ.staff)}万元`, `人员经费${fmt(R.econ.staff - 1000n)}万元`, 0, 'sum-mismatch'],
    ['公务接待费 in 三公 prose vs table', `公务接待费支出决算${fmt(R.s.actual.recep)}万元`, `公务接待费支出决算${fmt(R.s.actual.recep + 10n)}万元`, 0, 'text-table-mismatch'],
  ],
};
const pctOf = (a, b) => `${pct(a, b)}%`;
const rateOf = (c, p) => pct(c > p ? c - p : p - c, p);
function bump(s, by) {
  const pctSign = s.endsWith('%');
  const n = Number.parseFloat(s);
  return (n + by).toFixed(2) + (pctSign ? '%' : '');
}
function tcell(R, code, key, add = 0) {
  const row = R.rows.find((r) => r.code === code);
  return `\t${fmt(row[key] + BigInt(add) * 100n)}\t`;
}

export function all() {
  return DATA.map((d) => {
    const { R, text } = build(d);
    const slips = SLIPS[d.id](R).map(([desc, from, to, nth, rule, atLine]) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) {
        at = text.indexOf(from, at + 1);
        if (at < 0) throw new Error(`${d.id}: no "${from}" #${nth}`);
      }
      const line = text.slice(0, atLine ? text.indexOf(atLine) : at).split('\n').length;
      return { desc, from, to, nth, rule, line };
    });
    return { id: d.id, file: d.file, text, slips };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'reports-out';
  mkdirSync(dir, { recursive: true });
  for (const r of all()) {
    writeFileSync(`${dir}/${r.file}`, r.text);
    writeFileSync(`${dir}/${r.file}.slips.json`, JSON.stringify(r.slips, null, 1));
    console.log(r.file, r.text.length, 'chars', Buffer.byteLength(r.text), 'bytes');
  }
}
