// A small glob matcher: `*` (within a path segment), `**` (any number of segments), `?`, `{a,b}`
// (nested allowed) and `\` escapes. Paths are matched in POSIX form. A dependency (minimatch,
// picomatch) would add features we do not need (extglobs, negation) for a handful of lines.

const MAGIC = /[*?{}]/;

/** True when the argument should be expanded as a pattern rather than taken as a path. */
export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern.replace(/\\./g, ''));
}

/** `a{b,c{d,e}}f` → [abf, acdf, acef]. Unbalanced braces are taken literally. */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        if (commas.length === 0) {
          // `{a}` is not an alternation: keep the braces literal and expand the rest.
          return expandBraces(pattern.slice(i + 1)).map((rest) => `${pattern.slice(0, i + 1).replace(/[{}]/g, '\\$&')}${rest}`);
        }
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        const bounds = [open, ...commas, i];
        const out: string[] = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          for (const alt of expandBraces(pattern.slice(bounds[k] + 1, bounds[k + 1]))) {
            for (const rest of expandBraces(tail)) out.push(head + alt + rest);
          }
        }
        return out;
      }
    } else if (c === ',' && depth === 1) {
      commas.push(i);
    }
  }
  return [pattern];
}

function segmentToRegExp(segment: string): string {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) re += escape(segment[++i]);
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += escape(c);
  }
  return re;
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Regular expression for one brace-free pattern, matching whole POSIX paths. */
export function globToRegExp(pattern: string): RegExp {
  const parts = pattern.split('/');
  let re = '^';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**') {
      // Zero or more whole segments; at the end, anything below.
      re += last ? '.*' : '(?:[^/]*/)*';
    } else {
      re += segmentToRegExp(part) + (last ? '' : '/');
    }
  });
  return new RegExp(`${re}$`);
}

/** Matcher for a pattern with braces. */
export function compileGlob(pattern: string): (path: string) => boolean {
  const res = expandBraces(pattern).map(globToRegExp);
  return (path) => res.some((re) => re.test(path));
}

/** The leading directory part without magic characters, where walking starts (`docs/**\/*.md` → `docs`). */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isGlob(part)) break;
    base.push(part);
  }
  if (base.length === 1 && base[0] === '') return '/';
  return base.length === 0 ? '.' : base.join('/');
}
