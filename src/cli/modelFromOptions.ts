import { UsageError } from '../errors.js';
import { checkInputFinite } from '../models/checkInputFinite.js';
import { DECIMAL_LITERAL } from '../numerics/decimalField.js';
import { parseExactJson } from '../numerics/parseExactJson.js';
import { F64, parsePrecision, type Precision } from '../numerics/precision.js';
import type { DecimalText, ExactJson, Model, ModelInput } from '../models/model.js';
import { getModelDef } from '../models/registry.js';
import { checkDenseDim } from '../spectral/denseLimit.js';
import { readTextFile } from '../harness/readTextFile.js';
import { optValue, type ParsedArgs } from './parseArgs.js';

/** `--theta` as decimal texts; NaN, Infinity and empty entries are rejected with their position. */
export function parseTheta(text: string): DecimalText[] {
  const parts = text.split(',').map((s) => s.trim());
  parts.forEach((p, i) => {
    if (!DECIMAL_LITERAL.test(p)) {
      throw new UsageError(`entry ${i + 1} "${p}" is not a finite decimal number`, '--theta');
    }
  });
  return parts;
}

/** `--param key=value` (repeatable) as a record; a malformed or repeated key is an error. */
export function parseParams(items: readonly string[]): Record<string, string> {
  // Null prototype: a key such as __proto__ or constructor is an ordinary (unknown) parameter.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`"${item}" must have the form key=value`, '--param');
    const key = item.slice(0, eq).trim();
    if (key in out) throw new UsageError(`"${key}" given more than once`, '--param');
    out[key] = item.slice(eq + 1).trim();
  }
  return out;
}

function readData(file: string): ExactJson {
  const text = readTextFile(file, '--data');
  try {
    return parseExactJson(text);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${file}: ${e.detail}`, '--data');
    throw e;
  }
}

/**
 * Builds the model and θ that `--model`, `--theta`, `--param`, `--data`, `--expr`, `--vars`
 * describe, in the `--precision` given: the dimension is checked against the dense limit of that
 * precision before any data file is read, and every number against the precision's range.
 */
export function modelFromOptions(args: ParsedArgs): { model: Model; theta: DecimalText[]; precision: Precision } {
  const id = optValue(args, 'model');
  if (id === undefined) throw new UsageError('is required (see `eoscheck models`)', '--model');
  const def = getModelDef(id);
  const thetaText = optValue(args, 'theta');
  if (thetaText === undefined) throw new UsageError('is required: the point θ, comma separated', '--theta');
  const theta = parseTheta(thetaText);
  const pText = optValue(args, 'precision');
  const precision = pText === undefined ? F64 : parsePrecision(pText);
  checkDenseDim(theta.length, precision);
  const dataFile = optValue(args, 'data');
  const expr = optValue(args, 'expr');
  const varsText = optValue(args, 'vars');
  if (id !== 'expr' && (expr !== undefined || varsText !== undefined)) {
    throw new UsageError(`only the expr model takes a formula (model is ${id})`, expr !== undefined ? '--expr' : '--vars');
  }
  const input: ModelInput = {
    params: parseParams(args.values.get('param') ?? []),
    dim: theta.length,
    ...(dataFile !== undefined ? { data: readData(dataFile) } : {}),
    ...(expr !== undefined ? { expr } : {}),
    ...(varsText !== undefined ? { vars: varsText.split(',').map((s) => s.trim()) } : {}),
  };
  if (input.data !== undefined && def.data === undefined) {
    throw new UsageError(`model ${id} takes no data`, '--data');
  }
  checkInputFinite(input, theta, precision);
  const model = def.create(input);
  if (model.dim !== theta.length) {
    throw new UsageError(`model ${id} has ${model.dim} coordinates (${model.thetaNames.join(', ')}), got ${theta.length}`, '--theta');
  }
  return { model, theta, precision };
}
