import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { Field, Vec } from '../../numerics/field.js';
import type { GdRunInstance } from '../gdRunInstance.js';

/** The width-m uv model's instances and its (f, λ) coordinates, shared by the Lewkowycz et al. claims. */

const D = decimalCtor(60);

/** θ is u₁..u_m, v₁..v_m. */
export interface WideUvInstance extends GdRunInstance<'uv'> {
  readonly params: { readonly target: string };
  /** η·λ₀ the instance was drawn with. */
  readonly kappa?: string;
  /** Negative control of the map: the m → ∞ (linearized, NTK) map that drops the O(1/m) terms. */
  readonly variant?: 'linearized';
}

/** f = vᵀu/√m, λ = (‖u‖² + ‖v‖²)/m, and the magnitudes they are summed from. */
export function fl<T>(F: Field<T>, t: Vec<T>, m: number): { f: T; lam: T } {
  let s = F.zero;
  let q = F.zero;
  for (let i = 0; i < m; i++) {
    s = F.add(s, F.mul(t[i], t[m + i]));
    q = F.add(q, F.add(F.mul(t[i], t[i]), F.mul(t[m + i], t[m + i])));
  }
  return { f: F.div(s, F.sqrt(F.int(m))), lam: F.div(q, F.int(m)) };
}

/** m ∈ [1, maxM], u, v ∈ [−1, 1]^m (2 decimals), y, η = κ/λ₀ (15 digits) with κ on a 3-decimal grid, or η given. */
export function wideUvInstances(o: {
  m: [number, number];
  y: fc.Arbitrary<string>;
  kappa?: [number, number];
  lr?: [number, number];
  steps: [number, number];
  variant?: 'linearized';
}): fc.Arbitrary<WideUvInstance> {
  return fc
    .integer({ min: o.m[0], max: o.m[1] })
    .chain((m) =>
      fc.record({
        u: fc.array(decimalText(-1, 1, 2), { minLength: m, maxLength: m }),
        v: fc.array(decimalText(-1, 1, 2), { minLength: m, maxLength: m }),
        y: o.y,
        kappa: o.kappa !== undefined ? decimalText(o.kappa[0], o.kappa[1], 3) : fc.constant(''),
        lr: o.lr !== undefined ? decimalText(o.lr[0], o.lr[1], 3) : fc.constant(''),
        steps: fc.integer({ min: o.steps[0], max: o.steps[1] }),
      }),
    )
    .map((g): WideUvInstance => {
      const m = g.u.length;
      let lr = g.lr;
      if (g.kappa !== '') {
        const lam = [...g.u, ...g.v].reduce((s, x) => s.plus(new D(x).times(x)), new D(0)).div(m);
        // λ₀ = 0 only for u = v = 0; then any η (the check sees f₀ = 0 and reports the hypothesis).
        lr = lam.isZero() ? '1' : new D(g.kappa).div(lam).toSignificantDigits(15).toFixed();
      }
      return {
        model: 'uv',
        params: { target: g.y },
        theta: [...g.u, ...g.v],
        lr,
        steps: g.steps,
        ...(g.kappa !== '' ? { kappa: g.kappa } : {}),
        ...(o.variant !== undefined ? { variant: o.variant } : {}),
      };
    });
}
