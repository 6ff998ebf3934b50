// What the report states elsewhere for a figure of the text: the other statements of the same fact and the table cell
// the figure restates, where they differ from it. A rate that fails with the figure and holds with one of those points
// at the figure, not at the rate (`支出决算为0.29万元，完成预算的104.83%` while the text twice and 公开09表 say 6.29).
import { checkEqual, checkRestated, inUnitOf, written } from '../arith/interval';
import type { Claim, Localized, Operand } from '../types';
import { l, setFigureFix, type FixDraft } from './rule';
import { LintMemo } from '../lint-memo';

const byClaims = new LintMemo<readonly Claim[], Map<number, Operand[]>>();

/** The differing statements of each text figure (by token), built once per lint. */
function differingStatements(claims: readonly Claim[]): Map<number, Operand[]> {
  return byClaims.of(claims, buildDifferingStatements);
}

function buildDifferingStatements(claims: readonly Claim[]): Map<number, Operand[]> {
  const map = new Map<number, Operand[]>();
  const add = (figure: Operand, other: Operand) => {
    if (figure.token === undefined) return;
    const list = map.get(figure.token);
    if (list) list.push(other);
    else map.set(figure.token, [other]);
  };
  for (const c of claims) {
    if (c.kind === 'fact' && !c.looseMatch && !checkRestated(c.a, c.b).ok) {
      add(c.a, c.b);
      add(c.b, c.a);
    } else if (c.kind === 'equal' && c.origin === 'text-table' && !checkEqual(c.a, c.b).ok) add(c.a, c.b);
  }
  return map;
}

/** The values stated elsewhere for the figure `o`, most often stated first. */
function statedElsewhere(claims: readonly Claim[], o: Operand): Operand[] {
  if (o.token === undefined) return [];
  const others = differingStatements(claims).get(o.token) ?? [];
  const count = (x: Operand) => others.filter((y) => y.value.eq(x.value)).length;
  return [...others].sort((x, y) => count(y) - count(x));
}

/**
 * The fix that sets one of a failing relation's `figures` to the value the report states for it elsewhere, when the
 * relation holds with it (`holdsWith(i, other)`); `what` names the relation in the fix's title.
 */
export function restatedFigureFix(claims: readonly Claim[], figures: Operand[], holdsWith: (i: number, other: Operand) => boolean, what: Localized): FixDraft | undefined {
  for (let i = 0; i < figures.length; i++) {
    const figure = figures[i];
    if (!figure.span) continue;
    for (const other of statedElsewhere(claims, figure)) {
      if (other.value.isZero() || !holdsWith(i, other)) continue;
      const text = inUnitOf(other.value, figure);
      return setFigureFix(figure.span, text, l(`将 ${written(figure)} 改为 ${text}（他处所列之数，${what['zh-cn']}因此成立）`, `Set ${written(figure)} to ${text} (as stated elsewhere; the ${what.en} holds then)`));
    }
  }
  return undefined;
}

/**
 * One of a failing relation's `figures` is outvoted: the report states another value for it at least twice elsewhere, and
 * the relation holds with that value (`一般公共预算财政拨款支出55,213.89万元` once, 58,213.89 in the text, 公开05表 and its 类
 * table): the figure is the slip, and the relation itself is right.
 */
export function outvotedFigure(claims: readonly Claim[], figures: Operand[], holdsWith: (i: number, other: Operand) => boolean): boolean {
  return figures.some((figure, i) => {
    const others = statedElsewhere(claims, figure);
    return others.some((other) => !other.value.isZero() && others.filter((y) => y.value.eq(other.value)).length >= 2 && holdsWith(i, other));
  });
}
