import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { CheckContext, Instance, Outcome } from '../claim.js';
import { centeredGdRule } from '../../dynamics/centeredRule.js';

/** GD on the quartic ¼(x² − μ)², the instances the Chen et al. claims share (chen.ts, chaos.ts). */

const D = decimalCtor(60);

export interface QuarticGdInstance extends Instance {
  readonly model: 'quartic';
  readonly params: { readonly mu: string };
  readonly theta: readonly [string];
  readonly lr: string;
  readonly steps: number;
  /** a = ημ the instance was drawn with. */
  readonly a: string;
  /** z₀ = x₀/√μ. */
  readonly z0: string;
}

/** μ = k² (k ∈ [0.5, 1.5], so √μ = k exactly), a on a 3-decimal grid, η = a/μ (15 digits), x₀ = z₀·k. */
export function quarticInstances(a: fc.Arbitrary<string>, z0: (a: string) => fc.Arbitrary<string>, steps: number): fc.Arbitrary<QuarticGdInstance> {
  return fc.record({ k: decimalText(0.5, 1.5, 2), a }).chain(({ k, a: at }) =>
    z0(at).map((z): QuarticGdInstance => {
      const K = new D(k);
      const mu = K.times(K);
      return {
        model: 'quartic',
        params: { mu: mu.toFixed() },
        theta: [K.times(z).toFixed()],
        lr: new D(at).div(mu).toSignificantDigits(15).toFixed(),
        steps,
        a: at,
        z0: z,
      };
    }),
  );
}

/**
 * The instance's model at the context's precision, with η, √μ (z = x/√μ), a = ημ, the cubic map's
 * parameter, and its GD rule: in interval arithmetic stepped in centred form, so the enclosure of an
 * orbit that settles (on ±1 or a 2-cycle) stays as tight as the working precision over thousands of
 * steps instead of widening at every one (dynamics/centeredRule.ts); elsewhere plain GD, to the bit.
 */
export function cubicMap<T>(inst: QuarticGdInstance, ctx: CheckContext<T>) {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const eta = F.from(inst.lr);
  const mu = F.from(inst.params.mu);
  const rule = centeredGdRule(
    F,
    (v) => model.grad(v),
    (v) => model.hessian(v),
    eta,
  );
  return { F, model, theta, eta, mu, root: F.sqrt(mu), a: F.mul(eta, mu), rule };
}

/** The orbit left the bounds at step t: a diverged verdict, with no number to report. */
export function orbitEscaped<T>(ctx: CheckContext<T>, t: number, message: string): Outcome {
  return ctx.diverged({ code: 'diverged', step: t, observed: Number.NaN, bound: 0, margin: Number.NaN, message });
}
