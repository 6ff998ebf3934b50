// Memo tables that live for one lint.
//
// A memo keyed by a lint's objects (a table's index, a sentence's clauses) must not outlive the lint. A module-level
// WeakMap sits in V8's old space, and its entries keep their values alive through every minor GC until a full one: each
// table index, operand and cell a memo reached was promoted and copied, about 1 MB per 30 KB report, a sixth of a batch
// run's time. These tables are dropped when a lint ends (forgetLintMemos), so what a lint built dies young with it. They
// stay weak: a model built outside a lint (the table preview, a test) holds its memos no longer than it lives.

const memos: Array<LintMemo<object, unknown>> = [];

export class LintMemo<K extends object, V> {
  private map: WeakMap<K, V> | undefined;

  constructor() {
    memos.push(this as LintMemo<object, unknown>);
  }

  get(key: K): V | undefined {
    return this.map?.get(key);
  }

  has(key: K): boolean {
    return this.map?.has(key) ?? false;
  }

  set(key: K, value: V): void {
    (this.map ??= new WeakMap()).set(key, value);
  }

  /** The value for `key`: `compute(key)` on the first request, the same value after. */
  of(key: K, compute: (key: K) => V): V {
    const map = (this.map ??= new WeakMap());
    let value = map.get(key);
    if (value === undefined && !map.has(key)) map.set(key, (value = compute(key)));
    return value as V;
  }

  forget(): void {
    this.map = undefined;
  }
}

/** Drops every memo's entries: called when a lint returns (or throws). */
export function forgetLintMemos(): void {
  for (const memo of memos) memo.forget();
}
