import type { Model } from '../src/models/model.js';
import { getModelDef } from '../src/models/registry.js';

/** The quadratic model L = ½θᵀAθ − bᵀθ (b = 0 when left out) for a square A given as rows of decimals. */
export function quadraticModel(A: string[][], b?: string[]): Model {
  return getModelDef('quadratic').create({ dim: A.length, data: b === undefined ? { A } : { A, b } });
}
