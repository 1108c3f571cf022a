import type { KernelsF64 } from './kernelsF64.js';

type Descend = (w: Float64Array, eta: number, bound: number) => boolean;

/** Depths up to which the fused step is generated as straight-line code (a few lines per weight). */
const MAX_UNROLLED = 32;

/**
 * The f64 kernels of the scalar-product models (deep-scalar, deep-scalar-data): ∇L = (aπ − b)·∇π
 * with π = ∏ᵢwᵢ and ∂ᵢπ = (w₁⋯wᵢ₋₁)·(wᵢ₊₁⋯w_D), and the loss as a function of π.
 *
 * The same products as scalarProductModel's gradient (π and the prefix products left to right from
 * 1, the suffix products right to left from 1, then (prefix·suffix) times aπ − b), so the values
 * are bit-identical to bind(f64). The two product chains run in one loop: they are independent,
 * and interleaving them lets the CPU overlap their multiplications (the loop is latency-bound).
 *
 * `unroll` (default true): the fused descent step of a depth up to 32 is generated once per depth
 * as straight-line code (no loop, no array bounds checks, the weights in registers), which V8
 * compiles to what a C compiler makes of the loop; the loop version is used where code generation
 * is disabled (node --disallow-code-generation-from-strings) and for larger depths.
 */
export function productKernelsF64(a: number, b: number, lossOfProduct: (p: number) => number, options: { readonly unroll?: boolean } = {}): KernelsF64 {
  let prefix = new Float64Array(0);
  let suffix = new Float64Array(0);
  /** Prefix and suffix products of w into the scratch arrays; returns aπ − b. */
  const chains = (w: Float64Array): number => {
    const D = w.length;
    if (suffix.length !== D) {
      prefix = new Float64Array(D);
      suffix = new Float64Array(D);
    }
    const pre = prefix;
    const suf = suffix;
    let p = 1;
    let s = 1;
    for (let i = 0, j = D - 1; i < D; i++, j--) {
      pre[i] = p;
      p *= w[i];
      suf[j] = s;
      s *= w[j];
    }
    return a * p - b;
  };
  const loopDescend: Descend = (w, eta, bound) => {
    const r = chains(w);
    const pre = prefix;
    const suf = suffix;
    let ok = true;
    for (let i = 0; i < w.length; i++) {
      const x = w[i] - eta * (r * (pre[i] * suf[i]));
      w[i] = x;
      if (!(Math.abs(x) <= bound)) ok = false;
    }
    return ok;
  };
  let unrolledDepth = -1;
  let unrolled: Descend | undefined;
  const descendF64: Descend =
    options.unroll === false
      ? loopDescend
      : (w, eta, bound) => {
          if (w.length !== unrolledDepth) {
            unrolledDepth = w.length;
            unrolled = unrolledDescend(w.length, a, b);
          }
          return (unrolled ?? loopDescend)(w, eta, bound);
        };
  return {
    lossF64(w) {
      let p = 1;
      for (let i = 0; i < w.length; i++) p *= w[i];
      return lossOfProduct(p);
    },
    gradF64(w, out) {
      const r = chains(w);
      const pre = prefix;
      const suf = suffix;
      for (let i = 0; i < w.length; i++) out[i] = r * (pre[i] * suf[i]);
    },
    descendF64,
  };
}

/**
 * The fused step w ← w − η(aπ − b)∇π for depth D as straight-line code: the same products in the
 * same order as the loop (pᵢ = pᵢ₋₁·wᵢ₋₁ from p₀ = 1, sᵢ = sᵢ₊₁·wᵢ₊₁ from s_{D−1} = 1). Only
 * integer indices enter the generated text (a and b are arguments). Undefined when D is too large
 * or code generation is disabled.
 */
function unrolledDescend(D: number, a: number, b: number): Descend | undefined {
  if (!(Number.isInteger(D) && D >= 1 && D <= MAX_UNROLLED)) return undefined;
  const lines: string[] = [];
  for (let i = 0; i < D; i++) lines.push(`const w${i} = w[${i}];`);
  lines.push('const p0 = 1;');
  for (let i = 1; i <= D; i++) lines.push(`const p${i} = p${i - 1} * w${i - 1};`);
  lines.push(`const s${D - 1} = 1;`);
  for (let i = D - 2; i >= 0; i--) lines.push(`const s${i} = s${i + 1} * w${i + 1};`);
  lines.push(`const r = a * p${D} - b;`, 'let ok = true;');
  for (let i = 0; i < D; i++) lines.push(`const x${i} = w${i} - eta * (r * (p${i} * s${i})); w[${i}] = x${i}; if (!(Math.abs(x${i}) <= bound)) ok = false;`);
  lines.push('return ok;');
  try {
    const make = new Function('a', 'b', `'use strict'; return function descend(w, eta, bound) {\n${lines.join('\n')}\n};`);
    return make(a, b) as Descend;
  } catch {
    return undefined;
  }
}
