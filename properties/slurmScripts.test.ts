import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eoscheckBin, recordedExits, recordingEoscheck } from './recordingEoscheck.js';

/**
 * The example Slurm scripts under the environment a job array gives each task (the variables Slurm
 * sets; the scheduler itself is not run here): three tasks of `--array=0-2` and the merge job give
 * the report of one unsharded run, byte for byte but for the timings. With seed 1 and 60 runs the
 * statistical claim chen.cubic-map.chaos holds on 56 of 60 overall (a 95% Wilson interval that
 * clears its 80%): each shard reports it `partial` and exits 0, the merge decides `holds`.
 */
const root = join(import.meta.dirname, '..');
const withoutMs = (s: string) => s.replace(/"ms": \d+/g, '"ms": 0');

describe('examples/slurm', () => {
  it('check-array.sbatch as tasks 0, 1, 2 of a job array, then merge.sbatch, equals the unsharded check', () => {
    const out = mkdtempSync(join(tmpdir(), 'eoscheck-slurm-'));
    const base = {
      ...process.env,
      EOSCHECK: recordingEoscheck(out),
      EOSCHECK_OUT: out,
      EOSCHECK_CLAIMS: 'classical.* lewkowycz.* chen.cubic-map.chaos',
      EOSCHECK_RUNS: '60',
      EOSCHECK_SEED: '1',
    };
    for (let id = 0; id <= 2; id++) {
      execFileSync('bash', [join(root, 'examples/slurm/check-array.sbatch')], {
        cwd: root,
        stdio: 'pipe',
        env: {
          ...base,
          SLURM_ARRAY_JOB_ID: '77',
          SLURM_ARRAY_TASK_ID: `${id}`,
          SLURM_ARRAY_TASK_COUNT: '3',
          SLURM_ARRAY_TASK_MIN: '0',
          SLURM_ARRAY_TASK_MAX: '2',
          SLURM_ARRAY_TASK_STEP: '1',
        },
      });
    }
    execFileSync('bash', [join(root, 'examples/slurm/merge.sbatch')], { cwd: root, env: base, stdio: 'pipe' });
    execFileSync(
      process.execPath,
      [
        eoscheckBin,
        'check',
        'classical.*',
        'lewkowycz.*',
        'chen.cubic-map.chaos',
        '--seed',
        '1',
        '--runs',
        '60',
        '--fixtures',
        join(out, 'counterexamples'),
        '--json',
        join(out, 'whole.json'),
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const shard1 = JSON.parse(readFileSync(join(out, 'shard-0.json'), 'utf8'));
    expect(shard1.shard).toBe('1/3');
    expect(recordedExits(out)).toEqual({ 0: 0, 1: 0, 2: 0, merge: 0 });
    const chaos = JSON.parse(readFileSync(join(out, 'shard-1.json'), 'utf8')).claims.find((c: { id: string }) => c.id === 'chen.cubic-map.chaos');
    expect(chaos.verdict).toBe('partial');
    expect(JSON.parse(readFileSync(join(out, 'merged.json'), 'utf8')).claims.find((c: { id: string }) => c.id === 'chen.cubic-map.chaos').verdict).toBe(
      'holds',
    );
    expect(withoutMs(readFileSync(join(out, 'merged.json'), 'utf8'))).toBe(withoutMs(readFileSync(join(out, 'whole.json'), 'utf8')));
  }, 120_000);
});
