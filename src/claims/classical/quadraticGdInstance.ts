import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { formatScaled } from '../../arbitraries/decimalText.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { Instance } from '../claim.js';

/**
 * GD on M-QUAD, L = ½θᵀAθ − bᵀθ, with a certificate: A = QΛQᵀ is built from exact decimal
 * rotations, so its eigenpairs (`eigen`, values[0] = λ_max, rows of `vectors` unit eigenvectors)
 * and the minimizer θ* (b = Aθ*) are known exactly, at every precision. All numbers are decimal text.
 */
export interface QuadraticGdInstance extends Instance {
  readonly model: 'quadratic';
  readonly params: { readonly [key: string]: string };
  readonly data: { readonly A: readonly (readonly string[])[]; readonly b: readonly string[] };
  readonly eigen: { readonly values: readonly string[]; readonly vectors: readonly (readonly string[])[] };
  readonly thetaStar: readonly string[];
  readonly theta: readonly string[];
  readonly lr: string;
  readonly steps: number;
  /** The smoothness constant L a descent-lemma instance uses (≥ λ_max when the hypothesis holds). */
  readonly smoothness?: string;
}

export interface QuadraticGdOptions {
  /**
   * The open interval of κ = η·λ_max (η·L when `smoothness` is set) the instances cover, e.g.
   * [0, 2]. κ is drawn on a grid of 10^−kappaPlaces strictly inside it and η = κ/λ_max (15 digits).
   */
  readonly kappa: readonly [number, number];
  /** Default 3. */
  readonly kappaPlaces?: number;
  /** Which end of the κ interval shrinking moves toward (default `lo`): put it where failures are expected. */
  readonly toward?: 'lo' | 'hi';
  /** Largest dimension (default 4; shrinks toward 1). */
  readonly maxDim?: number;
  /**
   * Steps: a range (default [1, 100], shrinking toward the low end), or `until-increase`: the
   * horizon T* + 3 within which GD with κ > 2 provably increases the loss (see increaseHorizon);
   * when that exceeds `maxSteps` (default 5000) the start keeps only its q_max component (T* = 0).
   */
  readonly steps?: readonly [number, number] | 'until-increase';
  readonly maxSteps?: number;
  /**
   * The error θ − θ* in the eigenbasis: `any` (each coordinate in [−2, 2], possibly 0 along
   * q_max), `top` (|c_max| ∈ [0.1, 2]), `top-dominant` (|c_max| ∈ [1, 2], the others in [−0.1, 0.1]).
   */
  readonly start?: 'any' | 'top' | 'top-dominant';
  /** Record a smoothness constant L: `over` = λ_max·(1 + s), s ∈ [0, 1] (shrinks to L = λ_max); `under` = λ_max·(1 − s), s ∈ [0.15, 0.9]. */
  readonly smoothness?: 'none' | 'over' | 'under';
}

/** Rotations with terminating decimal cosines and sines (Pythagorean triples over powers of 5). */
const ROTATIONS: readonly (readonly [string, string])[] = [
  ['0.6', '0.8'],
  ['0.28', '0.96'],
  ['0.936', '0.352'],
  ['0.8432', '0.5376'],
];

/** 100 digits: every product here is a terminating decimal of at most ~35 significant digits, so exact. */
const D = decimalCtor(100);

const text = (d: Decimal): string => (d.isZero() ? '0' : d.toFixed());

/**
 * The number of steps after which GD on a quadratic with κ = η·λ_max > 2 must have increased the
 * loss, from an error whose energy is eTop = ½λ_max c_max² along q_max and eRest = ½Σλ_i c_i² over
 * the directions with ηλ_i < 2. Per step the loss changes by Σ ½λ_i c_i² r_i^{2t}(r_i² − 1) with
 * r_i = 1 − ηλ_i: the q_max term is eTop·δ(1 + δ)^t with δ = κ(κ − 2) > 0, each decaying term is at
 * least −½λ_i c_i², and growing terms are positive; so once eTop·δ(1 + δ)^t ≥ 2·eRest the loss
 * rises, by at least half the top term. Infinity when δ ≤ 0 or eTop = 0 (no increase is implied).
 * Derived here, not quoted from a paper.
 */
export function increaseHorizon(eTop: number, eRest: number, kappa: number): number {
  const delta = kappa * (kappa - 2);
  if (!(delta > 0) || !(eTop > 0)) return Number.POSITIVE_INFINITY;
  if (eRest <= 0) return 0;
  return Math.max(0, Math.ceil(Math.log((2 * eRest) / (eTop * delta)) / Math.log1p(delta)));
}

interface Genotype {
  readonly lamMaxK: number;
  readonly kappaJ: number;
  readonly cTop: number;
  readonly cTopNeg: boolean;
  readonly thetaStarTop: number;
  /** One entry per further dimension: its eigenvalue ratio, θ* coordinate and error coordinate. */
  readonly others: readonly { readonly ratio: number; readonly thetaStar: number; readonly c: number }[];
  /** Planes (i mod p, j mod p); a rotation with i ≡ j is the identity. */
  readonly rotations: readonly { readonly i: number; readonly j: number; readonly r: number; readonly neg: boolean }[];
  readonly steps: number;
  readonly smooth: number;
}

/**
 * Instances of GD on a quadratic whose hypotheses hold by construction: λ_max = 1 + k/100 ∈
 * [0.1, 10] (shrinks to 1), other eigenvalues λ_max·s with s ∈ [0, 1] (shrink to 0), κ on a grid
 * inside the requested interval (shrinks toward `toward`), up to three exact rotations (shrink to
 * none), θ* with two decimals (shrinks to 0), so a shrunk counterexample reads like a textbook one:
 * dimension 1, λ = 1, θ* = 0, κ at the edge that matters.
 */
export function quadraticGdInstance(o: QuadraticGdOptions): fc.Arbitrary<QuadraticGdInstance> {
  const places = o.kappaPlaces ?? 3;
  const scale = 10 ** places;
  const [lo, hi] = o.kappa;
  const cells = Math.round((hi - lo) * scale);
  if (!(cells >= 2)) throw new TypeError(`[eoscheck] quadraticGdInstance: kappa interval [${lo}, ${hi}] is empty at ${places} places`);
  const maxDim = o.maxDim ?? 4;
  const start = o.start ?? 'any';
  const stepsOpt = o.steps ?? [1, 100];
  const smoothness = o.smoothness ?? 'none';
  const othersRange = start === 'top-dominant' ? 10 : 200;
  const cTopRange = start === 'any' ? { min: -200, max: 200 } : start === 'top' ? { min: 10, max: 200 } : { min: 100, max: 200 };

  // A flat record with one array of further dimensions, so shrinking removes dimensions outright
  // (fast-check shrinks an array's length first) instead of zeroing entries of a fixed-size one.
  const genotype: fc.Arbitrary<Genotype> = fc.record({
    lamMaxK: fc.integer({ min: -90, max: 900 }),
    kappaJ: fc.integer({ min: 1, max: cells - 1 }),
    cTop: fc.integer(cTopRange),
    cTopNeg: fc.boolean(),
    thetaStarTop: fc.integer({ min: -200, max: 200 }),
    others: fc.array(
      fc.record({
        ratio: fc.integer({ min: 0, max: 1000 }),
        thetaStar: fc.integer({ min: -200, max: 200 }),
        c: fc.integer({ min: -othersRange, max: othersRange }),
      }),
      { maxLength: maxDim - 1 },
    ),
    rotations: fc.array(
      fc.record({
        i: fc.integer({ min: 0, max: maxDim - 1 }),
        j: fc.integer({ min: 0, max: maxDim - 1 }),
        r: fc.integer({ min: 0, max: ROTATIONS.length - 1 }),
        neg: fc.boolean(),
      }),
      { maxLength: maxDim === 1 ? 0 : 3 },
    ),
    steps: stepsOpt === 'until-increase' ? fc.constant(0) : fc.integer({ min: stepsOpt[0], max: stepsOpt[1] }),
    smooth: smoothness === 'over' ? fc.integer({ min: 0, max: 100 }) : smoothness === 'under' ? fc.integer({ min: 15, max: 90 }) : fc.constant(0),
  });
  return genotype.map((g) => build(g, { lo, hi, places, toward: o.toward ?? 'lo', stepsOpt, maxSteps: o.maxSteps ?? 5000, smoothness }));
}

function build(
  g: Genotype,
  o: {
    lo: number;
    hi: number;
    places: number;
    toward: 'lo' | 'hi';
    stepsOpt: readonly [number, number] | 'until-increase';
    maxSteps: number;
    smoothness: 'none' | 'over' | 'under';
  },
): QuadraticGdInstance {
  const p = 1 + g.others.length;
  const lamMax = new D(1).plus(new D(g.lamMaxK).div(100));
  const values = [lamMax, ...g.others.map((o) => lamMax.times(new D(o.ratio).div(1000)))];
  // Q = G₁G₂…G_k, columns are the eigenvectors.
  let Q: Decimal[][] = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => new D(i === j ? 1 : 0)));
  for (const { i: ri, j: rj, r, neg } of g.rotations) {
    const rot = { i: ri % p, j: rj % p, r, neg };
    if (rot.i === rot.j) continue;
    const [cText, sText] = ROTATIONS[rot.r];
    const c = new D(cText);
    const s = rot.neg ? new D(sText).neg() : new D(sText);
    // Q ← Q·G(i, j): only columns i and j change.
    Q = Q.map((row) => {
      const out = row.slice();
      out[rot.i] = row[rot.i].times(c).plus(row[rot.j].times(s));
      out[rot.j] = row[rot.j].times(c).minus(row[rot.i].times(s));
      return out;
    });
  }
  const vectors = values.map((_, k) => Q.map((row) => row[k]));
  const A = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => values.reduce((sum, lam, k) => sum.plus(lam.times(Q[i][k]).times(Q[j][k])), new D(0))),
  );
  const thetaStar = [g.thetaStarTop, ...g.others.map((o) => o.thetaStar)].map((k) => new D(k).div(100));
  const b = A.map((row) => row.reduce((sum, a, j) => sum.plus(a.times(thetaStar[j])), new D(0)));
  const kappaText =
    o.toward === 'lo'
      ? formatScaled(Math.round(o.lo * 10 ** o.places) + g.kappaJ, o.places)
      : formatScaled(Math.round(o.hi * 10 ** o.places) - g.kappaJ, o.places);
  const kappa = new D(kappaText);
  const L =
    o.smoothness === 'over'
      ? lamMax.times(new D(1).plus(new D(g.smooth).div(100)))
      : o.smoothness === 'under'
        ? lamMax.times(new D(1).minus(new D(g.smooth).div(100)))
        : lamMax;
  const lr = kappa.div(L).toSignificantDigits(15);

  const cTop = new D(g.cTop).div(100).times(g.cTopNeg ? -1 : 1);
  let coords = [cTop, ...g.others.map((o) => new D(o.c).div(100))];
  let steps = g.steps;
  if (o.stepsOpt === 'until-increase') {
    const eta = lr.toNumber();
    const horizon = (cs: Decimal[]) => {
      let eRest = 0;
      for (let k = 1; k < p; k++) if (eta * values[k].toNumber() < 2) eRest += 0.5 * values[k].toNumber() * cs[k].toNumber() ** 2;
      return increaseHorizon(0.5 * lamMax.toNumber() * cs[0].toNumber() ** 2, eRest, lr.times(lamMax).toNumber());
    };
    let h = horizon(coords);
    // The hypothesis "at least T* + 2 steps" holds by construction: a start whose horizon is out
    // of reach keeps only its q_max component (then T* = 0).
    if (Number.isFinite(h) && h + 2 > o.maxSteps) {
      coords = coords.map((c, k) => (k === 0 ? c : new D(0)));
      h = horizon(coords);
    }
    // One step more than the claim needs, so a horizon recomputed from rounded inputs still fits.
    steps = Number.isFinite(h) ? h + 3 : 30;
  }
  const theta = thetaStar.map((t, i) => coords.reduce((sum, c, k) => sum.plus(c.times(vectors[k][i])), t));
  return {
    model: 'quadratic',
    params: {},
    data: { A: A.map((row) => row.map(text)), b: b.map(text) },
    eigen: { values: values.map(text), vectors: vectors.map((v) => v.map(text)) },
    thetaStar: thetaStar.map(text),
    theta: theta.map(text),
    lr: text(lr),
    steps,
    ...(o.smoothness !== 'none' ? { smoothness: text(L) } : {}),
  };
}
