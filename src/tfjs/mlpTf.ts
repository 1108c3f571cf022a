import { initMlpF64, mlpParamCount } from './mlpF64.js';
import { activationOp, type TfActivation } from './secondOrderActivations.js';
import { lossOf } from './_internals/lossOf.js';
import type { TfDataset } from './tfDataset.js';
import { tf } from './tfjs.js';
import type { TfLoss, TfModel } from './tfModel.js';

/** A fully connected network: inputDim → widths… → outputDim, the same activation after every hidden layer. */
export interface MlpTfSpec {
  readonly inputDim: number;
  /** Hidden widths, one per hidden layer (depth = widths.length ≥ 1). */
  readonly widths: readonly number[];
  readonly activation: TfActivation;
  /** Output units (default 1). */
  readonly outputDim?: number;
  /** Default `mse`. */
  readonly loss?: TfLoss;
  /** Use tfjs's own tanh/sigmoid/… (WRONG second derivatives, ecosystem.md §4a): for tests of the guard only. */
  readonly builtinActivation?: boolean;
}

/** Number of parameters Σ (fan_in + 1)·fan_out: the float64 reference's count (same layout). */
export function mlpTfParamCount(spec: MlpTfSpec): number {
  return mlpParamCount(spec);
}

/**
 * A fully connected network on a data set, as a {@link TfModel}. Parameter layout of θ (flat, the same
 * as mlpF64 so a float64 reference can be evaluated at the same point): for each layer in order its
 * weight matrix row-major (fan_out × fan_in), then its bias. Activations are the second-order-correct
 * ones of secondOrderActivations.ts.
 */
export function createMlpTf(spec: MlpTfSpec, data: TfDataset): TfModel {
  const k = spec.outputDim ?? 1;
  const loss = spec.loss ?? 'mse';
  const posInt = (v: number) => Number.isInteger(v) && v >= 1;
  if (!posInt(spec.inputDim) || !Array.isArray(spec.widths) || spec.widths.length < 1 || !spec.widths.every(posInt) || !posInt(k)) {
    throw new RangeError(
      `mlpTf: inputDim, widths (at least one) and outputDim must be positive integers, got ${spec.inputDim}, ${JSON.stringify(spec.widths)}, ${k}`,
    );
  }
  if (data.inputDim !== spec.inputDim || data.outputDim !== k) {
    throw new RangeError(`mlpTf: the data set has inputDim ${data.inputDim} and outputDim ${data.outputDim}, the network ${spec.inputDim} and ${k}`);
  }
  if (loss === 'cross-entropy' && k < 2) throw new RangeError('mlpTf: cross-entropy needs outputDim ≥ 2 (one output per class)');
  const act = activationOp(spec.activation, { builtin: spec.builtinActivation === true });
  const sizes = [spec.inputDim, ...spec.widths, k];
  const X = tf.tensor2d(Float32Array.from(data.x), [data.n, data.inputDim]);
  const Y = tf.tensor2d(Float32Array.from(data.y), [data.n, k]);
  const dim = mlpTfParamCount(spec);
  const outputs = (theta: tf.Tensor): tf.Tensor2D => {
    if (theta.size !== dim) throw new RangeError(`mlpTf: θ has ${theta.size} entries, expected ${dim}`);
    let a: tf.Tensor2D = X;
    let off = 0;
    for (let l = 1; l < sizes.length; l++) {
      const fin = sizes[l - 1];
      const fout = sizes[l];
      const W = tf.reshape(tf.slice(theta, off, fin * fout), [fout, fin]) as tf.Tensor2D;
      const b = tf.slice(theta, off + fin * fout, fout);
      off += (fin + 1) * fout;
      const z = tf.add(tf.matMul(a, W, false, true), b) as tf.Tensor2D;
      a = l < sizes.length - 1 ? (act(z) as tf.Tensor2D) : z;
    }
    return a;
  };
  return {
    kind: 'mlp',
    dim,
    loss,
    label: `mlp ${sizes.join('-')} ${spec.activation}${spec.builtinActivation === true ? ' (built-in op)' : ''}, ${loss} on ${data.name}`,
    lossAt: (theta) => lossOf(loss, outputs(theta), Y),
    outputs,
    dispose: () => {
      X.dispose();
      Y.dispose();
    },
  };
}

/**
 * Seeded initialisation (docs/claims/cohen.md): every weight ~ N(0, 1/fan_in), every bias 0 — the float64
 * reference's θ₀ (same layout and draws), rounded to float32, so both evaluate the same network.
 */
export function initMlpTf(spec: MlpTfSpec, seed: number): Float32Array {
  return Float32Array.from(initMlpF64(spec, seed));
}
