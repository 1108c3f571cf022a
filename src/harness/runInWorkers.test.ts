import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAIMS, selectClaims } from '../claims/registry.js';
import { UsageError } from '../errors.js';
import { runCheck, type RunCheckOptions } from './runCheck.js';
import { families, runInWorkers } from './runInWorkers.js';
import { errorFromMessage, errorToMessage } from './workerMessages.js';

const withoutMs = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'ms' ? 0 : v));

describe('families', () => {
  it('groups jobs by the first two components of their ids, in order of first appearance', () => {
    const ids = ['a.x.1', 'b.y', 'a.x.2', 'a.z.1', 'b.y.2', 'c'];
    expect(families(ids.map((id) => ({ id, runs: 1 })))).toEqual([[0, 2], [1, 4], [3], [5]]);
  });
});

describe('runCheck on worker threads', () => {
  // Cheap claims from four families (two of them with two claims): the same report, instances
  // in the same order and the progress of every claim, whatever thread ran them.
  const claims = selectClaims(BUILTIN_CLAIMS, [
    'classical.quadratic.increases-above-edge',
    'oracle.quadratic.closed-forms',
    'classical.descent-lemma',
    'damian.four-stages',
    'oracle.uv.closed-forms',
  ]);
  const run = async (jobs: number) => {
    const seen: string[] = [];
    const progress = new Set<string>();
    const o: RunCheckOptions = {
      seed: 3,
      runs: 5,
      runsFixed: true,
      jobs,
      onInstance: (c, _inst, v, k) => seen.push(`${c.id} ${k} ${v.verdict} ${v.evidence.observed}`),
      onProgress: (c, i, done, total) => progress.add(`${i} ${c.id} ${done}/${total}`),
    };
    return { ...(await runCheck(claims, o)), seen, progress };
  };

  it('gives the report, the instance order and the progress of one thread (run from the sources, through tsx)', async () => {
    const one = await run(1);
    const two = await run(2);
    expect(two.report.claims.map((r) => r.id)).toEqual(claims.map((c) => c.id));
    expect(withoutMs(two.report)).toBe(withoutMs(one.report));
    expect(withoutMs(two.results)).toBe(withoutMs(one.results));
    expect(two.seen).toEqual(one.seen);
    expect(two.seen).toHaveLength(25);
    expect([...two.progress].sort()).toEqual([...one.progress].sort());
  }, 60_000);

  it('a claim the worker cannot find (neither built in nor in a claims file) is an error, not a verdict', async () => {
    const setup = { claimsFiles: [], options: { seed: 1 }, progress: false, instances: false };
    await expect(runInWorkers(1, [{ id: 'test.own.descent-lemma', runs: 2 }], setup)).rejects.toThrow(
      /"test\.own\.descent-lemma" is neither built in nor in \[\]/,
    );
  }, 60_000);

  it('errors cross threads with their class, code and parameter', () => {
    const e = errorFromMessage(errorToMessage(new UsageError('cannot read "x"', 'claimsFile')));
    expect(e).toBeInstanceOf(UsageError);
    expect(e).toMatchObject({ message: 'claimsFile: cannot read "x"', param: 'claimsFile', detail: 'cannot read "x"', code: 'EOSCHECK_USAGE' });
    const t = errorFromMessage(errorToMessage(new TypeError('boom')));
    expect(t).not.toBeInstanceOf(UsageError);
    expect(t).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});
