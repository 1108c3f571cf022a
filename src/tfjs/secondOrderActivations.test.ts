import { beforeAll, describe, expect, it } from 'vitest';
import { relErr } from '../../test-support/relErr.js';
import { selectBackend } from './selectBackend.js';
import { activationOp, expR, logSumExpR, sigmoidR, softplusR, tanhR } from './secondOrderActivations.js';
import { tf } from './tfjs.js';

/**
 * Closed forms of the first three derivatives (float64) against tfjs's nested tf.grad (float32).
 * Tolerance 1e-5 relative: float32 rounding (6e-8) amplified by the few ops of a derivative chain.
 */
const X = [-2.5, -0.7, -0.1, 0.3, 1.1, 3];
const sig = (x: number) => 1 / (1 + Math.exp(-x));
const closed: Record<string, [(x: number) => number, (x: number) => number, (x: number) => number]> = {
  tanh: [
    (x) => 1 - Math.tanh(x) ** 2,
    (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2),
    (x) => {
      const t = Math.tanh(x);
      const s = 1 - t * t;
      return -2 * s * s + 4 * t * t * s;
    },
  ],
  sigmoid: [
    (x) => sig(x) * (1 - sig(x)),
    (x) => sig(x) * (1 - sig(x)) * (1 - 2 * sig(x)),
    (x) => {
      const s = sig(x);
      return s * (1 - s) * (1 - 6 * s + 6 * s * s);
    },
  ],
  softplus: [sig, (x) => sig(x) * (1 - sig(x)), (x) => sig(x) * (1 - sig(x)) * (1 - 2 * sig(x))],
  exp: [Math.exp, Math.exp, Math.exp],
};
const ops: Record<string, (x: tf.Tensor) => tf.Tensor> = { tanh: tanhR, sigmoid: sigmoidR, softplus: softplusR, exp: expR };

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`second-order-correct activations (${backend})`, () => {
    beforeAll(async () => {
      await selectBackend(backend);
    });

    for (const name of Object.keys(closed)) {
      it(`${name}: first, second and third derivatives match the closed forms`, () => {
        const f = ops[name];
        const d1 = tf.grad((x) => tf.sum(f(x)));
        const d2 = tf.grad((x) => tf.sum(d1(x)));
        const d3 = tf.grad((x) => tf.sum(d2(x)));
        tf.tidy(() => {
          const x = tf.tensor1d(X);
          [d1, d2, d3].forEach((d, k) => {
            const got = d(x).dataSync();
            const want = X.map(closed[name][k]);
            expect(relErr(got, want), `${name} derivative ${k + 1}`).toBeLessThan(1e-5);
          });
        });
      });
    }

    it('logSumExpR: its Hessian is diag(p) − ppᵀ (p = softmax) in every row', () => {
      const z = [
        [0.1, 0.5, -0.3],
        [1, 2, 3],
      ];
      const w = [
        [0.2, -1, 0.4],
        [1, 0.5, -0.5],
      ];
      // d/dz of ⟨∇lse(z), w⟩ = H·w per row.
      const got = tf.tidy(() => {
        const g = tf.grad((zz) => tf.sum(logSumExpR(zz)));
        return tf
          .grad((zz) => tf.sum(tf.mul(g(zz), tf.tensor2d(w))))(tf.tensor2d(z))
          .dataSync();
      });
      const want: number[] = [];
      z.forEach((row, i) => {
        const m = Math.max(...row);
        const e = row.map((v) => Math.exp(v - m));
        const s = e.reduce((a, b) => a + b, 0);
        const p = e.map((v) => v / s);
        const pw = p.reduce((a, pj, j) => a + pj * w[i][j], 0);
        p.forEach((pj, j) => want.push(pj * w[i][j] - pj * pw));
      });
      expect(relErr(got, want)).toBeLessThan(1e-5);
    });

    it('the built-in tf.tanh gets the second derivative of a composite wrong, tanhR gets it right (the guard can fail)', () => {
      // Σ tanh(A·Aᵀ) with A 3×3: the saved-output term of tf.tanh's gradient is dropped under nesting.
      const a = [0.3, -0.5, 0.8, 0.1, 0.7, -0.2, -0.6, 0.4, 0.9];
      const hvpOf = (act: (x: tf.Tensor) => tf.Tensor) =>
        tf.tidy(() => {
          const f = (t: tf.Tensor) => {
            const A = tf.reshape(t, [3, 3]) as tf.Tensor2D;
            return tf.sum(act(tf.matMul(A, A, false, true)));
          };
          const v = tf.tensor1d([1, 0, -1, 0.5, 0.5, 0, 0.2, -0.3, 0.1]);
          return tf
            .grad((t) => tf.sum(tf.mul(tf.grad(f)(t), v)))(tf.tensor1d(a))
            .dataSync();
        });
      const good = hvpOf(activationOp('tanh'));
      const bad = hvpOf(activationOp('tanh', { builtin: true }));
      expect(relErr(bad, good)).toBeGreaterThan(1e-2);
    });
  });
}
