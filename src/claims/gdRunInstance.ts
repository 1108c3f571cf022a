import type { Instance } from './claim.js';

/**
 * GD from θ₀ at η = `lr` for `steps` steps on the model `M`, all as exact decimal text: what the
 * claims that follow one GD run draw. A claim's instance interface extends it with what it adds.
 */
export interface GdRunInstance<M extends string = string> extends Instance {
  readonly model: M;
  readonly theta: readonly string[];
  readonly lr: string;
  readonly steps: number;
}

/** A diagonal linear network's regression data: X (n×d, one row per sample) and y (n), as decimal text. */
// A type alias, not an interface: it must fit the Instance index signature of `data`.
export type DlnData = {
  readonly X: readonly (readonly string[])[];
  readonly y: readonly string[];
};
