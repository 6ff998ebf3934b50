// The workspace the workbench and extension-host tests open: real reports from the shared corpus, as
// published, plus copies with one deliberate slip each, so a fix has a known right answer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = process.env.JUESUAN_CORPUS || path.resolve(REPO, '../shared/corpus');

/** A slip put into a copy of a corpus report: `from` (unique in the report) becomes `to`. */
export const SLIPS = {
  // 364.76 / 66167.07 = 0.5513% is printed as 0.55%; the copy says 0.65%.
  share: {
    file: 'beijing-xicheng-2024-slip.txt', source: 'beijing-xicheng-2024.txt',
    from: '社会保障和就业支出（类）364.76万元，占0.55%', to: '社会保障和就业支出（类）364.76万元，占0.65%',
    wrong: '0.65', right: '0.55', ruleId: 'share-mismatch', fixKind: 'recompute-share',
  },
  // 公开03: 公务员医疗补助 basic expenditure 2.15 becomes 2.25, so 2.25 + 402.51 ≠ 404.66 and the 款 row's
  // basic column 3.89 ≠ 1.74 + 2.25. (The trailing tab makes the row unique: 公开05 repeats it without.)
  table: {
    file: 'xining-chengzhong-2024-slip.txt', source: 'xining-chengzhong-2024.txt',
    from: '2101103\t公务员医疗补助\t404.66\t2.15\t402.51\t', to: '2101103\t公务员医疗补助\t404.66\t2.25\t402.51\t',
    wrong: '2.25',
  },
};

export function corpusText(name) {
  return fs.readFileSync(path.join(CORPUS, name), 'utf8');
}

export function slipText(slip) {
  const text = corpusText(slip.source);
  const at = text.indexOf(slip.from);
  if (at < 0 || text.indexOf(slip.from, at + 1) >= 0) throw new Error(`"${slip.from}" is not found exactly once in ${slip.source}`);
  return text.slice(0, at) + slip.to + text.slice(at + slip.from.length);
}

/** UTF-16 offset of the slip's wrong number in the slipped text. */
export function slipOffset(slip) {
  const text = corpusText(slip.source);
  return text.indexOf(slip.from) + slip.to.lastIndexOf(slip.wrong);
}

/** {file name: text} for the whole test workspace. */
export function workspaceFiles() {
  const files = {};
  for (const name of fs.readdirSync(CORPUS).sort()) files[name] = corpusText(name);
  for (const slip of Object.values(SLIPS)) files[slip.file] = slipText(slip);
  return files;
}

/** The finding of `ruleId` whose span contains `offset`. */
export function findingAt(findings, offset, ruleId) {
  return findings.find((f) => (!ruleId || f.ruleId === ruleId) && f.span.start <= offset && offset < f.span.end);
}
