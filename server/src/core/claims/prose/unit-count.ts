// The number of units the report says its accounts are made of, against the units it then names:
// `纳入本部门2024年度部门决算编制范围的二级预算单位包括5个，具体包括：` over five numbered lines (or bullets, a table of the
// units, `分别是：A、B和C`).
import { exactCount, operand } from '../../arith/interval';
import { l } from '../../messages';
import { allMatches } from '../../text/matches';
import { containing } from '../../text/search';
import type { DocumentModel, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { ENUMERATION, namesOf, UNIT_END } from './sums';

/** The words that open the enumeration of the units, after the clause that counts them. */
const UNITS_OPENED = new RegExp(String.raw`(?:分别是|分别为|具体包括|具体如下|包括|如下)[：:]\s*(?:` + ENUMERATION + ')?', 'g');
/** The clause says it counts the units of the department's accounts. */
const OF_THE_ACCOUNTS = /编制范围|独立核算单位|汇总而成|汇总组成|决算单位/;
/** The last count of the clause (`下属二级预算单位2个，…的单位共3个，包括：`: the 3). */
const COUNTED = /(\d+)\s*(?:个|家)(?![^，,。；;：:]*(?:内设|科室|处室|机构|部门))/g;
/** A unit's name ends like one (`…局机关`, `…测绘院`): else the enumeration is no list of units. */
const isUnitName = (name: string) => UNIT_END.test(name) || /(?:机关|部|厅)$/.test(name);

/** The department's own body in a list of its units: `…局（本级）`, `局机关`, `…局本级`. */
const BODY_ITSELF = /本级|机关$/;

export function unitCountClaims(model: DocumentModel, sink: ClaimSink): void {
  const head = model.text.slice(0, 20000);
  if (!OF_THE_ACCOUNTS.test(head)) return;
  for (const m of allMatches(UNITS_OPENED, head)) {
    const clauseStart = Math.max(head.lastIndexOf('。', m.index), head.lastIndexOf('\n', m.index)) + 1;
    const clause = head.slice(clauseStart, m.index);
    if (!OF_THE_ACCOUNTS.test(clause)) continue;
    // (Not a count in a bracket: `单位共23个（行政单位1个、参公事业单位2个、其他事业单位20个）` counts 23; its kinds break it down.)
    const unbracketed = clause.replace(/[（(][^（()）]*[)）]/g, (bracket) => ' '.repeat(bracket.length));
    const last = [...unbracketed.matchAll(COUNTED)].at(-1);
    if (!last) continue;
    // (Or, after a 其中 breakdown, the whole's when the list names them all: `…的单位共3个，其中：行政单位1个，事业单位2个，具体包括：A（本级）、
    // B、C`; `…共3个，其中：行政单位1个（…本级），所属事业单位2个，分别为：B、C` names the last kind's.)
    const breakdown = unbracketed.search(/其中|包括/);
    const whole = breakdown > 0 ? [...unbracketed.slice(0, breakdown).matchAll(COUNTED)].at(-1) : undefined;
    const opened = m.index + m[0].search(/[：:]/) + 1;
    const listed = unitsTable(model, opened) ?? (m[1] ? namesOf(m[1]) : undefined);
    if (!listed || listed.length < 2 || !listed.every(isUnitName)) continue;
    // (`由局本级和所属3个…事业单位的决算组成，…单位包括：…局（本级）、A、B、C`: the count is of the units beside the body itself,
    // which the list names too.)
    // (`由本级决算和所属2个事业单位决算组成`.)
    const besideBody = /本级(?:决算)?(?:和|及|与|以及)(?:所属|下属|直属)?\s*$/.test(clause.slice(0, last.index));
    const department = model.department;
    const body = (name: string) => BODY_ITSELF.test(name) || (department !== undefined && department.length >= 4 && (name === department || name.endsWith(department)));
    const names = besideBody ? listed.filter((name) => !body(name)) : listed;
    // (Unless the list says it names those units only: `由局本级和3个所属事业单位的决算汇总组成，所属事业单位分别为：A、B、C`.)
    const ofSubordinates = /(?:所属|下属|直属)[^，,。；;]{0,8}单位[^，,。；;]{0,4}$/.test(clause);
    if (besideBody && names.length === listed.length && !ofSubordinates) continue;
    const count = whole && Number(whole[1]) === names.length ? whole : last;
    const token = containing(model.numbers, (n) => n.span, clauseStart + count.index! + count[0].indexOf(count[1]));
    if (!token || token.unit !== 'count' || token.cell) continue;
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.unit-count',
      description: l(`编制范围内单位个数 = 列出的单位（${names.length}个）`, `the number of units = the units listed (${names.length})`),
      span: token.span,
      total: operand(token, '纳入决算编制范围的单位个数'),
      // (`市直中学8所`, `市职业技术教育中心2所`: a name with its own count is that many units.)
      parts: names.map((name) => exactCount(Number(/(\d+)\s*(?:所|个|家)$/.exec(name)?.[1] ?? 1), name)),
      exhaustive: true,
      id: -1,
    });
    return;
  }
}

/** `具体如下：` over a table of the units (`序号 | 单位名称 | 单位性质`): the names in its 单位名称 column. */
function unitsTable(model: DocumentModel, after: number): string[] | undefined {
  const table = model.tables.find((t) => t.span.start >= after && model.text.slice(after, t.span.start).trim() === '');
  if (!table) return undefined;
  const header = table.rows.find((r) => r.kind === 'header');
  const col = header?.cells.findIndex((c) => /单位名称|^单位$/.test(c.text.replace(/\s/g, '')));
  if (!header || col === undefined || col < 0) return undefined;
  return table.rows.filter((r) => r.kind !== 'header' && r.kind !== 'column-numbers' && r.kind !== 'note').map((r) => (r.cells[col]?.text ?? '').replace(/[（(][^）)]*[)）]/g, '').replace(/\s/g, ''));
}
