import fc from 'fast-check';
import { decimalVector } from '../../arbitraries/decimalText.js';
import { MODEL_INSTANCES } from '../../arbitraries/modelInstance.js';
import { checkDerivatives } from '../../models/checkDerivatives.js';
import type { Model } from '../../models/model.js';
import { MODELS } from '../../models/registry.js';
import type { Field } from '../../numerics/field.js';
import { formatPrecision } from '../../numerics/precision.js';
import type { Claim, Instance } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { instanceModel } from '../instanceModel.js';

/** An oracle instance: a model at θ, two directions u (for ∇³L[u,u]) and v (for the HVP). */
export interface OracleInstance extends Instance {
  readonly theta: readonly string[];
  readonly u: readonly string[];
  readonly v: readonly string[];
  /** Negative controls only: a deliberately wrong Hessian, scaled by this factor. */
  readonly mutate?: { readonly hessianScale: string };
}

/**
 * Bounds (normwise relative). Finite differences at 90 digits with step 1e-25 are accurate to about
 * 1e-45 (truncation h² ≈ 1e-50, rounding 1e-90/h = 1e-65), so 1e-30 leaves 15 digits for
 * ill-conditioned instances and fails only for a wrong formula. An evaluation at precision P is held
 * to toleranceFor(P): 1e-10 in f64 (the catalog's bar for exact identities), 1e-30 at dec:50.
 */
export const ORACLE_BOUNDS = { grad: 1e-30, hessian: 1e-30, third: 1e-30, hvp: 1e-30, f64: 1e-10, dec50: 1e-30 } as const;

/** The model with its Hessian (and so the HVP built from it) scaled: a wrong derivative the oracle must catch. */
function scaledHessian(model: Model, factor: string): Model {
  return {
    ...model,
    bind<T>(F: Field<T>) {
      const b = model.bind(F);
      const s = F.from(factor);
      const hessian = (t: T[]) => b.hessian(t).map((row) => row.map((x) => F.mul(x, s)));
      const hvp = (t: T[], v: T[]) => b.hvp(t, v).map((x) => F.mul(x, s));
      return { ...b, hessian, hvp };
    },
  };
}

/** An oracle instance before its directions are drawn. */
interface Base extends Instance {
  readonly theta: readonly string[];
}

/** True when the model accepts the instance's data (the generators may draw degenerate data, e.g. all-zero x). */
function accepted(x: Base): boolean {
  try {
    instanceModel(x);
    return true;
  } catch {
    return false;
  }
}

function oracleInstances(id: string, mutate?: { hessianScale: string }): fc.Arbitrary<OracleInstance> {
  return MODEL_INSTANCES[id]
    .map(
      (mi): Base => ({
        model: mi.id,
        theta: mi.theta,
        params: { ...(mi.input.params ?? {}) },
        ...(mi.input.data !== undefined ? { data: mi.input.data } : {}),
        ...(mi.input.expr !== undefined ? { expr: mi.input.expr } : {}),
        ...(mi.input.vars !== undefined ? { vars: [...mi.input.vars] } : {}),
      }),
    )
    .filter(accepted)
    .chain((base) => {
      const n = base.theta.length;
      return fc
        .tuple(decimalVector(n, -1, 1, 2), decimalVector(n, -1, 1, 2))
        .map(([u, v]): OracleInstance => ({ ...base, u, v, ...(mutate !== undefined ? { mutate } : {}) }));
    });
}

/**
 * `oracle.<model>.closed-forms`: the exact identities behind every other claim. The model's
 * gradient, Hessian, HVP and ∇³L[u,u] agree with central finite differences at 90 digits (at every
 * rung), and its evaluation at the rung's precision agrees with the 90-digit one.
 */
function oracleClaim(modelId: string, title: string): Claim<OracleInstance> {
  return defineClaim<OracleInstance>({
    id: `oracle.${modelId}.closed-forms`,
    title: `Closed-form derivatives of ${modelId} (${title}) match 90-digit finite differences`,
    citation: {
      paper: 'eoscheck model closed forms (README, Models; derived and checked symbolically)',
      where: 'gradient, Hessian and ∇³L[u,u] of the model; exact-identity tolerances',
    },
    statement:
      `For ${modelId}: ∇L, ∇²L, ∇²L·v and ∇³L[u,u] equal central finite differences of L, ∇L and uᵀ∇²L u at 90 digits ` +
      `to 1e-30 (normwise relative), and evaluations of L, ∇L, ∇²L, ∇³L[u,u] match the 90-digit ones to 1e-10 in f64 and 1e-30 at dec:50 ` +
      `(an f64 miss that dec:50 does not share is a rounding artifact).`,
    kind: 'identity',
    hypotheses: ['θ, u, v and the model data are finite decimals of moderate size (the model-instance arbitraries)'],
    // Each instance is ~6·dim loss evaluations at 90 digits (10–30 ms); 20 in the default catalog run,
    // while the identity suite (properties/identities.test.ts) draws 100 of every model's.
    runs: 20,
    arbitrary: oracleInstances(modelId),
    check(instance, ctx) {
      let model = instanceModel(instance);
      if (instance.mutate !== undefined) model = scaledHessian(model, instance.mutate.hessianScale);
      // checkDerivatives makes about 6 evaluations per coordinate plus a dozen at θ.
      ctx.count(6 * instance.theta.length + 12);
      const r = checkDerivatives(model, [...instance.theta], [...instance.u], [...instance.v], 90);
      // The exact identities always; the evaluation at this rung's precision when measured (f64, dec:50).
      const p = formatPrecision(ctx.precision);
      const judged: (keyof typeof ORACLE_BOUNDS)[] = [
        'grad',
        'hessian',
        'third',
        'hvp',
        ...(p === 'f64' ? ['f64' as const] : p === 'dec:50' ? ['dec50' as const] : []),
      ];
      let worst: keyof typeof ORACLE_BOUNDS = 'grad';
      let worstRatio = -1;
      for (const k of judged) {
        const ratio = r[k] / ORACLE_BOUNDS[k];
        if (!(ratio <= worstRatio)) {
          worst = k;
          worstRatio = ratio;
        }
      }
      const observed = r[worst];
      const bound = ORACLE_BOUNDS[worst];
      // Margin in decades of headroom: log10(bound/error); +∞ for an exact match.
      const margin = Number.isNaN(observed) ? Number.NEGATIVE_INFINITY : Math.log10(bound) - Math.log10(observed);
      const details = { grad: r.grad, hessian: r.hessian, third: r.third, hvp: r.hvp, f64: r.f64, dec50: r.dec50 };
      const what = worst === 'f64' || worst === 'dec50' ? `${p} evaluation error` : `${worst} vs finite differences: error`;
      if (!(observed <= bound)) {
        return ctx.violated({
          code: 'derivative_mismatch',
          observed,
          bound,
          margin,
          details,
          message: `${what} ${observed.toExponential(2)} exceeds ${bound}`,
        });
      }
      return ctx.holds({ code: 'closed_forms_match', observed, bound, margin, details, message: `worst: ${what} ${observed.toExponential(2)} ≤ ${bound}` });
    },
    negativeControl: {
      description: 'the Hessian (and the HVP) scaled by 1 + 1e-6: finite differences of the gradient must disagree',
      arbitrary: oracleInstances(modelId, { hessianScale: '1.000001' }),
    },
    tolerance: { rel: 1e-30 },
    rationale:
      'Exact identities are held to 1e-10 relative in f64. Finite differences at 90 digits (step 1e-25) are good to ~1e-45, so 1e-30 only ' +
      'fails for a wrong formula; f64 is held to 1e-10 and dec:50 to 1e-30 (numerics/tolerance.ts). Near a zero of a ' +
      'difference an f64 evaluation can lose more digits than that: the ladder reports those as artifacts.',
    // Rung f64 judges the identities and the f64 evaluation; rung dec:50 the identities and the
    // dec:50 evaluation. So an f64 evaluation spoiled by cancellation (e.g. log cosh(xy − 0.3) near
    // xy = 0.3) is an artifact, and a wrong formula is violated at both rungs.
    ladder: ['f64', 'dec:50'],
    status: 'identity, exact oracle',
  });
}

/** One oracle claim per model family that has an instance generator, in the model table's order. */
export const ORACLE_CLAIMS: readonly Claim<OracleInstance>[] = MODELS.filter((m) => MODEL_INSTANCES[m.id] !== undefined).map((m) =>
  oracleClaim(m.id, m.objective),
);
