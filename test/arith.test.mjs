// The checks decide in exact fixed-point integers when every operand fits, and in Decimals
// otherwise. Both must give the same verdicts and the same numbers: random operands are checked
// both ways (the Decimal-only operands have no fixed-point form, so they take the slow path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const { arith, makeOperand } = core;
// The engine's own Decimal class (its precision is set for the engine).
const Decimal = arith.HUNDRED.constructor;

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number as a report writes it: up to 7 integer digits (× 10⁸ stays safe), 0–4 decimals, sometimes negative. */
function writtenNumber(rand) {
  const decimals = Math.floor(rand() * 5);
  const digits = 1 + Math.floor(rand() * 7);
  let text = String(Math.floor(rand() * 10 ** digits));
  if (decimals) text += '.' + String(Math.floor(rand() * 10 ** decimals)).padStart(decimals, '0');
  return { text: rand() < 0.1 ? `-${text}` : text, decimals };
}

/** The same written number as a fast (fixed-point) and a slow (Decimal-only) operand. */
function pair(rand, label) {
  const { text, decimals } = writtenNumber(rand);
  const value = new Decimal(text);
  const halfUlp = arith.halfUlp(decimals);
  const fast = makeOperand({ label, fixed: value.times(1e8).toNumber(), fixedHalf: halfUlp.times(1e8).toNumber(), text, decimals });
  const slow = makeOperand({ label, value, halfUlp, text, decimals });
  assert.ok(fast.fixed !== undefined && slow.fixed === undefined);
  return { fast, slow };
}

const same = (a, b, what) => assert.equal(a.toString(), b.toString(), what);

test('sums, partial sums, equalities and ≤ agree between fixed point and Decimals', () => {
  const rand = random(20261125);
  for (let i = 0; i < 3000; i++) {
    const total = pair(rand, 'total');
    const parts = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, k) => pair(rand, `p${k}`));
    // A third of the totals are the exact sum, so both verdicts are exercised.
    if (i % 3 === 0) {
      const sum = parts.reduce((s, p) => s.plus(p.slow.value), new Decimal(0));
      total.fast = makeOperand({ label: 'total', fixed: sum.times(1e8).toNumber(), fixedHalf: 5e5 });
      total.slow = makeOperand({ label: 'total', value: sum, halfUlp: new Decimal('0.005') });
    }
    const signs = parts.map(() => (rand() < 0.2 ? -1 : 1));
    for (const [name, check] of [
      ['checkSum', (t, ps) => arith.checkSum(t, ps, signs)],
      ['checkPartialSum', (t, ps) => arith.checkPartialSum(t, ps)],
    ]) {
      const f = check(total.fast, parts.map((p) => p.fast));
      const s = check(total.slow, parts.map((p) => p.slow));
      assert.equal(f.ok, s.ok, `${name} #${i}`);
      same(f.sum, s.sum, `${name} sum #${i}`);
      same(f.diff, s.diff, `${name} diff #${i}`);
      same(f.tolerance, s.tolerance, `${name} tolerance #${i}`);
    }
    const a = parts[0];
    assert.equal(arith.checkEqual(total.fast, a.fast).ok, arith.checkEqual(total.slow, a.slow).ok, `checkEqual #${i}`);
    assert.equal(arith.checkLe(a.fast, total.fast).ok, arith.checkLe(a.slow, total.slow).ok, `checkLe #${i}`);
    assert.equal(arith.compareBeyondRounding(a.fast, total.fast), arith.compareBeyondRounding(a.slow, total.slow), `compareBeyondRounding #${i}`);
    same(arith.checkLe(a.fast, total.fast).diff, arith.checkLe(a.slow, total.slow).diff, `checkLe diff #${i}`);
    const derived = arith.sumOperand(parts.map((p) => p.fast), 'Σ', undefined, signs);
    assert.ok(derived.fixed !== undefined);
    same(derived.value, arith.sumOperand(parts.map((p) => p.slow), 'Σ', undefined, signs).value, `sumOperand #${i}`);
  }
});

test('ratio verdicts agree between the integer fast path and Decimals, at and around the rounding edges', () => {
  const rand = random(7);
  for (let i = 0; i < 3000; i++) {
    const part = pair(rand, 'part');
    const base = pair(rand, 'base');
    const decimals = Math.floor(rand() * 3);
    // Stated: the correctly rounded ratio, or one unit off, or the truncated ratio.
    const exact = part.slow.value.abs().div(base.slow.value.abs().plus(1)).times(100);
    const rounded = exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    const choice = i % 4;
    const stated = choice === 0 ? rounded : choice === 1 ? rounded.plus(new Decimal(10).pow(-decimals)) : choice === 2 ? exact.toDecimalPlaces(decimals, Decimal.ROUND_DOWN) : rounded.minus(new Decimal(10).pow(-decimals)).abs();
    const text = stated.toFixed(decimals);
    const statedFast = makeOperand({ label: 'r', fixed: stated.times(1e8).toNumber(), fixedHalf: arith.halfUlp(decimals).times(1e8).toNumber(), text, decimals });
    const statedSlow = makeOperand({ label: 'r', value: stated, halfUlp: arith.halfUlp(decimals), text, decimals });
    const denominator = { fast: makeOperand({ label: 'b', fixed: base.slow.value.abs().plus(1).times(1e8).toNumber(), fixedHalf: base.fast.fixedHalf }), slow: makeOperand({ label: 'b', value: base.slow.value.abs().plus(1), halfUlp: base.slow.halfUlp }) };
    const numerator = { fast: makeOperand({ label: 'a', fixed: Math.abs(part.fast.fixed), fixedHalf: part.fast.fixedHalf }), slow: makeOperand({ label: 'a', value: part.slow.value.abs(), halfUlp: part.slow.halfUlp }) };
    const f = arith.checkRatio(numerator.fast, denominator.fast, statedFast);
    const s = arith.checkRatio(numerator.slow, denominator.slow, statedSlow);
    assert.equal(f.status, s.status, `checkRatio #${i}: ${numerator.slow.value} / ${denominator.slow.value} vs ${text}%`);
    assert.equal(f.rounded, s.rounded, `rounded #${i}`);
    same(f.point, s.point, `point #${i}`);
  }
});

test('numbers too large or too precise for the fixed-point form take the Decimal path', () => {
  const lint = (text) => core.lint(text).findings.filter((f) => f.ruleId === 'sum-mismatch').map((f) => f.message['zh-cn']);
  // 9,000,000,000,000,000.01 万元 does not fit in a safe integer × 10⁸: the sum is still exact.
  assert.deepEqual(lint('本年支出合计9000000000000000.02万元，其中：基本支出9000000000000000.01万元，项目支出0.01万元。'), []);
  assert.equal(lint('本年支出合计9000000000000000.05万元，其中：基本支出9000000000000000.01万元，项目支出0.01万元。').length, 1);
  // A 元 amount with four decimals has no fixed-point half-width in 万元.
  assert.deepEqual(lint('本年支出合计1.0000万元，其中：基本支出5000.0000元，项目支出0.5000万元。'), []);
});

test('a figure stated twice: half-open rounding intervals that only touch still conflict', () => {
  const stated = (text, token) => {
    const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    return makeOperand({ label: text, token, value: new Decimal(text), halfUlp: arith.halfUlp(decimals), text, decimals });
  };
  assert.equal(arith.checkRestated(stated('269.85', 1), stated('269.86', 2)).ok, false, '269.85 vs 269.86');
  assert.equal(arith.checkRestated(stated('269.86', 1), stated('269.86', 2)).ok, true, 'the same figure');
  assert.equal(arith.checkRestated(stated('269.9', 1), stated('269.86', 2)).ok, true, '269.86 rounds to 269.9');
  assert.equal(arith.checkRestated(stated('269.9', 1), stated('269.95', 2)).ok, true, '[269.945, 269.95) rounds to both');
  assert.equal(arith.checkRestated(stated('270', 1), stated('269.5', 2)).ok, true, '269.5 rounds half-up to 270');
  assert.equal(arith.checkRestated(stated('270', 1), stated('269.49', 2)).ok, false, '269.49 rounds to 269');
  // A derived operand (no token: a sum of rounded parts) keeps the closed test.
  assert.equal(arith.checkRestated(stated('269.85', undefined), stated('269.86', 2)).ok, true, 'derived');
  assert.equal(arith.checkEqual(stated('269.85', 1), stated('269.86', 2)).ok, true, 'checkEqual stays closed');
});
