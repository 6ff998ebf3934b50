// Memoised string normalisers: reports repeat the same words and labels hundreds of times.

/** `fn` with its results remembered; the memory is dropped when it holds more than `limit` entries. */
export function memoizeString(fn: (input: string) => string, limit = 20000): (input: string) => string {
  const cache = new Map<string, string>();
  return (input) => {
    let out = cache.get(input);
    if (out === undefined) {
      out = fn(input);
      if (cache.size >= limit) cache.clear();
      cache.set(input, out);
    }
    return out;
  };
}
