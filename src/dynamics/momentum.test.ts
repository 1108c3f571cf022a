import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { momentum } from './momentum.js';
import { replayFrom } from './replayFrom.js';
import { runTrajectory } from './runTrajectory.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

const quad1 = (lambda: string) => quadraticModel([[lambda]]);

describe('momentum (heavy ball)', () => {
  it('is θ − η∇L + β(θ − θ⁻), starting at rest, with β = 0.9 by default', () => {
    const b = quad1('2').bind(f64);
    const opt = momentum(b, { lr: 0.1 });
    expect(opt.params).toEqual({ beta: '0.9' });
    const s0 = opt.init([1]);
    const s1 = opt.step(s0);
    expect(s1.theta[0]).toBeCloseTo(1 - 0.1 * 2, 15);
    expect(s1.prevTheta).toEqual([1]);
    const s2 = opt.step(s1);
    expect(s2.theta[0]).toBeCloseTo(0.8 - 0.1 * 1.6 + 0.9 * (0.8 - 1), 15);
    expect(() => momentum(b, { lr: 0.1, beta: 1 })).toThrow(/β/);
  });

  it('on a 1-D quadratic, converges at η = 0.99·(2+2β)/λ and diverges at 1.01·(2+2β)/λ (docs/claims/classical.md)', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '0.5', '0.9'), fc.integer({ min: 1, max: 5000 }), (beta, k) => {
        const lambda = (k / 1000).toString();
        const threshold = (2 + 2 * Number(beta)) / Number(lambda);
        const run = (factor: number) =>
          runTrajectory(quad1(lambda), f64, ['1'], {
            optimizer: { id: 'momentum', lr: String(factor * threshold), beta },
            steps: 3000,
            every: 100,
          });
        const below = run(0.99);
        expect(below.diverged).toBe(false);
        expect(Math.abs(below.rows[below.rows.length - 1].theta[0])).toBeLessThan(1e-6);
        const above = run(1.01);
        expect(above.diverged).toBe(true);
        expect(above.events[above.events.length - 1]).toMatchObject({ kind: 'diverged', where: 'theta' });
      }),
      { numRuns: 12, seed: 17 },
    );
  });

  it('replays from a recorded step with its θ⁻ (same field: identical; dec:50: within 1e-12)', () => {
    const model = quadraticModel(
      [
        ['3', '1'],
        ['1', '2'],
      ],
      ['1', '0'],
    );
    const r = runTrajectory(model, f64, ['1', '-1'], { optimizer: { id: 'momentum', lr: '0.3', beta: '0.6' }, steps: 40, every: 5 });
    const again = replayFrom(r, 3, f64);
    expect(again.rows.map((row) => row.theta)).toEqual(r.rows.slice(3).map((row) => row.theta));
    const hi = replayFrom(r, 3, decimalField(50));
    expect(hi.precision).toEqual({ kind: 'dec', digits: 50 });
    hi.rows.forEach((row, k) => {
      const want = r.rows[3 + k].theta;
      (row.theta as { toNumber(): number }[]).forEach((x, i) => expect(Math.abs(x.toNumber() - want[i])).toBeLessThan(1e-12));
    });
  });
});
