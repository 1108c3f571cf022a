import type { CheckContext, ClaimTolerance, Enclosure, EvidenceInput, Instance, Outcome, ResolvedTolerance } from '../claims/claim.js';
import { Interval, upperDouble } from '../numerics/interval.js';
import type { BoundModel } from '../models/model.js';
import { instanceModel } from '../claims/instanceModel.js';
import type { Vec } from '../numerics/field.js';
import { formatPrecision, type Precision } from '../numerics/precision.js';
import { unitRoundoff } from '../numerics/tolerance.js';
import { fieldFor } from '../numerics/fieldFor.js';

/** Thrown by `ctx.assume` when a hypothesis fails: the runner turns it into `inconclusive` (reason `hypotheses`). */
export class HypothesisUnmet extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HypothesisUnmet';
  }
}

/** Thrown by the evaluation counter past the budget: the runner turns it into `inconclusive` (reason `budget`). */
export class BudgetExhausted extends Error {
  constructor(readonly budget: number) {
    super(`budget of ${budget} model evaluations exhausted`);
    this.name = 'BudgetExhausted';
  }
}

/**
 * A claim tolerance at one precision: `ulps` becomes a multiple of that precision's ulp of 1, the
 * spacing of the numbers next to 1 (2^-52 in f64, 10^(1−N) at dec:N; twice the unit roundoff), so
 * 4096 ulps is 9.1e-13 in f64 and 4.1e-36 at dec:40. In interval arithmetic it is 0: every rounding is already inside the enclosures, and a slack
 * there would let a certificate hide a violation smaller than it.
 */
export function resolveTolerance(t: ClaimTolerance, p: Precision): ResolvedTolerance {
  const ulps = p.kind === 'interval' ? 0 : (t.ulps ?? 0) * 2 * unitRoundoff(p);
  return { rel: (t.rel ?? 0) + ulps, abs: t.abs ?? 0 };
}

/** An interval as doubles rounded outward (the exact ends may have more digits than a double). */
export function enclosureOf(x: Interval): Enclosure {
  // `+ 0` turns the -0 of an exact zero end into 0.
  return { lo: -upperDouble(x.lo.neg()) + 0, hi: upperDouble(x.hi) + 0 };
}

/** Wraps a bound model so every call counts one evaluation. */
function counting<T>(m: BoundModel<T>, count: () => void): BoundModel<T> {
  return {
    F: m.F,
    lossStar: m.lossStar,
    loss: (t) => (count(), m.loss(t)),
    grad: (t) => (count(), m.grad(t)),
    hessian: (t) => (count(), m.hessian(t)),
    hvp: (t, v) => (count(), m.hvp(t, v)),
    third: (t, u) => (count(), m.third(t, u)),
  };
}

export interface ContextOptions {
  readonly precision: Precision;
  readonly tolerance: ClaimTolerance;
  readonly mode: 'claim' | 'control';
  readonly budget: number;
}

/** A fresh context for one check call; `used()` reads the evaluation counter afterwards. */
export function createContext(o: ContextOptions): { ctx: CheckContext<unknown>; used: () => number } {
  const F = fieldFor(o.precision);
  const precision = formatPrecision(o.precision);
  let evaluations = 0;
  const count = (n = 1) => {
    evaluations += n;
    if (evaluations > o.budget) throw new BudgetExhausted(o.budget);
  };
  const stamp = (e: EvidenceInput) => ({ ...e, precision });
  const ctx: CheckContext<unknown> = {
    precision: o.precision,
    F,
    tol: resolveTolerance(o.tolerance, o.precision),
    mode: o.mode,
    budget: o.budget,
    get evaluations() {
      return evaluations;
    },
    count,
    model(instance: Instance) {
      const bound = counting(instanceModel(instance).bind(F), () => count());
      const theta: Vec<unknown> = (instance.theta ?? []).map((x) => F.from(x));
      return { model: bound, theta };
    },
    assume(condition: boolean, code: string, message: string) {
      if (!condition && o.mode === 'claim') throw new HypothesisUnmet(code, message);
    },
    margin: (x: unknown) => (x instanceof Interval ? { margin: F.toNumber(x), enclosure: enclosureOf(x) } : { margin: F.toNumber(x) }),
    holds: (e): Outcome => ({ verdict: 'holds', evidence: stamp(e) }),
    violated: (e): Outcome => ({ verdict: 'violated', evidence: stamp(e) }),
    diverged: (e): Outcome => ({ verdict: 'diverged', evidence: stamp(e) }),
    uncertain: (e): Outcome => ({ verdict: 'inconclusive', reason: 'uncertain', evidence: stamp(e) }),
  };
  return { ctx, used: () => evaluations };
}
