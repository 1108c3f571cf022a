import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CodimInstance, runner } from '../../src/claims/arora/codimTwoArb.js';
import { enterEosCodim2 as claim } from '../../src/claims/arora/codimTwoEos.js';
import { pointInfo } from '../../src/dynamics/pointInfo.js';
import { stepper } from '../../src/dynamics/stepper.js';
import { createContext } from '../../src/harness/checkContext.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * arora.enters-eos-codim2 through its own check at f64, against its statement read afresh: run the rule
 * ⌈0.1/η²⌉ steps, then over 10 steps take k_t = η_t·λ₁(θ_t) with η_t = η/‖∇L‖ (NGD) or η/(2√L) (√L-GD), and
 * the largest |2/(1/k_t + 1/k_{t+1}) − 2|. At η = 0.08 (16 steps of warm-up) this must be the error the
 * evidence reports for that rung, for an NGD draw, a √L-GD draw and its plain-GD control (η_t = η).
 */
const f64 = parsePrecision('f64');

function harmonicMeanError(i: CodimInstance, lr: string): number {
  const { ctx } = createContext({ precision: f64, tolerance: claim.tolerance, mode: 'claim', budget: claim.budget });
  const { F } = ctx;
  const { model, theta } = ctx.model(i);
  const eta = Number(lr);
  const run = stepper(runner(model, i.run, lr), theta);
  const warm = Math.ceil(0.1 / eta ** 2);
  for (let t = 0; t < warm; t++) run.step();
  const k: number[] = [];
  for (let t = 0; t < 10; t++) {
    const P = pointInfo(model, run.theta);
    const g = Math.hypot(...P.grad().map((x) => F.toNumber(x)));
    const etaT = i.run === 'ngd' ? eta / g : i.run === 'sqrt-gd' ? eta / (2 * Math.sqrt(F.toNumber(P.loss()))) : eta;
    k.push(etaT * F.toNumber(P.sharpness()));
    run.step();
  }
  return Math.max(...k.slice(1).map((kt, t) => Math.abs(2 / (1 / k[t] + 1 / kt) - 2)));
}

describe('arora.enters-eos-codim2 against its statement read afresh', () => {
  it('reports, for an NGD draw, a √L-GD draw and a GD control, the two-step harmonic-mean error at η = 0.08 the statement defines, and the model and rule it ran', () => {
    const draws = fc.sample(claim.arbitrary, { seed: 1, numRuns: 3 });
    // The negative control runs plain GD (η_t = η) on the same instances.
    const [control] = fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: 1 });
    const picked = [draws.find((i) => i.run === 'ngd'), draws.find((i) => i.run === 'sqrt-gd'), control];
    for (const i of picked) {
      if (i === undefined) throw new Error('the first draws hold both rules');
      // As a control, whose hypotheses are waived: an undetermined order stops the claim before its evidence (and its rungs) is written.
      const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
      const d = o.evidence.details ?? {};
      expect([d.model, d.rule]).toEqual([i.model, i.run]);
      const first = /η=0\.08000: ([0-9.e+-]+)/.exec(String(d.fitRungs));
      expect(first, String(d.fitRungs)).not.toBeNull();
      const expected = harmonicMeanError(i, '0.08');
      expect(Number(first?.[1])).toBeCloseTo(Number(expected.toPrecision(4)), 12);
    }
  });
});
