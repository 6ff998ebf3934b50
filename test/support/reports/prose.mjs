// Hand-written wordings of the 情况说明 sections, picked per report by style keys (v.*).
import { fmt, pct, yoy, sum, CLASS_ROWS } from './lib.mjs';

export function prose(R, v) {
  const { d, T, rows, s, econ: e, pr, prior: P } = R;
  const Y = d.year, Y0 = d.year - 1;
  const W = (x) => `${fmt(x, v.sep)}${d.unit}`;
  const p = (a, b) => `${pct(a, b)}%`;
  const who = v.who ?? '本部门';
  // A YoY clause in one of several wordings.
  const chg = (cur, prior, style = v.chg) => {
    const c = yoy(cur, prior);
    if (c.flat) return style === 'tongbi' ? '同比持平' : '与上年持平';
    const [inc, dec] = style === 'tongbi' ? ['增幅', '降幅'] : ['增长', '下降'];
    const dir = c.up ? '增加' : '减少';
    const r = c.up ? inc : dec;
    switch (style) {
      case 'jiao': return `较上年${dir}${W(c.d)}，${r}${c.rate}%`;
      case 'tongbi': return `同比${dir}${W(c.d)}，${r}${c.rate}%`;
      case 'prior': return `与${Y0}年度的${W(prior)}相比，${dir}${W(c.d)}，${r}${c.rate}%`;
      default: return `比${Y0}年度${dir}${W(c.d)}，${r}${c.rate}%`;
    }
  };
  const out = [];
  const H = (t, lvl = 2) => out.push(v.md ? `${'#'.repeat(lvl + 1)} ${t}` : t);
  const P_ = (t) => out.push(t);

  // 一、收入支出决算总体情况
  H(`${v.n[0]}、收入支出决算总体情况说明`);
  P_(`${Y}年度收入、支出总计${W(R.incTotal)}。与${Y0}年度相比，收入、支出总计各${yoy(R.incTotal, P.total).up ? '增加' : '减少'}${W(yoy(R.incTotal, P.total).d)}，${yoy(R.incTotal, P.total).up ? '增长' : '下降'}${yoy(R.incTotal, P.total).rate}%。主要原因是${v.why[0]}。`);
  if (v.totalParts) {
    const inParts = [['本年收入合计', T.inc], ['使用非财政拨款结余', R.useNf], ['年初结转和结余', R.open]].filter(([, x]) => x !== 0n || v.zeros);
    P_(`（一）收入总计${W(R.incTotal)}，包括：${inParts.map(([n, x], i) => `${i + 1}.${n}${W(x)}`).join('；')}。`);
    const outParts = [['本年支出合计', T.total], ['结余分配', R.alloc], ['年末结转和结余', R.close]].filter(([, x]) => x !== 0n || v.zeros);
    P_(`（二）支出总计${W(R.outTotal)}，包括：${outParts.map(([n, x], i) => `${i + 1}.${n}${W(x)}`).join('；')}。`);
  }

  // 二、收入决算情况
  H(`${v.n[1]}、收入决算情况说明`);
  const srcs = [['财政拨款收入', T.fiscalInc], ['上级补助收入', T.sj], ['事业收入', T.sy], ['经营收入', T.jy], ['其他收入', T.qt]].filter(([, x]) => x !== 0n);
  if (v.incomeStyle === 'numbered') {
    P_(`${Y}年度本年收入合计${W(T.inc)}，${chg(T.inc, P.inc)}。其中：`);
    srcs.forEach(([n, x], i) => P_(`${i + 1}.${n}${W(x)}，占本年收入合计的${p(x, T.inc)}${n === '财政拨款收入' && T.gfInc ? `。其中：一般公共预算财政拨款收入${W(T.gpInc)}，政府性基金预算财政拨款收入${W(T.gfInc)}` : ''}${i === srcs.length - 1 ? '。' : '；'}`));
  } else {
    P_(`本年收入合计${W(T.inc)}，其中：${srcs.map(([n, x]) => `${n}${W(x)}，占${p(x, T.inc)}`).join('；')}。与上年相比，本年收入合计${yoy(T.inc, P.inc).up ? '增加' : '减少'}${W(yoy(T.inc, P.inc).d)}，${yoy(T.inc, P.inc).up ? '增长' : '下降'}${yoy(T.inc, P.inc).rate}%。`);
  }

  // 三、支出决算情况
  H(`${v.n[2]}、支出决算情况说明`);
  const outs = [['基本支出', T.basic], ['项目支出', T.project], ['经营支出', T.op]].filter(([, x]) => x !== 0n);
  P_(`${v.spendLead ?? ''}本年支出合计${W(T.total)}，${chg(T.total, P.spend)}，其中：${outs.map(([n, x]) => `${n}${W(x)}，占${v.shareWord ?? ''}${p(x, T.total)}`).join('；')}。`);
  if (v.allFundsStaff) {
    const [st, of] = v.allFundsStaff.map((x) => x);
    P_(`基本支出${W(T.basic)}是指为保障机构正常运转、完成日常工作任务而发生的各项支出，其中：人员经费${W(st)}，公用经费${W(of)}。`);
  }
  if (v.byUnit) {
    const list = v.byUnit;
    P_(`分单位看，${list.map(([n, x]) => `${n}支出${W(x)}，占${p(x, T.total)}`).join('；')}。`);
    if (v.unitSplit) {
      const [n, x, basic] = v.unitSplit;
      P_(`其中，${n}本年支出合计${W(x)}，其中：基本支出${W(basic)}，占${p(basic, x)}；项目支出${W(x - basic)}，占${p(x - basic, x)}。`);
    }
  }

  // 四、财政拨款收支总体情况
  H(`${v.n[3]}、财政拨款收入支出决算总体情况说明`);
  const ft = yoy(R.fiscalTotal, P.fiscalTotal);
  P_(`${Y}年度财政拨款收入、支出总计${W(R.fiscalTotal)}，与${Y0}年度相比，财政拨款收入、支出总计各${ft.up ? '增加' : '减少'}${W(ft.d)}，${ft.up ? '增长' : '下降'}${ft.rate}%。主要原因是${v.why[1]}。`);
  if (v.fiscalParts) {
    P_(`其中：本年财政拨款收入${W(T.fiscalInc)}，年初财政拨款结转和结余${W(R.gpOpen + R.gfOpen)}；本年财政拨款支出${W(T.fiscal)}，年末财政拨款结转和结余${W(R.gpClose + R.gfClose)}。`);
  }

  // 五、一般公共预算财政拨款支出
  H(`${v.n[4]}、一般公共预算财政拨款支出决算情况说明`);
  P_('（一）一般公共预算财政拨款支出决算总体情况');
  const sharedBase = v.gpBase === 'fiscal' ? ['财政拨款支出总额', T.fiscal] : ['本年支出合计', T.total];
  P_(`${Y}年度一般公共预算财政拨款支出${W(T.gp)}，占${sharedBase[0]}的${p(T.gp, sharedBase[1])}。${chg(T.gp, P.gp, v.chg2 ?? v.chg)}。主要原因是${v.why[2]}。`);
  P_('（二）一般公共预算财政拨款支出决算结构情况');
  const cls = rows.filter((r) => r.level === 0 && r.gp !== 0n);
  if (v.structStyle === 'list') {
    P_(`${Y}年度一般公共预算财政拨款支出${W(T.gp)}，主要用于以下方面：`);
    cls.forEach((r, i) => P_(`${i + 1}.${r.name}（类）${W(r.gp)}，占${p(r.gp, T.gp)}${i === cls.length - 1 ? '。' : '；'}`));
  } else {
    P_(`${Y}年度一般公共预算财政拨款支出${W(T.gp)}，主要用于以下方面：${cls.map((r) => `${r.name}（类）${W(r.gp)}，占${p(r.gp, T.gp)}`).join('；')}。`);
  }
  P_('（三）一般公共预算财政拨款支出决算具体情况');
  const gpItems = R.items.filter((i) => i.gp !== 0n);
  const budget = sum(gpItems.map((i) => i.budget));
  P_(`${Y}年度一般公共预算财政拨款支出年初预算为${W(budget)}，支出决算为${W(T.gp)}，完成年初预算的${p(T.gp, budget)}。其中：`);
  let k = 0;
  for (const c of cls) {
    P_(`${++k}.${c.name}（类）`);
    let j = 0;
    for (const it of gpItems.filter((i) => i.code.startsWith(c.code))) {
      const kuan = rows.find((r) => r.code === it.code.slice(0, 5));
      const cmp = it.gp > it.budget ? '决算数大于年初预算数的主要原因是人员增加及政策性调资' : it.gp < it.budget ? '决算数小于年初预算数的主要原因是厉行节约、项目按进度支付' : '';
      P_(`（${++j}）${kuan.name}（款）${it.name}（项）。年初预算为${W(it.budget)}，支出决算为${W(it.gp)}，完成年初预算的${p(it.gp, it.budget)}。${cmp ? cmp + '。' : ''}`);
    }
  }

  // 六、基本支出
  H(`${v.n[5]}、一般公共预算财政拨款基本支出决算情况说明`);
  P_(`${Y}年度一般公共预算财政拨款基本支出${W(e.total)}，其中：人员经费${W(e.staff)}，占${p(e.staff, e.total)}，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、住房公积金、退休费等；公用经费${W(e.office)}，占${p(e.office, e.total)}，主要包括：办公费、水费、电费、邮电费、差旅费、维修（护）费、会议费、培训费、公务接待费、工会经费、福利费、公务用车运行维护费、其他交通费用、办公设备购置等。`);

  // 七、政府性基金
  H(`${v.n[6]}、政府性基金预算财政拨款收入支出决算情况说明`);
  if (T.gf !== 0n || T.gfInc !== 0n) {
    P_(`${Y}年度政府性基金预算财政拨款年初结转和结余${W(R.gfOpen)}，本年收入${W(T.gfInc)}，本年支出${W(T.gf)}，年末结转和结余${W(R.gfClose)}。本年支出${W(T.gf)}全部为项目支出，主要用于${v.gfUse}。`);
  } else {
    P_(v.noGf ?? `${Y}年度${who}没有使用政府性基金预算财政拨款安排的支出，故《政府性基金预算财政拨款收入支出决算表》为空表。`);
  }
  H(`${v.n[7]}、国有资本经营预算财政拨款支出决算情况说明`);
  P_(`${Y}年度${who}没有使用国有资本经营预算财政拨款安排的支出，故《国有资本经营预算财政拨款收入支出决算表》无数据。`);

  // 九、三公
  H(`${v.n[8]}、财政拨款“三公”经费支出决算情况说明`);
  const b = s.budget, a = s.actual, q = s.prior;
  P_(`（一）“三公”经费财政拨款支出决算总体情况说明`);
  P_(`${Y}年度“三公”经费财政拨款支出预算为${W(b.total)}，支出决算为${W(a.total)}，完成预算的${p(a.total, b.total)}，其中：因公出国（境）费支出预算为${W(b.abroad)}，支出决算为${W(a.abroad)}，完成预算的${b.abroad ? p(a.abroad, b.abroad) : '0%'}；公务用车购置费支出预算为${W(b.buy)}，支出决算为${W(a.buy)}，完成预算的${b.buy ? p(a.buy, b.buy) : '0%'}；公务用车运行维护费支出预算为${W(b.run)}，支出决算为${W(a.run)}，完成预算的${b.run ? p(a.run, b.run) : '0%'}；公务接待费支出预算为${W(b.recep)}，支出决算为${W(a.recep)}，完成预算的${b.recep ? p(a.recep, b.recep) : '0%'}。${v.sangongWhy}`);
  const tc = yoy(a.total, q.total);
  P_(`${Y}年度“三公”经费财政拨款支出决算${W(a.total)}，${chg(a.total, q.total)}。`);
  P_(`（二）“三公”经费财政拨款支出决算具体情况说明`);
  P_(`${Y}年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算${W(a.abroad)}，占${p(a.abroad, a.total)}；公务用车购置及运行维护费支出决算${W(a.car)}，占${p(a.car, a.total)}；公务接待费支出决算${W(a.recep)}，占${p(a.recep, a.total)}。具体情况如下：`);
  const cnt = s.counts;
  P_(`1.因公出国（境）费支出${W(a.abroad)}，${a.abroad === q.abroad ? '与上年持平' : chg(a.abroad, q.abroad)}。全年安排因公出国（境）团组${cnt.groups}个，累计${cnt.persons}人次。`);
  P_(`2.公务用车购置及运行维护费支出${W(a.car)}，${chg(a.car, q.car)}。其中：公务用车购置费${W(a.buy)}，购置公务用车${cnt.bought}辆；公务用车运行维护费${W(a.run)}，主要用于公务用车燃料费、维修费、过桥过路费、保险费等支出，截至${Y}年12月31日，公务用车保有量为${cnt.held}辆。`);
  P_(`3.公务接待费支出${W(a.recep)}，${chg(a.recep, q.recep)}。其中：国内公务接待支出${W(a.recep)}，接待${cnt.batches}批次、${cnt.guests}人次；外事接待支出0${d.unit}。`);

  // 十、机关运行经费
  H(`${v.n[9]}、机关运行经费支出情况说明`);
  P_(v.jgText ?? `${Y}年度${v.jgScope ?? who}机关运行经费支出${W(R.jgTotal)}，${chg(R.jgTotal, P.jgyx)}。主要原因是${v.why[3]}。`);

  // 十一、政府采购
  H(`${v.n[10]}、政府采购支出情况说明`);
  P_(`${Y}年度${who}政府采购支出总额${W(pr.total)}，其中：政府采购货物支出${W(pr.goods)}、政府采购工程支出${W(pr.works)}、政府采购服务支出${W(pr.services)}。授予中小企业合同金额${W(pr.sme)}，占政府采购支出总额的${p(pr.sme, pr.total)}，其中：授予小微企业合同金额${W(pr.small)}，占授予中小企业合同金额的${p(pr.small, pr.sme)}。`);
  if (v.procShares) P_(`货物、工程、服务采购分别占政府采购支出总额的${p(pr.goods, pr.total)}、${p(pr.works, pr.total)}、${p(pr.services, pr.total)}。`);

  // 十二、国有资产
  H(`${v.n[11]}、国有资产占用情况说明`);
  const veh = d.vehicles;
  P_(`截至${Y}年12月31日，${who}共有车辆${sum(veh.list.map(([, n]) => BigInt(n)))}辆，其中：${veh.list.map(([n, c]) => `${n}${c}辆`).join('、')}；单价100万元（含）以上设备（不含车辆）${veh.equip}台（套）。`);

  // 十三、绩效
  H(`${v.n[12]}、预算绩效管理情况说明`);
  const pj = d.projects.map((x) => ({ ...x, a: R.items.find((i) => i.code === x.code).gpP }));
  for (const x of pj) x.bud = R.items.find((i) => i.code === x.code).budget;
  const cover = sum(pj.map((x) => x.a));
  P_(`根据预算绩效管理要求，${who}组织对${Y}年度一般公共预算项目支出全面开展绩效自评，共涉及项目${pj.length}个，涉及资金${W(cover)}，占一般公共预算项目支出总额的${p(cover, T.gpP)}。从评价情况看，项目整体执行情况较好。`);
  pj.forEach((x, i) => P_(`${i + 1}.“${x.name}”项目绩效自评综述：项目全年预算数为${W(x.bud)}，执行数为${W(x.a)}，预算执行率为${p(x.a, x.bud)}，自评得分${x.score}分。`));
  return out.join('\n\n');
}
