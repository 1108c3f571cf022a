import type fc from 'fast-check';
import type { ArtifactVerdict, Claim, Instance, Verdict, ViolatedVerdict } from '../claims/claim.js';
import { EoscheckError, UsageError } from '../errors.js';
import { evaluate } from './evaluate.js';
import { jsonNumber, type Fixture } from './fixture.js';
import { listFixtures, readFixture, writeFixture } from './fixtureStore.js';
import { generateInstance } from './generateInstance.js';
import { claimVerdict, exercisedOf, zeroCounts, type ClaimRow, type Counts } from './report.js';
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
  /** Called with each generated instance's verdict (run index k), e.g. to print its evidence. */
  readonly onVerdict?: (k: number, verdict: Verdict) => void;
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
  /** Fixtures whose replay did not give their `expected` verdict. */
  readonly mismatches: readonly { readonly file: string; readonly expected: string; readonly got: string }[];
  readonly interrupted: boolean;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/** The run index a generated fixture came from (its path's first number); Infinity for hunts and hand-written ones. */
function runIndexOf(path: string | null): number {
  const k = path === null ? Number.NaN : Number(path.split(':')[0]);
  return Number.isInteger(k) && k >= 0 ? k : Number.POSITIVE_INFINITY;
}

function tally(c: Counts, v: Verdict): void {
  c[v.verdict]++;
}

/** The fixture record of a counterexample (architecture §4 field order). */
export function fixtureOf(cx: Counterexample, why: string): Fixture {
  const e = cx.verdict.evidence;
  return {
    claim: cx.claim, version: VERSION, instance: cx.instance, verdict: 'violated', precision: e.precision,
    observed: jsonNumber(e.observed), bound: jsonNumber(e.bound), margin: jsonNumber(e.margin),
    seed: cx.seed, path: cx.path, shrinks: cx.shrinks, createdAt: new Date().toISOString(),
    code: e.code, message: e.message, ...(e.step !== undefined ? { step: e.step } : {}),
    expected: 'violated', why,
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
  const mismatches: { file: string; expected: string; got: string }[] = [];
  let evaluations = 0;
  let replayed = 0;
  let interrupted = false;
  let firstArtifact: ClaimResult['firstArtifact'];
  const statistical = claim.kind === 'statistical';
  const store = mode === 'claim' && !statistical ? o.storeDir : undefined;
  const evalOpts = { mode, ...(o.budget !== undefined ? { budget: o.budget } : {}) };
  // A generated instance the model rejects did not exercise the claim: inconclusive, counted.
  const genOpts = { ...evalOpts, onInvalid: 'inconclusive' as const };

  // Every fixture is read (a malformed one stops every shard alike), but one this run will find
  // again by itself — same seed, a run index below `runs` — is not replayed: it would be counted
  // twice, and runs or shards executed after the one that wrote it would report differently.
  const fixtureFiles = mode === 'claim' && o.fixturesDir !== undefined
    ? listFixtures(o.fixturesDir, claim.id)
      .map((file) => ({ file, fx: readFixture(file, '--fixtures') }))
      .filter(({ fx }) => !(fx.seed === o.seed && runIndexOf(fx.path) < o.runs))
      .filter((_, j) => ownedBy(shard, j)) : [];
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
    if (fx.claim !== claim.id) throw new UsageError(`${file}: records claim "${fx.claim}" but sits in the directory of "${claim.id}"`, '--fixtures');
    let r;
    try {
      r = evaluate(claim, fx.instance as I, evalOpts);
    } catch (e) {
      if (e instanceof EoscheckError) throw new UsageError(`${file}: the instance is not valid: ${e.message}`, '--fixtures');
      throw e;
    }
    if (r.verdict.verdict === 'violated' && r.verdict.evidence.code === 'check_threw' && fx.code !== 'check_threw') {
      throw new UsageError(`${file}: the claim's check cannot read this instance (${r.verdict.evidence.message})`, '--fixtures');
    }
    evaluations += r.evaluations;
    replayed++;
    tally(counts, r.verdict);
    if (r.verdict.verdict === 'artifact') firstArtifact ??= { instance: fx.instance, verdict: r.verdict };
    if (fx.expected !== undefined && fx.expected !== r.verdict.verdict) mismatches.push({ file, expected: fx.expected, got: r.verdict.verdict });
    if (r.verdict.verdict === 'violated') {
      record({
        claim: claim.id, source: 'fixture', instance: fx.instance as I, verdict: r.verdict, original: fx.instance,
        seed: fx.seed, path: fx.path, shrinks: fx.shrinks, runIndex: null, file,
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
    o.onVerdict?.(k, r.verdict);
    if (r.verdict.verdict === 'artifact') firstArtifact ??= { instance: value.value, verdict: r.verdict };
    if (r.verdict.verdict === 'violated' && !statistical) {
      let cx: Counterexample = {
        claim: claim.id, source: 'generated', instance: value.value, verdict: r.verdict, original: value.value,
        seed: o.seed, path: String(k), shrinks: 0, runIndex: k,
      };
      if (o.shrink ?? mode === 'claim') {
        const s = await shrinkFailure(arb, value, r.verdict, (candidate) => {
          const c = evaluate(claim, candidate, genOpts);
          evaluations += c.evaluations;
          return c.verdict.verdict === 'violated' ? c.verdict : undefined;
        }, { maxTries: o.maxShrinkTries ?? 400, ...(o.stop !== undefined ? { stop: o.stop } : {}) });
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
    ...(statistical ? { minHoldFraction: claim.minHoldFraction ?? 0.8 } : {}),
    runs: o.runs,
    instances: counts,
    exercised: exercisedOf(counts),
    fixtures: replayed,
    evaluations,
    counterexamples: files,
    ms: Math.round(performance.now() - t0),
  };
  return { row, counterexamples, mismatches, interrupted, ...(firstArtifact !== undefined ? { firstArtifact } : {}) };
}
