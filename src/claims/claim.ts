import type fc from 'fast-check';
import type { BoundModel } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';
import type { Precision } from '../numerics/precision.js';

/**
 * A JSON value whose numbers are integers only: every real number of an instance is decimal text,
 * so an instance means the same thing at every precision and hashes the same on every machine.
 */
export type InstanceJson = string | number | boolean | null | readonly InstanceJson[] | { readonly [key: string]: InstanceJson };

/**
 * One instance a claim is checked on: what a counterexample fixture stores and `replay` re-runs.
 * `model`, `theta`, `params`, `data` build the objective (README, Models); the rest
 * (`lr`, `steps`, directions, certificates, ...) is the claim's own business.
 */
export interface Instance {
  readonly model: string;
  readonly theta?: readonly string[];
  readonly params?: { readonly [key: string]: string };
  readonly data?: InstanceJson;
  readonly lr?: string;
  readonly steps?: number;
  readonly [key: string]: InstanceJson | undefined;
}

/**
 * The five verdicts of README, Verdicts and counterexamples, plus `error`: the check itself failed (threw), which says
 * nothing about the paper and is counted apart.
 */
export type VerdictKind = 'holds' | 'violated' | 'artifact' | 'inconclusive' | 'diverged' | 'error';

/**
 * What a check measured, zod-issue style: a stable `code` a script can match, the numbers, and a
 * sentence. Convention for every claim: `margin ≥ 0` iff the predicate held, and a smaller margin
 * is closer to a violation (`hunt` climbs it downhill).
 */
export interface Evidence {
  /** e.g. `loss_increased`, `no_loss_increase`, `derivative_mismatch`, `ok`, `hypothesis_unmet`. */
  readonly code: string;
  readonly message: string;
  readonly observed: number;
  readonly bound: number;
  readonly margin: number;
  /** The GD step at which it was observed, for trajectory claims. */
  readonly step?: number;
  /** The arithmetic that produced the numbers (`f64`, `dec:40`, ...). */
  readonly precision: string;
  /** Further named quantities (e.g. `kappa`: η·λ_max as decimal text). */
  readonly details?: { readonly [key: string]: string | number };
  /**
   * The rounding allowance of this precision in the units of `margin`: the rung decides only when
   * |margin| exceeds it (otherwise the ladder climbs, for a passing instance too). Checks that
   * give it report the margin without the allowance folded in.
   */
  readonly allowance?: number;
  /** Set by the harness on a ladder rung that decided nothing (an `uncertain` margin, or one within the allowance). */
  readonly undecided?: boolean;
  /** At `interval:N`: a guaranteed enclosure of the exact margin (from `ctx.margin`), which certifies a verdict when it excludes 0. */
  readonly enclosure?: Enclosure;
}

/** An interval of doubles containing an exact value (ends rounded outward). */
export interface Enclosure {
  readonly lo: number;
  readonly hi: number;
}

/** How a verdict was certified: the enclosure of the margin in outward-rounded interval arithmetic. */
export interface Certificate {
  /** `interval:N`. */
  readonly precision: string;
  readonly margin: Enclosure;
}

/**
 * Why an instance did not exercise the claim. `numerical`: a numerical routine of the harness
 * failed (an eigensolver did not converge); `uncertified`: a failure the interval re-run could not
 * certify (nor refute).
 */
export type InconclusiveReason = 'hypotheses' | 'budget' | 'uncertain' | 'indeterminate' | 'numerical' | 'uncertified';

/** Held outside the rounding allowance, or (after a tie) certified to hold by `certificate`. */
export interface HoldsVerdict {
  readonly verdict: 'holds';
  readonly evidence: Evidence;
  readonly certificate?: Certificate;
}
/**
 * Failed up the ladder (`ladder` lists each rung) and certified: the interval re-run's enclosure
 * of the margin lies below 0 (`certificate`). Without a certificate only in a negative control or
 * for one instance of a statistical claim, which are not counterexamples.
 */
export interface ViolatedVerdict {
  readonly verdict: 'violated';
  readonly evidence: Evidence;
  readonly ladder?: readonly Evidence[];
  readonly certificate?: Certificate;
}
/** Failed at low precision (`failure`) but held at a higher one (`evidence`), certified when the interval re-run showed it. */
export interface ArtifactVerdict {
  readonly verdict: 'artifact';
  readonly evidence: Evidence;
  readonly failure: Evidence;
  readonly ladder: readonly Evidence[];
  readonly certificate?: Certificate;
}
export interface InconclusiveVerdict {
  readonly verdict: 'inconclusive';
  readonly reason: InconclusiveReason;
  readonly evidence: Evidence;
}
/** Inf/NaN or a blow-up: a fact about the instance (the claim's check decides whether that is a violation instead). */
export interface DivergedVerdict {
  readonly verdict: 'diverged';
  readonly evidence: Evidence;
}
/** The check threw (a bug in the check or the library, not a counterexample): never shrunk, never stored. */
export interface ErrorVerdict {
  readonly verdict: 'error';
  readonly evidence: Evidence;
  readonly stack: string;
}

/** A claim's verdict on one instance (README, Verdicts and counterexamples): a discriminated union on `verdict`. */
export type Verdict = HoldsVerdict | ViolatedVerdict | ArtifactVerdict | InconclusiveVerdict | DivergedVerdict | ErrorVerdict;

/** What a check returns at one precision: the harness turns it into a Verdict through the precision ladder. */
export type Outcome = HoldsVerdict | ViolatedVerdict | InconclusiveVerdict | DivergedVerdict;

/** The numbers of an Evidence, before the context stamps the precision on them. */
export type EvidenceInput = Omit<Evidence, 'precision'>;

/**
 * Slack of a claim's comparisons. `ulps` scales with the precision (an ulp is the spacing of the
 * numbers next to 1: 4096 ulps is 9.1e-13 in f64 and 4.1e-36 at dec:40, 0 at interval:N), so a
 * rounding artifact tightens away at higher precision while a real violation does not;
 * `rel`/`abs` are fixed (mathematical "≈").
 */
export interface ClaimTolerance {
  readonly ulps?: number;
  readonly rel?: number;
  readonly abs?: number;
}

/** A tolerance resolved at one precision. */
export interface ResolvedTolerance {
  readonly rel: number;
  readonly abs: number;
}

/** Where the claim comes from. `recalled: true` marks a theorem number not re-read in the paper (tag [R]). */
export interface Citation {
  readonly paper: string;
  /** Theorem, lemma, equation or section. */
  readonly where: string;
  readonly recalled?: boolean;
}

/**
 * What a check gets besides the instance: the arithmetic to run in, the tolerance at that
 * precision, a counter of model evaluations (the budget), and the way to say the hypotheses do
 * not hold (→ `inconclusive`, counted apart from the instances that exercised the claim).
 */
export interface CheckContext<T> {
  readonly precision: Precision;
  readonly F: Field<T>;
  /** The claim's tolerance at this precision (at `interval:N` without the `ulps` part: the enclosures carry the rounding). */
  readonly tol: ResolvedTolerance;
  /** `claim` for the claim's own instances; `control` for its negative control, where `assume` never stops the check. */
  readonly mode: 'claim' | 'control';
  /** Model evaluations allowed for this call, and used so far. */
  readonly budget: number;
  readonly evaluations: number;
  /** Counts `n` model evaluations; past the budget the check stops and the instance is `inconclusive` (reason `budget`). */
  count(n?: number): void;
  /**
   * The instance's model bound to this precision, θ converted, every loss/gradient/Hessian/HVP/∇³
   * call counted. Bad model input throws the model's UsageError.
   */
  model(instance: Instance): { readonly model: BoundModel<T>; readonly theta: Vec<T> };
  /**
   * States a hypothesis. When it is false the check stops and the instance is `inconclusive`
   * (reason `hypotheses`), except in `control` mode, where the negative control deliberately
   * breaks hypotheses and the check must run on.
   */
  assume(condition: boolean, code: string, message: string): void;
  /**
   * A margin computed in the field, as evidence fields: `margin` (its nearest double) and, at
   * `interval:N`, its `enclosure`, which lets the harness certify the verdict. Spread it into the
   * evidence: `ctx.violated({ code, message, observed, bound, ...ctx.margin(m) })`.
   */
  margin(x: T): { readonly margin: number; readonly enclosure?: Enclosure };
  holds(e: EvidenceInput): Outcome;
  violated(e: EvidenceInput): Outcome;
  diverged(e: EvidenceInput): Outcome;
  /** The margin is within the numerical uncertainty at this precision: the ladder tries the next rung. */
  uncertain(e: EvidenceInput): Outcome;
}

/** Instances on which the claim's check must report `violated`: proof that the check can fail. */
export interface NegativeControl<I extends Instance> {
  readonly description: string;
  readonly arbitrary: fc.Arbitrary<I>;
}

export type ClaimKind = 'identity' | 'forall' | 'statistical';

/** What `defineClaim` takes. */
export interface ClaimDef<I extends Instance> {
  /** Public, stable id: lower-case words separated by dots and hyphens, e.g. `classical.descent-lemma`. */
  readonly id: string;
  readonly title: string;
  readonly citation: Citation;
  readonly statement: string;
  /**
   * `identity`: exact equality up to rounding; `forall`: an inequality on every instance;
   * `statistical`: holds on a fraction of instances (`minHoldFraction`), so a single failure is
   * not a counterexample.
   */
  readonly kind: ClaimKind;
  readonly hypotheses: readonly string[];
  /** Instances, respecting the hypotheses by construction where possible, shrinking toward simple ones. */
  readonly arbitrary: fc.Arbitrary<I>;
  /** Runs the predicate on one instance at `ctx.precision`. */
  check<T>(instance: I, ctx: CheckContext<T>): Outcome;
  readonly negativeControl: NegativeControl<I>;
  readonly tolerance: ClaimTolerance;
  /** Why the tolerance is what it is. */
  readonly rationale: string;
  /** For `statistical` claims: the fraction of exercised instances that must hold (default 0.8). */
  readonly minHoldFraction?: number;
  /** The precisions tried in turn after a failure (default f64 → dec:40 → dec:80). */
  readonly ladder?: readonly string[];
  /** Model evaluations allowed per check call (default 100 000). */
  readonly budget?: number;
  /**
   * Instances per run when the user does not fix them with `--runs` (default: the run's, 100 for
   * `check`). For claims whose single instance is costly (a network trained for thousands of
   * steps), so the default catalog stays within its time budget; `--runs N` still applies to all.
   */
  readonly runs?: number;
  /**
   * Why this check's margin cannot be enclosed in interval arithmetic (e.g. it is computed from
   * doubles), when that is known: certification then stops at once with this reason instead of
   * re-running the instance at interval:N only to find no enclosure, and a failure stays
   * `inconclusive (not certified: …)`.
   */
  readonly notCertifiable?: string;
  /**
   * Why this claim is left out of a run that does not name it (e.g. it takes a minute at the runs
   * that decide it): `check` with no ids, or with a prefix such as `damian.*`, skips it; naming its
   * id runs it. `list` shows it with this reason.
   */
  readonly optIn?: string;
  /** One-word status for `eoscheck list` (default from kind and citation). */
  readonly status?: string;
}

/** A claim as the harness runs it: a ClaimDef, validated, with the ladder parsed. */
export interface Claim<I extends Instance = Instance> extends ClaimDef<I> {
  readonly ladder: readonly string[];
  readonly budget: number;
  readonly status: string;
}
