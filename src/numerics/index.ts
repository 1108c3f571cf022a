/**
 * The numerics layer: scalar fields (float64, decimal, outward-rounded interval), precision and
 * tolerances, dense symmetric linear algebra generic over the field, certified eigenvalue
 * enclosures, exact JSON input and a seeded random source. Every public name is listed here.
 */
export { DECIMAL_LITERAL, decimalCtor, decimalField, type DecimalCtor } from './decimalField.js';
export { eigEnclosure, type EigEnclosure } from './eigEnclosure.js';
export { eigSym } from './eigSym.js';
export { eigSymF64, type EigSym } from './eigSymF64.js';
export { eigSymJacobi, type JacobiOptions } from './eigSymJacobi.js';
export { f64 } from './f64Field.js';
export { fieldFor } from './fieldFor.js';
export type { Field, Mat, Vec } from './field.js';
export { Interval, upperDouble } from './interval.js';
export { intervalField } from './intervalField.js';
export {
  assertSymmetric,
  axpy,
  dot,
  identity,
  matMul,
  matVec,
  norm2,
  scale,
  squareSize,
  symmetryDefect,
  transpose,
  vecSub,
} from './linalg.js';
export { parseExactJson, type ExactJsonValue } from './parseExactJson.js';
export { F64, formatPrecision, MAX_DIGITS, parsePrecision, type Precision } from './precision.js';
export { rng, type Rng } from './rng.js';
export { closeTo, relError, relErrorMat, toleranceFor, unitRoundoff, type Tolerance } from './tolerance.js';
