import type { BoundModel } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';
import { dot, norm2 } from '../numerics/linalg.js';

/** Power iterations, as the authors' `power_iter` (repository adamian98/EOS, util.py; 20 by default). */
const ITERATIONS = 20;

/**
 * The authors' power iteration for a homogeneous map A (util.py `power_iter`): v ← A(v)/‖A(v)‖
 * from v₀ = u/‖u‖, `ITERATIONS` times, then v·A(v). A map that vanishes gives 0.
 */
function powerIter<T>(F: Field<T>, A: (v: Vec<T>) => Vec<T>, u: Vec<T>): T {
  let v = u;
  let n = norm2(F, v);
  if (F.sign(n) === 0) return F.zero;
  v = v.map((x) => F.div(x, n));
  for (let k = 0; k < ITERATIONS; k++) {
    const a = A(v);
    n = norm2(F, a);
    if (F.sign(n) === 0) return F.zero;
    v = a.map((x) => F.div(x, n));
  }
  return dot(F, v, A(v));
}

/**
 * ρ₃ and ρ₄ of taylor.py `slow_stats_fn`: the power-iteration sizes of the third and fourth
 * derivative tensors at θ, started from the top eigenvector u:
 *   ρ₃ = v·∇³L[v,v] for the power iterate of v ↦ ∇³L(θ)[v,v] (closed form),
 *   ρ₄ = v·∇⁴L[v,v,v] for the power iterate of v ↦ ∇⁴L(θ)[v,v,v].
 * Like the authors' estimate, this is a lower bound on the tensors' spectral norms that can collapse: when
 * the map vanishes at an iterate (on the cubic toy, whose only third derivative is ∂xxz = b, u = e_x leads to A(e_z) = 0) the result is 0.
 * The models give ∇³L[v,v] in closed form but not ∇⁴L, so ∇⁴L[v,v,v] is the central difference
 * (∇³L(θ + hv)[v,v] − ∇³L(θ − hv)[v,v])/2h of the closed form, with h = ε^{1/3}·max(1, ‖θ‖∞)
 * (ε the unit roundoff: h = 1e-5 in f64, 10^−⌈N/3⌉ at N digits), which balances truncation h² against
 * rounding ε/h: about 1e-10 relative in f64, 10^{−2N/3} at N digits.
 */
export function tensorPowerNorms<T>(model: BoundModel<T>, theta: Vec<T>, u: Vec<T>): { rho3: T; rho4: T } {
  const F = model.F;
  const rho3 = powerIter(F, (v) => model.third(theta, v), u);
  let scale = F.one;
  for (const x of theta) scale = F.max(scale, F.abs(x));
  const p = F.precision;
  const h = F.mul(F.from(p.kind === 'f64' ? '1e-5' : `1e-${Math.ceil(p.digits / 3)}`), scale);
  const twoH = F.add(h, h);
  const fourth = (v: Vec<T>): Vec<T> => {
    const up = model.third(
      theta.map((x, i) => F.add(x, F.mul(h, v[i]))),
      v,
    );
    const down = model.third(
      theta.map((x, i) => F.sub(x, F.mul(h, v[i]))),
      v,
    );
    return up.map((x, i) => F.div(F.sub(x, down[i]), twoH));
  };
  return { rho3, rho4: powerIter(F, fourth, u) };
}
