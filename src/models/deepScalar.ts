import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import { indexedNames } from './indexedNames.js';
import type { ModelDef } from './model.js';
import { thetaDim } from './params.js';
import { productKernelsF64 } from './productKernelsF64.js';

/**
 * Derivatives of the product π(w) = ∏ᵢ wᵢ along a direction u, for every i at once.
 * For each i, the product over l ≠ i of (w_l + t·u_l) truncated to degree 2 in t gives
 *   c0 = ∏_{l≠i} w_l = ∂ᵢπ,  c1 = Σ_j ∂ᵢⱼπ u_j,  c2 = ½ Σ_jk ∂ᵢⱼₖπ u_j u_k,
 * in O(D) per i with no division (so zero weights are fine).
 */
export function productJets<T>(F: Field<T>, w: Vec<T>, u: Vec<T>): { g: Vec<T>; d1: Vec<T>; d2: Vec<T> } {
  const D = w.length;
  const g: T[] = new Array(D);
  const d1: T[] = new Array(D);
  const d2: T[] = new Array(D);
  for (let i = 0; i < D; i++) {
    let c0 = F.one;
    let c1 = F.zero;
    let c2 = F.zero;
    for (let l = 0; l < D; l++) {
      if (l === i) continue;
      c2 = F.add(F.mul(c2, w[l]), F.mul(c1, u[l]));
      c1 = F.add(F.mul(c1, w[l]), F.mul(c0, u[l]));
      c0 = F.mul(c0, w[l]);
    }
    g[i] = c0;
    d1[i] = c1;
    d2[i] = F.add(c2, c2);
  }
  return { g, d1, d2 };
}

/** Gradient of π by prefix and suffix products: O(D), exact with zero weights. */
export function productGradient<T>(F: Field<T>, w: Vec<T>): Vec<T> {
  const D = w.length;
  const g: T[] = new Array(D);
  let p = F.one;
  for (let i = 0; i < D; i++) {
    g[i] = p;
    p = F.mul(p, w[i]);
  }
  let s = F.one;
  for (let i = D - 1; i >= 0; i--) {
    g[i] = F.mul(g[i], s);
    s = F.mul(s, w[i]);
  }
  return g;
}

export function product<T>(F: Field<T>, w: Vec<T>): T {
  let p = F.one;
  for (let i = 0; i < w.length; i++) p = F.mul(p, w[i]);
  return p;
}

/** ∂ᵢⱼπ for all i, j (zero on the diagonal): row i is the gradient of ∏_{l≠i} w_l. */
export function productHessian<T>(F: Field<T>, w: Vec<T>): Mat<T> {
  const D = w.length;
  const P: T[][] = [];
  for (let i = 0; i < D; i++) {
    const wi = w.slice();
    wi[i] = F.one;
    const row = productGradient(F, wi);
    row[i] = F.zero;
    P.push(row);
  }
  return P;
}

/**
 * Scalar-output closed forms for L = (1/2n) Σₖ (xₖ·π − yₖ)², shared by deep-scalar (n = 1, x = 1)
 * and deep-scalar-data. With a = mean(x²), b = mean(x·y): L = ½aπ² − bπ + c, so
 *   ∇L = (aπ − b) g,  ∇²L = a ggᵀ + (aπ − b) Π₂,
 *   ∇³L[u,u] = a(2(g·u)Π₂u + (uᵀΠ₂u) g) + (aπ − b) Π₃[u,u].
 */
export function scalarProductModel<T>(F: Field<T>, a: T, b: T, c: T) {
  const loss = (w: Vec<T>): T => {
    const p = product(F, w);
    // ½aπ² − bπ + c loses digits near the minimum; for a single example (a = x², b = xy) use the
    // residual form, which is what c is for: c = ½y² exactly. Here we keep the quadratic form but
    // evaluate it as ½a(π − b/a)² + (c − b²/(2a)) so both terms are small near the minimum.
    const r = F.sub(p, F.div(b, a));
    return F.add(F.mul(F.div(a, F.int(2)), F.mul(r, r)), F.sub(c, F.div(F.mul(b, b), F.add(a, a))));
  };
  const grad = (w: Vec<T>): Vec<T> => {
    const s = F.sub(F.mul(a, product(F, w)), b);
    return productGradient(F, w).map((gi) => F.mul(s, gi));
  };
  const hessian = (w: Vec<T>): Mat<T> => {
    const g = productGradient(F, w);
    const P = productHessian(F, w);
    const s = F.sub(F.mul(a, product(F, w)), b);
    // Fill the upper triangle and mirror it: eigensolvers rely on exact symmetry, and g_i·g_j vs
    // g_j·g_i or Π₂'s two products differ in the last bit otherwise.
    const D = w.length;
    const H: T[][] = Array.from({ length: D }, () => new Array<T>(D));
    for (let i = 0; i < D; i++) {
      for (let j = i; j < D; j++) {
        H[i][j] = F.add(F.mul(a, F.mul(g[i], g[j])), F.mul(s, P[i][j]));
        H[j][i] = H[i][j];
      }
    }
    return H;
  };
  const hvp = (w: Vec<T>, v: Vec<T>): Vec<T> => {
    const { g, d1 } = productJets(F, w, v);
    const s = F.sub(F.mul(a, product(F, w)), b);
    let gv = F.zero;
    for (let i = 0; i < w.length; i++) gv = F.add(gv, F.mul(g[i], v[i]));
    const agv = F.mul(a, gv);
    return g.map((gi, i) => F.add(F.mul(agv, gi), F.mul(s, d1[i])));
  };
  const third = (w: Vec<T>, u: Vec<T>): Vec<T> => {
    const { g, d1, d2 } = productJets(F, w, u);
    const s = F.sub(F.mul(a, product(F, w)), b);
    let gu = F.zero;
    let uPu = F.zero;
    for (let i = 0; i < w.length; i++) {
      gu = F.add(gu, F.mul(g[i], u[i]));
      uPu = F.add(uPu, F.mul(u[i], d1[i]));
    }
    const two = F.int(2);
    return g.map((gi, i) => F.add(F.mul(a, F.add(F.mul(F.mul(two, gu), d1[i]), F.mul(uPu, gi))), F.mul(s, d2[i])));
  };
  return { loss, grad, hessian, hvp, third };
}

export const deepScalar: ModelDef = defineModel({
  id: 'deep-scalar',
  title: 'Deep scalar network',
  objective: '½(∏ᵢθᵢ − y)²',
  thetaLayout: 'w₁..w_D (D ≥ 1, from the length of θ)',
  params: [{ name: 'target', description: 'the target y', default: '1' }],
  build({ input, params }) {
    const D = thetaDim('deep-scalar', input, 1);
    const y = params.target;
    return {
      dim: D,
      thetaNames: indexedNames('w', D),
      lossStar: '0',
      manifold: {
        description: `∏ᵢwᵢ = ${y}`,
        residual: <T>(F: Field<T>, w: Vec<T>) => F.sub(product(F, w), F.from(y)),
      },
      bind<T>(F: Field<T>) {
        const Y = F.from(y);
        const m = scalarProductModel(F, F.one, Y, F.div(F.mul(Y, Y), F.int(2)));
        // The single-example loss is the residual form ½(π − y)², exact to the last digit near 0.
        const loss = (w: Vec<T>): T => {
          const r = F.sub(product(F, w), Y);
          return F.div(F.mul(r, r), F.int(2));
        };
        return { ...m, loss };
      },
      kernelsF64() {
        const Y = f64.from(y);
        return productKernelsF64(1, Y, (p) => {
          const r = p - Y;
          return (r * r) / 2;
        });
      },
    };
  },
});
