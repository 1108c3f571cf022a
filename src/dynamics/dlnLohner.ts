import { Decimal } from 'decimal.js';
import type { Field } from '../numerics/field.js';
import { Interval, upperDouble } from '../numerics/interval.js';

/**
 * GD on a diagonal linear network (dynamics/dlnGd.ts) in interval arithmetic, with the set of
 * possible iterates kept as c + A·r (Lohner's QR method): c a point, A an orthogonal-ish matrix of
 * doubles and r a box.
 *
 * Why: GD's Jacobian J = I − γ∇²L is symmetric, so along a run below the edge ‖J‖₂ ≤ 1 and a
 * perturbation of the start barely grows; but a box (plain, or centred as in centeredRule.ts) grows
 * by ‖|J|‖_∞, which on these 20-dimensional runs is about 1.13 a step (10¹⁰⁰ over 2000 steps). In a
 * frame that turns with the orbit (A the Q of a QR factorization of J·A) the box grows with the
 * orbit's own singular values instead.
 *
 * One step from c + A·r: with Z an enclosure of G(c) at the working digits, c⁺ = mid(Z), and by the
 * mean-value theorem G(c + A·r) − c⁺ ∈ (Z − c⁺) + [J]·A·r, [J] enclosing the Jacobian over the
 * hull of c + A·r; then r⁺ = [A⁺⁻¹]·((Z − c⁺) + [J]·A·r). The linear part runs in doubles rounded
 * outward (each result widened by at least one ulp each way), which is enough: r and the errors it
 * carries are tiny next to c, which keeps the working digits.
 */

const EPS = 2 ** -52;
const TINY = 2 ** -1073;
/** A double at or below the exact value of the operation that rounded to x (to nearest). */
const dn = (x: number) => x - (Math.abs(x) * EPS + TINY);
/** A double at or above the exact value of the operation that rounded to x (to nearest). */
const up = (x: number) => x + (Math.abs(x) * EPS + TINY);

/** A box of doubles: [lo[i], hi[i]]. */
interface Box {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

const box = (n: number): Box => ({ lo: new Float64Array(n), hi: new Float64Array(n) });

/** The accumulator of `fma`: [accLo, accHi]. Module state, so the m³ inner loops allocate nothing. */
let accLo = 0;
let accHi = 0;

/** [acc] += [a]·[b], rounded outward. */
function fma(alo: number, ahi: number, blo: number, bhi: number): void {
  const p = alo * blo;
  const q = alo * bhi;
  const r = ahi * blo;
  const t = ahi * bhi;
  accLo = dn(accLo + dn(Math.min(p, q, r, t)));
  accHi = up(accHi + up(Math.max(p, q, r, t)));
}

/** An interval of decimals as doubles, outward. */
function toDoubles(x: Interval): [number, number] {
  return [-upperDouble(x.lo.neg()), upperDouble(x.hi)];
}

/** A decimal point vector and the enclosures of x − c given as decimals, as a box of doubles around 0 (outward). */
function offsets(Z: readonly Interval[], c: readonly Decimal[], Exact: Decimal.Constructor): Box {
  const out = box(Z.length);
  for (let i = 0; i < Z.length; i++) {
    out.lo[i] = -upperDouble(new Exact(c[i]).minus(Z[i].lo));
    out.hi[i] = upperDouble(new Exact(Z[i].hi).minus(c[i]));
  }
  return out;
}

/** The midpoint of X (clamped into it), with a few more digits than its ends. */
function mid(x: Interval, Mid: Decimal.Constructor): Decimal {
  let c = new Mid(x.lo).plus(x.hi).div(2);
  if (c.lt(x.lo)) c = x.lo;
  if (c.gt(x.hi)) c = x.hi;
  return c;
}

export interface DlnLohner {
  /** The enclosure of the current iterate θ = (u, v), as intervals. */
  readonly theta: Interval[];
  /**
   * One GD step. `gHull` encloses g = ∇_βL over the current enclosure `theta`; `gAt(u, v)` gives g
   * at a point, at the working digits. Returns false when the enclosure is lost (non-finite).
   */
  step(gHull: readonly Interval[], gAt: (u: readonly Interval[], v: readonly Interval[]) => Interval[]): boolean;
}

/**
 * The stepper of the module comment for GD with step γ on L = (1/2n)‖X(u⊙v) − y‖², started at the
 * point θ₀ = (u₀, v₀). `XD` is X as intervals (its entries need not be doubles).
 */
export function dlnLohner(F: Field<Interval>, digits: number, XD: readonly (readonly Interval[])[], gamma: Interval, theta0: readonly Interval[]): DlnLohner {
  const m = theta0.length;
  const d = m / 2;
  const n = XD.length;
  const Xd = XD.map((row) => row.map(toDoubles));
  const [gmLo, gmHi] = toDoubles(gamma);
  // Differences of ends of `digits` digits and centres of digits + 4 are exact at 2·digits + 20 (rounded up where not: both are upper bounds).
  const Exact = Decimal.clone({ precision: 2 * digits + 20, rounding: Decimal.ROUND_CEIL });
  const Mid = Decimal.clone({ precision: digits + 4 });
  let c: Decimal[] = theta0.map((x) => mid(x, Mid));
  // θ₀ − c as the first box (0 for a point start), in the frame A = I.
  let r = offsets(theta0, c, Exact);
  let A: Float64Array[] = Array.from({ length: m }, (_, i) => Float64Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)));
  let theta: Interval[] = theta0.slice();

  /** A·r as a box (A a point matrix). */
  const times = (M: Float64Array[], v: Box): Box => {
    const out = box(m);
    for (let i = 0; i < m; i++) {
      accLo = 0;
      accHi = 0;
      for (let j = 0; j < m; j++) fma(M[i][j], M[i][j], v.lo[j], v.hi[j]);
      out.lo[i] = accLo;
      out.hi[i] = accHi;
    }
    return out;
  };

  const self: DlnLohner = {
    get theta() {
      return theta;
    },
    step(gHull, gAt) {
      // [J]·a for a column a, J = I − γ(W·G·Wᵀ + [[0, diag g], [diag g, 0]]), W = [diag v; diag u], G = XᵀX/n, over the hull.
      const hull = theta.map(toDoubles);
      const g = gHull.map(toDoubles);
      if (![...hull, ...g].every(([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi))) return false;
      const u = hull.slice(0, d);
      const v = hull.slice(d);
      const Ja = (a: Float64Array): Box => {
        // w = v⊙a_u + u⊙a_v; p = X·w; q = Xᵀp/n.
        const wLo = new Float64Array(d);
        const wHi = new Float64Array(d);
        for (let j = 0; j < d; j++) {
          accLo = 0;
          accHi = 0;
          fma(v[j][0], v[j][1], a[j], a[j]);
          fma(u[j][0], u[j][1], a[d + j], a[d + j]);
          wLo[j] = accLo;
          wHi[j] = accHi;
        }
        const pLo = new Float64Array(n);
        const pHi = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          accLo = 0;
          accHi = 0;
          for (let j = 0; j < d; j++) fma(Xd[i][j][0], Xd[i][j][1], wLo[j], wHi[j]);
          pLo[i] = accLo;
          pHi[i] = accHi;
        }
        const out = box(m);
        for (let j = 0; j < d; j++) {
          accLo = 0;
          accHi = 0;
          for (let i = 0; i < n; i++) fma(Xd[i][j][0], Xd[i][j][1], pLo[i], pHi[i]);
          const qLo = dn(accLo / n);
          const qHi = up(accHi / n);
          // (J·a)_u = a_u − γ(v⊙q + g⊙a_v), (J·a)_v = a_v − γ(u⊙q + g⊙a_u).
          accLo = 0;
          accHi = 0;
          fma(v[j][0], v[j][1], qLo, qHi);
          fma(g[j][0], g[j][1], a[d + j], a[d + j]);
          const [suLo, suHi] = [accLo, accHi];
          accLo = 0;
          accHi = 0;
          fma(u[j][0], u[j][1], qLo, qHi);
          fma(g[j][0], g[j][1], a[j], a[j]);
          const [svLo, svHi] = [accLo, accHi];
          accLo = a[j];
          accHi = a[j];
          fma(-gmHi, -gmLo, suLo, suHi);
          out.lo[j] = accLo;
          out.hi[j] = accHi;
          accLo = a[d + j];
          accHi = a[d + j];
          fma(-gmHi, -gmLo, svLo, svHi);
          out.lo[d + j] = accLo;
          out.hi[d + j] = accHi;
        }
        return out;
      };
      // B = [J]·A, column by column.
      const cols = Array.from({ length: m }, (_, k) => Ja(Float64Array.from({ length: m }, (_, i) => A[i][k])));
      // The next frame: Q of a Gram–Schmidt QR of mid(B), columns taken by decreasing norm.
      const mids = cols.map((b) => Float64Array.from({ length: m }, (_, i) => (b.lo[i] + b.hi[i]) / 2));
      const order = mids.map((col, k) => [Math.hypot(...col), k]).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
      const qs: Float64Array[] = [];
      for (const [, k] of order) {
        const w = Float64Array.from(mids[k]);
        for (const q of qs) {
          let s = 0;
          for (let i = 0; i < m; i++) s += q[i] * w[i];
          for (let i = 0; i < m; i++) w[i] -= s * q[i];
        }
        let nr = Math.hypot(...w);
        if (!(nr > 0)) {
          // A column in the span of the earlier ones: any unit vector completes the frame (Q need only be invertible).
          w.fill(0);
          w[qs.length] = 1;
          nr = 1;
        }
        qs.push(w.map((x) => x / nr));
      }
      const Q: Float64Array[] = Array.from({ length: m }, (_, i) => Float64Array.from({ length: m }, (_, k) => qs[k][i]));
      // [Q⁻¹] = Qᵀ ± η elementwise: with E = I − QᵀQ, ‖E‖_∞ ≤ δ < 1, ‖Q⁻¹ − Qᵀ‖_∞ ≤ δ/(1 − δ)·‖Qᵀ‖_∞.
      let delta = 0;
      let qtNorm = 0;
      for (let i = 0; i < m; i++) {
        let row = 0;
        let qrow = 0;
        for (let j = 0; j < m; j++) {
          accLo = i === j ? 1 : 0;
          accHi = accLo;
          const qi = qs[i];
          const qj = qs[j];
          for (let k = 0; k < m; k++) fma(-qi[k], -qi[k], qj[k], qj[k]);
          row = up(row + Math.max(-accLo, accHi));
          qrow = up(qrow + Math.abs(qs[i][j]));
        }
        delta = Math.max(delta, row);
        qtNorm = Math.max(qtNorm, qrow);
      }
      if (!(delta < 0.5)) return false;
      const eta = up(up(delta / dn(1 - delta)) * qtNorm);
      // The centre: Z ⊇ G(c) at the working digits, c⁺ = mid(Z), z = Z − c⁺.
      const cu = c.slice(0, d).map((x) => Interval.point(x));
      const cv = c.slice(d).map((x) => Interval.point(x));
      const gc = gAt(cu, cv);
      const Z: Interval[] = new Array<Interval>(m);
      for (let j = 0; j < d; j++) {
        const gj = F.mul(gamma, gc[j]);
        Z[j] = F.sub(cu[j], F.mul(gj, cv[j]));
        Z[d + j] = F.sub(cv[j], F.mul(gj, cu[j]));
      }
      if (!Z.every((x) => x.lo.isFinite() && x.hi.isFinite())) return false;
      const next = Z.map((x) => mid(x, Mid));
      const z = offsets(Z, next, Exact);
      // r⁺ = [Q⁻¹]·z + ([Q⁻¹]·B)·r, the product [Q⁻¹]·B formed first: ≈ R, nearly triangular, so r is not wrapped again by B.
      const rn = box(m);
      const cLo = new Float64Array(m);
      const cHi = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        const qi = qs[i];
        for (let k = 0; k < m; k++) {
          const b = cols[k];
          accLo = 0;
          accHi = 0;
          for (let j = 0; j < m; j++) fma(dn(qi[j] - eta), up(qi[j] + eta), b.lo[j], b.hi[j]);
          cLo[k] = accLo;
          cHi[k] = accHi;
        }
        accLo = 0;
        accHi = 0;
        for (let j = 0; j < m; j++) fma(dn(qi[j] - eta), up(qi[j] + eta), z.lo[j], z.hi[j]);
        for (let k = 0; k < m; k++) fma(cLo[k], cHi[k], r.lo[k], r.hi[k]);
        rn.lo[i] = accLo;
        rn.hi[i] = accHi;
      }
      if (!rn.lo.every(Number.isFinite) || !rn.hi.every(Number.isFinite)) return false;
      c = next;
      A = Q;
      r = rn;
      const off = times(A, r);
      // A double's shortest decimal text is within half an ulp of it, not equal: one more ulp outward keeps the ends outside.
      theta = c.map((x, i) => F.add(Interval.point(x), new Interval(new Decimal(dn(off.lo[i])), new Decimal(up(off.hi[i])))));
      return true;
    },
  };
  return self;
}
