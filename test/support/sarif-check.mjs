// The essential constraints of the SARIF 2.1.0 schema for what juesuan-lint emits (checked offline:
// the official schema would need a download and a JSON-schema validator). Returns a list of errors.
const LEVELS = new Set(['none', 'note', 'warning', 'error']);
const COLUMN_KINDS = new Set(['utf16CodeUnits', 'unicodeCodePoints']);

export function validateSarif(log) {
  const errors = [];
  const err = (path, msg) => errors.push(`${path}: ${msg}`);
  const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const int = (v, min) => Number.isInteger(v) && v >= min;
  const message = (m, path) => {
    if (!isObj(m) || (typeof m.text !== 'string' && typeof m.id !== 'string')) err(path, 'message needs text or id');
  };
  const uriRef = (u, path) => {
    if (typeof u !== 'string') return err(path, 'uri must be a string');
    // A URI reference: no spaces or raw non-ASCII (those must be percent-encoded), no backslashes.
    if (/[\s\\]|[^\x21-\x7e]/.test(u)) err(path, `not a valid URI reference: ${u}`);
  };
  const region = (r, path) => {
    if (!isObj(r)) return err(path, 'region must be an object');
    if (!int(r.startLine, 1)) err(path, 'startLine ≥ 1');
    for (const k of ['startColumn', 'endLine', 'endColumn']) if (k in r && !int(r[k], 1)) err(path, `${k} ≥ 1`);
    if (r.endLine !== undefined && r.endLine < r.startLine) err(path, 'endLine < startLine');
    if (r.endLine === r.startLine && r.endColumn !== undefined && r.endColumn < r.startColumn) err(path, 'endColumn < startColumn on one line');
  };
  const physical = (p, path, artifacts) => {
    if (!isObj(p)) return err(path, 'physicalLocation must be an object');
    if (!isObj(p.artifactLocation)) return err(path, 'artifactLocation required');
    uriRef(p.artifactLocation.uri, `${path}.artifactLocation.uri`);
    const idx = p.artifactLocation.index;
    if (idx !== undefined && (!int(idx, 0) || idx >= artifacts.length)) err(path, 'artifactLocation.index out of range');
    if (p.region !== undefined) region(p.region, `${path}.region`);
  };

  if (!isObj(log)) return ['log must be an object'];
  if (log.version !== '2.1.0') err('version', 'must be "2.1.0"');
  if (typeof log.$schema !== 'string' || !/sarif-2\.1\.0/.test(log.$schema)) err('$schema', 'should reference the 2.1.0 schema');
  if (!Array.isArray(log.runs)) return [...errors, 'runs must be an array'];
  log.runs.forEach((run, ri) => {
    const rp = `runs[${ri}]`;
    const driver = run?.tool?.driver;
    if (!isObj(driver)) return err(`${rp}.tool.driver`, 'required');
    if (typeof driver.name !== 'string' || !driver.name) err(`${rp}.tool.driver.name`, 'required');
    if (driver.informationUri !== undefined && !/^https?:\/\//.test(driver.informationUri)) err(`${rp}.tool.driver.informationUri`, 'absolute URI');
    const rules = driver.rules ?? [];
    const ids = new Set();
    rules.forEach((rule, i) => {
      const p = `${rp}.tool.driver.rules[${i}]`;
      if (typeof rule.id !== 'string' || !rule.id) err(p, 'id required');
      if (ids.has(rule.id)) err(p, `duplicate rule id ${rule.id}`);
      ids.add(rule.id);
      for (const k of ['shortDescription', 'fullDescription']) if (rule[k] !== undefined) message(rule[k], `${p}.${k}`);
      if (rule.helpUri !== undefined && !/^https?:\/\//.test(rule.helpUri)) err(p, 'helpUri must be absolute');
      const level = rule.defaultConfiguration?.level;
      if (level !== undefined && !LEVELS.has(level)) err(p, `bad default level ${level}`);
    });
    if (run.columnKind !== undefined && !COLUMN_KINDS.has(run.columnKind)) err(`${rp}.columnKind`, 'bad value');
    const artifacts = run.artifacts ?? [];
    artifacts.forEach((a, i) => uriRef(a.location?.uri, `${rp}.artifacts[${i}].location.uri`));
    for (const [k, v] of Object.entries(run.originalUriBaseIds ?? {})) {
      if (!/^file:\/\/.*\/$/.test(v.uri)) err(`${rp}.originalUriBaseIds.${k}`, 'must be an absolute file URI ending in /');
    }
    if (!Array.isArray(run.results)) return err(`${rp}.results`, 'must be an array');
    run.results.forEach((res, i) => {
      const p = `${rp}.results[${i}]`;
      message(res.message, `${p}.message`);
      if (res.level !== undefined && !LEVELS.has(res.level)) err(p, `bad level ${res.level}`);
      if (res.ruleIndex !== undefined) {
        if (!int(res.ruleIndex, 0) || res.ruleIndex >= rules.length) err(p, 'ruleIndex out of range');
        else if (rules[res.ruleIndex].id !== res.ruleId) err(p, 'ruleIndex does not point at ruleId');
      }
      (res.locations ?? []).forEach((l, j) => physical(l.physicalLocation, `${p}.locations[${j}].physicalLocation`, artifacts));
      (res.relatedLocations ?? []).forEach((l, j) => {
        if (l.id !== undefined && !int(l.id, 0)) err(`${p}.relatedLocations[${j}]`, 'id ≥ 0');
        physical(l.physicalLocation, `${p}.relatedLocations[${j}].physicalLocation`, artifacts);
      });
      (res.fixes ?? []).forEach((fix, j) => {
        const fp = `${p}.fixes[${j}]`;
        if (!Array.isArray(fix.artifactChanges) || fix.artifactChanges.length === 0) return err(fp, 'artifactChanges required (≥ 1)');
        fix.artifactChanges.forEach((c, k) => {
          uriRef(c.artifactLocation?.uri, `${fp}.artifactChanges[${k}].artifactLocation.uri`);
          if (!Array.isArray(c.replacements) || c.replacements.length === 0) err(`${fp}.artifactChanges[${k}]`, 'replacements required (≥ 1)');
          (c.replacements ?? []).forEach((r, m) => region(r.deletedRegion, `${fp}.artifactChanges[${k}].replacements[${m}].deletedRegion`));
        });
      });
    });
    for (const inv of run.invocations ?? []) {
      if (typeof inv.executionSuccessful !== 'boolean') err(`${rp}.invocations`, 'executionSuccessful required');
      for (const n of inv.toolExecutionNotifications ?? []) message(n.message, `${rp}.invocations.notification`);
    }
  });
  return errors;
}
