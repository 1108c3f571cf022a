import type { Certificate, Claim, Enclosure, ErrorVerdict, Evidence, Instance, Outcome, Verdict } from '../claims/claim.js';
import { EoscheckError, IndeterminateError, NOT_CERTIFIABLE, NumericalError } from '../errors.js';
import { formatPrecision, parsePrecision, type Precision } from '../numerics/precision.js';
import { BudgetExhausted, createContext, HypothesisUnmet } from './checkContext.js';

export interface EvaluateOptions {
  readonly mode: 'claim' | 'control';
  /** Model evaluations per check call; default the claim's budget. */
  readonly budget?: number;
  /**
   * What a model's rejection of the instance (an EoscheckError such as a UsageError) means:
   * `throw` (default; a fixture or a user's input is at fault) or `inconclusive` (a generated
   * instance outside the model's domain: it did not exercise the claim, and is counted as such).
   */
  readonly onInvalid?: 'throw' | 'inconclusive';
  /**
   * Interval digits the certification tries, in turn (default CERTIFY_DIGITS). Shrinking passes a
   * shorter list: a candidate it cannot certify cheaply is simply not taken.
   */
  readonly certifyDigits?: readonly number[];
}

export interface Evaluation {
  readonly verdict: Verdict;
  /** Model evaluations over every rung tried. */
  readonly evaluations: number;
}

const none = (code: string, message: string, p: Precision): Evidence => ({
  code,
  message,
  observed: Number.NaN,
  bound: Number.NaN,
  margin: Number.NaN,
  precision: formatPrecision(p),
});

/** Codes of EoscheckErrors that report a numerical routine failing, not a bad input. */
const NUMERICAL_CODES = new Set(['EOSCHECK_NO_CONVERGENCE', 'EOSCHECK_NOT_CERTIFIED']);

/**
 * One check call at one precision. The check's own signals become verdicts: a failed hypothesis or
 * an exhausted budget → inconclusive; an undecidable interval sign → inconclusive; a numerical
 * routine that did not converge → inconclusive (reason `numerical`). Any other exception is an
 * `error` with its stack: a bug in the check or the library says nothing about the paper, so it
 * is never a violation. EoscheckErrors (bad model input) propagate: the caller knows whether a
 * fixture or a generator is at fault.
 */
export function checkAt<I extends Instance>(
  claim: Claim<I>,
  instance: I,
  p: Precision,
  o: EvaluateOptions,
): { outcome: Outcome | ErrorVerdict; evaluations: number } {
  const { ctx, used } = createContext({ precision: p, tolerance: claim.tolerance, mode: o.mode, budget: o.budget ?? claim.budget });
  try {
    return { outcome: claim.check(instance, ctx), evaluations: used() };
  } catch (e) {
    const evaluations = used();
    if (e instanceof HypothesisUnmet) {
      return { outcome: { verdict: 'inconclusive', reason: 'hypotheses', evidence: none(e.code, e.message, p) }, evaluations };
    }
    if (e instanceof BudgetExhausted) {
      return { outcome: { verdict: 'inconclusive', reason: 'budget', evidence: none('budget_exhausted', e.message, p) }, evaluations };
    }
    if (e instanceof IndeterminateError) {
      return { outcome: { verdict: 'inconclusive', reason: 'indeterminate', evidence: none('indeterminate', e.message, p) }, evaluations };
    }
    if (e instanceof NumericalError || (e instanceof EoscheckError && NUMERICAL_CODES.has(e.code))) {
      return { outcome: { verdict: 'inconclusive', reason: 'numerical', evidence: none('numerical', e.message, p) }, evaluations };
    }
    if (e instanceof EoscheckError) {
      if (o.onInvalid !== 'inconclusive') throw e;
      if (e.code === NOT_CERTIFIABLE)
        return { outcome: { verdict: 'inconclusive', reason: 'hypotheses', evidence: none('not_certifiable', e.detail, p) }, evaluations };
      return {
        outcome: { verdict: 'inconclusive', reason: 'hypotheses', evidence: none('invalid_instance', `the model rejects the instance: ${e.message}`, p) },
        evaluations,
      };
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const stack = e instanceof Error && e.stack !== undefined ? e.stack : message;
    return { outcome: { verdict: 'error', evidence: none('check_threw', `the check threw ${message}`, p), stack }, evaluations };
  }
}

const unsure = (o: Outcome) => o.verdict === 'inconclusive' && o.reason === 'uncertain';

/** A holds/violated rung whose |margin| lies within its rounding allowance decides nothing: the ladder climbs. */
function undecided(o: Outcome): boolean {
  if (o.verdict !== 'holds' && o.verdict !== 'violated') return unsure(o);
  const a = o.evidence.allowance;
  return a !== undefined && Math.abs(o.evidence.margin) <= a;
}

/** The interval precisions a certification tries in turn, each doubling the digits. */
export const CERTIFY_DIGITS: readonly number[] = [40, 80, 160, 320];

interface Certification {
  /** The side the enclosure certifies, if any. */
  readonly side?: 'holds' | 'violated';
  readonly certificate?: Certificate;
  readonly evidence?: Evidence;
  /** Why nothing was certified (the last attempt's state). */
  readonly reason: string;
  readonly evaluations: number;
}

const width = (e: Enclosure) => (e.hi - e.lo).toExponential(2);

/**
 * Re-runs the check on the instance in outward-rounded interval arithmetic, at interval:40, 80,
 * 160, 320 in turn, until the enclosure of the margin excludes 0: below (certified violated) or
 * at or above (certified holds, `margin ≥ 0` being the claim's own convention for a pass). A check
 * that gives no enclosure, or cannot run on intervals, stays uncertified, and so does one whose
 * enclosure still straddles 0 at the last precision (a tie, or rounding error grown past 320 digits
 * along an unstable trajectory).
 */
export function certify<I extends Instance>(claim: Claim<I>, instance: I, o: EvaluateOptions): Certification {
  // A check known to give no enclosure would be re-run in interval arithmetic for nothing (minutes, for long runs).
  if (claim.notCertifiable !== undefined) return { reason: `the check gives no enclosure of its margin: ${claim.notCertifiable}`, evaluations: 0 };
  let evaluations = 0;
  let reason = 'no interval re-run';
  for (const digits of o.certifyDigits ?? CERTIFY_DIGITS) {
    const p: Precision = { kind: 'interval', digits };
    const at = formatPrecision(p);
    let r;
    try {
      r = checkAt(claim, instance, p, { ...o, onInvalid: 'inconclusive' });
    } catch (e) {
      return { reason: `the check cannot run in interval arithmetic (${e instanceof Error ? e.message : String(e)})`, evaluations };
    }
    evaluations += r.evaluations;
    const out = r.outcome;
    if (out.verdict === 'error') return { reason: `the check fails in interval arithmetic (${out.evidence.message})`, evaluations };
    if (out.verdict === 'inconclusive') {
      if (out.evidence.code === 'not_certifiable') return { reason: out.evidence.message, evaluations };
      if (out.reason === 'budget' || out.evidence.code === 'invalid_instance') return { reason: `${out.evidence.message} at ${at}`, evaluations };
      reason = `${out.evidence.message} at ${at}`;
      continue;
    }
    if (out.verdict === 'diverged') {
      reason = `the enclosures blew up at ${at} (${out.evidence.message})`;
      continue;
    }
    const enc = out.evidence.enclosure;
    if (enc === undefined) return { reason: 'the check gives no enclosure of its margin in interval arithmetic', evaluations };
    const certificate: Certificate = { precision: at, margin: enc };
    if (enc.hi < 0) return { side: 'violated', certificate, evidence: out.evidence, reason: '', evaluations };
    if (enc.lo >= 0) return { side: 'holds', certificate, evidence: out.evidence, reason: '', evaluations };
    reason = `enclosure width ${width(enc)} at ${at}`;
  }
  return { reason, evaluations };
}

/** k of "a tie within 10^-k": the allowance (or the margin) of the top rung, as a power of ten. */
function tieDigits(e: Evidence): number {
  const a = e.allowance ?? Math.abs(e.margin);
  return a > 0 && Number.isFinite(a) ? Math.max(0, Math.floor(-Math.log10(a))) : 0;
}

/**
 * The precision ladder (README, Verdicts and counterexamples). A rung decides when it holds or fails outside its
 * rounding allowance (`Evidence.allowance`); a failure, an `uncertain` margin or a margin within
 * the allowance climbs to the next rung:
 * - a failure that holds at a higher rung is an `artifact` of the lower precision;
 * - a failure up to the top rung, or a margin still undecided there, is re-run in interval
 *   arithmetic (`certify`): `violated` only when the enclosure of the margin lies below 0;
 *   enclosed at or above 0 it holds (an `artifact` if a rung had failed); otherwise
 *   `inconclusive`: `uncertified` after a failure, `uncertain` ("a tie within 10^-k") after a tie.
 * Negative controls and generated instances of statistical claims skip the interval re-run: their
 * failures are not counterexamples (a control shows that the check can fail; a statistical claim
 * counts fractions). A statistical claim's instance replayed from a fixture is certified.
 * A one-rung ladder (e.g. the oracle claims' dec:90) decides at that rung.
 */
export function evaluate<I extends Instance>(claim: Claim<I>, instance: I, o: EvaluateOptions): Evaluation {
  const rungs = claim.ladder.map((s) => parsePrecision(s));
  let evaluations = 0;
  const ladder: Evidence[] = [];
  let failure: Evidence | undefined;
  let last: Outcome | undefined;
  for (const rung of rungs) {
    const r = checkAt(claim, instance, rung, o);
    evaluations += r.evaluations;
    if (r.outcome.verdict === 'error') return { verdict: r.outcome, evaluations };
    last = r.outcome;
    if (undecided(last)) {
      ladder.push({ ...last.evidence, undecided: true });
      continue;
    }
    ladder.push(last.evidence);
    if (last.verdict === 'violated') {
      failure ??= last.evidence;
      continue;
    }
    if (last.verdict === 'holds' && failure !== undefined) {
      return { verdict: { verdict: 'artifact', evidence: last.evidence, failure, ladder }, evaluations };
    }
    // holds outside the allowance without an earlier failure, a hypothesis/budget stop, or a divergence: final as is.
    return { verdict: last, evaluations };
  }
  if (last === undefined) throw new RangeError(`claim ${claim.id} has an empty ladder`);
  const top = last.evidence;
  const tie = undecided(last);
  // A generated instance of a statistical claim is one sample of a fraction; an instance given by
  // hand (a fixture or `replay`, which reject an invalid instance instead of counting it) is a
  // counterexample to the per-instance statement, so its failure is certified like a ∀ claim's.
  const counted = claim.kind === 'statistical' && o.onInvalid === 'inconclusive';
  if (o.mode === 'control' || counted) {
    if (!tie && last.verdict === 'violated') return { verdict: { verdict: 'violated', evidence: top, ladder }, evaluations };
    return { verdict: { verdict: 'inconclusive', reason: 'uncertain', evidence: top }, evaluations };
  }
  // A tie the top rung's digits could not break is not broken by fewer digits: start there.
  const topDigits = 'digits' in rungs[rungs.length - 1] ? (rungs[rungs.length - 1] as { digits: number }).digits : 0;
  const digits = o.certifyDigits ?? CERTIFY_DIGITS;
  const from = tie ? digits.filter((d) => d >= topDigits) : digits;
  const c = certify(claim, instance, { ...o, certifyDigits: from.length > 0 ? from : digits.slice(-1) });
  evaluations += c.evaluations;
  const { certificate } = c;
  if (c.side === 'violated' && certificate !== undefined)
    return { verdict: { verdict: 'violated', evidence: tie ? (c.evidence ?? top) : top, ladder, certificate }, evaluations };
  if (c.side === 'holds' && certificate !== undefined && c.evidence !== undefined) {
    const verdict: Verdict =
      failure !== undefined
        ? { verdict: 'artifact', evidence: c.evidence, failure, ladder: [...ladder, c.evidence], certificate }
        : { verdict: 'holds', evidence: c.evidence, certificate };
    return { verdict, evaluations };
  }
  const evidence: Evidence = tie
    ? { ...top, code: 'tie', message: `a tie within 10^-${tieDigits(top)} at ${top.precision} (${top.message}); not certified: ${c.reason}` }
    : { ...top, code: 'not_certified', message: `not certified: ${c.reason} (${top.message})` };
  return { verdict: { verdict: 'inconclusive', reason: tie ? 'uncertain' : 'uncertified', evidence }, evaluations };
}
