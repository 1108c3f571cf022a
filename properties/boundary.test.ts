import { describe, expect, test } from 'vitest';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';
import type { Claim, Instance, Verdict } from '../src/claims/claim.js';
import { checkAt, evaluate } from '../src/harness/evaluate.js';
import { parsePrecision } from '../src/numerics/precision.js';
import { BOUNDARIES } from './boundary/index.js';
import { type Boundary, scaledTolerance } from './boundary/boundary.js';

/**
 * Every boundary control (properties/boundary/): outside instances violated (certified, or for a
 * check that cannot be certified its own f64 violation with the stated code), inside instances
 * holding, and the claim with its declared tolerance ×10 no longer violating some outside instance.
 * `npm run mutation` narrows it to the claims of the file it mutates (EOSCHECK_CLAIMS).
 */
const only = (process.env.EOSCHECK_CLAIMS ?? '').split(',').filter((id) => id !== '');
const selected = only.length === 0 ? BOUNDARIES : BOUNDARIES.filter((b) => only.includes(b.claim.id));

const f64 = parsePrecision('f64');

/**
 * An outside instance's verdict: certified through `evaluate`, or, for a check that cannot be
 * certified, its own f64 outcome, a violation only with the stated failure code.
 */
function outsideVerdict(b: Boundary, claim: Claim, inst: Instance): { verdict: string; message: string } {
  if (b.f64Only === undefined) {
    const v: Verdict = evaluate(claim, inst, { mode: 'control' }).verdict;
    return { verdict: v.verdict, message: v.evidence.message };
  }
  const o = checkAt(claim, inst, f64, { mode: 'control' }).outcome;
  const verdict = o.verdict === 'violated' && o.evidence.code !== b.f64Only.code ? `violated (${o.evidence.code})` : o.verdict;
  return { verdict, message: o.evidence.message };
}

describe('boundary controls', () => {
  for (const b of selected) {
    const id = b.claim.id;
    test(`${id}: ${b.outside.description} is flagged`, () => {
      for (const inst of b.outside.instances) {
        const v = outsideVerdict(b, b.claim, inst);
        expect(v.verdict, `${JSON.stringify(inst)}: ${v.message}`).toBe('violated');
      }
    });
    test(`${id}: the instances just inside hold`, () => {
      for (const inst of b.inside) {
        const v = evaluate(b.claim, inst, { mode: 'claim' }).verdict;
        expect(v.verdict, `${JSON.stringify(inst)}: ${v.evidence.message}`).toBe('holds');
      }
    });
    if (b.notTolerance === undefined) {
      test(`${id}: with its tolerance ×10 an outside instance is no longer violated`, () => {
        const loose = scaledTolerance(b.claim, 10);
        const verdicts = b.outside.instances.map((inst) => outsideVerdict(b, loose, inst).verdict);
        expect(verdicts, 'the boundary does not pin the declared tolerance').not.toEqual(verdicts.map(() => 'violated'));
      });
    }
  }
});

test('boundary controls name registered claims, once each', () => {
  const ids = BOUNDARIES.map((b) => b.claim.id);
  expect(new Set(ids).size).toBe(ids.length);
  const registered = new Set(BUILTIN_CLAIMS.map((c) => c.id));
  expect(ids.filter((id) => !registered.has(id))).toEqual([]);
});

/**
 * Claims of the seed papers still without a boundary control (pinned: adding one means taking the id
 * off this list). Every other catalog claim has only its far negative control so far.
 */
const SEED_WITHOUT_BOUNDARY = [
  'classical.quadratic.increases-above-edge',
  'damian.diagonal-linear.loss-prediction-order',
  'damian.diagonal-linear.sharpness-prediction-order',
  'damian.diagonal-linear.tracking-order',
  'damian.diagonal-linear.tracks-pgd-not-flow',
  'damian.two-layer.loss-prediction-order',
  'damian.two-layer.sharpness-prediction-order',
  'damian.two-layer.tracking-order',
  'damian.two-layer.tracks-pgd-not-flow',
  'kreisler.converges-to-eos',
  'wr.flattening.further-below-edge',
  'wr.flattening.lr-monotone',
  'wr.rotation.episodes',
  'wr.rotation.grows-with-lr',
  'wr.rotation.polarity',
  'wxzt.balancing.grows-with-lr',
  'wxzt.catapult',
  'wxzt.catapult.inner-product',
  'wxzt.eos.gap-below-edge',
  'wxzt.regularity.closer-to-edge',
  'wxzt.regularity.converges-where-square-diverges',
  'wxzt.regularity.global-convergence',
];

test('seed-paper claims without a boundary control are the pinned list', () => {
  const seed = BUILTIN_CLAIMS.filter((c) => /^(damian|arora|wr|wxzt|kreisler|classical)\./.test(c.id)).map((c) => c.id);
  const covered = new Set(BOUNDARIES.map((b) => b.claim.id));
  const missing = seed.filter((id) => !covered.has(id));
  const tolerancePinned = BOUNDARIES.filter((b) => b.notTolerance === undefined).length;
  console.log(`boundary controls: ${covered.size} of ${seed.length} seed-paper claims; tolerance ×10 pinned on ${tolerancePinned}`);
  expect(missing.sort()).toEqual([...SEED_WITHOUT_BOUNDARY].sort());
});
