import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/claims/claim.js';
import { rotationEpisodes, rotationGrowsWithLr, rotationPolarity } from '../../src/claims/wangRoberts/rotationClaims.js';
import { type DepthRunInstance, type EpisodeSummary, episodesOf, runRotation } from '../../src/claims/wangRoberts/rotationEpisodes.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { f64 } from '../../src/numerics/f64Field.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * The three wr.rotation.* checks at f64 against their statistics recomputed here from the episode summary of the same run
 * (episodesOf, itself checked against a recount in wangRobertsEpisodes.test.ts): the least-turning episode and its margin to
 * 1e-4 rad, the share of polar unstable steps and of polar episodes, and the total rotation at κ and at κ + 0.6 with the margin
 * of their difference; each verdict on the side its number falls.
 */
const f64p = parsePrecision('f64');
const ctx = { F: f64, count: () => undefined } as unknown as CheckContext<number>;
const summary = (i: DepthRunInstance, lr = i.lr): EpisodeSummary => episodesOf(runRotation({ ...i, lr }, ctx), 1e-9);
/** Draws whose run stays bounded and has an episode (the others are outside the hypotheses). */
const draws = fc
  .sample(rotationEpisodes.arbitrary, { seed: 5, numRuns: 8 })
  .filter((i) => {
    const s = summary(i);
    return !s.diverged && s.episodes.length > 0;
  })
  .slice(0, 3);

describe('wr.rotation.* on their own draws', () => {
  it('has three bounded draws with episodes', () => expect(draws.length).toBe(3));

  it('episodes: the least-turning episode, its start and length, margin rotation − 1e-4, and the run summary in details', () => {
    for (const i of draws) {
      const s = summary(i);
      const o = checkAt(rotationEpisodes, i, f64p, { mode: 'claim' }).outcome;
      const least = s.episodes.reduce((a, e) => (e.rotation < a.rotation ? e : a));
      expect(s.episodes.filter((e) => e.rotation === least.rotation).length).toBe(1);
      expect([o.verdict, o.evidence.code]).toEqual(least.rotation >= 1e-4 ? ['holds', 'episodes_rotate'] : ['violated', 'episode_without_rotation']);
      expect([o.evidence.observed, o.evidence.margin, o.evidence.step]).toEqual([least.rotation, least.rotation - 1e-4, least.start]);
      expect(o.evidence.details).toMatchObject({
        family: i.family,
        depth: i.depth,
        kappa: i.kappa0,
        episodes: s.episodes.length,
        unstableSteps: s.unstableSteps,
        rotationUnstable: s.rotationUnstable,
        rotationStable: s.rotationStable,
        finalKappa: s.finalKappa,
        leastEpisodeStart: least.start,
        leastEpisodeLength: least.length,
      });
    }
    // The least-turning episode is not always the first.
    expect(draws.some((i) => summary(i).episodes.findIndex((e, _, all) => e.rotation === Math.min(...all.map((x) => x.rotation))) > 0)).toBe(true);
  });

  it('polarity: the share of polar unstable steps against 1/2, margin share − 1/2, and the polar episodes counted', () => {
    for (const i of draws) {
      const s = summary(i);
      const frac = s.polarSteps / s.unstableSteps;
      const o = checkAt(rotationPolarity, i, f64p, { mode: 'claim' }).outcome;
      expect([o.verdict, o.evidence.code, o.evidence.observed, o.evidence.margin]).toEqual([
        frac >= 0.5 ? 'holds' : 'violated',
        frac >= 0.5 ? 'polar' : 'not_polar',
        frac,
        frac - 0.5,
      ]);
      expect(o.evidence.details).toMatchObject({ polarSteps: s.polarSteps, polarEpisodes: s.episodes.filter((e) => e.episodeRelDrop > 1e-9).length });
    }
  });

  it('grows with the learning rate: the total rotation at κ + 0.6 minus that at κ, margin difference − tolerance', () => {
    for (const i of draws) {
      const small = summary(i);
      const big = summary(i, String((Number(i.lr) * (Number(i.kappa0) + 0.6)) / Number(i.kappa0)));
      const [a, b] = [small.rotationUnstable + small.rotationStable, big.rotationUnstable + big.rotationStable];
      const o = checkAt(rotationGrowsWithLr, i, f64p, { mode: 'claim' }).outcome;
      if (big.diverged) {
        expect(o.evidence.code).toBe('diverged');
        continue;
      }
      const tol = o.evidence.bound;
      expect([o.verdict, o.evidence.observed, o.evidence.margin]).toEqual([b > a + tol ? 'holds' : 'violated', b - a, b - a - tol]);
      expect(o.evidence.details).toMatchObject({ rotationSmall: a, rotationBig: b });
    }
  });
});
