import type { Observed, Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';
import type { Model } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';

/** A model's balancedness: the quantities gradient flow conserves (GD changes them by exact factors). */
export type BalancednessFn = <T>(F: Field<T>, theta: Vec<T>, model: Model) => Observed<T>;

const sq = <T>(F: Field<T>, x: T) => F.mul(x, x);

/** Σ_{i<k} a_i² − Σ_{i≥k} a_i² over the two halves of θ. */
const halves: BalancednessFn = <T>(F: Field<T>, t: Vec<T>) => {
  const k = t.length / 2;
  let s = F.zero;
  for (let i = 0; i < k; i++) s = F.add(s, F.sub(sq(F, t[i]), sq(F, t[k + i])));
  return s;
};

/**
 * The built-in invariants, by model id:
 * - `uv`: ‖u‖² − ‖v‖² (GD: Δ⁺ = Δ(1 − η²r²/m), docs/claims/wang-xu-zhao-tao.md);
 * - `inner-product`: ‖x‖² − ‖y‖²;
 * - `minimalist`: x² − y² (§2.6);
 * - `deep-scalar`, `deep-scalar-data`: [w_i² − w_{i+1}²], i = 1..D−1 (§2.3);
 * - `diagonal-linear`: [u_i² − v_i²], i = 1..d (§2.4);
 * - `matrix-factorization`: UᵀU − VᵀV (r×r, rows).
 * Other models have none (the field is null).
 */
export const BALANCEDNESS: Readonly<Record<string, BalancednessFn>> = Object.freeze({
  uv: halves,
  'inner-product': halves,
  minimalist: halves,
  'deep-scalar': <T>(F: Field<T>, t: Vec<T>) => t.slice(0, -1).map((w, i) => F.sub(sq(F, w), sq(F, t[i + 1]))),
  'deep-scalar-data': <T>(F: Field<T>, t: Vec<T>) => t.slice(0, -1).map((w, i) => F.sub(sq(F, w), sq(F, t[i + 1]))),
  'diagonal-linear': <T>(F: Field<T>, t: Vec<T>) => {
    const d = t.length / 2;
    return t.slice(0, d).map((u, i) => F.sub(sq(F, u), sq(F, t[d + i])));
  },
  'matrix-factorization': <T>(F: Field<T>, t: Vec<T>, model: Model) => {
    // θ = vec U (n×r, row-major) then vec V (p×r); names U{i}_{a}, V{j}_{a}.
    const r = model.thetaNames.filter((s) => s.startsWith('U1_')).length;
    const n = model.thetaNames.filter((s) => s.startsWith('U')).length / r;
    const p = (t.length - n * r) / r;
    const gram = (off: number, rows: number, a: number, b: number) => {
      let s = F.zero;
      for (let i = 0; i < rows; i++) s = F.add(s, F.mul(t[off + i * r + a], t[off + i * r + b]));
      return s;
    };
    return Array.from({ length: r }, (_, a) => Array.from({ length: r }, (_, b) => F.sub(gram(0, n, a, b), gram(n * r, p, a, b))));
  },
});

/**
 * `balancedness`: the model's conserved-by-flow quantity at θ_t (BALANCEDNESS, or `fn` for other
 * models); null for models without one.
 */
export function balancednessObserver(fn?: BalancednessFn): ObserverFactory {
  return {
    id: 'balancedness',
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const f = fn ?? BALANCEDNESS[env.model.id];
      return {
        observe: (ctx) => ({ fields: { balancedness: f === undefined ? null : f(env.F, ctx.state.theta, env.model) } }),
      };
    },
  };
}
