// Writes findings as CSV, JSON or SARIF 2.1.0. Pure, so the formats are unit-tested.
import type { LspRange, Summary } from './protocol';

export interface ExportFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The arithmetic behind the finding. */
  explanation?: string;
  range: LspRange;
  helpUri?: string;
}

export interface ExportInput {
  /** Document URI as a string (file:///…, untitled:…). */
  uri: string;
  /** Path shown in CSV, relative to the workspace when possible. */
  displayPath: string;
  findings: ExportFinding[];
  summary?: Summary;
  tool: { name: string; version: string; informationUri: string };
  /** Rule descriptions for SARIF, by rule id. */
  ruleDescriptions?: Record<string, string>;
}

export type ExportFormat = 'csv' | 'json' | 'sarif';

function csvField(value: string | number): string {
  let text = String(value);
  // A leading = + @ would be read as a formula by spreadsheet programs (CSV injection).
  if (/^[=+@\t\r]/.test(text) || (/^-/.test(text) && !/^-?\d+(\.\d+)?$/.test(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(input: ExportInput): string {
  const header = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'explanation'];
  const rows = input.findings.map((f) => [
    input.displayPath,
    f.range.start.line + 1,
    f.range.start.character + 1,
    f.range.end.line + 1,
    f.range.end.character + 1,
    f.severity,
    f.ruleId,
    f.message,
    f.explanation ?? '',
  ]);
  // The BOM makes spreadsheet programs read the Chinese text as UTF-8.
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function toJson(input: ExportInput): string {
  const doc = {
    tool: input.tool,
    uri: input.uri,
    summary: input.summary,
    findings: input.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      explanation: f.explanation,
      range: f.range,
      helpUri: f.helpUri,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(input: ExportInput): string {
  const ruleIds = [...new Set(input.findings.map((f) => f.ruleId))].sort();
  const helpUris = new Map(input.findings.filter((f) => f.helpUri).map((f) => [f.ruleId, f.helpUri!]));
  const rules = ruleIds.map((id) => ({
    id,
    ...(input.ruleDescriptions?.[id] ? { shortDescription: { text: input.ruleDescriptions[id] } } : {}),
    ...(helpUris.has(id) ? { helpUri: helpUris.get(id) } : {}),
  }));
  const results = input.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.explanation ? `${f.message} (${f.explanation})` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: input.uri, index: 0 },
          // SARIF lines and columns are 1-based; endColumn is the column after the region, like LSP's
          // exclusive end. Columns count UTF-16 code units, declared in run.columnKind.
          region: {
            startLine: f.range.start.line + 1,
            startColumn: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          },
        },
      },
    ],
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: input.tool.name, version: input.tool.version, informationUri: input.tool.informationUri, rules } },
        artifacts: [{ location: { uri: input.uri } }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

export function formatFindings(format: ExportFormat, input: ExportInput): string {
  return format === 'csv' ? toCsv(input) : format === 'json' ? toJson(input) : toSarif(input);
}
