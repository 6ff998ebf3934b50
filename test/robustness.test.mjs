// Bad input never crashes or hangs the engine: binary, empty, stray Unicode, pathological runs of
// brackets, digits, triggers and pipes, a 1 MB single line. The timeouts only catch hangs (a
// quadratic blow-up on these inputs takes minutes); speed is measured in bench/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');

const cases = {
  empty: '',
  whitespace: '   \n\n\t\t\n\r\n',
  binary: 'PK\u0003\u0004\u0000\u0000'.repeat(200),
  'lone surrogates and controls': '\ud800本年支出合计665.38万元\udfff，其中：\u202e基本支出\u200b208.88万元\ufeff、项目支出456.50万元。',
  emoji: '本年支出合计😀665.38万元，其中：基本支出208.88万元，项目支出456.50万元。',
  'unbalanced pipes': '|||\n|-|\n|'.repeat(2000),
  'tab runs': '\t\t\t\n'.repeat(20000),
  'open brackets': '（'.repeat(100000) + '其中：1万元',
  'huge digit run': '9'.repeat(100000) + '万元，其中：' + '1'.repeat(5000) + '万元、2万元。',
  'one long name': '支出'.repeat(200000) + '1万元',
  '1 MB single line of 其中 lists': '本年支出合计665.38万元，其中：基本支出208.88万元，占32%；'.repeat(28000),
  '1 MB single line of shares and rates': '收入、支出总计665. 39万元，占32%，增长5.5%；'.repeat(30000),
  'shares without amounts': '占12%，'.repeat(40000),
  'rates without clause breaks': '增长5%、'.repeat(40000),
  '分别为 lists in one sentence': 'A和B分别为1万元和2万元，'.repeat(20000),
  'numbers without any clause break': '基本支出1万元项目支出2万元占3%增长4%'.repeat(20000),
  'many share groups in one sentence': '其中：A1万元，占10%；B9万元，占90%；'.repeat(20000),
  'one list of many parts with ； and 小微企业': '政府采购支出100000.00万元，其中：' + '授予中小企业合同金额2.50万元，面向小微企业采购1.00万元；'.repeat(20000),
  'clauses for many owners in one sentence': Array.from({ length: 20000 }, (_, i) => `单位${i}政府采购支出3.00万元，其中货物支出1.00万元，服务支出2.00万元`).join('；'),
  'many 续表 lines': '公开03表\n科目编码\t科目名称\t合计\n' + '201\t一般\t3.00\n续表\n科目编码\t科目名称\t合计\n'.repeat(4000),
  'single-space rows under a table title': '公开03表\n科目编码 科目名称 合计 基本支出\n' + '201 一般公共服务支出 3.00 3.00\n'.repeat(30000),
  'totals after their parts in one sentence': '国内接待3批次，外事接待2批次，合计接待5批次，工资福利支出1.00万元、公用经费2.00万元，合计3.00万元，'.repeat(16000),
  'brackets dated by a year, never closed, in one sentence': '支出1.00万元（2023年支出2.00万元，'.repeat(30000),
  'breakdowns in brackets in one sentence': '公务用车费10.00万元（购置费4.00万元，运行费6.00万元），'.repeat(24000),
  'inline bases without parts in one sentence': '占项目支出总额100.00万元的5.00%，'.repeat(40000),
  'points with rates after them in one sentence': '比上年提高1.00个百分点，由5.00%变为6.00%，'.repeat(40000),
  'invisible characters and no-break spaces in numbers': '本年支出1\u200b2\u00a03.45万元，'.repeat(50000),
  'ragged table': '公开05表\n单位：万元\n' + Array.from({ length: 3000 }, (_, i) => '\t'.repeat(i % 70) + `${200 + (i % 9)}\t名称\t${i}.5`).join('\n'),
  '1 MB of space-aligned rows under a table title': alignedRows(24000),
  '1 MB single line of space-separated numbers': '公开03表\n单位：万元\n' + '1.23  '.repeat(180000),
  'a pandoc simple table of many columns over a 1 MB line': '公开03表\n' + 'abc '.repeat(5000) + '\n' + '--- '.repeat(5000) + '\n' + '1.00'.repeat(250000) + '\n',
  'a pandoc grid table of many columns and rows': '公开03表\n' + `+${'---+'.repeat(2000)}\n${`|${' 1 |'.repeat(2000)}\n`.repeat(200)}+${'---+'.repeat(2000)}\n`,
  'running titles and page numbers between every line': '某局2024年度部门决算\n' + '本年支出合计1.00万元，其中：\n3\n某局2024年度部门决算\n'.repeat(20000),
  'item changes one a ；-clause': '部分支出科目有所下降，主要为：' + 'A因故支出减少1万元，下降2%；'.repeat(30000),
  'frames with one part a clause': '三公经费支出决算为3.00万元。' + '三公经费支出决算中，因公出国（境）费0万元，占0%；公务用车购置及运行维护费1万元；公务接待费2万元；'.repeat(12000),
  'described items after every 其中': '基本支出10万元，其中：\n人员经费4万元，主要包括：工资等。\n公用经费6万元，主要包括：办公费等。\n'.repeat(12000),
  'compared figures with years run into them': '某局2020年度部门决算\n' + '收支总计424.71万元，与2019498.83万元相比，减少74.12万元，'.repeat(20000),
  'placeholders and spaced groupings': '某局2024年度部门决算\n' + '收入总计XX万元，支出总计1, 537.40万元，比20XX年增长xx%；'.repeat(20000),
  // (A lookbehind tried before its literal ran back over the whole run of spaces at every position of it.)
  'a megabyte run of spaces before the end of a sentence': '本年支出合计1.00万元，' + ' '.repeat(1_000_000) + '完',
  'many names ending alike in one sentence': Array.from({ length: 20000 }, (_, i) => `第${i}单位政府采购支出3.00万元，第${i}单位采购支出3.00万元`).join('；'),
  'view openings restating one breakdown': '本年支出合计4.39亿元，其中：基本支出1.53亿元，项目支出2.86亿元。\n' + '从支出结构看，项目支出2.86亿元，基本支出1.53亿元。'.repeat(20000),
  'approximations and 本类 shares': '卫生健康支出（类）2,145.07万元。\n' + '“事业单位医疗”（项）支出约160万元，占本类支出的7.47%，近200万元，超过150万元。\n'.repeat(15000),
  'a joined name stated many times': '财政拨款收入、支出总计64,775.03万元，'.repeat(30000),
  'space-separated numbers, ragged': '公开03表\n单位：万元\n' + Array.from({ length: 20000 }, (_, i) => ' '.repeat(i % 90) + `${i}.5  ${i % 7}  ${i}`).join('\n'),
};

/** A space-aligned table (pdftotext -layout) of n coded rows: header, codes, names, two right-aligned amount columns. */
function alignedRows(n) {
  const right = (s, w) => ' '.repeat(w - s.length) + s;
  const rows = Array.from({ length: n }, (_, i) => `  ${String(2010101 + (i % 8000)).padEnd(11)}名称${String(i % 97).padEnd(6)}${right(`${i}.50`, 19)}${right(`${i % 1000}.25`, 16)}`);
  return '支出决算表\n公开03表\n单位：万元\n  科目代码   科目名称         本年支出合计    基本支出\n' + rows.join('\n');
}

test('the 1 MB space-aligned table is read as a table, not prose', { timeout: 60_000 }, () => {
  const model = core.buildModel(alignedRows(24000));
  assert.equal(model.tables.length, 1);
  assert.equal(model.tables[0].format, 'aligned');
  assert.equal(model.tables[0].rows.length, 24001);
});

for (const [name, text] of Object.entries(cases)) {
  test(`lint survives: ${name}`, { timeout: 60_000 }, () => {
    const result = core.lint(text);
    assert.ok(Array.isArray(result.findings));
    for (const f of result.findings) {
      assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span inside the text`);
    }
  });
}

test('binary content is refused with a notice, not linted', () => {
  const result = core.lint('PK\u0003\u0004\u0000\u0000'.repeat(200));
  assert.equal(result.findings.length, 0);
  assert.match(result.notice['zh-cn'], /二进制/);
  assert.match(result.notice.en, /binary/);
});

test('the 1 MB line of wrong shares is checked, one finding per share', { timeout: 60_000 }, () => {
  const text = '本年支出合计665.38万元，其中：基本支出208.88万元，占32%；'.repeat(1000);
  const shares = core.lint(text).findings.filter((f) => f.ruleId === 'share-mismatch');
  assert.equal(shares.length, 1000);
  assert.equal(text.slice(shares[0].span.start, shares[0].span.end), '32');
});
