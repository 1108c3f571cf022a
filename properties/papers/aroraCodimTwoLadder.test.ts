import { describe, expect, it } from 'vitest';
import { type CodimInstance, ngdLimitingFlowCodim2 as claim } from '../../src/claims/arora/codimTwoFlow.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { decoupledDiagonal } from '../../test-support/decoupledDiagonal.js';

/**
 * The ladder of the codimension ≥ 2 claims (codimTwoLadder.ts) through arora.ngd.limiting-flow-codim2's
 * check, on diagonal linear networks whose pairs decouple: X = [[1, 0], [0, 1], [0, 0]], y = (2, β₂, 0),
 * L = ((u₁v₁ − 2)² + (u₂v₂ − β₂)²)/6. On Γ the Hessian has eigenvalues (uᵢ² + vᵢ²)/3 and 0, and NGD's flow
 * moves s = u₁² − v₁² by ds/dt = −s/√(s² + 16) (λ₁ = √(s² + 16)/3) while pair 2 stays put. Each guard
 * stops an instance just outside it and lets the one just inside through; inside all, λ₁ along the flow
 * is the closed form's.
 */
const f64 = parsePrecision('f64');

/** θ = (u₁, u₂, v₁, v₂) on Γ (y from it), with NGD's ladder. */
function network(theta: readonly [string, string, string, string], y2: string, lrs = ['0.08', '0.04', '0.02', '0.01']): CodimInstance {
  return decoupledDiagonal(theta, { y2, lrs, horizon: '0.3' });
}

const check = (i: CodimInstance) => {
  const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
  return { verdict: o.verdict, code: o.evidence.code, o };
};

/** NGD's s(t) from s₀: G(s) = √(s² + 16) − 4·ln((4 + √(s² + 16))/s) decreases at rate 1, solved by bisection. */
function ngdS(s0: number, t: number): number {
  const G = (s: number) => Math.sqrt(s * s + 16) - 4 * Math.log((4 + Math.sqrt(s * s + 16)) / s);
  let [lo, hi] = [1e-9, s0];
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (G(mid) < G(s0) - t) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('the codimension ≥ 2 ladder through arora.ngd.limiting-flow-codim2', () => {
  const good = network(['2', '1', '1', '0.5'], '0.5');

  it('holds from (2, 1, 1, 0.5) ∈ Γ, with λ₁ along the flow from 5/3 to the closed form at T = 0.3', () => {
    const { verdict, code, o } = check(good);
    expect([verdict, code]).toEqual(['holds', 'order_reached']);
    expect(o.evidence.details?.lambdaFlowStart as number).toBeCloseTo(5 / 3, 12);
    expect(o.evidence.details?.lambdaFlowEnd as number).toBeCloseTo(Math.sqrt(ngdS(3, 0.3) ** 2 + 16) / 3, 8);
  });

  it('is about its own rule: an instance of √L-GD is inconclusive (wrong_rule)', () => {
    expect(check({ ...good, rule: 'sqrt-gd', run: 'sqrt-gd' }).code).toBe('wrong_rule');
  });

  it('reports an x_init from which gradient flow does not reach Γ in 3000 unit times as no_projection: a second pair (0.01, 0.01) of curvature ≤ 7e-5 falling to β₂ = 1e-6', () => {
    const { verdict, code } = check(network(['2.03', '0.01', '0.98', '0.01'], '0.000001'));
    expect([verdict, code]).toEqual(['diverged', 'no_projection']);
  });

  it('needs 4 values of η: 3 are inconclusive (ladder)', () => {
    expect(check(network(['2', '1', '1', '0.5'], '0.5', ['0.08', '0.04', '0.02'])).code).toBe('ladder');
  });

  it('needs codimension 2 at Φ(x_init): with u₂ = v₂ = 0 (β₂ = 0) the second pair adds no normal direction (codimension)', () => {
    expect(check(network(['2', '0', '1', '0'], '0')).code).toBe('codimension');
  });

  it('needs (λ₁ − λ₂)/λ₁ ≥ 0.05 along the flow: a balanced second pair at 4.7988/5 of λ₁ (gap 0.040) is eigengap, at 4.5/5 (gap ≥ 0.08) it holds', () => {
    expect(check(network(['2', '1.549', '1', '1.549'], '2.399401')).code).toBe('eigengap');
    expect(check(network(['2', '1.5', '1', '1.5'], '2.25')).verdict).toBe('holds');
  });
});
