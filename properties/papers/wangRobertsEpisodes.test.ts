import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/claims/claim.js';
import { DEPTH_FAMILIES, episodesOf, runRotation, withLr } from '../../src/claims/wangRoberts/rotationEpisodes.js';
import { f64 } from '../../src/numerics/f64Field.js';

/**
 * episodesOf (the instability episodes the rotation claims judge) against a recount written out here from the run's rows: a step
 * s → s+1 is unstable when the observer's growth along the old top eigenvector exceeds 1 while η·λ₁(θ_s) > 2; an episode is a
 * maximal stretch of them. Its counts, the angles summed inside and outside the episodes, the polar steps (relative curvature drop
 * above the floor), each episode's start, length, polar count and least relative drop, and η·λ₁ at the last step.
 */
const ctx = { F: f64, count: () => undefined } as unknown as CheckContext<number>;
const FLOOR = 1e-6;

describe('episodesOf against a recount from the rows', () => {
  it('on deep draws beyond the edge (κ ∈ [2.2, 3], 80 steps)', () => {
    const runs = fc.sample(withLr(DEPTH_FAMILIES.deep(), 2.2, 3, 80), { seed: 3, numRuns: 4 }).map((i) => runRotation(i, ctx));
    let sawSplit = false;
    for (const run of runs) {
      const s = episodesOf(run, FLOOR);
      const eta = run.lr as number;
      const want = { unstable: 0, stable: 0, rotU: 0, rotS: 0, polar: 0 };
      const episodes: { start: number; length: number; polar: number; minRelDrop: number }[] = [];
      let open = false;
      for (let k = 1; k < run.rows.length; k++) {
        const f = run.rows[k].fields as Record<string, number | null>;
        const lambdaPrev = run.rows[k - 1].fields.sharpness as number;
        const relDrop = (f.rpeCurvatureDrop ?? 0) / Math.abs(lambdaPrev);
        if (f.rpeGrowth !== null && (f.rpeGrowth ?? 0) > 1 && eta * lambdaPrev > 2) {
          const polar = relDrop > FLOOR ? 1 : 0;
          want.unstable++;
          want.rotU += f.rpeAngle ?? 0;
          want.polar += polar;
          if (!open) episodes.push({ start: run.rows[k].t - 1, length: 0, polar: 0, minRelDrop: Number.POSITIVE_INFINITY });
          open = true;
          const e = episodes[episodes.length - 1];
          e.length++;
          e.polar += polar;
          e.minRelDrop = Math.min(e.minRelDrop, relDrop);
        } else {
          want.stable++;
          want.rotS += f.rpeAngle ?? 0;
          open = false;
        }
      }
      sawSplit ||= episodes.length > 1 && episodes.some((e) => e.length > 1);
      expect([s.unstableSteps, s.stableSteps, s.polarSteps, s.lastT, s.diverged]).toEqual([want.unstable, want.stable, want.polar, run.lastT, run.diverged]);
      expect(s.rotationUnstable).toBeCloseTo(want.rotU, 12);
      expect(s.rotationStable).toBeCloseTo(want.rotS, 12);
      expect(s.episodes.map((e) => [e.start, e.length, e.polar])).toEqual(episodes.map((e) => [e.start, e.length, e.polar]));
      s.episodes.forEach((e, j) => expect(e.minRelDrop).toBeCloseTo(episodes[j].minRelDrop, 12));
      expect(s.finalKappa / (eta * (run.rows[run.rows.length - 1].fields.sharpness as number))).toBeCloseTo(1, 12);
    }
    // Some run has several episodes, some longer than a step: the split and the per-episode sums are exercised.
    expect(sawSplit).toBe(true);
  });
});
