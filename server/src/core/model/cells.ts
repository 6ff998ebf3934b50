// Table cells as the readers make them.
import type { TableCell } from '../types';

/**
 * A cell as split from its line, every field present from the start: tables hold most of a report's
 * objects, and one shape for all of them (not one per kind of cell, changed again when a number is
 * attached) keeps the code that reads them fast. Split cells are the table's cells (no draft copied
 * into them): readCell sets `row` and `empty` and keeps `indent`, the raw indentation until then,
 * only for text cells.
 */
export function newCell(col: number, start: number, end: number, text: string, indent: number): TableCell {
  return { row: 0, col, span: { start, end }, text, number: undefined, empty: false, shiftedCode: undefined, unreadable: undefined, unplaced: undefined, indent };
}
