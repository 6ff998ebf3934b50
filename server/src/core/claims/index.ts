// Stage 3: the model → claims, the relations the report states. Rules verify claims; they never
// look for relations in the text themselves.
import type { Claim, DocumentModel } from '../types';
import { ClaimSink } from './sink';
import { proseClaims } from './prose';
import { tableClaims } from './tables';

export function extractClaims(model: DocumentModel): Claim[] {
  const sink = new ClaimSink();
  proseClaims(model, sink);
  tableClaims(model, sink);
  return sink.claims;
}
