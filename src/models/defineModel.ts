import type { ExactJson, ModelDef, ModelImpl, ModelInput, ParamSpec } from './model.js';
import { makeModel } from './model.js';
import { checkDim, dataObject, readParams } from './params.js';

/** What a family builds for one input once its parameters and data are read: the instance but for its id and parameters. */
export type ModelBody = Omit<ModelImpl, 'id' | 'params'>;

/** The `data` a family takes: its documented shape, its keys (others are rejected) and its reader. */
export interface DataSpec<D> {
  /** The shape of `data`, as documented (ModelDef.data). */
  readonly shape: string;
  readonly keys: readonly string[];
  /** Checks the fields of the data object (UsageErrors naming `data`) and returns them in the family's terms. */
  read(obj: Record<string, ExactJson>): D;
}

/** The input of one instance, with its parameters (checked against the specs, defaults filled in) and its data (read). */
export interface ModelRead<D> {
  readonly input: ModelInput;
  readonly params: Readonly<Record<string, string>>;
  readonly data: D;
}

/** A model family as it is written: its documentation, and how it builds an instance from checked input. */
export interface ModelFamily<D> extends Omit<ModelDef, 'params' | 'data' | 'create'> {
  /** The parameters (none when absent). */
  readonly params?: readonly ParamSpec[];
  /** Rules on the parameters alone (e.g. a width range), checked before the data is read. */
  checkParams?(params: Readonly<Record<string, string>>): void;
  readonly data?: DataSpec<D>;
  /**
   * Builds the instance; rules between parameters and data are checked here (UsageErrors). A family
   * whose size comes from θ reads it with thetaDim; any other sets `dim`, which θ must then match.
   */
  build(read: ModelRead<D>): ModelBody;
}

/**
 * A ModelDef from a family. Every family reads its input in the same order (parameters, their own
 * rules, the data object, what the family checks itself, then θ's length against the size it
 * sets) and records its id and parameters on each instance, so that part is written once here and
 * a family only says what is its own.
 */
export function defineModel<D = undefined>(family: ModelFamily<D>): ModelDef {
  const { id, title, objective, thetaLayout, data, checkParams, build } = family;
  const params = family.params ?? [];
  return {
    id,
    title,
    objective,
    thetaLayout,
    params,
    ...(data !== undefined ? { data: data.shape } : {}),
    create(input: ModelInput) {
      const values = readParams(id, input, params);
      checkParams?.(values);
      const read = data === undefined ? (undefined as D) : data.read(dataObject(id, input, data.shape, data.keys));
      const body = build({ input, params: values, data: read });
      checkDim(id, input, body.dim);
      return makeModel({ id, params: values, ...body });
    },
  };
}
