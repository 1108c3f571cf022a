import { UsageError } from '../errors.js';
import { OPTIONS } from './options.js';

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Map<string, string[]>;
}

/** Parses `--name value`, `--name=value` and flags for one command, against the option table. */
export function parseArgs(command: string, argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || a === '--') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    // An option may be declared per command with a different kind (check's --json takes a FILE).
    const spec = OPTIONS.find((o) => o.name === name && (o.commands.includes(command) || o.commands.includes('*')));
    if (spec === undefined) {
      const known = OPTIONS.filter((o) => o.commands.includes(command))
        .map((o) => `--${o.name}`)
        .join(', ');
      throw new UsageError(`unknown option for "${command}"${known ? ` (known: ${known})` : ''}`, `--${name}`);
    }
    let value: string;
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError('takes no value', `--${name}`);
      value = 'true';
    } else if (eq >= 0) {
      value = a.slice(eq + 1);
    } else {
      if (i + 1 >= argv.length) throw new UsageError(`needs a value (${spec.arg ?? 'VALUE'})`, `--${name}`);
      value = argv[++i];
    }
    const prev = values.get(name);
    if (prev !== undefined && spec.kind !== 'repeat') throw new UsageError('given more than once', `--${name}`);
    values.set(name, [...(prev ?? []), value]);
  }
  return { positionals, values };
}

export function optValue(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.[0];
}

export function optFlag(args: ParsedArgs, name: string): boolean {
  return args.values.has(name);
}

/** A whole number option within [min, max]. */
export function optInt(args: ParsedArgs, name: string, dflt: number, min: number, max: number): number {
  const raw = optValue(args, name);
  if (raw === undefined) return dflt;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`must be a whole number, got "${raw}"`, `--${name}`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`must be between ${min} and ${max}, got ${raw}`, `--${name}`);
  return n;
}
