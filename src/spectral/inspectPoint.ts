import type { Decimal } from 'decimal.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { eigSym } from '../numerics/eigSym.js';
import { isSimpleTop } from './sharpness.js';
import { eigEnclosure } from '../numerics/eigEnclosure.js';
import { Interval } from '../numerics/interval.js';
import { intervalField } from '../numerics/intervalField.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import type { Precision } from '../numerics/precision.js';
import type { DecimalText, Model } from '../models/model.js';
import { NonFiniteError, UsageError } from '../errors.js';
import { checkInputFinite } from '../models/checkInputFinite.js';
import { formatPrecision } from '../numerics/precision.js';
import { checkDenseDim } from './denseLimit.js';

/** Everything `eoscheck inspect` reports at one point, as values of the chosen field. */
export interface PointReport<T> {
  readonly F: Field<T>;
  readonly model: Model;
  readonly theta: Vec<T>;
  readonly loss: T;
  readonly grad: Vec<T>;
  readonly hessian: Mat<T>;
  /** Descending. For interval arithmetic these are certified enclosures. */
  readonly eigenvalues: Vec<T>;
  /** Row i ↔ eigenvalue i, unit norm (for intervals: boxes that contain a true unit eigenvector). */
  readonly eigenvectors: Mat<T>;
  readonly sharpness: T;
  /** ∇S = ∇³L[u,u]; null when the top eigenvalue is not separated well enough to define it. */
  readonly sharpnessGradient: Vec<T> | null;
  /** λ₁ − λ₂ as a double (Infinity for dim 1). */
  readonly gap: number;
  readonly warnings: string[];
}

/**
 * Throws NonFiniteError when an entry of a computed quantity is not finite: at this θ the model
 * overflows the arithmetic or leaves its domain (1/x at 0, log at 0, asin past 1). Said in one
 * sentence naming the quantity, before any eigensolver sees it.
 */
function requireFinite<T>(F: Field<T>, what: string, xs: readonly T[], entry: (i: number) => string): void {
  const i = xs.findIndex((x) => !F.isFinite(x));
  if (i < 0) return;
  const at = xs.length > 1 ? ` ${entry(i)}` : '';
  throw new NonFiniteError(
    `the ${what}${at}`,
    `is not finite in ${formatPrecision(F.precision)} at this θ (${F.toString(xs[i])}): ` +
      'the model overflows the arithmetic or leaves its domain here (e.g. 1/x or log at 0, asin past 1)',
  );
}

/** Loss, gradient and Hessian at θ, each checked finite. */
function closedForms<T>(F: Field<T>, model: Model, theta: Vec<T>): { loss: T; grad: Vec<T>; hessian: Mat<T> } {
  const b = model.bind(F);
  const loss = b.loss(theta);
  requireFinite(F, 'loss', [loss], () => '');
  const grad = b.grad(theta);
  requireFinite(F, 'gradient', grad, (i) => `entry ${i + 1} (${model.thetaNames[i]})`);
  const hessian = b.hessian(theta);
  hessian.forEach((row, i) => requireFinite(F, 'Hessian', row, (j) => `entry (${i + 1}, ${j + 1})`));
  return { loss, grad, hessian };
}

function pointReport<T>(F: Field<T>, model: Model, thetaText: readonly DecimalText[]): PointReport<T> {
  const b = model.bind(F);
  const theta = thetaText.map((x) => F.from(x));
  const { loss, grad, hessian } = closedForms(F, model, theta);
  const { values, vectors } = eigSym(F, hessian);
  requireFinite(F, 'eigenvalues', values, (i) => `entry ${i + 1}`);
  const warnings: string[] = [];
  const gap = values.length > 1 ? F.toNumber(F.sub(values[0], values[1])) : Infinity;
  const norm = values.reduce((m, v) => Math.max(m, Math.abs(F.toNumber(v))), 0);
  const { simple, why } = isSimpleTop(F, gap, norm);
  if (!simple) warnings.push(`top eigenvalue is not simple: ${why}, so ∇S = ∇³L[u,u] is not defined; the value shown uses one eigenvector of the top cluster`);
  return {
    F,
    model,
    theta,
    loss,
    grad,
    hessian,
    eigenvalues: values,
    eigenvectors: vectors,
    sharpness: values[0],
    sharpnessGradient: finiteOrWarn(F, b.third(theta, vectors[0]), warnings),
    gap,
    warnings,
  };
}

function intervalReport(digits: number, model: Model, thetaText: readonly DecimalText[]): PointReport<Interval> {
  const I = intervalField(digits);
  const b = model.bind(I);
  const theta = thetaText.map((x) => I.from(x));
  const { loss, grad, hessian } = closedForms(I, model, theta);
  const enc = eigEnclosure(I, hessian);
  const warnings: string[] = [];
  // ‖u − ũ‖₂ ≤ ε bounds every component by ε, so the box ũ ± ε contains the (sign-aligned) true u.
  const eigenvectors = enc.vectors.map((row: Decimal[], i: number) => row.map((x) => widen(I, I.from(x.toString()), enc.vectorErrorBound[i])));
  const v = enc.values;
  const gap = v.length > 1 ? v[0].lo.minus(v[1].hi).toNumber() : Infinity;
  let sharpnessGradient: Interval[] | null = null;
  if (Number.isFinite(enc.vectorErrorBound[0])) {
    sharpnessGradient = finiteOrWarn(I, b.third(theta, eigenvectors[0]), warnings);
  } else {
    warnings.push('top eigenvalue is not separated from the next: no certified enclosure of ∇S');
  }
  return {
    F: I,
    model,
    theta,
    loss,
    grad,
    hessian,
    eigenvalues: v,
    eigenvectors,
    sharpness: v[0],
    sharpnessGradient,
    gap,
    warnings,
  };
}

/** c ± eps as an interval (outward); an infinite eps leaves c as it is (the caller warns). */
function widen(I: Field<Interval>, c: Interval, eps: number): Interval {
  if (!Number.isFinite(eps)) return c;
  // toExponential(17) prints enough digits that the enclosure E contains the double eps.
  const E = I.from(eps.toExponential(17));
  return new Interval(I.sub(c, E).lo, I.add(c, E).hi);
}

/** ∇S when every entry is finite; otherwise null and a warning (the rest of the report stands). */
function finiteOrWarn<T>(F: Field<T>, v: Vec<T>, warnings: string[]): Vec<T> | null {
  if (v.every((x) => F.isFinite(x))) return v;
  warnings.push(`∇S = ∇³L[u,u] is not finite in ${formatPrecision(F.precision)} at this θ (the third derivatives overflow)`);
  return null;
}

/**
 * The closed forms, spectrum and ∇S of `model` at θ in the given precision.
 *
 * Input is checked at the edge: θ must have model.dim coordinates, each finite in `precision`
 * (UsageError naming `theta`), and the dimension within maxDenseDim(precision). A loss, gradient,
 * Hessian or spectrum that is not finite at θ is a NonFiniteError naming the quantity and entry.
 */
export function inspectPoint(model: Model, theta: readonly DecimalText[], precision: Precision): PointReport<unknown> {
  if (theta.length !== model.dim) throw new UsageError(`model ${model.id} has ${model.dim} coordinates, got ${theta.length}`, 'theta');
  checkDenseDim(model.dim, precision);
  checkInputFinite({}, theta, precision);
  switch (precision.kind) {
    case 'f64':
      return pointReport(f64, model, theta) as PointReport<unknown>;
    case 'dec':
      return pointReport(decimalField(precision.digits), model, theta) as PointReport<unknown>;
    case 'interval':
      return intervalReport(precision.digits, model, theta) as PointReport<unknown>;
  }
}
