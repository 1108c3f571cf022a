/**
 * The shape of a fully connected network for the float64 reference (mlpF64.ts): its specification,
 * data layout, parameter layout and activations with their first three derivatives.
 *
 * Parameter layout of θ (flat): for each layer in order (hidden layers, then the output layer),
 * its weight matrix row-major (out × in), then its bias (out). So θ = [W₁, b₁, …, W_D, b_D, w_out, b_out].
 */

export type Activation = 'tanh' | 'relu' | 'softplus' | 'linear' | 'sigmoid';

export const ACTIVATIONS: readonly Activation[] = Object.freeze(['tanh', 'relu', 'softplus', 'linear', 'sigmoid']);

export interface MlpSpec {
  /** Input dimension d ≥ 1. */
  readonly inputDim: number;
  /** Hidden widths, one per hidden layer (depth ≥ 1). */
  readonly widths: readonly number[];
  readonly activation: Activation;
  /** Output units k (default 1). */
  readonly outputDim?: number;
  /** Default 'mse'; 'cross-entropy' needs outputDim ≥ 2. */
  readonly loss?: 'mse' | 'cross-entropy';
}

/** A data set: n inputs row-major (n × d) and n labels (row-major n × k for k outputs; scalars for k = 1). */
export interface MlpData {
  readonly n: number;
  readonly inputDim: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface Layer {
  readonly fanIn: number;
  readonly fanOut: number;
  /** Offset of W (fanOut × fanIn, row-major) in θ; the bias follows at w + fanIn·fanOut. */
  readonly w: number;
  readonly b: number;
}

function checkSpec(spec: MlpSpec): void {
  const posInt = (k: number) => Number.isInteger(k) && k >= 1;
  if (!posInt(spec.inputDim)) throw new RangeError(`mlpF64: inputDim must be a positive integer, got ${spec.inputDim}`);
  if (!Array.isArray(spec.widths) || spec.widths.length < 1 || !spec.widths.every(posInt)) {
    throw new RangeError(`mlpF64: widths must list at least one positive integer width, got ${JSON.stringify(spec.widths)}`);
  }
  if (!ACTIVATIONS.includes(spec.activation))
    throw new RangeError(`mlpF64: activation must be one of ${ACTIVATIONS.join(', ')}, got ${String(spec.activation)}`);
  if (spec.outputDim !== undefined && !posInt(spec.outputDim)) throw new RangeError(`mlpF64: outputDim must be a positive integer, got ${spec.outputDim}`);
  if (spec.loss !== undefined && spec.loss !== 'mse' && spec.loss !== 'cross-entropy')
    throw new RangeError(`mlpF64: loss must be 'mse' or 'cross-entropy', got ${String(spec.loss)}`);
  if (spec.loss === 'cross-entropy' && (spec.outputDim ?? 1) < 2) throw new RangeError('mlpF64: cross-entropy needs outputDim ≥ 2 (one output per class)');
}

export function layersOf(spec: MlpSpec): Layer[] {
  checkSpec(spec);
  const sizes = [spec.inputDim, ...spec.widths, spec.outputDim ?? 1];
  const layers: Layer[] = [];
  let off = 0;
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1];
    const fanOut = sizes[l];
    layers.push({ fanIn, fanOut, w: off, b: off + fanIn * fanOut });
    off += fanIn * fanOut + fanOut;
  }
  return layers;
}

/** Number of parameters: Σ over layers of (fan_in + 1)·fan_out. 8-32-1 has 321. */
export function mlpParamCount(spec: MlpSpec): number {
  const L = layersOf(spec);
  const last = L[L.length - 1];
  return last.b + last.fanOut;
}

/**
 * σ, σ′, σ″ and σ‴ at z into the four slots of `out` (σ″ is needed by the R-operator, σ‴ by the
 * third derivative; ReLU's are 0 away from the kink, and its σ′(0) is taken as 0).
 */
export type Act = (z: number, out: Float64Array) => void;

export function activationOf(a: Activation): Act {
  switch (a) {
    case 'tanh':
      return (z, o) => {
        // t = tanh z: σ′ = 1 − t², σ″ = −2tσ′, σ‴ = −2σ′(σ′ − 2t²).
        const t = Math.tanh(z);
        const d = 1 - t * t;
        o[0] = t;
        o[1] = d;
        o[2] = -2 * t * d;
        o[3] = -2 * d * (d - 2 * t * t);
      };
    case 'relu':
      return (z, o) => {
        o[0] = z > 0 ? z : 0;
        o[1] = z > 0 ? 1 : 0;
        o[2] = 0;
        o[3] = 0;
      };
    case 'softplus':
      return (z, o) => {
        // log(1 + eᶻ) without overflow; σ′ = s = sigmoid(z), σ″ = s(1 − s), σ‴ = s(1 − s)(1 − 2s).
        const e = Math.exp(-Math.abs(z));
        o[0] = Math.max(z, 0) + Math.log1p(e);
        const s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        o[1] = s;
        o[2] = s * (1 - s);
        o[3] = s * (1 - s) * (1 - 2 * s);
      };
    case 'linear':
      return (z, o) => {
        o[0] = z;
        o[1] = 1;
        o[2] = 0;
        o[3] = 0;
      };
    case 'sigmoid':
      return (z, o) => {
        // s = 1/(1 + e⁻ᶻ) without overflow; σ′ = s(1 − s), σ″ = σ′(1 − 2s), σ‴ = σ″(1 − 2s) − 2σ′².
        const e = Math.exp(-Math.abs(z));
        const s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        const d = s * (1 - s);
        const d2 = d * (1 - 2 * s);
        o[0] = s;
        o[1] = d;
        o[2] = d2;
        o[3] = d2 * (1 - 2 * s) - 2 * d * d;
      };
  }
}

/** σ, σ′ and σ″ of every entry of z into a, s1 and s2 (the forward pass of mlpF64.ts). */
export type ActFill = (z: Float64Array, a: Float64Array, s1: Float64Array, s2: Float64Array) => void;

/**
 * The forward pass's activation loop. tanh, the activation of the network claims, gets a loop of its
 * own (the same formulas as activationOf, so the same bits): a closure call per entry and the unused
 * σ‴ cost as much there as the products of the layer. The others go through activationOf.
 */
export function activationFillOf(a: Activation): ActFill {
  if (a === 'tanh') {
    return (z, out, s1, s2) => {
      for (let q = 0; q < z.length; q++) {
        const t = Math.tanh(z[q]);
        const d = 1 - t * t;
        out[q] = t;
        s1[q] = d;
        s2[q] = -2 * t * d;
      }
    };
  }
  const act = activationOf(a);
  const tmp = new Float64Array(4);
  return (z, out, s1, s2) => {
    for (let q = 0; q < z.length; q++) {
      act(z[q], tmp);
      out[q] = tmp[0];
      s1[q] = tmp[1];
      s2[q] = tmp[2];
    }
  };
}
