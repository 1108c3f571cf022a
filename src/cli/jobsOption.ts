import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';
import { CHECK_JOBS } from '../settings.js';
import { optInt, optValue, type ParsedArgs } from './parseArgs.js';

/** The most worker threads `--jobs` or the variable may ask for. */
const MAX_JOBS = 64;

/** `check --jobs N`; without it the variable CHECK_JOBS.env, else the available parallelism capped at CHECK_JOBS.max. */
export function jobsOption(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): number {
  if (optValue(args, 'jobs') !== undefined) return optInt(args, 'jobs', 1, 1, MAX_JOBS);
  const raw = env[CHECK_JOBS.env];
  if (raw === undefined || raw.trim() === '') return Math.min(availableParallelism(), CHECK_JOBS.max);
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > MAX_JOBS)
    throw new UsageError(`must be a whole number between 1 and ${MAX_JOBS}, got "${raw}"`, CHECK_JOBS.env);
  return n;
}
