import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeFalseClaim } from '../../test-support/readmeFalseClaim.js';
import { writeFixture } from './fixtureStore.js';
import { instanceAtPath } from './generateInstance.js';
import { mergeReports } from './mergeReports.js';
import { exercisedOf, type CheckReport, type ClaimRow } from './report.js';
import { fixtureOf, runClaim } from './runClaim.js';
import { formatShard } from './shard.js';

const claim = await readmeFalseClaim();
const tmp = () => mkdtempSync(join(tmpdir(), 'eoscheck-run-'));
const report = (rows: ClaimRow[], shard: string): CheckReport => ({ seed: 7, runs: 24, shard, version: '0.1.0', interrupted: false, claims: rows });
const withoutMs = (r: CheckReport) => ({ ...r, claims: r.claims.map(({ ms: _ms, ...rest }) => rest) });
// The unsharded run with seed 7 (24 runs, each failure shrunk and escalated to dec:80): the first
// three tests read the same run, so it is run once, storing into its own directory.
let seven: ReturnType<typeof runClaim> | undefined;
const runSeven = () => (seven ??= runClaim(claim, { seed: 7, runs: 24, storeDir: tmp() }));

describe('runClaim on a false claim', () => {
  it('finds, shrinks to κ just above 2, and stores counterexamples whose seed and path regenerate them', async () => {
    const r = await runSeven();
    expect(r.row.verdict).toBe('violated');
    expect(r.row.instances.violated).toBeGreaterThan(0);
    expect(r.row.exercised).toBe(24);
    const cx = r.counterexamples[0];
    expect(Number(cx.verdict.evidence.details?.kappa)).toBeGreaterThan(2);
    expect(Number(cx.verdict.evidence.details?.kappa)).toBeLessThanOrEqual(2.01);
    expect(cx.verdict.ladder?.map((e) => e.precision)).toEqual(['f64', 'dec:40', 'dec:80']);
    expect(cx.file).toBeDefined();
    const stored = JSON.parse(readFileSync(cx.file as string, 'utf8'));
    expect(stored).toMatchObject({ claim: claim.id, verdict: 'violated', precision: 'dec:80', seed: 7, path: cx.path, expected: 'violated' });
    expect(stored.instance).toEqual(cx.instance);
    expect(instanceAtPath(claim.arbitrary, 7, claim.id, cx.path as string)).toEqual(cx.instance);
    expect(r.row.counterexamples).toEqual([...new Set(r.counterexamples.map((c) => c.file))].sort());
  });

  it('gives the same report in shards (merged) as unsharded, even when the shards share a fixture directory', async () => {
    const whole = await runSeven();
    const dir = tmp();
    const parts = [];
    for (let i = 1; i <= 3; i++) {
      const shard = { index: i, count: 3 };
      const r = await runClaim(claim, { seed: 7, runs: 24, shard, fixturesDir: dir, storeDir: dir });
      // The fixtures an earlier shard wrote are not replayed: this run finds them itself.
      expect(r.row.fixtures).toBe(0);
      parts.push({ file: `s${i}`, report: report([r.row], formatShard(shard)) });
    }
    const merged = withoutMs(mergeReports(parts));
    const rename = (f: string) => f.slice(f.indexOf(claim.id));
    expect({ ...merged, claims: merged.claims.map((c) => ({ ...c, counterexamples: c.counterexamples.map(rename) })) }).toEqual(
      (({ claims, ...rest }) => ({ ...rest, claims: claims.map((c) => ({ ...c, counterexamples: c.counterexamples.map(rename) })) }))(
        withoutMs(report([whole.row], '1/1')),
      ),
    );
  });

  it('replays fixtures first: they count as instances, and a violated replay is a counterexample', async () => {
    const dir = tmp();
    const cx = (await runSeven()).counterexamples[0];
    // A hand-written fixture (no seed) and one from another seed are replayed; one from this seed is not.
    const hand = writeFixture(dir, { ...fixtureOf(cx, 'the classic: κ just above 2'), seed: null, path: null }).file;
    writeFixture(dir, { ...fixtureOf({ ...cx, instance: { ...cx.instance, steps: 2 } }, 'same seed'), seed: 3, path: '0' });
    writeFixture(dir, { ...fixtureOf({ ...cx, instance: { ...cx.instance, steps: 3 } }, 'same seed'), seed: 3, path: '1:0' });
    const r = await runClaim(claim, { seed: 3, runs: 4, fixturesDir: dir });
    expect(r.row.fixtures).toBe(1);
    expect(r.counterexamples[0]).toMatchObject({ source: 'fixture', file: hand });
    const r2 = await runClaim(claim, { seed: 5, runs: 4, fixturesDir: dir });
    expect(r2.row.fixtures).toBe(3);
    expect(r2.mismatches).toEqual([]);
    // Fixtures are counted apart: all 4 runs plus 3 replays exercised the claim, and the row says
    // 4 of its 4 runs (never "7 of 4"), while the verdict counts hold all 7.
    expect(exercisedOf(r2.row.instances)).toBe(7);
    expect(r2.row.exercised).toBe(4);
    expect(r2.row.runs).toBe(4);
  });

  it('stops at the next instance boundary when asked (Ctrl-C), with the counts so far', async () => {
    const stop = { requested: false };
    const r = await runClaim(claim, {
      seed: 7,
      runs: 50,
      stop,
      onProgress: (done) => {
        if (done === 3) stop.requested = true;
      },
    });
    expect(r.interrupted).toBe(true);
    const c = r.row.instances;
    expect(c.holds + c.violated + c.artifact + c.inconclusive + c.diverged).toBe(3);
  });

  it('runs the negative control from its own arbitrary and seeds, storing nothing', async () => {
    const dir = tmp();
    const r = await runClaim(claim, { seed: 7, runs: 5, mode: 'control', storeDir: dir, fixturesDir: dir });
    expect(r.row.instances.violated).toBe(5);
    expect(r.counterexamples.every((c) => c.file === undefined && c.shrinks === 0)).toBe(true);
    expect(existsSync(join(dir, claim.id))).toBe(false);
  });
});
