/**
 * The GD core for real networks on TensorFlow.js (float32): MLP and CNN models on seeded synthetic
 * data and real digits, full-batch GD and its variants, HVPs by nested gradients with
 * second-order-correct activations (or finite differences), Lanczos sharpness, backend selection;
 * and the float64 reference MLP every tfjs number is checked against. Importing this barrel loads
 * tfjs (about 1 s): the root barrel does not re-export it. Every public name is listed here.
 */
export { cnnTfParamCount, createCnnTf, initCnnTf, type CnnTfSpec } from './cnnTf.js';
export { digitsData } from './digitsData.js';
export { eosFigures, type EosFigures } from './eosFigures.js';
export { gaussianMixtureData } from './gaussianMixtureData.js';
export { FD_HVP_EPS, hvpFiniteDifference } from './hvpFiniteDifference.js';
export { hvpNested } from './hvpNested.js';
export { lossAndGradTf } from './lossAndGradTf.js';
export { makeTfDataset, TF_DATASETS, type MakeTfDatasetOptions, type TfDatasetName } from './makeTfDataset.js';
export {
  ACTIVATIONS,
  createMlpF64,
  initMlpF64,
  mlpParamCount,
  randomLabelData,
  teacherData,
  type Activation,
  type MlpData,
  type MlpF64,
  type MlpSpec,
} from './mlpF64.js';
export { createMlpTf, initMlpTf, mlpTfParamCount, type MlpTfSpec } from './mlpTf.js';
export { CNN_PARAM_DEFAULTS, NETWORK_PARAM_DEFAULTS, parseNetworkParams, type NetworkParams } from './parseNetworkParams.js';
export { regressionData } from './regressionData.js';
export {
  activationOp,
  expR,
  linearR,
  logSumExpR,
  reluR,
  sigmoidR,
  softplusR,
  tanhR,
  TF_ACTIVATIONS,
  type TfActivation,
} from './secondOrderActivations.js';
export { activeBackend, BACKENDS, BackendUnavailableError, selectBackend, type BackendName, type ModuleImporter } from './selectBackend.js';
export { hvpClosureTf, sharpnessTf, type HvpMethod, type SharpnessTfOptions } from './sharpnessTf.js';
export { oneHot, roundToF32, type TfDataset } from './tfDataset.js';
export { tf } from './tfjs.js';
export type { TfLoss, TfModel } from './tfModel.js';
export {
  traceNetwork,
  type TraceNetworkEvent,
  type TraceNetworkOptions,
  type TraceNetworkRecord,
  type TraceNetworkResult,
} from './traceNetwork.js';
export { traceNetworkJson, type TraceNetworkJson } from './traceNetworkJson.js';
export { TF_OPTIMIZERS, trainTf, type TfOptimizer, type TfStepInfo, type TfTrainer, type TrainTfOptions } from './trainTf.js';
