import { describe, expect, it } from 'vitest';
import { codimension, flowPoint, integrateLimitingFlow, phi } from '../../src/claims/arora/limitingFlow.js';
import { createContext } from '../../src/harness/checkContext.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { decoupledDiagonal } from '../../test-support/decoupledDiagonal.js';

/**
 * The limiting-flow machinery of the codimension ≥ 2 claims on a diagonal linear network whose
 * pairs decouple: X = [[1, 0], [0, 1], [0, 0]] (n = 3), y = (2, 0.5, 0), θ = (u₁, u₂, v₁, v₂),
 * L = ((u₁v₁ − 2)² + (u₂v₂ − 0.5)²)/6. Γ = {u₁v₁ = 2, u₂v₂ = 0.5} has codimension 2, the Hessian on Γ
 * has eigenvalues (uᵢ² + vᵢ²)/3 (normals (vᵢ, uᵢ)) and 0 (tangents (uᵢ, −vᵢ)), and gradient flow keeps
 * each uᵢ² − vᵢ². Along Γ, with s = u₁² − v₁² and β = 2: λ₁ = √(s² + 4β²)/3 and P_T∇λ₁ = (2/3)(s/(u₁² + v₁²))(u₁, −v₁),
 * so √L-GD's flow has ds/dt = −s/6 (s = s₀e^{−t/6}) and NGD's ds/dt = −s/√(s² + 4β²).
 */
const f64 = parsePrecision('f64');
const B1 = 2;
const B2 = 0.5;

function network(theta: readonly number[]) {
  const { ctx } = createContext({ precision: f64, tolerance: { rel: 0 }, mode: 'claim', budget: 1e9 });
  const instance = decoupledDiagonal(theta.map(String), { y2: String(B2) });
  const { model, theta: th } = ctx.model(instance);
  return { F: ctx.F, model, theta: th as number[] };
}

/** The point of Γ with u² − v² = c and uv = β (u, v > 0). */
function onGamma(c: number, beta: number): [number, number] {
  const u = Math.sqrt((c + Math.sqrt(c * c + 4 * beta * beta)) / 2);
  return [u, beta / u];
}

/** The point of Γ at s = u₁² − v₁² (pair 2 at (1, 0.5)), in θ's order (u₁, u₂, v₁, v₂). */
function alongGamma(s: number): number[] {
  const [u1, v1] = onGamma(s, B1);
  return [u1, 1, v1, 0.5];
}

/** NGD's s(t): G(s) = √(s² + a²) − a·ln((a + √(s² + a²))/s) decreases at rate 1 (a = 2β), solved by bisection on (0, s₀]. */
function ngdS(s0: number, t: number): number {
  const a = 2 * B1;
  const G = (s: number) => Math.sqrt(s * s + a * a) - a * Math.log((a + Math.sqrt(s * s + a * a)) / s);
  const target = G(s0) - t;
  let [lo, hi] = [1e-9, s0];
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (G(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const close = (a: readonly number[], b: readonly number[], digits: number) => a.forEach((x, i) => expect(x).toBeCloseTo(b[i], digits));

describe('phi: the limit of gradient flow', () => {
  it('lands where each uᵢ² − vᵢ² is kept and uᵢvᵢ = βᵢ, from a point 0.03 off Γ', () => {
    const start = [2.03, 1.02, 0.98, 0.49];
    const { F, model, theta } = network(start);
    const p = phi(model, theta, 1e-12);
    if (p === null) throw new Error('gradient flow reaches Γ');
    const [u1, v1] = onGamma(start[0] ** 2 - start[2] ** 2, B1);
    const [u2, v2] = onGamma(start[1] ** 2 - start[3] ** 2, B2);
    close(
      p.map((x) => F.toNumber(x)),
      [u1, u2, v1, v2],
      9,
    );
  });

  it('stops at ‖∇L‖ ≤ gtol·(1 + λ₁‖θ‖), λ₁ and θ of its start: a start just inside is returned as it is, one just outside needs a step', () => {
    // Off Γ each pair's Hessian block is [[v², 2uv − β], [2uv − β, u²]]/3, and ∂L/∂uᵢ = vᵢrᵢ/3, ∂L/∂vᵢ = uᵢrᵢ/3 with rᵢ = uᵢvᵢ − βᵢ.
    const start = [2.03, 1.02, 0.98, 0.49];
    const { model, theta } = network(start);
    const pairs = [
      [start[0], start[2], B1],
      [start[1], start[3], B2],
    ];
    const top = (u: number, v: number, b: number) => {
      const [a, c, o] = [(v * v) / 3, (u * u) / 3, (2 * u * v - b) / 3];
      return (a + c) / 2 + Math.hypot((a - c) / 2, o);
    };
    const S = Math.max(...pairs.map(([u, v, b]) => top(u, v, b)));
    const grad = Math.hypot(...pairs.flatMap(([u, v, b]) => [(v * (u * v - b)) / 3, (u * (u * v - b)) / 3]));
    const edge = grad / (1 + S * Math.hypot(...start));
    expect(phi(model, theta, edge * 1.01, 0)).toEqual(theta);
    expect(phi(model, theta, edge * 0.99, 0)).toBeNull();
  });

  it('returns a point of Γ as it is, even at gtol = 0, and null when its budget of unit times ends first', () => {
    const on = alongGamma(3);
    const { model, theta } = network(on);
    expect(phi(model, theta, 1e-12, 0)).toEqual(theta);
    expect(phi(model, theta, 0, 0)).toEqual(theta);
    const off = network([2.03, 1.02, 0.98, 0.49]);
    expect(phi(off.model, off.theta, 1e-12, 1)).toBeNull();
  });
});

describe('codimension and flowPoint on Γ', () => {
  // s = 3: (u₁, v₁) = (2, 1), λ₁ = 5/3, λ₂ = 1.25/3, P_T∇λ₁ = (0.8, 0, −0.4, 0).
  const { F, model, theta } = network(alongGamma(3));

  it('counts the Hessian eigenvalues above zeroRel·λ₁: 2 at 1e-6, 1 once zeroRel·λ₁ passes λ₂ = λ₁/4, 0 at zeroRel = 1', () => {
    expect(codimension(model, theta, 1e-6)).toBe(2);
    expect(codimension(model, theta, 0.24)).toBe(2);
    expect(codimension(model, theta, 0.26)).toBe(1);
    // An eigenvalue at the threshold is not above it: at zeroRel = 1 not even λ₁ counts.
    expect(codimension(model, theta, 1)).toBe(0);
    expect(codimension(model, theta, 0.99)).toBe(1);
  });

  it('gives λ₁, λ₂, ‖P_T∇λ₁‖² and the velocity −P_T∇λ₁/(4λ₁) (NGD), −P_T∇λ₁/8 (√L-GD)', () => {
    const ngd = flowPoint(model, theta, 'ngd', 2);
    expect(ngd.lambda1).toBeCloseTo(5 / 3, 12);
    expect(ngd.lambda2).toBeCloseTo(1.25 / 3, 12);
    expect(ngd.tangentGrad2).toBeCloseTo(0.8, 12);
    close(
      ngd.velocity.map((x) => F.toNumber(x)),
      [-0.12, 0, 0.06, 0],
      12,
    );
    const sqrt = flowPoint(model, theta, 'sqrt-gd', 2);
    close(
      sqrt.velocity.map((x) => F.toNumber(x)),
      [-0.1, 0, 0.05, 0],
      12,
    );
  });
});

describe('integrateLimitingFlow', () => {
  const T = 0.6;
  const steps = 8;
  const lambda1 = (s: number) => Math.sqrt(s * s + 16) / 3;
  /** min over the step starts t_k = kT/steps, k < steps, of (λ₁ − λ₂)/λ₁. */
  const minGap = (s: (t: number) => number) => Math.min(...Array.from({ length: steps }, (_, k) => 1 - 1.25 / 3 / lambda1(s((k * T) / steps))));

  for (const [rule, s] of [
    ['sqrt-gd', (t: number) => 3 * Math.exp(-t / 6)],
    ['ngd', (t: number) => ngdS(3, t)],
  ] as const) {
    it(`${rule}: X at jT/4 on Γ where s(t) puts it, and the least eigengap over the steps`, () => {
      const { F, model, theta } = network(alongGamma(3));
      const r = integrateLimitingFlow(model, theta, rule, T, steps, 4, { gtol: 1e-12, codim: 2 });
      if (r === null) throw new Error('the retractions reach Γ');
      expect(r.xs.length).toBe(5);
      r.xs.forEach((x, j) => {
        close(
          x.map((v) => F.toNumber(v)),
          alongGamma(s((j * T) / 4)),
          8,
        );
      });
      expect(r.minGap).toBeCloseTo(minGap(s), 8);
    });
  }

  it('returns null when a retraction cannot reach Γ (gtol 0)', () => {
    const { model, theta } = network(alongGamma(3));
    expect(integrateLimitingFlow(model, theta, 'sqrt-gd', T, steps, 4, { gtol: 0, codim: 2 })).toBeNull();
  });
});
