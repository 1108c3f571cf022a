/**
 * eoscheck's library API: every public name of every layer, in layer order (numerics → models →
 * spectral → dynamics → observers → claims → harness). Deeper paths are internal.
 */
import fc from 'fast-check';

/** The fast-check eoscheck runs claims with: build claim arbitraries from it, so there is one copy of it. */
export { fc };
export { EoscheckError, IndeterminateError, UsageError } from './errors.js';
export * from './numerics/index.js';
export * from './models/index.js';
export * from './spectral/index.js';
export * from './dynamics/index.js';
export * from './observers/index.js';
export * from './claims/index.js';
export * from './harness/index.js';
export { MODEL_INSTANCES, type ModelInstance } from './arbitraries/modelInstance.js';
export { decimalMatrix, decimalText, decimalVector, formatScaled, symmetricMatrix } from './arbitraries/decimalText.js';
export { seedFor } from './arbitraries/seedFor.js';
