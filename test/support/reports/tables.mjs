// The eleven 公开 tables of a derived report, as TSV or Markdown.
import { fmt, tsv, md, CLASS_ROWS, CN_NUM, ECON, sum } from './lib.mjs';

export function tables(R, st) {
  const { d, rows, T } = R;
  const unit = d.unit;
  const z = st.zero ?? '';
  const v = (x) => (x === 0n || x === undefined ? z : fmt(x, st.sep));
  const render = (r, head) => (st.format === 'md' ? md(r, head) : tsv(r));
  const title = (name, no) => {
    const code = st.codeStyle === 'fu' ? `附表${no}` : `公开${String(no).padStart(2, '0')}表`;
    return st.format === 'md'
      ? `### ${name}\n\n${code}\n\n编制单位：${d.name}　　　　金额单位：${unit}\n`
      : `${name}\n\n${code}\n\n金额单位：${unit}\n`;
  };
  const classRows = st.allClassRows ? CLASS_ROWS : CLASS_ROWS.filter(([c]) => rows.some((r) => r.code === c));
  const classVal = (code, k) => rows.find((r) => r.code === code)?.[k] ?? 0n;
  const out = [];

  // 01
  {
    const inc = [
      ['一、一般公共预算财政拨款收入', T.gpInc], ['二、政府性基金预算财政拨款收入', T.gfInc], ['三、国有资本经营预算财政拨款收入', 0n],
      ['四、上级补助收入', T.sj], ['五、事业收入', T.sy], ['六、经营收入', T.jy], ['七、附属单位上缴收入', 0n], ['八、其他收入', T.qt],
    ];
    const n = Math.max(inc.length, classRows.length);
    const r = [['收入', '', '', '支出', '', ''], ['项目', '行次', '金额', '项目', '行次', '金额'], ['栏次', '', '1', '栏次', '', '2']];
    for (let i = 0; i < n; i++) {
      const a = inc[i];
      const c = classRows[i];
      r.push([a ? a[0] : '', String(i + 1), a ? v(a[1]) : '', c ? `${CN_NUM[i]}、${c[1]}` : '', String(n + 1 + i), c ? v(classVal(c[0], 'total')) : '']);
    }
    const k = n + 1, e = 2 * n + 1;
    r.push(['本年收入合计', String(k), v(T.inc), '本年支出合计', String(e), v(T.total)]);
    r.push(['使用非财政拨款结余(含专用结余)', String(k + 1), v(R.useNf), '结余分配', String(e + 1), v(R.alloc)]);
    r.push(['年初结转和结余', String(k + 2), v(R.open), '年末结转和结余', String(e + 2), v(R.close)]);
    r.push(['总计', String(k + 3), v(R.incTotal), '总计', String(e + 3), v(R.outTotal)]);
    out.push(title('收入支出决算总表', 1), render(r, 3));
  }
  const codeCells = (row) => [row.code, (st.indent ? '　'.repeat(row.level) : '') + row.name];
  // 02
  {
    const r = [['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['功能分类科目代码', '科目名称', '', '', '', '', '', '', ''], ['栏次', '', '1', '2', '3', '4', '5', '6', '7']];
    r.push(['合计', '', v(T.inc), v(T.fiscalInc), v(T.sj), v(T.sy), v(T.jy), '', v(T.qt)]);
    for (const row of rows) r.push([...codeCells(row), v(row.inc), v(row.fiscalInc), v(row.sj), v(row.sy), v(row.jy), '', v(row.qt)]);
    out.push(title('收入决算表', 2), render(r, 3));
  }
  // 03
  {
    const r = [['项目', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['功能分类科目代码', '科目名称', '', '', '', '', '', ''], ['栏次', '', '1', '2', '3', '4', '5', '6']];
    r.push(['合计', '', v(T.total), v(T.basic), v(T.project), '', v(T.op), '']);
    for (const row of rows) r.push([...codeCells(row), v(row.total), v(row.basic), v(row.project), '', v(row.op), '']);
    out.push(title('支出决算表', 3), render(r, 3));
  }
  // 04
  {
    const inc = [['一、一般公共预算财政拨款', T.gpInc], ['二、政府性基金预算财政拨款', T.gfInc], ['三、国有资本经营预算财政拨款', 0n]];
    const n = Math.max(inc.length, classRows.length);
    const r = [['收入', '', '', '支出', '', '', '', '', ''],
      ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
      ['栏次', '', '1', '栏次', '', '2', '3', '4', '5']];
    for (let i = 0; i < n; i++) {
      const a = inc[i];
      const c = classRows[i];
      const cells = c ? [v(classVal(c[0], 'fiscal')), v(classVal(c[0], 'gp')), v(classVal(c[0], 'gf')), ''] : ['', '', '', ''];
      r.push([a ? a[0] : '', String(i + 1), a ? v(a[1]) : '', c ? `${CN_NUM[i]}、${c[1]}` : '', String(n + 2 + i), ...cells]);
    }
    const k = n + 1, e = 2 * n + 2;
    r.push(['本年收入合计', String(k), v(T.fiscalInc), '本年支出合计', String(e), v(T.fiscal), v(T.gp), v(T.gf), '']);
    r.push(['年初财政拨款结转和结余', String(k + 1), v(R.gpOpen + R.gfOpen), '年末财政拨款结转和结余', String(e + 1), v(R.gpClose + R.gfClose), v(R.gpClose), v(R.gfClose), '']);
    r.push(['一般公共预算财政拨款', String(k + 2), v(R.gpOpen), '', '', '', '', '', '']);
    r.push(['政府性基金预算财政拨款', String(k + 3), v(R.gfOpen), '', '', '', '', '', '']);
    r.push(['国有资本经营预算财政拨款', String(k + 4), '', '', '', '', '', '', '']);
    r.push(['总计', String(k + 5), v(R.fiscalTotal), '总计', String(e + 2), v(R.fiscalTotal), v(R.gpOpen + T.gpInc), v(R.gfOpen + T.gfInc), '']);
    out.push(title('财政拨款收入支出决算总表', 4), render(r, 3));
  }
  // 05
  {
    const r = [['项目', '', '本年支出', '', ''], ['功能分类科目代码', '科目名称', '小计', '基本支出', '项目支出'], ['栏次', '', '1', '2', '3']];
    r.push(['合计', '', v(T.gp), v(T.gpB), v(T.gpP)]);
    for (const row of rows.filter((x) => x.gp !== 0n)) r.push([...codeCells(row), v(row.gp), v(row.gpB), v(row.gpP)]);
    out.push(title('一般公共预算财政拨款支出决算表', 5), render(r, 3));
  }
  // 06: two blocks, 人员经费 | 公用经费.
  {
    const e = R.econ;
    const block = (groups) => {
      const lines = [];
      for (const g of groups) {
        const kids = Object.keys(ECON).filter((k) => k.length === 5 && k.startsWith(g));
        const gv = sum(kids.map((k) => e.leaves[k] ?? 0n));
        lines.push([g, ECON[g], v(gv)]);
        for (const k of kids) if (e.leaves[k] || st.fullEcon) lines.push([k, ECON[k], v(e.leaves[k] ?? 0n)]);
      }
      return lines;
    };
    const left = block(['301', '303']), right = block(['302', '310']);
    const r = [['人员经费', '', '', '公用经费', '', ''], ['科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数']];
    for (let i = 0; i < Math.max(left.length, right.length); i++) r.push([...(left[i] ?? ['', '', '']), ...(right[i] ?? ['', '', ''])]);
    r.push(['人员经费合计', '', v(e.staff), '公用经费合计', '', v(e.office)]);
    out.push(title('一般公共预算财政拨款基本支出决算表', 6), render(r, 2));
  }
  // 07 and 08
  const fundTable = (name, no, list, note) => {
    const r = [['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
      ['功能分类科目代码', '科目名称', '', '', '小计', '基本支出', '项目支出', ''], ['栏次', '', '1', '2', '3', '4', '5', '6']];
    const top = list.filter((x) => x.level === 0);
    const tot = { o: sum(top.map((x) => x.gfOpen)), i: sum(top.map((x) => x.gfInc)), s: sum(top.map((x) => x.gf)), c: sum(top.map((x) => x.gfClose)) };
    r.push(['合计', '', v(tot.o), v(tot.i), v(tot.s), '', v(tot.s), v(tot.c)]);
    for (const row of list) r.push([...codeCells(row), v(row.gfOpen), v(row.gfInc), v(row.gf), '', v(row.gf), v(row.gfClose)]);
    out.push(title(name, no), render(r, 3));
    if (note) out.push(note);
  };
  const gfRows = rows.filter((x) => x.gf !== 0n || x.gfOpen !== 0n || x.gfInc !== 0n);
  fundTable('政府性基金预算财政拨款收入支出决算表', 7, gfRows, gfRows.length ? '' : st.note07);
  fundTable('国有资本经营预算财政拨款收入支出决算表', 8, [], st.note08);
  // 09
  {
    const s = R.s;
    const half = (x) => [v(x.total), v(x.abroad), v(x.car), v(x.buy), v(x.run), v(x.recep)];
    const r = [['“三公”经费预算数', '', '', '', '', '', '“三公”经费决算数', '', '', '', '', ''],
      ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'],
      ['', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', '', '小计', '公务用车购置费', '公务用车运行维护费', ''],
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'], [...half(s.budget), ...half(s.actual)]];
    out.push(title('财政拨款“三公”经费支出决算表', 9), render(r, 4));
  }
  // 10
  {
    const r = [['项目', '', '机关运行经费支出决算数'], ['经济分类编码', '经济分类名称', '']];
    r.push(['合计', '', v(R.jgTotal)]);
    const g302 = sum(Object.entries(R.jg).filter(([k]) => k.startsWith('302')).map(([, x]) => x));
    const g310 = sum(Object.entries(R.jg).filter(([k]) => k.startsWith('310')).map(([, x]) => x));
    if (R.jgTotal !== 0n) {
      r.push(['302', '商品和服务支出', v(g302)]);
      for (const [k, x] of Object.entries(R.jg)) if (k.startsWith('302')) r.push([k, ECON[k], v(x)]);
      if (g310) {
        r.push(['310', '资本性支出', v(g310)]);
        for (const [k, x] of Object.entries(R.jg)) if (k.startsWith('310')) r.push([k, ECON[k], v(x)]);
      }
    }
    out.push(title('机关运行经费支出情况表', 10), render(r, 2));
    if (st.note10) out.push(st.note10);
  }
  // 11
  {
    const p = R.pr;
    const r = [['政府采购支出信息', '行次', '金额'], ['（一）政府采购支出合计', '1', v(p.total)], ['1.政府采购货物支出', '2', v(p.goods)],
      ['2.政府采购工程支出', '3', v(p.works)], ['3.政府采购服务支出', '4', v(p.services)], ['（二）政府采购授予中小企业合同金额', '5', v(p.sme)],
      ['其中：授予小微企业合同金额', '6', v(p.small)]];
    out.push(title('政府采购支出情况表', 11), render(r, 1));
  }
  return out.filter((x) => x !== '').join('\n\n');
}
