import { Decimal } from 'decimal.js';
import { expect, test } from 'vitest';
import { f64 } from '../numerics/f64Field.js';
import { Interval } from '../numerics/interval.js';
import { intervalField } from '../numerics/intervalField.js';
import { rng } from '../numerics/rng.js';
import { compareCertainly, orderStatistic } from './orderStatistic.js';

const I = intervalField(20);

/** n random intervals of widths up to 0.3 on [−1, 1], and a point drawn inside each. */
function draw(seed: number, n: number) {
  const g = rng(seed);
  const xs: Interval[] = [];
  const pts: number[] = [];
  for (let i = 0; i < n; i++) {
    const lo = 2 * g.next() - 1;
    const w = 0.3 * g.next() * (g.next() < 0.2 ? 0 : 1);
    const p = lo + w * g.next();
    xs.push(new Interval(new Decimal(lo), new Decimal(lo + w)));
    pts.push(p >= lo && p <= lo + w ? p : lo);
  }
  return { xs, pts };
}

test('the order statistic of enclosures contains that of any points drawn inside them (sorted points as the oracle)', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const { xs, pts } = draw(seed, 1 + (seed % 9));
    const k = seed % xs.length;
    const e = orderStatistic(I, xs, k);
    const oracle = [...pts].sort((a, b) => a - b)[k];
    expect(e.contains(oracle), `${oracle} ∉ ${e.toString()}`).toBe(true);
  }
  expect(orderStatistic(f64, [3, 1, 2], 1)).toBe(2);
});

test('a certain comparison of enclosures agrees with every pair of points inside them; apart-or-equal is decided, overlap is not', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const { xs, pts } = draw(seed, 2);
    const c = compareCertainly(I, xs[0], xs[1]);
    if (c !== undefined) expect(c).toBe(Math.sign(pts[0] - pts[1]));
    const overlap = xs[0].hi.gte(xs[1].lo) && xs[1].hi.gte(xs[0].lo);
    if (!overlap) expect(c).toBeDefined();
  }
  const p = Interval.point(new Decimal(1));
  expect(compareCertainly(I, p, p)).toBe(0);
  expect(compareCertainly(I, new Interval(new Decimal(0), new Decimal(1)), p)).toBeUndefined();
  expect([compareCertainly(f64, 1, 2), compareCertainly(f64, 2, 2), compareCertainly(f64, 3, 2)]).toEqual([-1, 0, 1]);
});
