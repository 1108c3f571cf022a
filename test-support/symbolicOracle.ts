import { derivative, evaluate, parse } from 'mathjs';
import { expect } from 'vitest';
import type { BoundModel, DecimalText, Model } from '../src/models/model.js';
import { f64 } from '../src/numerics/f64Field.js';

/** A formula's loss, Hessian and third-derivative action ∇³L[e,e], from mathjs's symbolic derivatives, in f64. */
export interface SymbolicOracle {
  loss(t: readonly number[]): number;
  hessian(t: readonly number[]): number[][];
  third(t: readonly number[], e: readonly number[]): number[];
}

/**
 * The oracle of a model written out as a formula in `vars` (independently of the model's closed
 * forms): mathjs differentiates it symbolically (unsimplified, so no rewriting can hide a slip).
 */
export function symbolicOracle(expr: string, vars: readonly string[]): SymbolicOracle {
  const node = parse(expr);
  const d2 = vars.map((a) => {
    const da = derivative(node, a, { simplify: false });
    return vars.map((b) => derivative(da, b, { simplify: false }));
  });
  const d3 = d2.map((row) => row.map((n) => vars.map((c) => derivative(n, c, { simplify: false }))));
  const scope = (t: readonly number[]) => Object.fromEntries(vars.map((name, i) => [name, t[i]]));
  return {
    loss: (t) => node.evaluate(scope(t)) as number,
    hessian: (t) => {
      const s = scope(t);
      return d2.map((row) => row.map((n) => n.evaluate(s) as number));
    },
    third: (t, e) => {
      const s = scope(t);
      return d3.map((mat) => mat.reduce((acc, row, j) => acc + row.reduce((acc2, n, k) => acc2 + (n.evaluate(s) as number) * e[j] * e[k], 0), 0));
    },
  };
}

const maxAbs = (xs: readonly number[]) => Math.max(...xs.map(Math.abs));

/** The model's f64 Hessian and ∇³L[e,e] at t agree with the oracle's to 1e-12 (relative to their size, at least 1). */
export function expectSymbolicAgreement(model: BoundModel<number>, oracle: SymbolicOracle, t: number[], e: number[]): void {
  const H = oracle.hessian(t).flat();
  const T = oracle.third(t, e);
  const Hm = model.hessian(t).flat();
  const Tm = model.third(t, e);
  expect(maxAbs(Hm.map((h, i) => h - H[i]))).toBeLessThanOrEqual(1e-12 * Math.max(1, maxAbs(H)));
  expect(maxAbs(Tm.map((x, i) => x - T[i]))).toBeLessThanOrEqual(1e-12 * Math.max(1, maxAbs(T)));
}

/** The model's f64 loss at θ agrees with the formula evaluated by mathjs, to 1e-13 (relative to its size, at least 1). */
export function expectLossOfFormula(m: Model, expr: string, vars: readonly string[], theta: readonly DecimalText[]): void {
  const scope = Object.fromEntries(vars.map((name, i) => [name, Number(theta[i])]));
  const want = evaluate(expr, scope) as number;
  const got = m.bind(f64).loss(theta.map(Number));
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(want)));
}
