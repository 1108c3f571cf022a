import { UsageError } from '../errors.js';
import type { BoundModel } from '../models/model.js';
import { flow } from './flow.js';
import { gd } from './gd.js';
import { momentum } from './momentum.js';
import { ngd } from './ngd.js';
import { OPTIMIZER_IDS, type Optimizer, type OptimizerSpec } from './optimizer.js';
import { pgd } from './pgd.js';
import { sqrtGd } from './sqrtGd.js';

/**
 * The update rule a spec names, over `model` in its field. An unknown id is a UsageError naming
 * `--optimizer` and listing the known ones; bad options are UsageErrors naming the option.
 */
export function createOptimizer<T>(model: BoundModel<T>, spec: OptimizerSpec): Optimizer<T> {
  switch (spec.id) {
    case 'gd':
      return gd(model, { lr: spec.lr });
    case 'ngd':
      return ngd(model, { lr: spec.lr });
    case 'sqrt-gd':
      return sqrtGd(model, { lr: spec.lr, lstar: spec.lstar });
    case 'momentum':
      return momentum(model, { lr: spec.lr, beta: spec.beta });
    case 'pgd':
      return pgd(model, { lr: spec.lr, maxIterations: spec.maxProjections, tol: spec.projectionTol });
    case 'flow':
      return flow(model, { lr: spec.lr, rtol: spec.rtol, atol: spec.atol, capC: spec.capC, capEvery: spec.capEvery });
    default:
      throw new UsageError(`unknown optimizer "${String((spec as { id: unknown }).id)}" (known: ${OPTIMIZER_IDS.join(', ')})`, 'optimizer');
  }
}
