import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { vectorAngle } from '../../spectral/principalAngles.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { WR } from '../papers.js';
import { gdRule, stepper } from '../../dynamics/stepper.js';
import { BLOW_UP, D, type Frame, GAP_GUARD, finiteSmall, frameAt } from './wangRoberts.js';
import { deg } from './depth2.js';

/* ------------------------------------------------------------------------------------------ */
/* wr.swap-is-not-rotation                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** Balanced uv (u₀ = v₀) under GD with η; `steps` steps. */
export interface UvRunInstance extends Instance {
  readonly model: 'uv';
  readonly params: { readonly target: string };
  readonly theta: readonly [string, string];
  readonly lr: string;
  readonly steps: number;
}

function uvRunArb(balanced: boolean): fc.Arbitrary<UvRunInstance> {
  return fc.record({ u: decimalText(0.2, 1.3, 2), off: decimalText(0.2, 0.8, 2), lr: decimalText(0.25, 1.4, 2), steps: fc.integer({ min: 20, max: 200 }) })
    .filter(({ u }) => Math.abs(Number(u) ** 2 - 1) >= 0.05)
    .map(({ u, off, lr, steps }): UvRunInstance => ({
      model: 'uv', params: { target: '1' },
      theta: [u, balanced ? u : new D(u).plus(off).toFixed()], lr, steps,
    }));
}

const FRAME = [[1, 1], [1, -1]];

export const swapIsNotRotation: Claim<UvRunInstance> = defineClaim<UvRunInstance>({
  id: 'wr.swap-is-not-rotation',
  title: '"Depth > 1 ⇒ eigenvector rotation" fails on balanced uv: the eigenvectors stay (1, ±1)/√2, a naive angle sees only 90° swaps',
  citation: { paper: WR, where: 'abstract ("for any network with depth > 1 … rotations"); counterexample on the symmetric invariant set, claims.md §3.E and §6 caveat 5', recalled: true },
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
    const tol = ctx.tol.rel;
    let th = theta;
    const run = stepper(gdRule(F, (x) => model.grad(x), eta), th);
    let prev: Frame<T> | undefined;
    let swaps = 0;
    let skipped = 0;
    let worst = 0;
    for (let k = 0; k <= instance.steps; k++) {
      if (k > 0) {
        const stepped = run.step();
        th = run.theta;
        if (!stepped || !finiteSmall(F, th)) {
          return ctx.diverged({ code: 'diverged', message: `GD left |θ| < ${BLOW_UP} at step ${k}`, observed: Number.NaN, bound: 0, margin: Number.NaN, step: k });
        }
      }
      const cur = frameAt(F, model, th);
      if (cur.relGap < GAP_GUARD) {
        skipped++;
        prev = undefined;
        continue;
      }
      const off = Math.min(vectorAngle(cur.top, FRAME[0]), vectorAngle(cur.top, FRAME[1]));
      worst = Math.max(worst, off);
      if (off > tol) {
        return ctx.violated({
          code: 'frame_moved', step: k, observed: off, bound: tol, margin: tol - off,
          message: `step ${k}: the top Hessian eigenvector is ${deg(off)} off the lines (1, ±1): the eigenvectors moved (θ = (${F.toNumber(th[0]).toPrecision(6)}, ${F.toNumber(th[1]).toPrecision(6)}))`,
        });
      }
      if (prev !== undefined) {
        const naive = vectorAngle(prev.top, cur.top);
        const jump = Math.min(naive, Math.abs(Math.PI / 2 - naive));
        worst = Math.max(worst, jump);
        if (jump > tol) {
          return ctx.violated({ code: 'rotation', step: k, observed: jump, bound: tol, margin: tol - jump, message: `step ${k}: the naive angle ${deg(naive)} is neither 0 nor 90°` });
        }
        if (naive > Math.PI / 4) swaps++;
      }
      prev = cur;
    }
    return ctx.holds({
      code: 'fixed_frame', observed: worst, bound: tol, margin: tol - worst, details: { swaps, skipped },
      message: `eigenvectors stayed (1, ±1)/√2 for ${instance.steps} steps at η = ${instance.lr}; the naive top-vector angle jumped 90° ${swaps} time${swaps === 1 ? '' : 's'} (eigenvalue swaps, not rotation)`,
    });
  },
  negativeControl: {
    description: 'unbalanced starts v₀ = u₀ + 0.2…0.8: off the symmetric set the Hessian\'s eigenvectors turn with θ, so the fixed-frame identity must fail',
    arbitrary: uvRunArb(false),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'An exact identity on the invariant set u = v (claims.md §2.2 [D]): H has equal diagonal entries, so its eigenvectors are (1, ±1)/√2 exactly; ' +
    'the only error is the eigensolver\'s, held to 4096 ulps (9e-13 rad in f64). [E]: mean angle 0.000° at η·λ = 0.8, only swaps at larger η.',
});
