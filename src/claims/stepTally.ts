import type { Field } from '../numerics/field.js';
import type { CheckContext, Evidence, EvidenceInput, Outcome, ResolvedTolerance } from './claim.js';
import { leastOf } from './relativeMargin.js';

/** The worst step of a per-step comparison, as numbers: what a `holds` reports. */
export interface WorstStep {
  margin: number;
  observed: number;
  bound: number;
  step: number;
}

/**
 * The running record of a comparison made at every step of a trajectory: the worst step as numbers
 * (what the verdict reports), the least margin in the field (at interval:N, no slack, its enclosure
 * certifies) and how many steps were checked.
 */
export class StepTally<T> {
  worst: WorstStep;
  least: T | undefined = undefined;
  checked = 0;

  constructor(
    private readonly F: Field<T>,
    bound: number,
  ) {
    this.worst = { margin: Number.POSITIVE_INFINITY, observed: 0, bound, step: 0 };
  }

  /** Takes m into the least margin and returns it. */
  noteLeast(m: T): T {
    this.least = leastOf(this.F, this.least, m);
    return this.least;
  }

  /** Keeps w where its margin is below the worst so far. */
  noteWorst(w: WorstStep): void {
    if (w.margin < this.worst.margin) this.worst = w;
  }

  /** One compared step: m its margin in the field, w its numbers. */
  note(m: T, w: WorstStep): void {
    this.noteLeast(m);
    this.noteWorst(w);
  }

  /**
   * One step of an identity: err against tol.rel·scale + tol.abs (an exactly zero scale counts the
   * error as absolute). A failure is the violated outcome `identity_mismatch` at step t, its margin
   * the least so far (at interval:N its enclosure certifies); `fail` writes its message only then.
   * A step that holds is noted and undefined returned.
   */
  compare(ctx: CheckContext<T>, t: number, err: T, scale: T, fail: () => { message: string; details?: Record<string, string> }): Outcome | undefined {
    const F = this.F;
    const absolute = F.sign(scale) === 0;
    const observed = absolute ? F.toNumber(err) : F.toNumber(F.div(err, scale));
    const least = this.noteLeast(F.sub(F.from(ctx.tol.rel), absolute ? err : F.div(err, scale)));
    if (beyondTolerance(F, ctx.tol, err, scale)) {
      const { message, details } = fail();
      return failedAt(ctx, 'identity_mismatch', t, observed, least, message, details);
    }
    this.noteWorst({ margin: ctx.tol.rel - observed, observed, bound: ctx.tol.rel, step: t });
    return undefined;
  }

  /**
   * `holds` with the worst step and the least margin. A trajectory that left the finite range at its
   * first step decides nothing: no step was compared.
   */
  holds(ctx: CheckContext<T>, code: string, message: string): Outcome {
    ctx.assume(this.checked > 0, 'diverged_at_once', 'the first GD step left the finite range: no step was compared');
    return ctx.holds({
      code,
      ...this.worst,
      ...(this.least !== undefined ? ctx.margin(this.least) : {}),
      message,
    });
  }
}

/** err > tol.rel·scale + tol.abs: an identity that fails at this step, decided in the field (at interval:N, certainly). */
export function beyondTolerance<T>(F: Field<T>, tol: ResolvedTolerance, err: T, scale: T): boolean {
  return F.lt(F.add(F.mul(F.from(tol.rel), scale), F.from(tol.abs)), err);
}

/** The numbers of one step of a comparison: what an outcome at that step reports. */
interface StepEvidence {
  readonly code: string;
  readonly step: number;
  readonly observed: number;
  readonly bound: number;
  readonly message: string;
  readonly details?: Evidence['details'];
}

/** The evidence of `e` with `margin` (the margin and, at interval:N, its enclosure), in one field order. */
function atStep(e: StepEvidence, margin: { margin: number }): EvidenceInput {
  const { code, step, observed, bound, message, details } = e;
  return { code, step, observed, bound, ...margin, message, ...(details !== undefined ? { details } : {}) };
}

/**
 * The violated outcome of a comparison that failed at `step`: `observed` against `bound`, m its
 * margin in the field (at interval:N its enclosure certifies).
 */
export function violatedAt<T>(ctx: CheckContext<T>, m: T, e: StepEvidence): Outcome {
  return ctx.violated(atStep(e, ctx.margin(m)));
}

/**
 * The holds outcome of a comparison at its worst step `e`: the margin is the least one kept in the
 * field where there is one (at interval:N its enclosure), else `e.margin` in doubles.
 */
export function holdsAt<T>(ctx: CheckContext<T>, least: T | undefined, e: StepEvidence & { readonly margin: number }): Outcome {
  return ctx.holds(atStep(e, least !== undefined ? ctx.margin(least) : { margin: e.margin }));
}

/** The violated outcome of a comparison that failed at step t: `observed` against the relative tolerance, m its margin in the field. */
export function failedAt<T>(ctx: CheckContext<T>, code: string, t: number, observed: number, m: T, message: string, details?: Record<string, string>): Outcome {
  return violatedAt(ctx, m, { code, step: t, observed, bound: ctx.tol.rel, message, details });
}
