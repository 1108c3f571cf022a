import { Decimal } from 'decimal.js';
import { UsageError } from '../errors.js';
import { DECIMAL_LITERAL } from '../numerics/decimalField.js';
import type { DecimalText, ExactJson, ModelInput, ParamSpec } from './model.js';

/**
 * Checks `--param` values against a model's specs: unknown names, non-numbers and values outside an
 * enumeration are UsageErrors naming `--param`. Returns every parameter with defaults filled in.
 */
export function readParams(modelId: string, input: ModelInput, specs: readonly ParamSpec[]): Record<string, string> {
  const given = input.params ?? {};
  const out: Record<string, string> = {};
  for (const key of Object.keys(given)) {
    if (!specs.some((s) => s.name === key)) {
      const known = specs.length === 0 ? 'it takes none' : `known: ${specs.map((s) => s.name).join(', ')}`;
      throw new UsageError(`unknown parameter "${key}" for model ${modelId} (${known})`, 'params');
    }
  }
  for (const spec of specs) {
    const raw = given[spec.name] ?? spec.default;
    if (raw === undefined) throw new UsageError(`model ${modelId} needs ${spec.name}=… (${spec.description})`, 'params');
    const value = raw.trim();
    if (spec.values !== undefined) {
      if (!spec.values.includes(value)) {
        throw new UsageError(`${spec.name} must be one of ${spec.values.join(', ')}, got "${raw}"`, 'params');
      }
    } else if (!DECIMAL_LITERAL.test(value)) {
      throw new UsageError(`${spec.name} must be a decimal number, got "${raw}"`, 'params');
    }
    out[spec.name] = value;
  }
  return out;
}

/** A rule on a numeric parameter, e.g. positivity; throws a UsageError naming `--param`. */
export function requireParam(ok: boolean, name: string, rule: string, value: string): void {
  if (!ok) throw new UsageError(`${name} must be ${rule}, got ${value}`, 'params');
}

function describe(x: ExactJson | undefined): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'object' ? 'an object' : typeof x === 'string' ? `"${x}"` : String(x);
}

/** The `--data` object of a model that needs one; keys outside `keys` are rejected (a typo is not ignored). */
export function dataObject(modelId: string, input: ModelInput, shape: string, keys: readonly string[]): Record<string, ExactJson> {
  const d = input.data;
  if (d === undefined) throw new UsageError(`model ${modelId} needs data of the form ${shape}`, 'data');
  if (d === null || typeof d !== 'object' || Array.isArray(d)) {
    throw new UsageError(`must be a JSON object of the form ${shape}, got ${describe(d)}`, 'data');
  }
  for (const key of Object.keys(d)) {
    if (!keys.includes(key)) throw new UsageError(`unknown key "${key}" (expected ${shape})`, 'data');
  }
  return d;
}

function number(x: ExactJson | undefined, where: string): DecimalText {
  if (typeof x !== 'string' || !DECIMAL_LITERAL.test(x)) {
    throw new UsageError(`${where} must be a finite number, got ${describe(x)}`, 'data');
  }
  return x;
}

/** A numeric vector field of `--data`; `length` is checked when given. */
export function dataVector(obj: Record<string, ExactJson>, key: string, length?: number): DecimalText[] {
  const x = obj[key];
  if (!Array.isArray(x)) throw new UsageError(`"${key}" must be an array of numbers, got ${describe(x)}`, 'data');
  if (length !== undefined && x.length !== length) {
    throw new UsageError(`"${key}" must have ${length} entries, got ${x.length}`, 'data');
  }
  if (x.length === 0) throw new UsageError(`"${key}" must not be empty`, 'data');
  return x.map((v, i) => number(v, `"${key}"[${i}]`));
}

/** A numeric matrix field of `--data` (rows × cols; either may be fixed). */
export function dataMatrix(obj: Record<string, ExactJson>, key: string, rows?: number, cols?: number): DecimalText[][] {
  const x = obj[key];
  if (!Array.isArray(x) || x.length === 0) {
    throw new UsageError(`"${key}" must be a non-empty array of rows, got ${describe(x)}`, 'data');
  }
  if (rows !== undefined && x.length !== rows) throw new UsageError(`"${key}" must have ${rows} rows, got ${x.length}`, 'data');
  const width = cols ?? (Array.isArray(x[0]) ? x[0].length : -1);
  return x.map((row, i) => {
    if (!Array.isArray(row) || row.length !== width || width <= 0) {
      throw new UsageError(`"${key}"[${i}] must be a row of ${width > 0 ? width : 'one or more'} numbers`, 'data');
    }
    return row.map((v, j) => number(v, `"${key}"[${i}][${j}]`));
  });
}

/** A scalar field of `--data`. */
export function dataNumber(obj: Record<string, ExactJson>, key: string): DecimalText {
  return number(obj[key], `"${key}"`);
}

/** The size of θ for models sized by θ itself; `min` is the smallest allowed. */
export function thetaDim(modelId: string, input: ModelInput, min: number, multipleOf = 1): number {
  const d = input.dim;
  if (d === undefined) throw new UsageError(`model ${modelId} takes its size from θ; give θ`, 'theta');
  if (!Number.isInteger(d) || d < min || d % multipleOf !== 0) {
    const rule = multipleOf > 1 ? `a multiple of ${multipleOf}, at least ${min}` : `at least ${min}`;
    throw new UsageError(`model ${modelId} needs ${rule} coordinates, got ${d}`, 'theta');
  }
  return d;
}

/** Checks that θ's length matches a size fixed by data or parameters. */
export function checkDim(modelId: string, input: ModelInput, expected: number): number {
  if (input.dim !== undefined && input.dim !== expected) {
    throw new UsageError(`model ${modelId} has ${expected} coordinates here, got ${input.dim}`, 'theta');
  }
  return expected;
}

/** Regression data `{ "X": n×d rows, "y": n targets }`: X a matrix, y one entry per row of X. */
export function dataRegression(obj: Record<string, ExactJson>): { X: DecimalText[][]; y: DecimalText[] } {
  const X = dataMatrix(obj, 'X');
  const y = dataVector(obj, 'y', X.length);
  return { X, y };
}

/**
 * Checks that a square matrix of `--data` is exactly symmetric, entries compared as decimals (so
 * 0.5 = 0.50 = 5e-1); `label` names it in the message (e.g. `"A"`).
 */
export function requireSymmetric(M: readonly (readonly DecimalText[])[], label: string): void {
  for (let i = 0; i < M.length; i++) {
    for (let j = i + 1; j < M.length; j++) {
      // Equal texts are equal numbers; only differing texts need a decimal comparison.
      if (M[i][j] !== M[j][i] && !new Decimal(M[i][j]).eq(new Decimal(M[j][i]))) {
        throw new UsageError(`${label} must be symmetric: [${i}][${j}] = ${M[i][j]} but [${j}][${i}] = ${M[j][i]}`, 'data');
      }
    }
  }
}
