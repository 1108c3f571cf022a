import { MODELS } from '../models/registry.js';
import { DECIMAL_LITERAL } from '../numerics/decimalField.js';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A decimal literal that is finite in f64, the first rung of a precision ladder. */
const isNumberText = (x: unknown): x is string => typeof x === 'string' && DECIMAL_LITERAL.test(x) && Number.isFinite(Number(x));

/**
 * The rule an instance's shared fields break, or undefined when they follow the instance format:
 * `theta` an array of decimal texts, `lr` a decimal text, `steps` a whole number, `params` an object
 * of strings, `data` JSON whose numbers are decimal texts; `theta` is required with `lr` on an
 * analytic model. Every number must be finite in f64. A
 * claim's own fields are its check's business; these are read by every model and trajectory.
 */
export function instanceShapeError(inst: Record<string, unknown>): string | undefined {
  if (inst.theta !== undefined) {
    if (!Array.isArray(inst.theta)) return '"instance.theta" must be an array of decimal numbers as strings';
    const i = inst.theta.findIndex((t) => !isNumberText(t));
    if (i >= 0) return `"instance.theta"[${i}] must be a decimal number as a string, finite in f64`;
  }
  if (inst.lr !== undefined && !isNumberText(inst.lr)) return '"instance.lr" must be a decimal number as a string, finite in f64';
  // Every built-in claim's trajectory on an analytic model starts from θ (networks start from a seed).
  if (inst.lr !== undefined && inst.theta === undefined && MODELS.some((m) => m.id === inst.model)) {
    return '"instance.theta" is required: a trajectory of an analytic model starts from θ';
  }
  if (inst.steps !== undefined && !(Number.isSafeInteger(inst.steps) && (inst.steps as number) >= 0)) return '"instance.steps" must be a whole number';
  if (inst.params !== undefined) {
    if (!isObject(inst.params)) return '"instance.params" must be an object of strings';
    for (const [k, v] of Object.entries(inst.params)) if (typeof v !== 'string') return `"instance.params".${k} must be a string`;
  }
  if (inst.data !== undefined) return dataError(inst.data, '"instance.data"');
  return undefined;
}

function dataError(x: unknown, where: string): string | undefined {
  if (x === null || typeof x === 'boolean') return undefined;
  if (typeof x === 'string') return isNumberText(x) ? undefined : `${where} must be a decimal number as a string, finite in f64`;
  if (Array.isArray(x)) {
    for (const [i, v] of x.entries()) {
      const e = dataError(v, `${where}[${i}]`);
      if (e !== undefined) return e;
    }
    return undefined;
  }
  if (isObject(x)) {
    for (const [k, v] of Object.entries(x)) {
      const e = dataError(v, `${where}.${k}`);
      if (e !== undefined) return e;
    }
    return undefined;
  }
  return `${where} must hold numbers as strings (arrays and objects of them)`;
}
