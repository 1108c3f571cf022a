import type { DecimalText } from '../models/model.js';

/**
 * The shape every claim on the scalar factorization uv (L = ½(uv − y)², width 1) draws: the model,
 * its target y, a start (u₀, v₀) and a GD run of `steps` steps at η = `lr`, all as exact decimal
 * text. A claim's instance type extends WithUvRun<Instance> with what it adds.
 */
// A type alias, not an interface: it must fit the claims' Instance index signature.
export type UvRun = {
  readonly model: 'uv';
  readonly params: { readonly target: DecimalText };
  readonly theta: readonly [DecimalText, DecimalText];
  readonly lr: DecimalText;
  readonly steps: number;
};

/** A UvRun with target y = 1 (the normalisation of every uv claim), plus the claim's own fields. */
export function uvRun<E extends object>(u: DecimalText, v: DecimalText, lr: DecimalText, steps: number, extra: E): UvRun & E {
  return { model: 'uv', params: { target: '1' }, theta: [u, v], lr, steps, ...extra };
}

/** A base instance type B narrowed to a UvRun: what a claim's uv instance interface extends. */
export type WithUvRun<B> = B & UvRun;
