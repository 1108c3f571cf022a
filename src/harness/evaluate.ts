import type { Claim, Evidence, Instance, Outcome, Verdict } from '../claims/claim.js';
import { EoscheckError, IndeterminateError } from '../errors.js';
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
}

export interface Evaluation {
  readonly verdict: Verdict;
  /** Model evaluations over every rung tried. */
  readonly evaluations: number;
}

const none = (code: string, message: string, p: Precision): Evidence => ({
  code, message, observed: Number.NaN, bound: Number.NaN, margin: Number.NaN, precision: formatPrecision(p),
});

/**
 * One check call at one precision. The check's own signals become verdicts: a failed hypothesis or
 * an exhausted budget → inconclusive; an undecidable interval sign → inconclusive; any other
 * exception → violated with code `check_threw` (fast-check's rule: a throwing predicate fails).
 * EoscheckErrors (bad model input) propagate: the caller knows whether a fixture or a generator is at fault.
 */
export function checkAt<I extends Instance>(claim: Claim<I>, instance: I, p: Precision, o: EvaluateOptions): { outcome: Outcome; evaluations: number } {
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
    if (e instanceof EoscheckError) {
      if (o.onInvalid !== 'inconclusive') throw e;
      return { outcome: { verdict: 'inconclusive', reason: 'hypotheses', evidence: none('invalid_instance', `the model rejects the instance: ${e.message}`, p) }, evaluations };
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { outcome: { verdict: 'violated', evidence: none('check_threw', `the check threw ${message}`, p) }, evaluations };
  }
}

const failed = (o: Outcome) => o.verdict === 'violated';
const unsure = (o: Outcome) => o.verdict === 'inconclusive' && o.reason === 'uncertain';

/**
 * The precision ladder (README, Verdicts and counterexamples). The first rung decides unless it fails or is unsure;
 * then each higher rung re-runs the check:
 * - a failure that fails again up to the top rung is `violated` (every rung's evidence in `ladder`);
 * - a failure that holds at a higher rung is an `artifact` of the lower precision;
 * - an unsure margin that resolves either way takes that verdict; still unsure at the top → inconclusive.
 * A one-rung ladder (e.g. the oracle claims' dec:90) decides at that rung.
 */
export function evaluate<I extends Instance>(claim: Claim<I>, instance: I, o: EvaluateOptions): Evaluation {
  const rungs = claim.ladder.map((s) => parsePrecision(s));
  let evaluations = 0;
  const ladder: Evidence[] = [];
  let failure: Evidence | undefined;
  let last: Outcome | undefined;
  for (let i = 0; i < rungs.length; i++) {
    const r = checkAt(claim, instance, rungs[i], o);
    evaluations += r.evaluations;
    last = r.outcome;
    ladder.push(last.evidence);
    if (failed(last)) {
      failure ??= last.evidence;
      continue;
    }
    if (unsure(last)) continue;
    if (last.verdict === 'holds' && failure !== undefined) {
      return { verdict: { verdict: 'artifact', evidence: last.evidence, failure, ladder }, evaluations };
    }
    // holds without an earlier failure, a hypothesis/budget stop, or a divergence: final as is.
    return { verdict: last, evaluations };
  }
  if (last !== undefined && failed(last)) {
    return { verdict: { verdict: 'violated', evidence: last.evidence, ladder }, evaluations };
  }
  return { verdict: last as Verdict, evaluations };
}
