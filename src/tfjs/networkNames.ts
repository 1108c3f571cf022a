/**
 * The names a network trace is described by (activations, data sets, `--param` keys and defaults),
 * in a module that does not load TensorFlow.js, so `eoscheck models` and help can list them cheaply.
 */
// The activations are those of the float64 reference (every tfjs network can be checked against it); mlpF64 loads no tfjs.
export { ACTIVATIONS as TF_ACTIVATIONS, type Activation as TfActivation } from './mlpF64.js';

export type TfDatasetName = 'random-labels' | 'teacher' | 'gaussian-mixture' | 'regression' | 'digits';

export const TF_DATASETS: readonly TfDatasetName[] = Object.freeze(['random-labels', 'teacher', 'gaussian-mixture', 'regression', 'digits']);

/** The `--param` keys of `--model mlp|cnn`, with their defaults. */
export const NETWORK_PARAM_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  width: '16',
  depth: '1',
  activation: 'tanh',
  dataset: 'random-labels',
  n: '100',
  seed: '1',
  inputDim: '8',
  loss: 'mse',
  hvp: 'nested',
  lanczosIter: '60',
  f64Every: '0',
});

/** The CNN reads images: its defaults differ where the MLP's would not run (depth and inputDim do not apply). */
export const CNN_PARAM_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  width: '4',
  activation: 'tanh',
  dataset: 'digits',
  n: '100',
  seed: '1',
  loss: 'mse',
  hvp: 'nested',
  lanczosIter: '60',
  f64Every: '0',
});

export const NETWORK_PARAM_KEYS = [
  'width',
  'depth',
  'activation',
  'dataset',
  'n',
  'seed',
  'dataSeed',
  'inputDim',
  'classes',
  'side',
  'loss',
  'hvp',
  'lanczosIter',
  'f64Every',
] as const;
