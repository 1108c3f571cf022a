import fc from 'fast-check';
import type { WithUvRun } from '../../arbitraries/uvInstance.js';
import { decimalText } from '../../arbitraries/decimalText.js';
import { lineAngle } from '../../spectral/lineAngle.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { WR } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { BLOW_UP, D, type Frame, GAP_GUARD, finiteSmall, frameAt } from './wangRoberts.js';
import { diverged } from '../diverged.js';
import { violatedAt } from '../stepTally.js';

/** An angle in radians, printed in degrees to three digits. */
const deg = (x: number) => `${((x * 180) / Math.PI).toPrecision(3)}°`;

/* ------------------------------------------------------------------------------------------ */
/* wr.swap-is-not-rotation                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** Balanced uv (u₀ = v₀) under GD with η; `steps` steps. */
export interface UvRunInstance extends WithUvRun<Instance> {}

function uvRunArb(balanced: boolean): fc.Arbitrary<UvRunInstance> {
  return fc
    .record({ u: decimalText(0.2, 1.3, 2), off: decimalText(0.2, 0.8, 2), lr: decimalText(0.25, 1.4, 2), steps: fc.integer({ min: 20, max: 200 }) })
    .filter(({ u }) => Math.abs(Number(u) ** 2 - 1) >= 0.05)
    .map(
      ({ u, off, lr, steps }): UvRunInstance => ({
        model: 'uv',
        params: { target: '1' },
        theta: [u, balanced ? u : new D(u).plus(off).toFixed()],
        lr,
        steps,
      }),
    );
}

const FRAME = [
  [1, 1],
  [1, -1],
];

export const swapIsNotRotation: Claim<UvRunInstance> = defineClaim<UvRunInstance>({
  id: 'wr.swap-is-not-rotation',
  title: '"Depth > 1 ⇒ eigenvector rotation" fails on balanced uv: the eigenvectors stay (1, ±1)/√2, a naive angle sees only 90° swaps',
  citation: {
    paper: WR,
    where: 'abstract ("for any network with depth > 1 … rotations"); counterexample on the symmetric invariant set, docs/claims/wang-roberts.md caveat 5',
    recalled: true,
  },
  statement:
    'On uv with y = 1 from a balanced start u₀ = v₀, GD keeps u = v for every η, and the Hessian [[u², 2u² − 1], [2u² − 1, u²]] has the fixed eigenvectors ' +
    '(1, 1)/√2 and (1, −1)/√2 (eigenvalues 3u² − 1 and 1 − u²). So the top eigenvector is always one of them, and the naive angle between consecutive top eigenvectors ' +
    'is 0 or exactly 90° (an eigenvalue swap at u² = ½), never a rotation: depth 2 alone does not rotate the eigenvectors (the theorem needs a genericity assumption).',
  kind: 'identity',
  hypotheses: ['model uv, width 1, y = 1', 'balanced start u₀ = v₀', 'steps with a relative eigengap < 1e-6 are skipped (the frame is ill-posed there)'],
  arbitrary: uvRunArb(true),
  check<T>(instance: UvRunInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    const { model, theta } = ctx.model(instance);
    ctx.assume(F.sign(F.sub(theta[0], theta[1])) === 0, 'unbalanced', 'u₀ ≠ v₀: the start is off the balanced set');
    const eta = F.from(instance.lr);
    // Angles are measured in the run's field (lineAngle: 2·atan of a ratio, exact at 0), so the
    // tolerance, which scales with the precision, is compared with an angle of that precision.
    const tol = ctx.tol.rel;
    const tolF = F.from(tol);
    const lines = FRAME.map((l) => l.map((x) => F.int(x)));
    const quarter = F.atan(F.one);
    let th = theta;
    const run = gdStepper(model, eta, th);
    let prev: Frame<T> | undefined;
    let swaps = 0;
    let skipped = 0;
    let worst = 0;
    /** Takes an angle of the run's field into the worst; the violation of step k when it exceeds the tolerance. */
    const beyond = (angleF: T, code: string, k: number, message: (angle: number) => string): Outcome | undefined => {
      const angle = F.toNumber(angleF);
      worst = Math.max(worst, angle);
      if (!F.lt(tolF, angleF)) return undefined;
      return violatedAt(ctx, F.sub(tolF, angleF), { code, step: k, observed: angle, bound: tol, message: message(angle) });
    };
    for (let k = 0; k <= instance.steps; k++) {
      if (k > 0) {
        const stepped = run.step();
        th = run.theta;
        if (!stepped || !finiteSmall(F, th)) {
          return diverged(ctx, 'diverged', `GD left |θ| < ${BLOW_UP} at step ${k}`, k);
        }
      }
      const cur = frameAt(F, model, th);
      if (cur.relGap < GAP_GUARD) {
        skipped++;
        prev = undefined;
        continue;
      }
      const offF = F.min(lineAngle(F, cur.topField, lines[0]), lineAngle(F, cur.topField, lines[1]));
      const moved = beyond(
        offF,
        'frame_moved',
        k,
        (off) =>
          `step ${k}: the top Hessian eigenvector is ${deg(off)} off the lines (1, ±1): the eigenvectors moved (θ = (${F.toNumber(th[0]).toPrecision(6)}, ${F.toNumber(th[1]).toPrecision(6)}))`,
      );
      if (moved !== undefined) return moved;
      if (prev !== undefined) {
        // The angle between consecutive top lines, off {0, 90°}: min(a, π/2 − a), as the angle of
        // the top line to the nearer of the previous top line and its normal.
        const p = prev.topField;
        const naiveF = lineAngle(F, p, cur.topField);
        const jumpF = F.min(naiveF, lineAngle(F, [F.neg(p[1]), p[0]], cur.topField));
        const rotated = beyond(jumpF, 'rotation', k, () => `step ${k}: the naive angle ${deg(F.toNumber(naiveF))} is neither 0 nor 90°`);
        if (rotated !== undefined) return rotated;
        if (F.lt(quarter, naiveF)) swaps++;
      }
      prev = cur;
    }
    return ctx.holds({
      code: 'fixed_frame',
      observed: worst,
      bound: tol,
      margin: tol - worst,
      details: { swaps, skipped },
      message: `eigenvectors stayed (1, ±1)/√2 for ${instance.steps} steps at η = ${instance.lr}; the naive top-vector angle jumped 90° ${swaps} time${swaps === 1 ? '' : 's'} (eigenvalue swaps, not rotation)`,
    });
  },
  negativeControl: {
    description: "unbalanced starts v₀ = u₀ + 0.2…0.8: off the symmetric set the Hessian's eigenvectors turn with θ, so the fixed-frame identity must fail",
    arbitrary: uvRunArb(false),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'An exact identity on the invariant set u = v (docs/claims/wang-roberts.md): H has equal diagonal entries, so its eigenvectors are (1, ±1)/√2 exactly; ' +
    "the only error is the eigensolver's, held to 4096 ulps (9.1e-13 rad in f64, 4.1e-36 at dec:40), the angles measured at the run's precision. [E]: mean angle 0.000° at η·λ = 0.8, only swaps at larger η.",
});
