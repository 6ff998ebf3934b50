// Reading report files whatever their encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, or
// GB18030/GBK, which many government files still use. Decoding is strict so a GBK file is never
// silently read as UTF-8 mojibake.

export type Encoding = 'UTF-8' | 'UTF-8 BOM' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'UTF-8 (invalid bytes replaced)';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    if (text !== undefined) return { text, encoding: 'UTF-8 BOM' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };
  const gb = strict('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'GB18030' };
  // Neither: keep going with replacement characters; binary content is refused later by lint().
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8 (invalid bytes replaced)' };
}

let gbTable: Map<number, number> | undefined;

/** Char code → GBK double-byte code, built once by decoding every double-byte sequence (Node has no GB18030 encoder). */
function gbkTable(): Map<number, number> {
  if (gbTable) return gbTable;
  const table = new Map<number, number>();
  const decoder = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = decoder.decode(pair);
      if (s.length === 1 && s !== '\ufffd' && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), (lead << 8) | trail);
    }
  }
  gbTable = table;
  return table;
}

/** Encodes text back to GB18030 (ASCII + double-byte GBK); undefined when a character needs the four-byte form. */
export function encodeGb18030(text: string): Buffer | undefined {
  const table = gbkTable();
  const out = Buffer.alloc(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = table.get(c);
    if (code === undefined) return undefined;
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.subarray(0, n);
}

/** Bytes to write back a (fixed) text in the encoding it was read in; undefined when that is impossible. */
export function encode(text: string, encoding: Encoding): Buffer | undefined {
  switch (encoding) {
    case 'UTF-8':
      return Buffer.from(text, 'utf8');
    case 'UTF-8 BOM':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'UTF-16LE':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'UTF-16BE': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'GB18030':
      return encodeGb18030(text);
    default:
      // The original bytes were not valid in any encoding we know: writing would destroy them.
      return undefined;
  }
}
