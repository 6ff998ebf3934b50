// SARIF 2.1.0 for code-scanning services. Columns are UTF-16 code units (run.columnKind), regions
// are 1-based with an exclusive end column, URIs relative to the working directory (%SRCROOT%).
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl, localize, type Finding, type Range, type Severity } from '../../core';
import { type Formatter } from './common';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const ROOT = '%SRCROOT%';

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A relative URI reference: each path segment percent-encoded (file names are often Chinese). */
export function relativeUri(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return encodeURIComponent(filePath);
  return relative(cwd, filePath).split(sep).map(encodeURIComponent).join('/');
}

export const formatSarif: Formatter = (results, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const other = ctx.locale === 'en' ? 'zh-cn' : 'en';
  const artifacts = results.map((r) => ({
    location: { uri: relativeUri(r.filePath, ctx.cwd), uriBaseId: ROOT },
    ...(r.encoding ? { encoding: r.encoding.split(' ')[0] } : {}),
  }));
  const location = (fileIndex: number) => ({ uri: artifacts[fileIndex].location.uri, uriBaseId: ROOT, index: fileIndex });
  const sarifResults = results.flatMap((r, fileIndex) =>
    r.findings.map((f: Finding) => ({
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: `${localize(f.message, ctx.locale)}\n${localize(f.explanation, ctx.locale)}` },
      locations: [{ physicalLocation: { artifactLocation: location(fileIndex), region: region(f.range) } }],
      ...(f.related.length > 0
        ? {
            relatedLocations: f.related.map((rel, i) => ({
              id: i + 1,
              physicalLocation: { artifactLocation: location(fileIndex), region: region(rel.range) },
              message: { text: localize(rel.message, ctx.locale) },
            })),
          }
        : {}),
      ...(f.fixes.length > 0
        ? {
            fixes: f.fixes.map((fix) => ({
              description: { text: localize(fix.title, ctx.locale) },
              artifactChanges: [
                {
                  artifactLocation: location(fileIndex),
                  replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
            })),
          }
        : {}),
    })),
  );
  const notifications = results.flatMap((r, fileIndex) =>
    r.notices.map((n) => ({
      level: 'warning',
      message: { text: localize(n, ctx.locale) },
      locations: [{ physicalLocation: { artifactLocation: location(fileIndex) } }],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'juesuan-lint',
            version: ctx.version,
            informationUri: ctx.informationUri,
            rules: ctx.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: localize(rule.description, ctx.locale) },
              fullDescription: { text: `${localize(rule.description, ctx.locale)} (${localize(rule.description, other)})` },
              helpUri: docsUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
              properties: { type: rule.type, fixable: rule.fixable },
            })),
          },
        },
        originalUriBaseIds: { [ROOT]: { uri: pathToFileURL(ctx.cwd.endsWith(sep) ? ctx.cwd : ctx.cwd + sep).href } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notifications,
          },
        ],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
