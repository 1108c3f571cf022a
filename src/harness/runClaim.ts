import type fc from 'fast-check';
import type { ArtifactVerdict, Claim, ErrorVerdict, Instance, Verdict, ViolatedVerdict } from '../claims/claim.js';
import { EoscheckError, UsageError } from '../errors.js';
import { CERTIFY_DIGITS, evaluate } from './evaluate.js';
import { jsonNumber, type Fixture } from './fixture.js';
import { listFixtures, readFixture, replaceFixture, writeFixture } from './fixtureStore.js';
import { generateInstance } from './generateInstance.js';
import { claimVerdict, exercisedOf, holdFractionOf, zeroCounts, type ClaimRow, type Counts } from './report.js';
import { NO_SHARD, ownedBy, type Shard } from './shard.js';
import { shrinkFailure } from './shrinkFailure.js';
import { VERSION } from './version.js';

/** A flag that a SIGINT handler sets; runners look at it between instances. */
export interface StopFlag {
  requested: boolean;
}

export interface RunClaimOptions {
  readonly seed: number;
  readonly runs: number;
  readonly shard?: Shard;
  /** `control` runs the negative control's arbitrary (seed namespace "control"), with no fixtures and no store. */
  readonly mode?: 'claim' | 'control';
  /** Replay the fixtures of `<fixturesDir>/<claim-id>/` before generating (claim mode). */
  readonly fixturesDir?: string;
  /**
   * Re-record replayed fixtures whose verdict or certificate changed: `expected`, verdict,
   * evidence and certificate from this replay (seed, path, createdAt and `why` kept).
   */
  readonly updateFixtures?: boolean;
  /** Write counterexamples to `<storeDir>/<claim-id>/<hash>.json` as soon as found. */
  readonly storeDir?: string;
  /** Model evaluations per check call (default: the claim's). */
  readonly budget?: number;
  /** Shrink violations (default: true in claim mode, false for controls). */
  readonly shrink?: boolean;
  /** Candidates tried per shrink (default 400). */
  readonly maxShrinkTries?: number;
  readonly stop?: StopFlag;
  /** The command that found a counterexample, recorded in the fixture's `why`. */
  readonly command?: string;
  readonly onProgress?: (done: number, total: number) => void;
  readonly onCounterexample?: (cx: Counterexample) => void;
  /** Called with each generated instance and its verdict (the report's closest calls are read off it). */
  readonly onInstance?: (instance: Instance, verdict: Verdict, runIndex: number) => void;
}

export interface FixtureMismatch {
  readonly file: string;
  readonly expected: string;
  readonly got: string;
  /** The fixture was rewritten with the replay's verdict (`--update-fixtures`). */
  readonly updated: boolean;
}

/** A violated instance, shrunk, with how to reproduce it. */
export interface Counterexample {
  readonly claim: string;
  readonly source: 'fixture' | 'generated';
  readonly instance: Instance;
  readonly verdict: ViolatedVerdict;
  /** The instance before shrinking. */
  readonly original: Instance;
  /** Base seed and path "runIndex:shrink…" (null for a fixture replay). */
  readonly seed: number | null;
  readonly path: string | null;
  readonly shrinks: number;
  readonly runIndex: number | null;
  /** The fixture file (written as found, or replayed). */
  readonly file?: string;
}

export interface ClaimResult {
  readonly row: ClaimRow;
  /** Fixture replays first (by file name), then generated ones by run index. */
  readonly counterexamples: readonly Counterexample[];
  /** The first instance (fixtures, then run order) that failed in low precision only. */
  readonly firstArtifact?: { readonly instance: Instance; readonly verdict: ArtifactVerdict };
  /** The first failure the interval re-run could not certify. */
  readonly firstUncertified?: { readonly instance: Instance; readonly verdict: Verdict };
  /** The first instance on which the check threw (with the stack). */
  readonly firstError?: { readonly instance: Instance; readonly verdict: ErrorVerdict };
  /**
   * Fixtures whose replay did not give their `expected` verdict: a regression, which fails `check`
   * unless `updateFixtures` re-recorded them (`updated`).
   */
  readonly mismatches: readonly FixtureMismatch[];
  readonly interrupted: boolean;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/** A shrink candidate must be certified too, but only the cheap first rungs are tried: one that needs more is not taken. */
const SHRINK_CERTIFY_DIGITS = CERTIFY_DIGITS.slice(0, 2);

/** The run index a generated fixture came from (its path's first number); Infinity for hunts and hand-written ones. */
function runIndexOf(path: string | null): number {
  const k = path === null ? Number.NaN : Number(path.split(':')[0]);
  return Number.isInteger(k) && k >= 0 ? k : Number.POSITIVE_INFINITY;
}

function tally(c: Counts, v: Verdict): void {
  c[v.verdict]++;
  if (v.verdict === 'inconclusive' && v.reason === 'uncertified') c.uncertified++;
}

/** The fixture record of a counterexample (README, Verdicts and counterexamples). */
export function fixtureOf(cx: Counterexample, why: string): Fixture {
  const e = cx.verdict.evidence;
  return {
    claim: cx.claim,
    version: VERSION,
    instance: cx.instance,
    verdict: 'violated',
    precision: e.precision,
    observed: jsonNumber(e.observed),
    bound: jsonNumber(e.bound),
    margin: jsonNumber(e.margin),
    seed: cx.seed,
    path: cx.path,
    shrinks: cx.shrinks,
    createdAt: new Date().toISOString(),
    code: e.code,
    message: e.message,
    ...(e.step !== undefined ? { step: e.step } : {}),
    ...(cx.verdict.certificate !== undefined ? { certificate: cx.verdict.certificate } : {}),
    expected: 'violated',
    why,
  };
}

/** A fixture re-recorded from its replay: verdict, evidence and certificate replaced, the rest kept. */
export function rerecord(fx: Fixture, v: Verdict): Fixture {
  const e = v.evidence;
  const { certificate: _old, step: _step, expected: _expected, why, ...rest } = fx;
  const certificate = 'certificate' in v ? v.certificate : undefined;
  return {
    ...rest,
    verdict: v.verdict === 'error' ? fx.verdict : v.verdict,
    precision: e.precision,
    observed: jsonNumber(e.observed),
    bound: jsonNumber(e.bound),
    margin: jsonNumber(e.margin),
    code: e.code,
    message: e.message,
    ...(e.step !== undefined ? { step: e.step } : {}),
    ...(certificate !== undefined ? { certificate } : {}),
    expected: v.verdict,
    ...(why !== undefined ? { why } : {}),
  };
}

/**
 * Runs one claim: its fixtures first (each replayed through the precision ladder), then `runs`
 * generated instances, run index k drawn from seedFor(seed, claimId, k) — of which this shard owns
 * k ≡ index − 1 (mod count), and fixture j likewise. A violated instance is shrunk (bounded by a
 * count of candidates, so deterministic) and stored at once. Ctrl-C (the `stop` flag) ends the
 * run at the next instance boundary with the counts so far.
 */
export async function runClaim<I extends Instance>(claim: Claim<I>, o: RunClaimOptions): Promise<ClaimResult> {
  const t0 = performance.now();
  const mode = o.mode ?? 'claim';
  const shard = o.shard ?? NO_SHARD;
  const counts = zeroCounts();
  const counterexamples: Counterexample[] = [];
  const mismatches: FixtureMismatch[] = [];
  let evaluations = 0;
  let replayed = 0;
  // The fixture replays' verdicts, also counted apart: a row's `exercised` is out of its `runs`.
  const replayedCounts = zeroCounts();
  let interrupted = false;
  let firstArtifact: ClaimResult['firstArtifact'];
  let firstUncertified: ClaimResult['firstUncertified'];
  const noteUncertified = (instance: Instance, v: Verdict) => {
    if (v.verdict === 'inconclusive' && v.reason === 'uncertified') firstUncertified ??= { instance, verdict: v };
  };
  let firstError: ClaimResult['firstError'];
  const statistical = claim.kind === 'statistical';
  const store = mode === 'claim' && !statistical ? o.storeDir : undefined;
  const evalOpts = { mode, ...(o.budget !== undefined ? { budget: o.budget } : {}) };
  // A generated instance the model rejects did not exercise the claim: inconclusive, counted.
  const genOpts = { ...evalOpts, onInvalid: 'inconclusive' as const };

  // Every fixture is read (a malformed one stops every shard alike), but one this run will find
  // again by itself — same seed, a run index below `runs` — is not replayed: it would be counted
  // twice, and runs or shards executed after the one that wrote it would report differently.
  const fixtureFiles =
    mode === 'claim' && o.fixturesDir !== undefined
      ? listFixtures(o.fixturesDir, claim.id)
          .map((file) => ({ file, fx: readFixture(file, '--fixtures') }))
          .filter(({ fx }) => !(fx.seed === o.seed && runIndexOf(fx.path) < o.runs))
          .filter((_, j) => ownedBy(shard, j))
      : [];
  const generated: number[] = [];
  for (let k = 0; k < o.runs; k++) if (ownedBy(shard, k)) generated.push(k);
  const total = fixtureFiles.length + generated.length;
  let done = 0;

  const record = (cx: Counterexample): Counterexample => {
    let out = cx;
    if (store !== undefined && cx.file === undefined) {
      const why = `found by \`${o.command ?? 'eoscheck check'}\`${cx.runIndex !== null ? ` (run ${cx.runIndex})` : ''}: ${cx.verdict.evidence.message}`;
      out = { ...cx, file: writeFixture(store, fixtureOf(cx, why)).file };
    }
    counterexamples.push(out);
    o.onCounterexample?.(out);
    return out;
  };

  for (const { file, fx } of fixtureFiles) {
    await yieldToEventLoop();
    if (o.stop?.requested === true) {
      interrupted = true;
      break;
    }
    if (fx.claim !== claim.id) throw new UsageError(`${file}: records claim "${fx.claim}" but sits in the directory of "${claim.id}"`, 'fixturesDir');
    let r;
    try {
      r = evaluate(claim, fx.instance as I, evalOpts);
    } catch (e) {
      if (e instanceof EoscheckError) throw new UsageError(`${file}: the instance is not valid: ${e.message}`, 'fixturesDir');
      throw e;
    }
    evaluations += r.evaluations;
    replayed++;
    tally(replayedCounts, r.verdict);
    tally(counts, r.verdict);
    if (r.verdict.verdict === 'error') firstError ??= { instance: fx.instance, verdict: r.verdict };
    if (r.verdict.verdict === 'artifact') firstArtifact ??= { instance: fx.instance, verdict: r.verdict };
    noteUncertified(fx.instance, r.verdict);
    const mismatch = fx.expected !== undefined && fx.expected !== r.verdict.verdict;
    if (o.updateFixtures === true && r.verdict.verdict !== 'error') {
      const again = rerecord(fx, r.verdict);
      if (JSON.stringify(again) !== JSON.stringify(fx)) replaceFixture(file, again);
    }
    if (mismatch) mismatches.push({ file, expected: fx.expected ?? fx.verdict, got: r.verdict.verdict, updated: o.updateFixtures === true });
    if (r.verdict.verdict === 'violated') {
      record({
        claim: claim.id,
        source: 'fixture',
        instance: fx.instance as I,
        verdict: r.verdict,
        original: fx.instance,
        seed: fx.seed,
        path: fx.path,
        shrinks: fx.shrinks,
        runIndex: null,
        file,
      });
    }
    o.onProgress?.(++done, total);
  }

  const arb: fc.Arbitrary<I> = mode === 'claim' ? claim.arbitrary : claim.negativeControl.arbitrary;
  const namespace = mode === 'claim' ? undefined : 'control';
  for (const k of generated) {
    if (interrupted) break;
    await yieldToEventLoop();
    if (o.stop?.requested === true) {
      interrupted = true;
      break;
    }
    const { value } = generateInstance(arb, o.seed, claim.id, k, namespace);
    const r = evaluate(claim, value.value, genOpts);
    evaluations += r.evaluations;
    tally(counts, r.verdict);
    o.onInstance?.(value.value, r.verdict, k);
    if (r.verdict.verdict === 'error') firstError ??= { instance: value.value, verdict: r.verdict };
    if (r.verdict.verdict === 'artifact') firstArtifact ??= { instance: value.value, verdict: r.verdict };
    noteUncertified(value.value, r.verdict);
    if (r.verdict.verdict === 'violated' && !statistical) {
      let cx: Counterexample = {
        claim: claim.id,
        source: 'generated',
        instance: value.value,
        verdict: r.verdict,
        original: value.value,
        seed: o.seed,
        path: String(k),
        shrinks: 0,
        runIndex: k,
      };
      if (o.shrink ?? mode === 'claim') {
        const s = await shrinkFailure(
          arb,
          value,
          r.verdict,
          (candidate) => {
            const c = evaluate(claim, candidate, { ...genOpts, certifyDigits: SHRINK_CERTIFY_DIGITS });
            evaluations += c.evaluations;
            return c.verdict.verdict === 'violated' ? c.verdict : undefined;
          },
          { maxTries: o.maxShrinkTries ?? 400, ...(o.stop !== undefined ? { stop: o.stop } : {}) },
        );
        cx = { ...cx, instance: s.instance, verdict: s.verdict, path: [k, ...s.path].join(':'), shrinks: s.shrinks };
      }
      record(cx);
    }
    o.onProgress?.(++done, total);
  }

  const files = [...new Set(counterexamples.map((c) => c.file).filter((f): f is string => f !== undefined))].sort();
  const row: ClaimRow = {
    id: claim.id,
    verdict: claimVerdict(claim.kind, counts, claim.minHoldFraction),
    kind: claim.kind,
    ...(statistical ? { minHoldFraction: claim.minHoldFraction ?? 0.8, holdFraction: holdFractionOf(counts) } : {}),
    runs: o.runs,
    instances: counts,
    exercised: exercisedOf(counts) - exercisedOf(replayedCounts),
    fixtures: replayed,
    evaluations,
    counterexamples: files,
    ms: Math.round(performance.now() - t0),
  };
  return {
    row,
    counterexamples,
    mismatches,
    interrupted,
    ...(firstArtifact !== undefined ? { firstArtifact } : {}),
    ...(firstError !== undefined ? { firstError } : {}),
    ...(firstUncertified !== undefined ? { firstUncertified } : {}),
  };
}
