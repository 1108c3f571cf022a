import { describe, expect, it } from 'vitest';
import type { CodimInstance } from '../../src/claims/arora/codimTwoArb.js';
import { type LadderRun, NGD_RUN } from '../../src/claims/arora/codimTwoLadder.js';
import { judgeSharpnessDecrease, sqrtSharpnessDecreasesCodim2 } from '../../src/claims/arora/codimTwoSharpness.js';
import { createContext, HypothesisUnmet } from '../../src/harness/checkContext.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { decoupledDiagonal } from '../../test-support/decoupledDiagonal.js';

/**
 * The λ₁-decrease verdict of the codimension ≥ 2 sharpness claims on ladders written by hand (every
 * number a dyadic fraction, so each comparison is exact): a flow that lowers λ₁ by exactly twice the
 * level between two samples is inconclusive and one a hair steeper is judged; samples that rise or
 * repeat at one rung are violated there, with that rise as the evidence; samples that strictly fall,
 * with a mismatch of order 2 in η, hold. And through the claim's own check, a ladder whose run stops
 * is a divergence, not a verdict on λ₁.
 */
const f64 = parsePrecision('f64');
const LEVEL = 2 ** -10;
const setup = { ...NGD_RUN, level: LEVEL };
const ETAS = [0.08, 0.04, 0.02, 0.01];

const instance: CodimInstance = decoupledDiagonal(['2.03', '1.02', '0.98', '0.49'], { lrs: ETAS.map(String), horizon: '0.3' });

/** λ₁ along the flow falling by `step` between samples; every rung's samples 2⁻¹² below it, its mismatch ½η². */
function ladder(step: number | readonly number[], rise?: { rung: number; lambdas: readonly number[] }): LadderRun {
  const steps = typeof step === 'number' ? [step, step, step, step] : step;
  const lambdaFlow = [1];
  for (const d of steps) lambdaFlow.push(lambdaFlow[lambdaFlow.length - 1] - d);
  return {
    lambdaFlow,
    rungs: ETAS.map((eta, k) => ({
      eta,
      dist: 1,
      lamErr: eta * eta * 0.5,
      lambdas: rise?.rung === k ? rise.lambdas : lambdaFlow.map((l) => l - 2 ** -12),
    })),
  };
}

function judge(r: LadderRun) {
  const { ctx } = createContext({ precision: f64, tolerance: { rel: 0 }, mode: 'claim', budget: 1e9 });
  return judgeSharpnessDecrease(ctx, instance, r, setup);
}

function flatFlow(r: LadderRun): string | undefined {
  try {
    judge(r);
    return undefined;
  } catch (e) {
    if (e instanceof HypothesisUnmet) return e.code;
    throw e;
  }
}

describe('judgeSharpnessDecrease on hand-written ladders (level 2⁻¹⁰)', () => {
  it('holds, with an order-2 mismatch, when every rung strictly decreases; the flow’s λ₁ at both ends in the details', () => {
    const o = judge(ladder(2 ** -6));
    expect([o.verdict, o.evidence.code]).toEqual(['holds', 'order_reached']);
    expect(o.evidence.details).toMatchObject({ model: 'diagonal-linear', lambdaFlowStart: 1, lambdaFlowEnd: 1 - 4 * 2 ** -6 });
  });

  it('is inconclusive (flat_flow) when the flow lowers λ₁ by exactly 2·level between two samples, and judged one ulp of 2⁻³⁰ above', () => {
    expect(flatFlow(ladder(2 * LEVEL))).toBe('flat_flow');
    expect(flatFlow(ladder(2 * LEVEL + 2 ** -30))).toBeUndefined();
    expect(judge(ladder(2 * LEVEL + 2 ** -30)).verdict).toBe('holds');
  });

  it('takes the least drop between samples: one flat stretch among steep ones is flat_flow', () => {
    expect(flatFlow(ladder([2 ** -4, 2 ** -4, LEVEL, 2 ** -4]))).toBe('flat_flow');
  });

  it('is violated at the rung and sample where λ₁ rises, with the rise as observed and its negative as margin', () => {
    const o = judge(ladder(2 ** -6, { rung: 2, lambdas: [1, 0.75, 0.875, 0.5, 0.25] }));
    expect(o.verdict).toBe('violated');
    expect(o.evidence).toMatchObject({ code: 'sharpness_not_decreasing', observed: 0.125, bound: 0, margin: -0.125, details: { eta: 0.02, sample: 2 } });
  });

  it('asks for a strict decrease: a repeated sample (a rise of 0) is violated at that sample', () => {
    const o = judge(ladder(2 ** -6, { rung: 0, lambdas: [1, 1, 0.5, 0.25, 0.125] }));
    expect(o.verdict).toBe('violated');
    expect(o.evidence).toMatchObject({ code: 'sharpness_not_decreasing', observed: 0, margin: 0, details: { eta: 0.08, sample: 1 } });
  });
});

describe(`${sqrtSharpnessDecreasesCodim2.id} through its check`, () => {
  it('reports a run that stops as diverged (left_flow), not as a verdict on λ₁: √L-GD started on Γ itself has L = L* and stops at its first step', () => {
    const onGamma = {
      ...instance,
      theta: ['2', '1', '1', '0.5'],
      rule: 'sqrt-gd',
      run: 'sqrt-gd',
      lrs: ['0.01', '0.005', '0.0025', '0.00125'],
      horizon: '0.1',
    } as const;
    const o = checkAt(sqrtSharpnessDecreasesCodim2, onGamma, f64, { mode: 'claim' }).outcome;
    expect([o.verdict, o.evidence.code, o.evidence.step]).toEqual(['diverged', 'left_flow', 1]);
  });
});
