// Snapshot of the engine's whole output (findings, verdicts, claims, tables, counts) over the corpus,
// every test document and 41 generated reports: for changes that must not change behaviour (speed
// work). Build first; compare two snapshots with --diff.
//   node scripts/snapshot.mjs [checkout] out.json      (checkout defaults to this one)
//   node scripts/snapshot.mjs --diff before.json after.json
import { readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

if (process.argv[2] === '--diff') {
  const a = JSON.parse(readFileSync(process.argv[3], 'utf8'));
  const b = JSON.parse(readFileSync(process.argv[4], 'utf8'));
  let diffs = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = JSON.stringify(a[k]), y = JSON.stringify(b[k]);
    if (x !== y) {
      diffs++;
      if (diffs <= 20) {
        console.log('DIFF', k);
        const xa = a[k] ?? {}, yb = b[k] ?? {};
        for (const f of ['findings', 'verdicts', 'claims']) {
          const xs = new Set((xa[f] ?? []).map((e) => JSON.stringify(e)));
          const ys = new Set((yb[f] ?? []).map((e) => JSON.stringify(e)));
          for (const e of xs) if (!ys.has(e)) console.log('  -', f, e.slice(0, 400));
          for (const e of ys) if (!xs.has(e)) console.log('  +', f, e.slice(0, 400));
        }
      }
    }
  }
  console.log(diffs === 0 ? 'IDENTICAL' : `${diffs} inputs differ`);
  process.exit(diffs ? 1 : 0);
}

const [given, out] = process.argv.length > 3 ? [process.argv[2], process.argv[3]] : [new URL('..', import.meta.url).pathname, process.argv[2]];
const checkout = given.replace(/\/+$/, '');
if (!out) {
  console.error('usage: node scripts/snapshot.mjs [checkout] out.json | --diff a.json b.json');
  process.exit(2);
}
const core = require(join(checkout, 'dist/core.js'));
const { generateReport } = await import(join(checkout, 'test/support/generate-report.mjs'));
const inputs = {};
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(txt|md)$/.test(name)) inputs[p.replace(checkout, '.')] = readFileSync(p, 'utf8');
  }
}
walk(realpathSync(join(checkout, '../shared/corpus'))); // (one key whichever checkout: shared/ may be a link)
walk(join(checkout, 'test'));
walk(join(checkout, 'examples'));
for (let seed = 1; seed <= 40; seed++) inputs[`gen:${seed}`] = generateReport({ seed, size: 20000 + seed * 1000 }).text;
inputs['gen:60k'] = generateReport({ seed: 7, size: 60000 }).text;
const result = {};
for (const [k, text] of Object.entries(inputs)) {
  const r = core.lint(text);
  result[k] = {
    findings: r.findings.map((f) => ({ r: f.ruleId, m: f.messageId, s: f.severity, span: [f.span.start, f.span.end], msg: f.message['zh-cn'], ex: f.explanation['zh-cn'], en: f.message.en, rel: f.related.map((x) => [x.span.start, x.span.end, x.message['zh-cn']]), fixes: f.fixes.map((x) => [x.kind, x.safe, !!x.preferred, x.title['zh-cn'], x.edits.map((e) => [e.span.start, e.span.end, e.newText])]) })),
    verdicts: r.verdicts.map((v) => [v.claim, v.ruleId, v.status, v.explanation['zh-cn']]),
    claims: r.claims.map((c) => [c.id, c.kind, c.origin, c.identity, c.span.start, c.span.end, c.description['zh-cn'], !!c.soft]),
    tables: r.model.tables.map((t) => [t.kind, t.format, t.span.start, t.span.end, t.rows.length, t.columns.map((c) => c.headerPath.join('/') + ':' + c.role).join('|')]),
    counts: [r.model.numbers.length, r.model.sentences.length, r.model.paragraphs.length, r.model.sections.length],
  };
}
writeFileSync(out, JSON.stringify(result));
console.log(Object.keys(result).length, 'inputs written to', out);
