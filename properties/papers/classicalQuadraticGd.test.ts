import { describe, expect, it } from 'vitest';
import { quadraticMonotoneBelowEdge as claim } from '../../src/claims/classical/classical.js';
import { gdSteps, quadraticSetup } from '../../src/claims/classical/quadraticGd.js';
import type { QuadraticGdInstance } from '../../src/claims/classical/quadraticGdInstance.js';
import { createContext } from '../../src/harness/checkContext.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * The certificate every quadratic GD instance carries (src/claims/classical/quadraticGd.ts): its
 * eigenpairs and θ* are checked against A and b up to 64·p ulps of the entries' size, and an
 * instance whose certificate is malformed or does not certify A is inconclusive (a hypothesis about
 * λ_max that cannot be trusted), never a crash nor a run; and GD runs the instance's number of steps.
 * Through classical.quadratic.monotone-below-edge at f64.
 */
const f64 = parsePrecision('f64');

/** ½θᵀAθ − bᵀθ with A = diag(2s, s), θ* = (1, −1) (so b = (2s, −s)), from (1.5, 0) at κ = η·2s = 1. */
function diag(s: '1' | '100', more: Partial<QuadraticGdInstance> = {}): QuadraticGdInstance {
  const [a, b] = s === '1' ? ['2', '1'] : ['200', '100'];
  return {
    model: 'quadratic',
    params: {},
    data: {
      A: [
        [a, '0'],
        ['0', b],
      ],
      b: [a, `-${b}`],
    },
    eigen: {
      values: [a, b],
      vectors: [
        ['1', '0'],
        ['0', '1'],
      ],
    },
    thetaStar: ['1', '-1'],
    theta: ['1.5', '0'],
    lr: s === '1' ? '0.5' : '0.005',
    steps: 3,
    ...more,
  };
}

const outcome = (i: QuadraticGdInstance) => checkAt(claim, i, f64, { mode: 'claim' }).outcome;
const refused = (i: QuadraticGdInstance) => {
  const o = outcome(i);
  return o.verdict === 'inconclusive' && o.reason === 'hypotheses' ? o.evidence.code : `${o.verdict}: ${o.evidence.message}`;
};

describe('the quadratic certificate', () => {
  it('holds the claim when it certifies A and b', () => {
    expect(outcome(diag('1')).verdict).toBe('holds');
    expect(outcome(diag('100')).verdict).toBe('holds');
  });

  it('refuses a certificate of the wrong shape', () => {
    const c = diag('1');
    expect(refused({ ...c, eigen: { values: ['2'], vectors: c.eigen.vectors } })).toBe('certificate_shape');
    expect(refused({ ...c, eigen: { values: c.eigen.values, vectors: [['1', '0']] } })).toBe('certificate_shape');
    expect(refused({ ...c, eigen: { values: c.eigen.values, vectors: [['1', '0'], ['0']] } })).toBe('certificate_shape');
    expect(refused({ ...c, thetaStar: ['1'] })).toBe('certificate_shape');
  });

  it('refuses eigenvectors that are not unit, a θ* off Aθ* = b, and a first eigenvalue that is not the largest', () => {
    const c = diag('1');
    const withVectors = (vectors: string[][]) => refused({ ...c, eigen: { values: c.eigen.values, vectors } });
    // Not unit (the first has length 2); unit but not orthogonal (the second is (0.6, 0.8)).
    for (const vectors of [
      [
        ['2', '0'],
        ['0', '1'],
      ],
      [
        ['1', '0'],
        ['0.6', '0.8'],
      ],
    ])
      expect(withVectors(vectors)).toBe('certificate');
    expect(refused({ ...c, thetaStar: ['1', '1'] })).toBe('certificate');
    expect(
      refused({
        ...c,
        eigen: {
          values: ['1', '2'],
          vectors: [
            ['0', '1'],
            ['1', '0'],
          ],
        },
      }),
    ).toBe('certificate');
  });

  it("allows 64·p ulps of the entries' size: λ₀ off by half of it passes, by twice it does not (p = 2, size 2 and 200)", () => {
    // 64·2·2⁻⁵³·2 = 2.84e-14 at size 2; 100 times that at size 200.
    const off = (s: '1' | '100', lambda0: string) => {
      const c = diag(s);
      return { ...c, eigen: { values: [lambda0, c.eigen.values[1]], vectors: c.eigen.vectors } };
    };
    expect(outcome(off('1', '2.0000000000000142')).verdict).toBe('holds');
    expect(refused(off('1', '2.0000000000000568'))).toBe('certificate');
    expect(outcome(off('100', '200.00000000000142')).verdict).toBe('holds');
    expect(refused(off('100', '200.00000000000568'))).toBe('certificate');
  });
});

describe('gdSteps', () => {
  it("runs the instance's steps, t = 0 … steps − 1, each step's next loss the following step's loss", () => {
    const { ctx } = createContext({ precision: f64, tolerance: claim.tolerance, mode: 'claim', budget: claim.budget });
    const s = quadraticSetup(diag('1'), ctx);
    const steps = [...gdSteps(s, 5)];
    expect(steps.map((st) => st.t)).toEqual([0, 1, 2, 3, 4]);
    for (let k = 1; k < steps.length; k++) expect(steps[k].loss).toBe(steps[k - 1].next);
  });
});
