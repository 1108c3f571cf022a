import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eoscheckBin, recordedExits, recordingEoscheck } from './recordingEoscheck.js';

/**
 * The example job array on a real Slurm cluster: `.ci/run` installs Debian's slurm-wlm and starts a
 * one-node cluster (`.ci/slurm-up`), then sets EOSCHECK_SLURM=1 so this suite must run. Elsewhere it
 * runs when `sinfo` answers, and is skipped (saying so) when no cluster is up. The claims include a
 * statistical one that a shard cannot decide (chen.cubic-map.chaos: 56 of 60 overall with seed 1,
 * a 95% Wilson interval that clears its 80%; 20 per task): every task must exit 0, its row
 * `partial`, and the merge decide it.
 */
const root = join(import.meta.dirname, '..');
const withoutMs = (s: string) => s.replace(/"ms": \d+/g, '"ms": 0');
const required = process.env.EOSCHECK_SLURM === '1';
const up = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8' });
const available = up.status === 0 && /idle|mixed|allocated/.test(up.stdout);
if (required && !available) throw new Error(`EOSCHECK_SLURM=1 but no Slurm cluster answers: ${up.error?.message ?? up.stderr}`);

describe.skipIf(!available)('examples/slurm on a real Slurm cluster', () => {
  it('sbatch --array=0-2 check-array.sbatch, then merge.sbatch after it, equals the unsharded check', () => {
    // Under the repository (not /tmp): Slurm runs the tasks with the submitter's cwd and files.
    mkdirSync(join(root, '.eoscheck'), { recursive: true });
    const out = mkdtempSync(join(root, '.eoscheck', 'slurm-'));
    const env = {
      ...process.env,
      EOSCHECK: recordingEoscheck(out),
      EOSCHECK_OUT: out,
      EOSCHECK_CLAIMS: 'classical.* chen.cubic-map.chaos',
      EOSCHECK_RUNS: '60',
      EOSCHECK_SEED: '1',
    };
    const sbatch = (...args: string[]) => execFileSync('sbatch', args, { cwd: out, env, encoding: 'utf8' }).trim();
    const jid = sbatch('--parsable', '--export=ALL', '--array=0-2', `--output=${out}/task-%a.out`, join(root, 'examples/slurm/check-array.sbatch'));
    expect(jid).toMatch(/^\d+/);
    // The merge job runs after every task of the array (afterany). Polled here rather than with
    // `sbatch --wait`, whose own polling backs off to ~30 s.
    const merge = sbatch(
      '--parsable',
      '--export=ALL',
      `--dependency=afterany:${jid.split(';')[0]}`,
      `--output=${out}/merge.out`,
      join(root, 'examples/slurm/merge.sbatch'),
    ).split(';')[0];
    const deadline = Date.now() + 240_000;
    // squeue lists pending and running jobs only; it exits non-zero once the ids are purged (also done).
    const queued = () => {
      const q = spawnSync('squeue', ['-h', '-j', `${jid.split(';')[0]},${merge}`], { encoding: 'utf8' });
      return q.status === 0 && q.stdout.trim() !== '';
    };
    while (queued()) {
      if (Date.now() > deadline) throw new Error(`the Slurm jobs ${jid} and ${merge} did not finish within 4 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
    execFileSync(
      process.execPath,
      [
        eoscheckBin,
        'check',
        'classical.*',
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
    const shards = [0, 1, 2].map((k) => JSON.parse(readFileSync(join(out, `shard-${k}.json`), 'utf8')).shard);
    expect(shards).toEqual(['1/3', '2/3', '3/3']);
    expect(recordedExits(out)).toEqual({ 0: 0, 1: 0, 2: 0, merge: 0 });
    const chaos = (file: string) => JSON.parse(readFileSync(join(out, file), 'utf8')).claims.find((c: { id: string }) => c.id === 'chen.cubic-map.chaos');
    expect(chaos('shard-1.json')).toMatchObject({ verdict: 'partial', exercised: 20 });
    expect(chaos('merged.json').verdict).toBe('holds');
    expect(withoutMs(readFileSync(join(out, 'merged.json'), 'utf8'))).toBe(withoutMs(readFileSync(join(out, 'whole.json'), 'utf8')));
  }, 300_000);
});
