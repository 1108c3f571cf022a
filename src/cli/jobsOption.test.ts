import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { CHECK_JOBS } from '../settings.js';
import { jobsOption } from './jobsOption.js';
import { parseArgs } from './parseArgs.js';

const args = (...argv: string[]) => parseArgs('check', argv);

describe('check --jobs', () => {
  it('--jobs N wins over the variable; without either, the cores capped at CHECK_JOBS.max', () => {
    expect(jobsOption(args('--jobs', '3'), { EOSCHECK_JOBS: '1' })).toBe(3);
    expect(jobsOption(args(), { EOSCHECK_JOBS: ' 4 ' })).toBe(4);
    expect(jobsOption(args(), {})).toBe(Math.min(availableParallelism(), CHECK_JOBS.max));
    expect(jobsOption(args(), { EOSCHECK_JOBS: '' })).toBe(Math.min(availableParallelism(), CHECK_JOBS.max));
  });

  it('refuses what is not a whole number of threads from 1 to 64, naming where it came from', () => {
    expect(() => jobsOption(args('--jobs', '0'))).toThrow(/--jobs: must be between 1 and 64/);
    expect(() => jobsOption(args('--jobs', 'two'))).toThrow(/--jobs: must be a whole number/);
    for (const bad of ['0', '-1', '1.5', 'many', '65']) {
      const e = (() => {
        try {
          jobsOption(args(), { EOSCHECK_JOBS: bad });
        } catch (x) {
          return x;
        }
      })();
      expect(e, bad).toBeInstanceOf(UsageError);
      expect((e as UsageError).message).toBe(`EOSCHECK_JOBS: must be a whole number between 1 and 64, got "${bad}"`);
    }
  });
});
