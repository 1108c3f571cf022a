import { rng } from '../numerics/rng.js';
import { lossOf } from './_internals/lossOf.js';
import { activationOp, type TfActivation } from './secondOrderActivations.js';
import type { TfDataset } from './tfDataset.js';
import { tf } from './tfjs.js';
import type { TfLoss, TfModel } from './tfModel.js';

/**
 * A small CNN for one-channel images: a `kernel` × `kernel` convolution with `channels` filters
 * (valid padding, `stride`), the activation, then a dense layer to the outputs.
 */
export interface CnnTfSpec {
  readonly channels: number;
  /** Default 3. */
  readonly kernel?: number;
  /** Default 1. */
  readonly stride?: number;
  readonly activation: TfActivation;
  /** Default `cross-entropy` when the data set has labels, else `mse`. */
  readonly loss?: TfLoss;
}

function geometry(spec: CnnTfSpec, data: TfDataset) {
  if (data.imageShape === undefined) throw new RangeError(`cnnTf: the data set ${data.name} has no image shape`);
  const [h, w] = data.imageShape;
  const kk = spec.kernel ?? 3;
  const s = spec.stride ?? 1;
  const posInt = (v: number) => Number.isInteger(v) && v >= 1;
  if (!posInt(spec.channels) || !posInt(kk) || !posInt(s) || kk > h || kk > w) {
    throw new RangeError(`cnnTf: channels, kernel (≤ image side) and stride must be positive integers, got ${spec.channels}, ${kk}, ${s}`);
  }
  const oh = Math.floor((h - kk) / s) + 1;
  const ow = Math.floor((w - kk) / s) + 1;
  return { h, w, kk, s, oh, ow, q: oh * ow };
}

/** Parameters: the filters (channels × kernel²), their biases, the dense weights (outputDim × positions·channels) and biases. */
export function cnnTfParamCount(spec: CnnTfSpec, data: TfDataset): number {
  const { kk, q } = geometry(spec, data);
  return spec.channels * (kk * kk + 1) + data.outputDim * (q * spec.channels + 1);
}

/**
 * The CNN on a data set, as a {@link TfModel}. The convolution is a matrix product with the image
 * patches (im2col), which are constants of the data set built once here: so the network uses only
 * matMul, add, reshape and the activation, whose derivatives are correct to every order (tfjs's
 * conv2d would put its backprop kernels on the tape of a Hessian-vector product).
 * Layout of θ: filters (channels × kernel², row-major over the patch), filter biases, dense weights
 * (outputDim × (position·channels + channel)), dense biases.
 */
export function createCnnTf(spec: CnnTfSpec, data: TfDataset): TfModel {
  const { w, kk, s, oh, ow, q } = geometry(spec, data);
  const c = spec.channels;
  const k = data.outputDim;
  const loss = spec.loss ?? (data.labels !== undefined ? 'cross-entropy' : 'mse');
  const act = activationOp(spec.activation);
  const d = data.inputDim;
  const patches = new Float32Array(data.n * q * kk * kk);
  let o = 0;
  for (let i = 0; i < data.n; i++) {
    for (let u = 0; u < oh; u++) {
      for (let v = 0; v < ow; v++) {
        for (let a = 0; a < kk; a++) for (let b = 0; b < kk; b++) patches[o++] = data.x[i * d + (u * s + a) * w + v * s + b];
      }
    }
  }
  const P = tf.tensor2d(patches, [data.n * q, kk * kk]);
  const Y = tf.tensor2d(Float32Array.from(data.y), [data.n, k]);
  const dim = cnnTfParamCount(spec, data);
  const outputs = (theta: tf.Tensor): tf.Tensor2D => {
    if (theta.size !== dim) throw new RangeError(`cnnTf: θ has ${theta.size} entries, expected ${dim}`);
    const K = tf.reshape(tf.slice(theta, 0, c * kk * kk), [c, kk * kk]);
    const bc = tf.slice(theta, c * kk * kk, c);
    const off = c * (kk * kk + 1);
    const W = tf.reshape(tf.slice(theta, off, k * q * c), [k, q * c]);
    const b = tf.slice(theta, off + k * q * c, k);
    const hidden = act(tf.add(tf.matMul(P, K, false, true), bc));
    return tf.add(tf.matMul(tf.reshape(hidden, [data.n, q * c]), W, false, true), b) as tf.Tensor2D;
  };
  return {
    kind: 'cnn',
    dim,
    loss,
    label: `cnn conv${kk}x${kk}/${s}×${c} ${spec.activation} → dense ${k}, ${loss} on ${data.name}`,
    lossAt: (theta) => lossOf(loss, outputs(theta), Y),
    outputs,
    dispose: () => {
      P.dispose();
      Y.dispose();
    },
  };
}

/** Seeded initialisation for the CNN: weights N(0, 1/fan_in), biases 0. */
export function initCnnTf(spec: CnnTfSpec, data: TfDataset, seed: number): Float32Array {
  const { kk, q } = geometry(spec, data);
  const c = spec.channels;
  const theta = new Float32Array(cnnTfParamCount(spec, data));
  return fillInit(
    theta,
    [
      { n: c * kk * kk, fanIn: kk * kk },
      { n: c, fanIn: 0 },
      { n: data.outputDim * q * c, fanIn: q * c },
      { n: data.outputDim, fanIn: 0 },
    ],
    seed,
  );
}

function fillInit(theta: Float32Array, blocks: { n: number; fanIn: number }[], seed: number): Float32Array {
  const r = rng(seed);
  let o = 0;
  for (const { n, fanIn } of blocks) {
    for (let i = 0; i < n; i++) theta[o++] = fanIn > 0 ? r.normal() / Math.sqrt(fanIn) : 0;
  }
  return theta;
}
