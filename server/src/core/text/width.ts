// Display width on the character grid that `pdftotext -layout` and terminals use: East Asian wide
// and full-width characters take two columns, the rest one; a form feed (page break) takes none.

/** Width of one UTF-16 code unit: a high surrogate carries the width of its pair, a low one none. */
export function unitWidth(code: number, next: number): number {
  if (code === 0x0c) return 0;
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
    return point >= 0x20000 ? 2 : 1;
  }
  if (code < 0x1100) return 1;
  // Curly quotes and the ellipsis are East Asian ambiguous: a Chinese font sets them full width
  // (`“三公”经费` takes the space of six characters on the page).
  if (code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x2026) return 2;
  return (code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
    ? 2
    : 1;
}

/** Display columns of a string (full-width characters count two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += unitWidth(text.charCodeAt(i), i + 1 < text.length ? text.charCodeAt(i + 1) : 0);
  return width;
}
