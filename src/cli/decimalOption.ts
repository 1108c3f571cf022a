import { UsageError } from '../errors.js';
import { DECIMAL_LITERAL } from '../numerics/decimalField.js';
import { optValue, type ParsedArgs } from './parseArgs.js';

/** A decimal-valued option as its text (so it keeps its decimal meaning at high precision), checked against `rule`. */
export function decimalOption(args: ParsedArgs, name: string, rule: (x: number) => boolean, ruleText: string): string | undefined {
  const raw = optValue(args, name);
  if (raw === undefined) return undefined;
  const v = raw.trim();
  if (!DECIMAL_LITERAL.test(v) || !rule(Number(v))) throw new UsageError(`must be ${ruleText}, got "${raw}"`, `--${name}`);
  return v;
}
