// Relations stated by the disclosure tables: row/column identities, roll-ups by code, and
// identities between tables (tables.md §1–§11).
import type { DocumentModel } from '../types';
import type { ClaimSink } from './sink';

export function tableClaims(_model: DocumentModel, _sink: ClaimSink): void {
  // Filled in by the table-identities work (tables.md).
}
