import { asciiForms, CORRECT_GROUPING } from '../numbers/scan';
import type { Localized, NumberFormatIssue, NumberToken } from '../types';
import { l, type Rule } from './rule';

const ISSUE_TEXT = {
  'space-after-point': l('小数点后有空格', 'a space after the decimal point'),
  'space-before-point': l('小数点前有空格', 'a space before the decimal point'),
  'ideographic-point': l('用句号“。”作小数点', 'an ideographic full stop used as the decimal point'),
  fullwidth: l('使用全角数字或符号', 'full-width digits or punctuation'),
  'mixed-width': l('同一数字混用全角和半角数字', 'full-width and ASCII digits mixed in one number'),
  'bad-grouping': l('千位分隔符位置错误', 'misplaced thousands separators'),
  'space-in-digits': l('数字中间有空格', 'a space inside the digits'),
  'double-point': l('小数点重复', 'a doubled decimal point'),
  'comma-decimal': l('用逗号作小数点', 'a comma used as the decimal point'),
  'year-fused': l('年份与金额连写，缺“年”字', 'a year run into the amount, its 年 lost'),
  'letter-zero': l('数字中混有字母O（应为数字0）', 'a letter O among the digits (the digit 0 meant)'),
  'letter-one': l('数字中混有字母l或I（应为数字1）', 'a letter l or I among the digits (the digit 1 meant)'),
  'text-marker': l('数字前留有电子表格的文本标记“\'”', "a spreadsheet's text mark ' left before the figure"),
} as const;

/** From this many numbers written in one style on, one finding names them all. */
const STYLE_GROUP = 5;

/** `14 053.13`: thousands grouped by spaces. */
const SPACE_GROUPING = /^[0-9]{1,3}(?:[ \u00A0][0-9]{3})+(?:\.[0-9]+)?$/;

/** Ways of writing numbers that are a document's style when it keeps to them. */
const STYLES: Array<{ id: 'fullwidthThroughout' | 'spaceGroupedThroughout'; of: (n: NumberToken) => boolean; message: (count: number, raw: string) => Localized }> = [
  {
    id: 'fullwidthThroughout',
    // (Written wholly in full-width: `２１１７.２８` or `25，786.22` mixes the widths, damage of its own.)
    of: (n) => n.formatIssue === 'fullwidth' && !/[0-9.,]/.test(n.raw),
    message: (count, raw) => l(`全文 ${count} 个数字使用全角数字或符号（如“${raw}”）`, `${count} numbers use full-width digits or punctuation (such as "${raw}")`),
  },
  {
    id: 'spaceGroupedThroughout',
    of: (n) => n.formatIssue === 'space-in-digits' && SPACE_GROUPING.test(asciiForms(blankParts(n.raw)[1])),
    message: (count, raw) => l(`全文 ${count} 个数字以空格分隔千位（如“${raw}”）`, `${count} numbers group thousands with spaces (such as "${raw}")`),
  },
];

/** Numbers damaged by PDF/Word conversion (`665. 39`, `412。87`, `１２３．４５`): rounding.md §7. */
export const numberFormat: Rule = {
  meta: {
    id: 'number-format',
    type: 'layout',
    defaultSeverity: 'warning',
    description: l('数字格式异常（转换残留的空格、句号小数点、全角数字）', 'Malformed number left by conversion (space or 。 in a number, full-width digits)'),
    fixable: true,
    messages: {
      malformed: l('数字“{raw}”格式异常：{issue}，应为“{fixed}”。', 'Malformed number "{raw}": {issue}; should be "{fixed}".'),
      fullwidthThroughout: l('全文 {count} 个数字使用全角数字或符号（如“{raw}”）', '{count} numbers use full-width digits or punctuation (such as "{raw}")'),
      spaceGroupedThroughout: l('全文 {count} 个数字以空格分隔千位（如“{raw}”）', '{count} numbers group thousands with spaces (such as "{raw}")'),
      placeholder: l('模板占位符“{text}”未填写数字', 'Template placeholder "{text}" left where a figure belongs'),
    },
  },
  check(ctx) {
    for (const span of ctx.model.placeholders) {
      const text = ctx.model.text.slice(span.start, span.end);
      ctx.report({
        messageId: 'placeholder',
        message: l(`模板占位符“${text}”未填写数字`, `Template placeholder "${text}" left where a figure belongs`),
        explanation: l('此处应为具体数字（或年份），公开前须填写；其所在的关系无法核对。', 'A figure (or year) belongs here and must be filled in before publication; the relations it takes part in cannot be checked.'),
        span,
      });
    }
    // Full-width digits all through a document (a Word style, not conversion damage), or thousands grouped by spaces (`14 053.13`, a
    // print style), are one finding with one fix for all of them, not one warning per cell (hundreds in a pasted table).
    const grouped = new Set<NumberToken>();
    for (const style of STYLES) {
      const numbers = ctx.model.numbers.filter(style.of);
      if (numbers.length < STYLE_GROUP) continue;
      for (const n of numbers) grouped.add(n);
      const [first, ...others] = numbers;
      ctx.report({
        messageId: style.id,
        message: style.message(numbers.length, first.raw),
        explanation: l('均按半角数字读取并核对；可一次全部规范。', 'All are read as plain ASCII figures for the checks; they can be normalised in one go.'),
        span: first.span,
        // (A document's own style, not damage: a note, and its fix only on request, never by --fix or Fix all.)
        severity: 'info',
        related: others.slice(0, 20).map((n) => ({ span: n.span, message: l(`“${n.raw}”`, `"${n.raw}"`) })),
        fixes: [
          {
            title: l(`全部 ${numbers.length} 处规范为半角数字`, `Normalise all ${numbers.length} to plain ASCII figures`),
            edits: numbers.map((n) => ({ span: n.span, newText: inBlank(n.raw, n.formatIssue!, n.text) })),
            safe: false,
            preferred: true,
            kind: 'normalize-number',
          },
        ],
      });
    }
    for (const n of ctx.model.numbers) {
      if (!n.formatIssue || grouped.has(n)) continue;
      // (`（１）`, `附件１`, `第１季度`: full-width digits of a number that states no quantity are the writer's style, not damage.)
      if (n.formatIssue === 'fullwidth' && !n.cell && n.unit === 'none') continue;
      const issue = ISSUE_TEXT[n.formatIssue];
      const fixed = inBlank(n.raw, n.formatIssue, n.text);
      // (A line wrap inside the number is shown as ⏎: a message is one line.)
      const [raw, shown] = [n.raw, fixed].map((t) => t.replace(/\r?\n/g, '⏎'));
      ctx.report({
        messageId: 'malformed',
        message: l(
          `数字“${raw}”格式异常：${issue['zh-cn']}，应为“${shown}”。`,
          `Malformed number "${raw}": ${issue.en}; should be "${shown}".`,
        ),
        explanation: l(`按 ${n.text} 读取并核对。`, `Read as ${n.text} for all checks.`),
        span: n.span,
        // (A number written in full-width throughout, `９１．２９`, `２０２４年`, reads as it stands: the writer's input method, noted;
        // full-width digits with an ASCII point, `７３.６３`, or digits of both widths in one number are damage.)
        severity: n.formatIssue === 'fullwidth' && !/[0-9.,]/.test(n.raw) ? 'info' : undefined,
        fixes: [
          {
            title: l(`规范为“${fixed}”`, `Normalise to "${fixed}"`),
            edits: [{ span: n.span, newText: fixed }],
            // (Where a year ends and the amount begins is read from the figures around it: offered, never applied unasked.)
            safe: n.formatIssue !== 'year-fused',
            preferred: true,
            kind: 'normalize-number',
          },
        ],
      });
    }
  },
};

/** `（7 314.10）万元`: the brackets of a template's blank filled in (numbers/scan.ts's filledBlank), the number, what closes them. */
function blankParts(raw: string): [string, string, string] {
  const m = /^([（(][ \u3000]?)([^]*?)([ \u3000]?[)）])$/.exec(raw);
  return m ? [m[1], m[2], m[3]] : ['', raw, ''];
}

/** repaired, the brackets of a filled-in blank kept as they are. */
function inBlank(raw: string, issue: NumberFormatIssue, plain: string): string {
  const [open, digits, close] = blankParts(raw);
  return open + repaired(digits, issue, plain) + close;
}

/**
 * The number as written with only its damage repaired: full-width characters made ASCII, the decimal
 * point restored; a correct thousands grouping is kept (`4,396. 05` → `4,396.05`, `71,614..05` → `71,614.05`). A wrong grouping or
 * a space among the digits leaves no grouping worth keeping: the plain value.
 */
function repaired(raw: string, issue: NumberFormatIssue, plain: string): string {
  if (issue === 'year-fused') return `${raw.slice(0, 4)}年${raw.slice(4)}`;
  if (issue === 'letter-zero') return asciiForms(raw.replace(/[OoＯ]/g, '0'));
  if (issue === 'letter-one') return raw.replace(/[lI]/g, '1');
  if (issue === 'text-marker') return raw.slice(1);
  // (`1, 537.4`, `2,9 61.68`: a space inside a correct grouping goes, the grouping stays.)
  if (issue === 'space-in-digits') {
    const joined = asciiForms(raw).replace(/[ \u00A0]+/g, '');
    if (CORRECT_GROUPING.test(joined)) return joined;
  }
  // (`4,756,835,69` → `4,756,835.69`: the grouping before the comma that was the point is kept.)
  if (issue === 'comma-decimal') {
    const pointed = asciiForms(raw).replace(/,(?=[0-9]{1,2}$)/, '.');
    if (CORRECT_GROUPING.test(pointed)) return pointed;
  }
  if (issue === 'bad-grouping' || issue === 'space-in-digits' || issue === 'comma-decimal') return plain;
  return asciiForms(raw)
    .replace(/[－−]/g, '-')
    .replace(/\.\./, '.')
    .replace(/[ \u00A0\u3000]*\.[ \u00A0\u3000\r\n]+|[ \u00A0\u3000]+\./, '.')
    .replace('。', '.');
}
