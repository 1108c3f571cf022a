import { UsageError } from '../errors.js';
import { cubicToy } from './cubicToy.js';
import { deepScalar } from './deepScalar.js';
import { deepLinear } from './deepLinear.js';
import { deepScalarData } from './deepScalarData.js';
import { diagonalLinear } from './diagonalLinear.js';
import { expr } from './expr.js';
import { innerProduct } from './innerProduct.js';
import { manifoldToy } from './manifoldToy.js';
import { matrixFactorization } from './matrixFactorization.js';
import { minimalist } from './minimalist.js';
import type { ModelDef } from './model.js';
import { quadratic } from './quadratic.js';
import { quadraticRegression } from './quadraticRegression.js';
import { quartic } from './quartic.js';
import { twoLayer } from './twoLayer.js';
import { uv } from './uv.js';

/** The built-in model families, in the order of the architecture's model table (ids are public). */
export const MODELS: readonly ModelDef[] = [
  quadratic,
  deepScalar,
  deepScalarData,
  uv,
  innerProduct,
  matrixFactorization,
  diagonalLinear,
  deepLinear,
  twoLayer,
  quadraticRegression,
  quartic,
  minimalist,
  manifoldToy,
  cubicToy,
  expr,
];

/** The family with this id; an unknown id is a UsageError naming `--model` and listing the known ids. */
export function getModelDef(id: string): ModelDef {
  const def = MODELS.find((m) => m.id === id);
  if (def === undefined) {
    throw new UsageError(`unknown model "${id}" (known: ${MODELS.map((m) => m.id).join(', ')})`, 'model');
  }
  return def;
}
