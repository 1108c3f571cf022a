/**
 * The models layer: the model contract, the built-in families (ids are a public contract) and how a
 * family is defined, the parameter and data readers, and the derivative oracle for checking any
 * model, yours included.
 */
export { checkDerivatives, type DerivativeReport } from './checkDerivatives.js';
export { cubicToy } from './cubicToy.js';
export { deepScalar, product, productGradient, productHessian, productJets, scalarProductModel } from './deepScalar.js';
export { deepLinear } from './deepLinear.js';
export { deepScalarData } from './deepScalarData.js';
export { defineModel, type DataSpec, type ModelBody, type ModelFamily, type ModelRead } from './defineModel.js';
export { diagonalLinear } from './diagonalLinear.js';
export { expr } from './expr.js';
export { innerProduct } from './innerProduct.js';
export type { KernelsF64 } from './kernelsF64.js';
export { manifoldToy } from './manifoldToy.js';
export { matrixFactorization } from './matrixFactorization.js';
export { minimalist } from './minimalist.js';
export {
  makeModel,
  type BoundModel,
  type DecimalText,
  type ExactJson,
  type Manifold,
  type Model,
  type ModelDef,
  type ModelImpl,
  type ModelInput,
  type ParamSpec,
} from './model.js';
export { checkDim, dataMatrix, dataNumber, dataObject, dataRegression, dataVector, readParams, requireParam, thetaDim } from './params.js';
export { quadratic } from './quadratic.js';
export { quadraticRegression } from './quadraticRegression.js';
export { quartic } from './quartic.js';
export { getModelDef, MODELS } from './registry.js';
export { twoLayer, type TwoLayerActivation } from './twoLayer.js';
export { uv } from './uv.js';
