import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../../src/claims/claim.js';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import type { OptimizerState } from '../../src/dynamics/optimizer.js';

/**
 * damian.constrained-trajectory.projection judges what eoscheck's pgd returns: on the toy it always succeeds, lands on
 * x† = 0 and is feasible, so the check's own tests of those facts never fire on a real run. Here pgd is wrapped so
 * that one state is altered by a stated amount (a fault the check must see, or a change within its bounds it must
 * accept), and the check runs at f64 on the climb of properties/papers/damianConstrainedTrajectory.test.ts.
 */
const fault = vi.hoisted(() => ({ at: -1, alter: (s: OptimizerState<number>): OptimizerState<number> => s }));
// The suite shares one module graph across files (isolate: false), so the wrapped pgd is mocked on a fresh registry and the
// check is imported after it.
let constrainedProjection: typeof import('../../src/claims/damian/constrainedTrajectory.js').constrainedProjection;
let checkAt: typeof import('../../src/harness/evaluate.js').checkAt;
let f64: ReturnType<typeof import('../../src/numerics/precision.js').parsePrecision>;
beforeAll(async () => {
  vi.resetModules();
  vi.doMock('../../src/dynamics/pgd.js', async (original) => {
    const real = await original<typeof import('../../src/dynamics/pgd.js')>();
    return {
      ...real,
      pgd: ((model, options) => {
        const opt = real.pgd(model, options);
        const maybe = <T>(s: OptimizerState<T>) =>
          s.t === fault.at ? (fault.alter(s as unknown as OptimizerState<number>) as unknown as OptimizerState<T>) : s;
        return { ...opt, init: (theta) => maybe(opt.init(theta)), step: (s) => maybe(opt.step(s)) };
      }) as typeof real.pgd,
    };
  });
  ({ constrainedProjection } = await import('../../src/claims/damian/constrainedTrajectory.js'));
  ({ checkAt } = await import('../../src/harness/evaluate.js'));
  f64 = (await import('../../src/numerics/precision.js')).parsePrecision('f64');
  vi.doUnmock('../../src/dynamics/pgd.js');
});
// ½(199.9997 + z)x² − 0.01z at η = 0.01 from (0, 0): 2/η = 200, the clamp at z = 3e-4, ‖∇L‖ = c = 0.01 on x = 0.
const climb: ToyInstance = {
  model: 'cubic-toy',
  params: { a0: '199.9997', b: '1', c: '0.01' },
  toy: { a0: '199.9997', b: '1', c: '0.01' },
  theta: ['0', '0'],
  lr: '0.01',
  steps: 2,
};

function run(at: number, alter: (s: OptimizerState<number>) => OptimizerState<number>): Outcome {
  fault.at = at;
  fault.alter = alter;
  try {
    const o = checkAt(constrainedProjection, climb, f64, { mode: 'claim' }).outcome;
    if (o.verdict === 'error') throw new Error(`constrained-trajectory threw: ${o.stack}`);
    return o;
  } finally {
    fault.at = -1;
  }
}
const withX = (x: number) => (s: OptimizerState<number>) => ({ ...s, theta: [x, s.theta[1]] });

describe('damian.constrained-trajectory.projection against a pgd that misreports', () => {
  it('the unaltered pgd holds (the wrapper itself changes nothing)', () => {
    expect(run(-1, (s) => s).verdict).toBe('holds');
  });

  // |(2/η)·x†| ≤ 1e-9·c = 1e-11: x† = 1.5e-13 is 3× over, 2.5e-14 half under (and |∇L·u| ≈ S·x† stays within 1e-9‖∇L‖).
  it('x† = 1.5e-13 after step 1 is flagged as not projected, 3× its bound; x† = 2.5e-14 holds', () => {
    const o = run(1, withX(1.5e-13));
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'projection_not_exact', step: 1 } });
    expect(o.evidence.observed).toBeCloseTo(3e-11, 20);
    expect(o.evidence.bound).toBeCloseTo(1e-11, 20);
    expect(o.evidence.message).toContain('is not 0');
    expect(run(1, withX(-2.5e-14)).verdict).toBe('holds');
  });

  it('a projection reported as failed, or not reported, is flagged at its step with margin −1', () => {
    const failed = run(0, (s) => ({ ...s, projection: s.projection && { ...s.projection, projected: false, reason: 'no convergence' } }));
    expect(failed).toMatchObject({ verdict: 'violated', evidence: { code: 'projection_failed', step: 0, margin: -1, observed: 1, bound: 0 } });
    expect(failed.evidence.message).toContain('(no convergence)');
    const silent = run(2, (s) => ({ t: s.t, theta: s.theta }));
    expect(silent).toMatchObject({ verdict: 'violated', evidence: { code: 'projection_failed', step: 2 } });
    expect(silent.evidence.message).toContain('(no report)');
  });

  // S = 199.9997 + z: z = 3e-4 + 200·3e-9 puts S 3e-9 over 2/η (relative), z = 3e-4 + 200·5e-10 half the 1e-9 under.
  it('a start 3e-9 above the edge reported as projected is infeasible; 5e-10 above it holds', () => {
    const o = run(0, (s) => ({ ...s, theta: [0, 3e-4 + 6e-7] }));
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'infeasible', step: 0, bound: 1e-9 } });
    expect(o.evidence.observed).toBeCloseTo(3e-9, 12);
    expect(run(0, (s) => ({ ...s, theta: [0, 3e-4 + 1e-7] })).verdict).toBe('holds');
  });

  // At step 0 the x† test does not run (θ₀'s projection is not a step of the map); |∇L·u| ≈ S·x = 200x against 1e-9·0.01.
  it('|∇L·u| 3× over 1e-9‖∇L‖ at the projected start is infeasible, unless pgd met the constraint at resolution', () => {
    const o = run(0, withX(1.5e-13));
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'infeasible', step: 0 } });
    expect(o.evidence.observed / 3e-11).toBeCloseTo(1, 4);
    expect(o.evidence.bound / 1e-11).toBeCloseTo(1, 4);
    expect(o.evidence.message).toContain('|∇L·u|');
    const resolved = run(0, (s) => ({ ...withX(1.5e-13)(s), projection: s.projection && { ...s.projection, atResolution: true } }));
    expect(resolved.verdict).toBe('holds');
  });
});
