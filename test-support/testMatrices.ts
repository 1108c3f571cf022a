import type { Field } from '../src/numerics/field.js';
import { matMul, transpose } from '../src/numerics/linalg.js';
import { rng } from '../src/numerics/rng.js';

/**
 * Test matrices with a known spectrum, for the eigensolver and Lanczos tests (internal: not part
 * of the public surface).
 */

/**
 * A random orthogonal n×n matrix: the product of n Householder reflections I − 2wwᵀ/‖w‖² with
 * Gaussian w (seeded). Orthogonal to roundoff (≈ n·ε), whatever the seed.
 */
export function randomOrthogonal(n: number, seed: number): number[][] {
  const r = rng(seed);
  const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let k = 0; k < n; k++) {
    const w = r.normalVector(n);
    const ww = w.reduce((s, x) => s + x * x, 0);
    // Q ← Q(I − 2wwᵀ/ww): each row q gets q − (2 q·w/ww) w.
    for (const row of Q) {
      let qw = 0;
      for (let j = 0; j < n; j++) qw += row[j] * w[j];
      const c = (2 * qw) / ww;
      for (let j = 0; j < n; j++) row[j] -= c * w[j];
    }
  }
  return Q;
}

/**
 * Q diag(λ) Qᵀ, exactly symmetric (the upper triangle is computed and mirrored). Column i of Q is
 * the eigenvector of λ[i].
 */
export function withSpectrum(Q: readonly (readonly number[])[], lambda: readonly number[]): number[][] {
  const n = lambda.length;
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q[i][k] * lambda[k] * Q[j][k];
      A[i][j] = s;
      A[j][i] = s;
    }
  }
  return A;
}

/** Column i of Q (the eigenvector of λ[i] in withSpectrum). */
export function column(Q: readonly (readonly number[])[], i: number): number[] {
  return Q.map((row) => row[i]);
}

/** A = Q diag(λ) Qᵀ with Q = I − 2wwᵀ/(wᵀw), wᵀw = 25 (terminating decimals): A and its spectrum λ are exact. */
export function knownSpectrum<T>(F: Field<T>, lambdas: string[]): T[][] {
  const w = [3, 0, 4, 0, 0, 0, 0].slice(0, lambdas.length);
  const n = lambdas.length;
  const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => F.sub(i === j ? F.one : F.zero, F.div(F.int(2 * w[i] * w[j]), F.int(25)))));
  const L = lambdas.map((l, i) => lambdas.map((_, j) => (i === j ? F.from(l) : F.zero)));
  return matMul(F, matMul(F, Q, L), transpose(Q));
}
