// Stage 3: the model → claims, the relations the report states. Rules verify claims; they never
// look for relations in the text themselves.
import type { Claim, DocumentModel } from '../types';
import { ClaimSink } from './sink';
import { proseClaims } from './prose';
import { tableClaims } from './tables';
import { withdrawMisreadTables } from './tables/misread';
import { allZeroTables, reportUnfilled, unfilledGate, unfilledParts } from './tables/unfilled';
import { textTableClaims } from './text-table';
import { keyValueTableClaims } from './key-value-tables';

export function extractClaims(model: DocumentModel): Claim[] {
  withdrawMisreadTables(model);
  const zeroTables = allZeroTables(model);
  const turnedAway = new Map<number, number>();
  const unfilled = unfilledParts(model, zeroTables);
  const gated = zeroTables.size + unfilled.zeros.size + unfilled.parents.size + unfilled.rowTotals.size > 0;
  const sink = new ClaimSink(gated ? unfilledGate(model, zeroTables, unfilled, turnedAway) : undefined);
  const prose = proseClaims(model, sink);
  tableClaims(model, sink);
  textTableClaims(model, prose, sink);
  keyValueTableClaims(model, prose, sink);
  reportUnfilled(model, turnedAway);
  return sink.claims;
}
