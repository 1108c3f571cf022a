import { UsageError } from '../errors.js';
import { DECIMAL_LITERAL } from '../numerics/decimalField.js';
import { finiteIn, rangeOf } from '../numerics/finiteIn.js';
import { formatPrecision, type Precision } from '../numerics/precision.js';
import type { DecimalText, ExactJson, ModelInput } from './model.js';

/**
 * The edge check of every number a user gives a model: each coordinate of θ, each numeric
 * parameter and each number of the data must be finite in the precision the computation runs in
 * (`1e400` is fine at dec:30 and Infinity in f64). The first that is not is a UsageError naming the
 * API parameter (`theta`, `params`, `data`), its position and the range of the arithmetic.
 */
export function checkInputFinite(input: ModelInput, theta: readonly DecimalText[] | undefined, p: Precision): void {
  const why = `is not finite in ${formatPrecision(p)} (${rangeOf(p)})`;
  theta?.forEach((t, i) => {
    if (!finiteIn(p, t)) throw new UsageError(`entry ${i + 1} "${short(t)}" ${why}`, 'theta');
  });
  for (const [key, value] of Object.entries(input.params ?? {})) {
    if (DECIMAL_LITERAL.test(value.trim()) && !finiteIn(p, value)) throw new UsageError(`${key}=${short(value)} ${why}`, 'params');
  }
  if (input.data !== undefined)
    walk(
      input.data,
      '',
      (where, text) => {
        throw new UsageError(`${where} = ${short(text)} ${why}`, 'data');
      },
      p,
    );
}

function walk(x: ExactJson, where: string, bad: (where: string, text: string) => never, p: Precision): void {
  if (typeof x === 'string') {
    if (!finiteIn(p, x)) bad(where === '' ? 'the value' : where, x);
  } else if (Array.isArray(x)) {
    x.forEach((v, i) => walk(v, `${where}[${i}]`, bad, p));
  } else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) walk(v, where === '' ? JSON.stringify(k) : `${where}.${k}`, bad, p);
  }
}

/** A long literal shortened for a one-line message. */
function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 20)}…${text.slice(-12)} (${text.length} characters)` : text;
}
