import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';
import type { Claim, Instance, Verdict } from '../src/claims/claim.js';
import { checkAt, evaluate } from '../src/harness/evaluate.js';
import { claimVerdict, zeroCounts } from '../src/harness/report.js';
import { parsePrecision } from '../src/numerics/precision.js';
import { BOUNDARIES } from './boundary/index.js';
import { type Boundary, scaledTolerance } from './boundary/boundary.js';
import { COHEN_NETWORK_SECOND, statedNetworkRuns } from './boundary/cohenNetworkRuns.js';
import { MLP_BOUNDARIES, MLP_SECOND, recordedMlpRuns } from './boundary/mlp.js';
import { statedRungs, TWO_LAYER_BOUNDARIES, TWO_LAYER_SECOND } from './boundary/twoLayer.js';

/**
 * Every boundary control (properties/boundary/): outside instances violated (certified, or for a
 * check that cannot be certified its own f64 violation with the stated code), inside instances
 * holding, and the claim with its declared tolerance ×10 no longer violating some outside instance.
 * `npm run mutation` narrows it to the claims of the file it mutates (EOSCHECK_CLAIMS).
 */
const only = (process.env.EOSCHECK_CLAIMS ?? '').split(',').filter((id) => id !== '');
const FIRST: readonly Boundary[] = [...BOUNDARIES, ...TWO_LAYER_BOUNDARIES, ...MLP_BOUNDARIES];
const SECOND: readonly Boundary[] = [...TWO_LAYER_SECOND, ...MLP_SECOND, ...COHEN_NETWORK_SECOND];
const ALL: readonly Boundary[] = [...FIRST, ...SECOND];
const selected = only.length === 0 ? ALL : ALL.filter((b) => only.includes(b.claim.id));

const f64 = parsePrecision('f64');

/**
 * An outside instance's verdict: certified through `evaluate`, or, for a check that cannot be
 * certified, its own f64 outcome, a violation only with the stated failure code.
 */
function outsideVerdict(b: Boundary, claim: Claim, inst: Instance): { verdict: string; message: string; margin: number } {
  if (b.f64Only === undefined) {
    const v: Verdict = evaluate(claim, inst, { mode: 'control' }).verdict;
    return { verdict: v.verdict, message: v.evidence.message, margin: v.evidence.margin };
  }
  const o = checkAt(claim, inst, f64, { mode: 'control' }).outcome;
  const verdict = o.verdict === 'violated' && o.evidence.code !== b.f64Only.code ? `violated (${o.evidence.code})` : o.verdict;
  return { verdict, message: o.evidence.message, margin: o.evidence.margin };
}

describe('boundary controls', () => {
  // The two-layer claims' rungs are seconds of runs each: a rung that states its run (properties/boundary/twoLayer.ts) is
  // answered with it, so the claim's own check decides on a stated ladder; every other rung runs.
  // The MLP claims' windows are 1000 steps of a network each: their boundaries judge recorded runs (properties/boundary/mlp.ts), and
  // the Cohen et al. network claims' bands stated runs (properties/boundary/cohenNetworkRuns.ts).
  let restore = () => {};
  beforeAll(() => {
    const rungs = statedRungs();
    const runs = recordedMlpRuns();
    const network = statedNetworkRuns();
    restore = () => {
      rungs();
      runs();
      network();
    };
  });
  afterAll(() => restore());
  for (const b of selected) {
    const id = b.claim.id;
    test(`${id}: ${b.outside.description} is flagged`, () => {
      for (const inst of b.outside.instances) {
        const v = outsideVerdict(b, b.claim, inst);
        expect(v.verdict, `${JSON.stringify(inst)}: ${v.message}`).toBe('violated');
        // The convention of every claim (src/claims/claim.ts): margin ≥ 0 iff the predicate held.
        expect(v.margin, `${JSON.stringify(inst)}: a violation's margin`).toBeLessThan(0);
      }
    });
    test(`${id}: the instances just inside hold`, () => {
      for (const inst of b.inside) {
        const v = evaluate(b.claim, inst, { mode: 'claim' }).verdict;
        expect(v.verdict, `${JSON.stringify(inst)}: ${v.evidence.message}`).toBe('holds');
        expect(v.evidence.margin, `${JSON.stringify(inst)}: a pass's margin`).toBeGreaterThanOrEqual(0);
      }
    });
    if (b.toleranceTurnsInside !== undefined) {
      test(`${id}: with its tolerance ×10 an inside instance no longer holds`, () => {
        const loose = scaledTolerance(b.claim, 10);
        const verdicts = b.inside.map((inst) => evaluate(loose, inst, { mode: 'claim' }).verdict.verdict);
        expect(verdicts, 'the boundary does not pin the declared tolerance').not.toEqual(verdicts.map(() => 'holds'));
      });
    } else if (b.notTolerance === undefined) {
      test(`${id}: with its tolerance ×10 an outside instance is no longer violated`, () => {
        const loose = scaledTolerance(b.claim, 10);
        const verdicts = b.outside.instances.map((inst) => outsideVerdict(b, loose, inst).verdict);
        expect(verdicts, 'the boundary does not pin the declared tolerance').not.toEqual(verdicts.map(() => 'violated'));
      });
    }
    if (b.claim.kind === 'statistical') {
      test(`${id}: the Wilson decision turns at the stated hold counts`, () => {
        const d = b.decision;
        expect(d, 'a statistical claim states where its decision turns').toBeDefined();
        if (d === undefined) return;
        if (b.claim.runs !== undefined) expect(d.runs).toBe(b.claim.runs);
        const at = (held: number) => claimVerdict('statistical', { ...zeroCounts(), holds: held, violated: d.runs - held }, b.claim.minHoldFraction);
        expect([at(d.holdsFrom), at(d.holdsFrom - 1)]).toEqual(['holds', 'inconclusive']);
        expect([at(d.violatedUpTo), at(d.violatedUpTo + 1)]).toEqual(['violated', 'inconclusive']);
      });
    }
  }
});

test('boundary controls name registered claims, once each', () => {
  const ids = FIRST.map((b) => b.claim.id);
  expect(new Set(ids).size).toBe(ids.length);
  // The second boundaries of the two-layer claims (another failure code of the same decision) name claims that have a first.
  expect(SECOND.filter((b) => !ids.includes(b.claim.id))).toEqual([]);
  const registered = new Set(BUILTIN_CLAIMS.map((c) => c.id));
  expect(ids.filter((id) => !registered.has(id))).toEqual([]);
});

/**
 * Claims without a boundary control (pinned: a new claim comes with one, or is listed here with the reason).
 */
const WITHOUT_BOUNDARY: readonly string[] = [];

test('claims without a boundary control are the pinned list', () => {
  const ids = BUILTIN_CLAIMS.map((c) => c.id);
  const covered = new Set(FIRST.map((b) => b.claim.id));
  const missing = ids.filter((id) => !covered.has(id));
  const tolerancePinned = FIRST.filter((b) => b.notTolerance === undefined).length;
  console.log(`boundary controls: ${covered.size} of ${ids.length} claims; tolerance ×10 pinned on ${tolerancePinned}`);
  expect(missing.sort()).toEqual([...WITHOUT_BOUNDARY].sort());
});
