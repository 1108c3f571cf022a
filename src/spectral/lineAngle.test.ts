import { describe, expect, it } from 'vitest';
import { decimalField } from '../numerics/decimalField.js';
import { f64 as f64Field } from '../numerics/f64Field.js';
import { intervalField } from '../numerics/intervalField.js';
import { lineAngle } from './lineAngle.js';

describe('lineAngle', () => {
  it('is exactly 0 for parallel lines (either sign), where arccos of the cosine has a floor of ~2e-8 rad in f64', () => {
    const F = f64Field;
    const u = [0.6, 0.8].map((x) => F.from(x));
    expect(lineAngle(F, u, u)).toBe(0);
    expect(
      lineAngle(
        F,
        u,
        u.map((x) => -3 * x),
      ),
    ).toBeLessThan(3e-16);
    // The old formula's floor, for contrast: acos of a rounded cosine of parallel unit vectors.
    expect(Math.acos(Math.min(1, 0.6 * 0.6 + 0.8 * 0.8 - 2 ** -53))).toBeGreaterThan(1e-8);
  });

  it('keeps tiny angles to full relative accuracy (against the closed form at dec:60)', () => {
    const D = decimalField(60);
    for (const t of ['1e-12', '1e-30', '0.3', '1.5']) {
      const th = D.from(t);
      const u = [D.one, D.zero];
      const v = [D.cos(th), D.sin(th)];
      const got = lineAngle(D, u, v);
      expect(Math.abs(D.toNumber(D.div(D.sub(got, th), th)))).toBeLessThan(1e-50);
    }
  });

  it('measures lines, not vectors: the angle to −v equals the angle to v, and is at most π/2', () => {
    const F = f64Field;
    const u = [1, 0];
    const v = [Math.cos(2.5), Math.sin(2.5)];
    expect(lineAngle(F, u, v)).toBeCloseTo(Math.PI - 2.5, 14);
    expect(
      lineAngle(
        F,
        u,
        v.map((x) => -x),
      ),
    ).toBeCloseTo(Math.PI - 2.5, 14);
  });

  it('encloses the angle at interval:N (and an exact 0 is the point 0)', () => {
    const I = intervalField(40);
    const u = [I.from('0.6'), I.from('0.8')];
    expect(I.toString(lineAngle(I, u, u))).toBe('[0, 0]');
    const v = [I.one, I.from('1e-20')];
    const a = lineAngle(I, [I.one, I.zero], v);
    // atan(1e-20) = 1e-20 − 3.3e-61: inside the enclosure.
    expect(a.lo.lte('1e-20') && a.hi.gte('0.99999999999999999999e-20')).toBe(true);
  });
});
