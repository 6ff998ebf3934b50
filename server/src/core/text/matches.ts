// Every match of a global regex, as String.prototype.matchAll yields them. matchAll clones its regex on
// every call (the RegExp species protocol), which over a report's short sentences cost ten times the
// matching itself; an exec loop on the regex does not.

/** The matches of `re` (global) in `text`, in order; `re.lastIndex` is left at 0. */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regex: ${re}`);
  const unicode = re.unicode || re.flags.includes('v');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // (An empty match would match again where it stood: step over one character, as matchAll does.)
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, unicode);
  }
  return out;
}

function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}
