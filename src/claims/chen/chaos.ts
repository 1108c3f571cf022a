import { decimalText } from '../../arbitraries/decimalText.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { CBGA } from '../papers.js';
import { stepper } from '../../dynamics/stepper.js';
import { type QuarticGdInstance, cubicMap, orbitEscaped, quarticInstances } from './quarticGd.js';

// chen.cubic-map.chaos -----------------------------------------------------------------------------

const LYAP_BURN = 500;
const LYAP_STEPS = 2000;

function checkChaos<T>(inst: QuarticGdInstance, ctx: CheckContext<T>): Outcome {
  const { F, theta, root, a, rule } = cubicMap(inst, ctx);
  ctx.assume(F.lt(F.from('1.4'), a) && F.lt(a, F.from('1.95')), 'a_out_of_range', `a = ημ = ${F.toString(a)} is not in (1.4, 1.95)`);
  const three = F.int(3);
  const run = stepper(rule, theta, { divergenceBound: Number.POSITIVE_INFINITY });
  let x = theta[0];
  let sum = F.zero;
  ctx.assume(inst.steps === LYAP_BURN + LYAP_STEPS, 'steps', `the exponent is measured over ${LYAP_BURN} + ${LYAP_STEPS} steps`);
  for (let t = 0; t < LYAP_BURN + LYAP_STEPS; t++) {
    if (t >= LYAP_BURN) {
      const z = F.div(x, root);
      // ln|g'(z)|, g'(z) = 1 + a − 3az²; an exact zero (z on the critical point) is −∞: not chaos at that step.
      const d = F.abs(F.sub(F.add(F.one, a), F.mul(F.mul(three, a), F.mul(z, z))));
      // In interval arithmetic log of an enclosure touching 0 is [−∞, ·], itself an enclosure: no branch.
      sum = F.add(sum, F.lt(F.zero, d) || ctx.precision.kind === 'interval' ? F.log(d) : F.from(-745));
    }
    const stepped = run.step();
    x = run.theta[0];
    if (!stepped || Math.abs(F.toNumber(x)) > 1e6) {
      return orbitEscaped(ctx, t, `the orbit escaped at step ${t} (a = ${F.toNumber(a).toFixed(4)})`);
    }
  }
  // The exponent in the field: its enclosure certifies its sign where the orbit's enclosure survives.
  const lyapF = F.div(sum, F.int(LYAP_STEPS));
  const lyap = F.toNumber(lyapF);
  const details = { a: F.toString(a), lyapunov: String(lyap) };
  const chaotic = lyap > 0;
  const evidence = {
    code: chaotic ? 'chaotic' : 'not_chaotic',
    observed: lyap,
    bound: 0,
    ...ctx.margin(lyapF),
    details,
    message: `a = ${F.toNumber(a).toFixed(4)}: Lyapunov exponent ${lyap.toFixed(4)} ${
      chaotic ? '>' : '≤'
    } 0 over ${LYAP_STEPS} steps after ${LYAP_BURN}${chaotic ? '' : ': the orbit settled on a periodic attractor'}`,
  };
  return chaotic ? ctx.holds(evidence) : ctx.violated(evidence);
}

export const chenChaos: Claim<QuarticGdInstance> = defineClaim<QuarticGdInstance>({
  id: 'chen.cubic-map.chaos',
  title: 'Quartic / cubic map: for a ∈ (1.4, 1.95) GD is chaotic (positive Lyapunov exponent) for most a, with periodic windows',
  citation: {
    paper: CBGA,
    where: "the chaotic phase of the cubic map (docs/claims/chen.md test 5 [E]; the paper's phase boundaries recalled)",
    recalled: true,
  },
  statement:
    'For z⁺ = (1 + a)z − az³ with a drawn uniformly in (1.4, 1.95) and z₀ ∈ [0.1, 0.9], the Lyapunov exponent (1/N)Σ ln|1 + a − 3az_t²| over ' +
    'N = 2000 steps after a burn-in of 500 is positive on at least 80% of the draws: GD neither converges nor cycles but wanders chaotically ' +
    'in [−b, b]. Not on all: periodic windows (near a ≈ 1.43, 1.45, 1.84, 1.92, ...) have stable cycles and a negative exponent.',
  kind: 'statistical',
  minHoldFraction: 0.8,
  hypotheses: ['a = ημ ∈ (1.4, 1.95)', 'z₀ ∈ [0.1, 0.9]'],
  arbitrary: quarticInstances(decimalText(1.401, 1.949, 3), () => decimalText(0.1, 0.9, 2), LYAP_BURN + LYAP_STEPS),
  check: checkChaos,
  negativeControl: {
    description: 'a ∈ [1.02, 1.2], the period-2 phase: the orbit settles on the 2-cycle, whose exponent ½ln|9 − 2(a + 1)²| is negative (max −0.09 measured)',
    arbitrary: quarticInstances(decimalText(1.02, 1.2, 3), () => decimalText(0.1, 0.9, 2), LYAP_BURN + LYAP_STEPS),
  },
  tolerance: { abs: 0 },
  rationale:
    'The statistic is the fraction of draws with a positive Lyapunov exponent. [E] (docs/claims/chen.md: 0.34, 0.68, 0.81, 0.88 at a = 1.4, 1.6, 1.8, 1.9): over ' +
    '3000 draws 91.8% were positive (89% on (1.4, 1.6), 97% on (1.6, 1.8), 89% on (1.8, 1.95)); the rest fall in periodic windows. The threshold 0.8 is 4 ' +
    'standard deviations below that rate for 100 draws. f64 only: a chaotic orbit computed at another precision is a different orbit, so a decimal ' +
    're-run could neither confirm nor excuse an f64 result; the exponent is a property of the typical orbit, which f64 shadows.',
  ladder: ['f64'],
});
