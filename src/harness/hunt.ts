import type fc from 'fast-check';
import { seedFor } from '../arbitraries/seedFor.js';
import type { Claim, ErrorVerdict, Evidence, Instance, ViolatedVerdict } from '../claims/claim.js';
import { parsePrecision } from '../numerics/precision.js';
import { ChoiceRandom, mutateChoices, type Choice } from './choiceRandom.js';
import { checkAt, evaluate } from './evaluate.js';
import { writeFixture } from './fixtureStore.js';
import { fixtureOf, type Counterexample, type StopFlag } from './runClaim.js';
import { seededRandom } from './seededRandom.js';
import { NO_SHARD, ownedBy, type Shard } from './shard.js';
import { shrinkFailure } from './shrinkFailure.js';
import { DEFAULT_HUNT_STEPS, DEFAULT_MAX_SHRINK_TRIES } from '../settings.js';

export interface HuntOptions {
  readonly seed: number;
  /** Climbs 0 … runs − 1 (those this shard owns). Without it, climbs go on until `deadline`. */
  readonly runs?: number;
  /** performance.now() time at which to stop starting new candidates. */
  readonly deadline?: number;
  readonly shard?: Shard;
  /** Candidates per climb after the start (default 100). */
  readonly steps?: number;
  /** Where counterexamples are written as found. */
  readonly storeDir?: string;
  readonly budget?: number;
  readonly maxShrinkTries?: number;
  readonly stop?: StopFlag;
  readonly command?: string;
  readonly onCounterexample?: (cx: Counterexample, created: boolean) => void;
  readonly onClimb?: (climb: number, bestMargin: number) => void;
}

export interface HuntResult {
  readonly claim: string;
  readonly climbs: number;
  readonly candidates: number;
  readonly evaluations: number;
  /** Candidates that failed in f64 but held higher up the ladder. */
  readonly artifacts: number;
  /**
   * Candidates on which the check threw: a bug in the check, never a counterexample (nothing is
   * stored for them) and never a step of a climb (their margin is unknown, so they are not kept).
   */
  readonly errors: number;
  /** The first of them, with the stack. */
  readonly firstError?: { readonly instance: Instance; readonly verdict: ErrorVerdict };
  /** The smallest margin met (the closest to a violation), over all climbs. */
  readonly best?: { readonly margin: number; readonly climb: number; readonly instance: Instance; readonly evidence: Evidence };
  readonly counterexamples: readonly Counterexample[];
  readonly interrupted: boolean;
}

interface Candidate<I> {
  readonly value: fc.Value<I>;
  readonly choices: readonly Choice[];
  readonly margin: number;
  readonly evidence: Evidence;
  readonly violated?: ViolatedVerdict;
  /** The check threw on it. */
  readonly threw?: true;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * Targeted search for counterexamples: hill-climbing on the violation margin. A climb starts from
 * a random instance and repeatedly proposes a neighbour (a small edit of the draw sequence the
 * arbitrary consumed, see ChoiceRandom), keeping it when its margin is no larger, so the search
 * slides toward the boundary of the claim. Candidates are judged in the ladder's first precision;
 * one that fails there climbs the whole ladder: `violated` ends the climb with a shrunk
 * counterexample written to disk at once, `artifact` is scored by its high-precision margin.
 * Climb c draws from seedFor(seed, claimId, 'hunt', c, …) only, so shards (climbs c ≡ i − 1 mod n)
 * and reruns find the same counterexamples; `--time` only decides how many climbs run.
 */
export async function hunt<I extends Instance>(claim: Claim<I>, o: HuntOptions): Promise<HuntResult> {
  const shard = o.shard ?? NO_SHARD;
  const steps = o.steps ?? DEFAULT_HUNT_STEPS;
  const first = parsePrecision(claim.ladder[0]);
  const evalOpts = { mode: 'claim' as const, onInvalid: 'inconclusive' as const, ...(o.budget !== undefined ? { budget: o.budget } : {}) };
  let evaluations = 0;
  let candidates = 0;
  let artifacts = 0;
  let errors = 0;
  let firstError: HuntResult['firstError'];
  let climbs = 0;
  let interrupted = false;
  let best: HuntResult['best'];
  const counterexamples: Counterexample[] = [];
  // A function, not an inline test: TypeScript would keep a narrowing of the flag across awaits.
  const stopped = () => o.stop?.requested === true;
  const timeUp = () => o.deadline !== undefined && performance.now() >= o.deadline;

  const judge = (replay: readonly number[], seed: number): Candidate<I> => {
    const rnd = new ChoiceRandom(replay, seed);
    const value = claim.arbitrary.generate(rnd, undefined);
    candidates++;
    const r = checkAt(claim, value.value, first, evalOpts);
    evaluations += r.evaluations;
    let outcome = r.outcome;
    // A check that threw says nothing about the claim: counted apart, scored as no step at all.
    const threw = (v: ErrorVerdict): Candidate<I> => {
      errors++;
      firstError ??= { instance: value.value, verdict: v };
      return { value, choices: rnd.recorded, margin: Number.POSITIVE_INFINITY, evidence: v.evidence, threw: true };
    };
    if (outcome.verdict === 'error') return threw(outcome);
    if (outcome.verdict === 'violated' || (outcome.verdict === 'inconclusive' && outcome.reason === 'uncertain')) {
      const full = evaluate(claim, value.value, evalOpts);
      evaluations += full.evaluations;
      if (full.verdict.verdict === 'violated') {
        return { value, choices: rnd.recorded, margin: full.verdict.evidence.margin, evidence: full.verdict.evidence, violated: full.verdict };
      }
      if (full.verdict.verdict === 'error') return threw(full.verdict);
      if (full.verdict.verdict === 'artifact') artifacts++;
      if (full.verdict.verdict !== 'artifact' && full.verdict.verdict !== 'holds') {
        return { value, choices: rnd.recorded, margin: Number.POSITIVE_INFINITY, evidence: full.verdict.evidence };
      }
      outcome = { verdict: 'holds', evidence: full.verdict.evidence };
    }
    const m = outcome.verdict === 'holds' ? outcome.evidence.margin : Number.POSITIVE_INFINITY;
    return { value, choices: rnd.recorded, margin: Number.isNaN(m) ? Number.POSITIVE_INFINITY : m, evidence: outcome.evidence };
  };

  const found = async (c: number, step: number, cand: Candidate<I>) => {
    const v = cand.violated as ViolatedVerdict;
    const s = await shrinkFailure(
      claim.arbitrary,
      cand.value,
      v,
      (x) => {
        const e = evaluate(claim, x, evalOpts);
        evaluations += e.evaluations;
        return e.verdict.verdict === 'violated' ? e.verdict : undefined;
      },
      { maxTries: o.maxShrinkTries ?? DEFAULT_MAX_SHRINK_TRIES, ...(o.stop !== undefined ? { stop: o.stop } : {}) },
    );
    let cx: Counterexample = {
      claim: claim.id,
      source: 'generated',
      instance: s.instance,
      verdict: s.verdict,
      original: cand.value.value,
      seed: o.seed,
      path: null,
      shrinks: s.shrinks,
      runIndex: null,
    };
    let created = false;
    if (o.storeDir !== undefined) {
      const why = `found by \`${o.command ?? `eoscheck hunt ${claim.id} --seed ${o.seed}`}\` (climb ${c}, step ${step}): ${s.verdict.evidence.message}`;
      const w = writeFixture(o.storeDir, fixtureOf(cx, why));
      cx = { ...cx, file: w.file };
      created = w.created;
    }
    counterexamples.push(cx);
    o.onCounterexample?.(cx, created);
  };

  for (let c = 0; ; c++) {
    if (o.runs !== undefined && c >= o.runs) break;
    if (o.runs === undefined && o.deadline === undefined) break;
    if (!ownedBy(shard, c)) continue;
    if (timeUp()) break;
    await yieldToEventLoop();
    if (stopped()) {
      interrupted = true;
      break;
    }
    climbs++;
    let current = judge([], seedFor(o.seed, claim.id, 'hunt', c));
    let step = 0;
    if (current.violated !== undefined) {
      await found(c, step, current);
    } else {
      const mut = seededRandom(seedFor(o.seed, claim.id, 'hunt-mutate', c));
      for (step = 1; step <= steps; step++) {
        await yieldToEventLoop();
        if (stopped()) {
          interrupted = true;
          break;
        }
        if (timeUp()) break;
        const cand = judge(mutateChoices(current.choices, mut), seedFor(o.seed, claim.id, 'hunt-fresh', c, step));
        if (cand.violated !== undefined) {
          current = cand;
          await found(c, step, cand);
          break;
        }
        if (cand.threw !== true && (cand.margin <= current.margin || current.threw === true)) current = cand;
      }
    }
    if (current.threw !== true && (best === undefined || current.margin < best.margin)) {
      best = { margin: current.margin, climb: c, instance: current.value.value, evidence: current.evidence };
    }
    o.onClimb?.(c, current.margin);
    if (interrupted) break;
  }
  return {
    claim: claim.id,
    climbs,
    candidates,
    evaluations,
    artifacts,
    errors,
    ...(firstError !== undefined ? { firstError } : {}),
    ...(best !== undefined ? { best } : {}),
    counterexamples,
    interrupted,
  };
}
