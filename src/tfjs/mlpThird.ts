import { affine, backMul, featureMajorInputs, layerBuffers, outer } from './mlpKernels.js';
import { activationOf, type Layer, type MlpData, type MlpSpec } from './mlpSpec.js';

/**
 * ∇³L(θ)[u,u] of the float64 MLP (mlpF64.ts), exact: the gradient computation (forward pass,
 * backpropagation, parameter gradients) is carried out on second-order Taylor polynomials in t along
 * θ + tu, and ∇³L[u,u] is twice the t² coefficient of ∇L(θ + tu) (its t¹ coefficient is the HVP).
 * With X = X⁰ + tX¹ + t²X² for every quantity, U_l the direction's weights:
 *   forward   z_l² = W_l a_l² + U_l a_l¹,  a_{l+1}² = σ′ z_l² + ½σ″ (z_l¹)²   (z_l¹, a_l¹: the R-operator's);
 *   top       δ² = f²/n (MSE); softmax cross-entropy: δ² = [½(q ⊙ (f¹ − p·f¹) − p (q·f¹)) + p ⊙ (f² − p·f²)]/n
 *             with p = softmax(f⁰), q = p ⊙ (f¹ − p·f¹) (so δ¹ = q/n), per sample;
 *   backward  g = W_lᵀδ_l: g⁰ = Wᵀδ⁰, g¹ = Uᵀδ⁰ + Wᵀδ¹, g² = Uᵀδ¹ + Wᵀδ²;
 *             σ′(z(t)) = s⁰ + ts¹ + t²s²: s⁰ = σ′, s¹ = σ″z¹, s² = σ″z² + ½σ‴(z¹)²;
 *             δ_{l−1}^c = Σ_{a+b=c} s^a ⊙ g^b;
 *   gradient  ∂_{W_l}: Σ_{a+b=2} δ_l^a (a_l^b)ᵀ,  ∂_{b_l}: Σᵢ δ_l².
 * Products of polynomials are exact, so nothing is truncated. All buffers are allocated once, on
 * the first call.
 */
export function createMlpThird(
  spec: MlpSpec,
  data: MlpData,
  layers: readonly Layer[],
): (theta: Float64Array, u: Float64Array, out: Float64Array) => Float64Array {
  const n = data.n;
  const d = spec.inputDim;
  const k = spec.outputDim ?? 1;
  const ce = spec.loss === 'cross-entropy';
  const D = layers.length;
  const act = activationOf(spec.activation);
  const tmp = new Float64Array(4);
  const buf = (size: number) => new Float64Array(size);
  // A*[l]: coefficients of layer l's input (A*[0]: the data, transposed; its t, t² coefficients are 0).
  const A0 = [featureMajorInputs(data), ...layerBuffers(layers, n, 'inputs')];
  const [A1, A2] = [0, 1].map(() => [buf(d * n), ...layerBuffers(layers, n, 'inputs')]);
  const [Z0, Z1, Z2, E0, E1, E2] = [0, 1, 2, 3, 4, 5].map(() => layerBuffers(layers, n, 'every'));
  const [S1, S2, S3] = [0, 1, 2].map(() => layerBuffers(layers, n, 'hidden'));
  const widest = Math.max(d, ...layers.map((layer) => layer.fanOut));
  const g0 = buf(widest * n);
  const g1 = buf(widest * n);
  const g2 = buf(widest * n);
  const p = buf(k);
  const q = buf(k);

  /** δ⁰, δ¹, δ² of the top layer from f⁰, f¹, f². */
  const top = (): void => {
    const [f0, f1, f2] = [Z0[D - 1], Z1[D - 1], Z2[D - 1]];
    const [e0, e1, e2] = [E0[D - 1], E1[D - 1], E2[D - 1]];
    const y = data.y;
    if (!ce) {
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < n; i++) {
          const o = j * n + i;
          e0[o] = (f0[o] - y[i * k + j]) / n;
          e1[o] = f1[o] / n;
          e2[o] = f2[o] / n;
        }
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      let m = -Infinity;
      for (let j = 0; j < k; j++) m = Math.max(m, f0[j * n + i]);
      let z = 0;
      for (let j = 0; j < k; j++) z += p[j] = Math.exp(f0[j * n + i] - m);
      let pf1 = 0;
      let pf2 = 0;
      for (let j = 0; j < k; j++) {
        p[j] /= z;
        pf1 += p[j] * f1[j * n + i];
        pf2 += p[j] * f2[j * n + i];
      }
      let qf1 = 0;
      for (let j = 0; j < k; j++) {
        q[j] = p[j] * (f1[j * n + i] - pf1);
        qf1 += q[j] * f1[j * n + i];
      }
      for (let j = 0; j < k; j++) {
        const o = j * n + i;
        e0[o] = (p[j] - y[i * k + j]) / n;
        e1[o] = q[j] / n;
        e2[o] = (0.5 * (q[j] * (f1[o] - pf1) - p[j] * qf1) + p[j] * (f2[o] - pf2)) / n;
      }
    }
  };

  return (theta, u, out) => {
    for (let l = 0; l < D; l++) {
      affine(layers, n, theta, l, A0[l], Z0[l], false, true);
      affine(layers, n, u, l, A0[l], Z1[l], false, true);
      if (l > 0) {
        affine(layers, n, theta, l, A1[l], Z1[l], true, false);
        affine(layers, n, u, l, A1[l], Z2[l], false, false);
        affine(layers, n, theta, l, A2[l], Z2[l], true, false);
      } else {
        Z2[l].fill(0);
      }
      if (l < D - 1) {
        const [z0, z1, z2] = [Z0[l], Z1[l], Z2[l]];
        const [a0, a1, a2] = [A0[l + 1], A1[l + 1], A2[l + 1]];
        const [s1, s2, s3] = [S1[l], S2[l], S3[l]];
        for (let o = 0; o < z0.length; o++) {
          act(z0[o], tmp);
          a0[o] = tmp[0];
          s1[o] = tmp[1];
          s2[o] = tmp[2];
          s3[o] = tmp[3];
          a1[o] = tmp[1] * z1[o];
          a2[o] = tmp[1] * z2[o] + 0.5 * tmp[2] * z1[o] * z1[o];
        }
      }
    }
    top();
    out.fill(0);
    for (let l = D - 1; l >= 0; l--) {
      outer(layers, n, out, l, E2[l], A0[l]);
      if (l === 0) break;
      outer(layers, n, out, l, E1[l], A1[l], false);
      outer(layers, n, out, l, E0[l], A2[l], false);
      const size = layers[l].fanIn * n;
      const [h0, h1, h2] = [g0.subarray(0, size), g1.subarray(0, size), g2.subarray(0, size)];
      backMul(layers, n, theta, l, E0[l], h0, false);
      backMul(layers, n, u, l, E0[l], h1, false);
      backMul(layers, n, theta, l, E1[l], h1, true);
      backMul(layers, n, u, l, E1[l], h2, false);
      backMul(layers, n, theta, l, E2[l], h2, true);
      const [s1, s2, s3] = [S1[l - 1], S2[l - 1], S3[l - 1]];
      const [z1, z2] = [Z1[l - 1], Z2[l - 1]];
      const [e0, e1, e2] = [E0[l - 1], E1[l - 1], E2[l - 1]];
      for (let o = 0; o < size; o++) {
        const c1 = s2[o] * z1[o];
        const c2 = s2[o] * z2[o] + 0.5 * s3[o] * z1[o] * z1[o];
        e0[o] = s1[o] * h0[o];
        e1[o] = s1[o] * h1[o] + c1 * h0[o];
        e2[o] = s1[o] * h2[o] + c1 * h1[o] + c2 * h0[o];
      }
    }
    for (let i = 0; i < out.length; i++) out[i] *= 2;
    return out;
  };
}
