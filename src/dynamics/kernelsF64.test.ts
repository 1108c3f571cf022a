import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_INSTANCES } from '../arbitraries/modelInstance.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { genericKernelsF64, kernelsF64, type KernelsF64 } from '../models/kernelsF64.js';
import type { Model } from '../models/model.js';
import { productKernelsF64 } from '../models/productKernelsF64.js';
import { getModelDef } from '../models/registry.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

const U = 2 ** -53;
const bits = (x: number): string => new BigUint64Array(Float64Array.of(x).buffer)[0].toString(16);
const D60 = decimalField(60);
const plainF64: Field<number> = Object.freeze({ ...f64 });

/** The exact decimal value of a double (m·2^e written out), so the oracle sees the very point the kernel saw. */
function exactText(x: number): string {
  if (x === 0) return '0';
  const raw = new BigUint64Array(Float64Array.of(Math.abs(x)).buffer)[0];
  const expBits = Number((raw >> 52n) & 0x7ffn);
  let m = raw & ((1n << 52n) - 1n);
  if (expBits !== 0) m |= 1n << 52n;
  const e = (expBits === 0 ? 1 : expBits) - 1075;
  const sign = x < 0 ? '-' : '';
  if (e >= 0) return sign + (m << BigInt(e)).toString();
  const digits = (m * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
  return `${sign}${digits.slice(0, digits.length + e)}.${digits.slice(digits.length + e)}`.replace(/\.?0+$/, '');
}

/** Forward-error scales per model: |kernel − exact| ≤ c·u·scale (standard summation/product bounds). */
interface Bounds {
  readonly grad: (theta: number[], i: number) => number;
  readonly loss: (theta: number[]) => number;
}

const abs = Math.abs;
const prod = (w: number[]) => w.reduce((p, x) => p * x, 1);

function boundsFor(model: Model, input: Record<string, unknown>): Bounds {
  const params = model.params;
  switch (model.id) {
    case 'deep-scalar': {
      const y = Number(params.target);
      return {
        // r = π − y to (D+2)u·(|π| + |y|); ∂ᵢπ to Du relative; the product adds u.
        grad: (w, i) => (2 * w.length + 6) * U * (abs(prod(w)) + abs(y)) * abs(prod(w.filter((_, j) => j !== i))),
        loss: (w) => (2 * w.length + 6) * U * (abs(prod(w)) + abs(y)) * (abs(prod(w) - y) + abs(prod(w)) + abs(y)),
      };
    }
    case 'deep-scalar-data': {
      const data = input.data as { x: string[]; y: string[] };
      const n = data.x.length;
      const x = data.x.map(Number);
      const yy = data.y.map(Number);
      const a = x.reduce((s, v) => s + v * v, 0) / n;
      // Σ|xₖyₖ|/n, not |Σxₖyₖ|/n: the rounding of the sum scales with its terms, and the terms may cancel.
      const b = x.reduce((s, v, k) => s + abs(v * yy[k]), 0) / n;
      const c = yy.reduce((s, v) => s + v * v, 0) / (2 * n);
      // a, b and L* carry their own rounding (sums of n terms).
      const k = (D: number) => (4 * (D + n) + 16) * U;
      return {
        grad: (w, i) => k(w.length) * (a * abs(prod(w)) + b) * abs(prod(w.filter((_, j) => j !== i))),
        loss: (w) => k(w.length) * (a * prod(w) ** 2 + 2 * b * abs(prod(w)) + (b * b) / a + c),
      };
    }
    case 'uv': {
      const y = Number(params.target);
      return {
        grad: (t, i) => {
          const m = t.length / 2;
          const s = t.slice(0, m).reduce((acc, u, j) => acc + abs(u * t[m + j]), 0) / Math.sqrt(m);
          return (2 * m + 8) * U * (s + abs(y)) * abs(t[(i + m) % (2 * m)] / Math.sqrt(m));
        },
        loss: (t) => {
          const m = t.length / 2;
          const s = t.slice(0, m).reduce((acc, u, j) => acc + abs(u * t[m + j]), 0) / Math.sqrt(m);
          return (2 * m + 8) * U * (s + abs(y)) ** 2;
        },
      };
    }
    case 'quadratic': {
      const data = input.data as { A: string[][]; b?: string[] };
      const A = data.A.map((r) => r.map(Number));
      const b = (data.b ?? A.map(() => '0')).map(Number);
      const p = A.length;
      const row = (t: number[], i: number) => A[i].reduce((s, v, j) => s + abs(v * t[j]), 0);
      return {
        grad: (t, i) => (2 * p + 4) * U * (row(t, i) + abs(b[i])),
        loss: (t) => (4 * p + 8) * U * t.reduce((s, ti, i) => s + abs(ti) * (row(t, i) + abs(b[i])), 0),
      };
    }
    case 'diagonal-linear': {
      const data = input.data as { X: string[][]; y: string[] };
      const X = data.X.map((r) => r.map(Number));
      const y = data.y.map(Number);
      const n = X.length;
      const d = X[0].length;
      const c = (2 * (n + d) + 8) * U;
      // Per example: |rᵢ| and the scale of its sum Rᵢ = Σₖ|Xᵢₖuₖvₖ| + |yᵢ|.
      const ex = (t: number[]) =>
        X.map((row, i) => {
          const terms = row.map((x, k) => x * t[k] * t[d + k]);
          return { r: abs(terms.reduce((a, b) => a + b, 0) - y[i]), R: terms.reduce((a, b) => a + abs(b), 0) + abs(y[i]) };
        });
      return {
        grad: (t, j) => {
          const k = j % d;
          const other = j < d ? t[d + k] : t[k];
          return (c * abs(other) * ex(t).reduce((s, e, i) => s + abs(X[i][k]) * (e.r + e.R), 0)) / n;
        },
        loss: (t) => (c * ex(t).reduce((s, e) => s + e.r * (e.r + e.R), 0)) / n,
      };
    }
    case 'quadratic-regression': {
      const data = input.data as { J: string[][]; Q: string[][][]; y: string[] };
      const J = data.J.map((r) => r.map(Number));
      const Q = data.Q.map((m) => m.map((r) => r.map(Number)));
      const y = data.y.map(Number);
      const n = J.length;
      const p = J[0].length;
      const c = (4 * p + 2 * n + 16) * U;
      // Per example: |rᵢ|, the scale Aᵢ of fᵢ's sum, and the Jacobian row's scales |Jᵢₖ| + Σⱼ|Qᵢₖⱼθⱼ|.
      const ex = (t: number[]) =>
        J.map((row, i) => {
          const qt = Q[i].map((qr) => qr.reduce((s, q, j) => s + q * t[j], 0));
          const qa = Q[i].map((qr) => qr.reduce((s, q, j) => s + abs(q * t[j]), 0));
          const f = row.reduce((s, jk, k) => s + t[k] * (jk + qt[k] / 2), 0);
          const A = row.reduce((s, jk, k) => s + abs(t[k]) * (abs(jk) + qa[k] / 2), 0) + abs(y[i]);
          return { r: abs(f - y[i]), A, Jr: row.map((jk, k) => abs(jk) + qa[k]) };
        });
      return {
        grad: (t, k) => c * ex(t).reduce((s, e) => s + (e.A + e.r) * e.Jr[k], 0),
        loss: (t) => c * ex(t).reduce((s, e) => s + e.r * (e.A + e.r), 0),
      };
    }
    case 'inner-product': {
      const mu = Number(params.mu);
      const half = (t: number[]) => t.length / 2;
      const s = (t: number[]) => t.slice(0, half(t)).reduce((acc, x, i) => acc + x * t[half(t) + i], 0);
      const S = (t: number[]) => t.slice(0, half(t)).reduce((acc, x, i) => acc + abs(x * t[half(t) + i]), 0);
      // The rounding of z = s − μ (a sum of k products, then the subtraction), carried through ℓ′ and
      // ℓ with their derivative bounds, plus a few ulps of each function's own evaluation.
      const ez = (t: number[]) => (half(t) + 2) * U * (S(t) + abs(mu));
      const perLoss = (t: number[]) => {
        const v = s(t);
        const z = v - mu;
        const e = ez(t);
        switch (params.loss) {
          case 'square':
            return { d1: z, d1Err: e + U * abs(z), lossErr: (abs(z) + e) * e + 4 * U * z * z };
          case 'logcosh':
            return { d1: Math.tanh(z), d1Err: e + 4 * U, lossErr: e + 16 * U * (abs(z) + 1) };
          default: {
            // quartic: ℓ′ = (s² − μ)s, ℓ″ = 3s² − μ, evaluated in a few roundings.
            const w = abs(v * v - mu);
            const ve = abs(v) + e;
            return {
              d1: (v * v - mu) * v,
              d1Err: (3 * ve * ve + abs(mu)) * e + 8 * U * (v * v + abs(mu)) * abs(v),
              lossErr: (w + 3 * ve * e) * ve * e + 8 * U * (v * v + abs(mu)) ** 2,
            };
          }
        }
      };
      return {
        grad: (t, i) => {
          const q = perLoss(t);
          const g = abs(t[(i + half(t)) % t.length]);
          return q.d1Err * g + 2 * U * abs(q.d1) * g;
        },
        loss: (t) => perLoss(t).lossErr,
      };
    }
    default:
      throw new Error(`no bounds for ${model.id}`);
  }
}

const WITH_KERNELS = ['deep-scalar', 'deep-scalar-data', 'uv', 'quadratic', 'diagonal-linear', 'quadratic-regression', 'inner-product'];

/** The kernels to test: the model's own, plus for the product models the loop-only descent. */
function variants(model: Model): [string, KernelsF64][] {
  const own = model.bind(f64).kernelsF64!();
  const out: [string, KernelsF64][] = [['own', own]];
  if (model.id === 'deep-scalar') {
    const y = Number(model.params.target);
    out.push(['loop', productKernelsF64(1, y, (p) => ((p - y) * (p - y)) / 2, { unroll: false })]);
  }
  return out;
}

describe('f64 kernels', () => {
  for (const id of WITH_KERNELS) {
    it(`equal bind(f64) bit for bit: loss, gradient and the fused descent step (${id})`, () => {
      fc.assert(
        fc.property(MODEL_INSTANCES[id], fc.double({ min: 1e-4, max: 2, noNaN: true }), (inst, eta) => {
          const model = getModelDef(id).create(inst.input);
          // The closed forms in f64 arithmetic under another identity: bind(f64) itself routes loss
          // and gradient through the kernels, and must equal this too.
          const b = model.bind(plainF64);
          const theta = inst.theta.map(Number);
          const g = b.grad(theta);
          expect(bits(model.bind(f64).loss(theta))).toBe(bits(b.loss(theta)));
          expect(model.bind(f64).grad(theta).map(bits)).toEqual(g.map(bits));
          for (const [name, k] of variants(model)) {
            expect(bits(k.lossF64(Float64Array.from(theta))), name).toBe(bits(b.loss(theta)));
            const out = new Float64Array(theta.length);
            k.gradF64(Float64Array.from(theta), out);
            expect(Array.from(out, bits), name).toEqual(g.map(bits));
            if (k.descendF64 !== undefined) {
              const w = Float64Array.from(theta);
              const next = theta.map((x, i) => x - eta * g[i]);
              expect(k.descendF64(w, eta, 1e12), name).toBe(next.every((x) => abs(x) <= 1e12));
              expect(Array.from(w, bits), name).toEqual(next.map(bits));
              // A bound of half the largest |θ⁺| is exceeded, unless θ⁺ = 0 (then the bound is 0 and nothing exceeds it).
              const largest = Math.max(...next.map(abs));
              const w2 = Float64Array.from(theta);
              expect(k.descendF64(w2, eta, largest / 2), name).toBe(largest === 0);
            }
          }
        }),
        { numRuns: 200 },
      );
    });

    it(`agree with the 60-digit closed forms within the forward-error bound (${id})`, () => {
      fc.assert(
        fc.property(MODEL_INSTANCES[id], (inst) => {
          const model = getModelDef(id).create(inst.input);
          const hi = model.bind(D60);
          const bounds = boundsFor(model, inst.input as Record<string, unknown>);
          const theta = inst.theta.map(Number);
          const exact = theta.map((x) => D60.from(exactText(x)));
          const gHi = hi.grad(exact).map((x) => D60.toNumber(x));
          const k = model.bind(f64).kernelsF64!();
          const out = new Float64Array(theta.length);
          k.gradF64(Float64Array.from(theta), out);
          out.forEach((x, i) => expect(abs(x - gHi[i]), `∂${i}L`).toBeLessThanOrEqual(bounds.grad(theta, i) + 1e-300));
          const lHi = D60.toNumber(hi.loss(exact));
          expect(abs(k.lossF64(Float64Array.from(theta)) - lHi), 'L').toBeLessThanOrEqual(bounds.loss(theta) + 1e-300);
        }),
        { numRuns: 200 },
      );
    });
  }

  it("deep-scalar's fused step, generated (D ≤ 32) or looped (larger D), equals θ − η∇L of bind(f64) bit for bit", () => {
    for (const D of [1, 2, 10, 32, 33, 40]) {
      const model = getModelDef('deep-scalar').create({ dim: D, params: { target: '0.7' } });
      const b = model.bind(f64);
      const theta = Array.from({ length: D }, (_, i) => 1 + (((i * 7) % 11) - 5) / 97);
      const g = b.grad(theta);
      const w = Float64Array.from(theta);
      expect(b.kernelsF64!().descendF64!(w, 0.01, 1e12)).toBe(true);
      expect(Array.from(w, bits), `D = ${D}`).toEqual(theta.map((x, i) => bits(x - 0.01 * g[i])));
    }
  });

  it('exactText writes the exact value of a double', () => {
    expect(exactText(0.5)).toBe('0.5');
    expect(exactText(-3)).toBe('-3');
    expect(exactText(0.1)).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(Number(exactText(2 ** -1074))).toBe(2 ** -1074);
  });

  it("the generic kernels wrap bind(f64); kernelsF64 prefers the binding's own, which only the f64 binding has", () => {
    const quad = quadraticModel(
      [
        ['2', '1'],
        ['1', '3'],
      ],
      ['1', '0'],
    );
    const gk = genericKernelsF64(quad.bind(f64));
    const out = new Float64Array(2);
    gk.gradF64(Float64Array.of(1, -1), out);
    expect(Array.from(out)).toEqual([2 - 1 - 1, 1 - 3]);
    expect(gk.lossF64(Float64Array.of(1, -1))).toBe(quad.bind(f64).loss([1, -1]));
    expect(kernelsF64(quad.bind(f64))).toBe(quad.bind(f64).kernelsF64!());
    expect(quad.bind(decimalField(20)).kernelsF64).toBeUndefined();
    const cubic = getModelDef('cubic-toy').create({}).bind(f64);
    expect(cubic.kernelsF64).toBeUndefined();
    expect(kernelsF64(cubic).descendF64).toBeUndefined();
  });
});
