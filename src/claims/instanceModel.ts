import type { Model } from '../models/model.js';
import { getModelDef } from '../models/registry.js';
import type { Instance } from './claim.js';

/** The model of an instance, as `--model/--param/--data/--expr/--vars` would build it (bad input → UsageError). */
export function instanceModel(instance: Instance): Model {
  const def = getModelDef(instance.model);
  const { expr, vars } = instance;
  return def.create({
    params: instance.params ?? {},
    ...(instance.data !== undefined ? { data: instance.data as never } : {}),
    ...(typeof expr === 'string' ? { expr } : {}),
    ...(Array.isArray(vars) ? { vars: vars.map(String) } : {}),
    ...(instance.theta !== undefined ? { dim: instance.theta.length } : {}),
  });
}
