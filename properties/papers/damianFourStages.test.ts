import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/claims/claim.js';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import { fourStages } from '../../src/claims/damian/fourStages.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * damian.four-stages through its own check at f64 (checkAt: one rung, no ladder), on the map of
 * the cubic toy ½(a₀ + z)x² − c·z with its (α, β) stated exactly or off by a stated amount. Each
 * stage is exercised on both sides of its iff; a side within the f64 slack (4096 ulps of its
 * scale) leaves the iff to the ladder only when the other side is decided; the period-2 orbit's
 * error is measured relative to δ in x and to 1 + ηα in ỹ; and a verdict carries the least of the
 * stages' margins, so that a failure's margin is negative and a pass's is that of its tightest stage.
 */
const f64 = parsePrecision('f64');
/** The check's slack at f64: 4096 ulps. */
const SLACK = 4096 * Number.EPSILON;

/** ½(a₀ + z)x² − c·z at η = lr from (x₀, 0), its map stated with (α, β); ỹ₀ = a₀ − 2/η. */
function map(x0: string, o: { alpha?: string; beta?: string; lr?: string; a0?: string; c?: string } = {}): ToyInstance {
  const p = { a0: o.a0 ?? '200', b: '1', c: o.c ?? '0.01' };
  return { model: 'cubic-toy', params: p, toy: p, theta: [x0, '0'], lr: o.lr ?? '0.01', steps: 1, map: { alpha: o.alpha ?? p.c, beta: o.beta ?? '1' } };
}

const at = (i: ToyInstance, mode: 'claim' | 'control' = 'claim'): Outcome => {
  const o = checkAt(fourStages, i, f64, { mode }).outcome;
  if (o.verdict === 'error') throw new Error(`four-stages threw: ${o.stack}`);
  return o;
};
const stages = (i: ToyInstance): string => {
  const o = at(i);
  expect(o.verdict).toBe('holds');
  return String(o.evidence.details?.stages);
};

/** (x₀/δ, ηỹ₀) of a draw. */
function coordinates(i: ToyInstance): { x: number; ey: number } {
  const eta = Number(i.lr);
  return { x: Number(i.theta[0]) / Math.sqrt((2 * Number(i.toy.c)) / Number(i.toy.b)), ey: eta * Number(i.toy.a0) - 2 };
}

describe('damian.four-stages on its draws (seed 1, f64)', () => {
  it('30 draws hold with a margin ≥ 0 (or leave an iff to the ladder), every stage is reached, and they start in the stated box', () => {
    const draws = fc.sample(fourStages.arbitrary, { seed: 1, numRuns: 30 });
    const outcomes = draws.map((i) => at(i));
    expect(outcomes.filter((o) => !(o.verdict === 'holds' && o.evidence.margin >= 0) && o.evidence.code !== 'boundary').map((o) => o.evidence.message)).toEqual(
      [],
    );
    const named = outcomes.map((o) => String(o.evidence.details?.stages)).join(' ');
    for (const s of ['sharpening', 'blow-up', 'contraction', 'return', 'stabilized-after', 'self-stabilization']) expect(named).toContain(s);
    // |x₀| ≤ 2δ and ηỹ₀ ∈ [−2.5, 0.3]; half the draws below δ above the edge, where stage (6) applies.
    const box = draws.map(coordinates).filter(({ x, ey }) => !(Math.abs(x) <= 2 + 1e-6 && ey >= -2.5 - 1e-6 && ey <= 0.3 + 1e-6));
    expect(box).toEqual([]);
  });

  it('its negative control (β = 0) is violated with a margin < 0 on each of 30 draws, all below δ above the edge', () => {
    const draws = fc.sample(fourStages.negativeControl.arbitrary, { seed: 1, numRuns: 30 });
    const bad = draws.map((i) => at(i, 'control')).filter((o) => !(o.verdict === 'violated' && o.evidence.margin < 0));
    expect(bad.map((o) => o.evidence.message)).toEqual([]);
    const box = draws.map(coordinates).filter(({ x, ey }) => !(Math.abs(x) > 0 && Math.abs(x) <= 0.9 + 1e-6 && ey >= 0.005 - 1e-6 && ey <= 0.3 + 1e-6));
    expect(box).toEqual([]);
  });
});

describe('damian.four-stages: the map must be the toy’s (α = bc, β = b² to 1e-12)', () => {
  it('α or β off by a relative 1e-9 is outside the hypotheses; off by 1e-13 it holds', () => {
    const guard = (i: ToyInstance) => {
      const o = at(i);
      return o.verdict === 'inconclusive' && o.reason === 'hypotheses' ? o.evidence.code : o.verdict;
    };
    expect(guard(map('0.05', { alpha: '0.01000000001' }))).toBe('map_coefficients');
    expect(guard(map('0.05', { alpha: '0.00999999999' }))).toBe('map_coefficients');
    expect(guard(map('0.05', { beta: '1.000000001' }))).toBe('map_coefficients');
    expect(guard(map('0.05', { beta: '0.999999999' }))).toBe('map_coefficients');
    expect(guard(map('0.05', { alpha: '0.010000000000001', beta: '1.0000000000001' }))).toBe('holds');
  });
});

describe('damian.four-stages: each stage on its side (η = 0.01, α = 0.01, β = 1, δ² = 0.02)', () => {
  it('names sharpening at x = 0, at any ỹ₀ (the rounding of ỹ₀ + ηα is inside the slack)', () => {
    for (const a0 of ['200', '250.3', '150.7', '199.123456789', '-50.25']) expect(stages(map('0', { a0 }))).toBe('sharpening');
  });

  it('names blow-up above the edge (ηỹ₀ = 0.5, −2.5), contraction and return to stability within it (ηỹ₀ = −0.5)', () => {
    expect(stages(map('0.05', { a0: '250' }))).toMatch(/^blow-up stabilized-after-\d+-of-\d+$/);
    expect(stages(map('0.05', { a0: '-50' }))).toBe('blow-up');
    expect(stages(map('0.05', { a0: '150' }))).toBe('contraction return');
    // Above δ, ỹ falls: self-stabilization, whatever the side of the edge.
    expect(stages(map('0.2', { a0: '250' }))).toBe('blow-up self-stabilization');
    expect(stages(map('0.2', { a0: '150' }))).toBe('contraction return self-stabilization');
  });

  it('a multiplier |1 + ηỹ₀| within the slack of 1 leaves both sides of the blow-up iff undecided alike: it holds, at either sign of ηỹ₀', () => {
    // ηỹ₀ = ±2e-12: |1 + ηỹ₀| − 1 and (|x₁| − |x₀|)/|x₀| are 2e-12, below 4·4096 ulps (3.6e-12) of their scale on both sides.
    expect(stages(map('0.05', { a0: '200.0000000002' }))).toMatch(/^contraction stabilized-after-\d+-of-\d+$/);
    expect(stages(map('0.05', { a0: '199.9999999998' }))).toBe('contraction return');
    // ηỹ₀ = 2e-11, past the slack: a blow-up.
    expect(stages(map('0.05', { a0: '200.000000002' }))).toMatch(/^blow-up stabilized-after/);
  });

  it('x₀² within the slack of δ² with ỹ’s change inside it too is decided; x₀² a millionth above δ² is left to the ladder', () => {
    // δ = √0.02. At x₀² = δ²(1 + 1e-12) both sides of the self-stabilization iff are within rounding: decided, it holds.
    expect(stages(map('0.14142135623738021556'))).toBe('contraction');
    // At x₀² = δ²(1 + 1e-6) x² > δ² is certain but ỹ falls by ηα·1e-6 = 1e-10, inside 4·4096 ulps of |ỹ|'s scale (400): uncertain in f64.
    expect(at(map('0.141421426947987623'))).toMatchObject({ verdict: 'inconclusive', reason: 'uncertain', evidence: { code: 'boundary' } });
  });
});

describe('damian.four-stages: with the toy’s map the stages are read off GD on the model', () => {
  // The loss's c is 0.0101 while the stated toy (and its map) say 0.01: GD's ỹ grows by ηbc' = 1.01e-4 at x = 0, not ηα = 1e-4.
  const other = (x0: string): ToyInstance => ({ ...map(x0), params: { a0: '200', b: '1', c: '0.0101' } });

  it('GD on a loss off the stated toy fails the sharpening stage (outside the hypotheses in the claim: not_cubic)', () => {
    const o = at(other('0'), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'sharpening_rate' } });
    expect(o.evidence.observed).toBeCloseTo(1e-6, 12);
    expect(o.evidence.margin).toBeLessThan(0);
    expect(at(other('0'))).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses', evidence: { code: 'not_cubic' } });
  });

  it('and fails the period-2 orbit of the stated δ (GD’s δ² = 2c′/b is 1% larger), where the stated map alone holds', () => {
    const o = at(other('0.05'), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'period_two' } });
    expect(at(map('0.05'))).toMatchObject({ verdict: 'holds' });
  });
});

describe('damian.four-stages: a map with the wrong β fails stage (3) or (6), of either sign, with a negative margin', () => {
  it('β = 0 from above δ: ỹ does not fall although x² > δ²', () => {
    const o = at(map('0.2', { beta: '0' }), 'control');
    expect(o).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'self_stabilization_iff', details: { alpha: '0.01', beta: '0' }, message: expect.stringMatching(/x² > δ².*did not fall/) },
    });
    expect(o.evidence.margin).toBeLessThan(0);
  });

  it('β = 2 between the map’s δ² = 0.01 and the toy’s 0.02: ỹ falls although x² < δ²', () => {
    const o = at(map('0.12', { beta: '2' }), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'self_stabilization_iff', message: expect.stringMatching(/x² < δ².*fell/) } });
    expect(o.evidence.margin).toBeLessThan(0);
  });

  it('β = 0 from below δ above the edge: ỹ never falls in T₁ = ⌈ln(δ/|x₀|)/ln(1 + ηỹ₀)⌉ + 1 steps', () => {
    // ηỹ₀ = 0.1, x₀ = δ/2: T₁ = ⌈ln 2/ln 1.1⌉ + 1 = 9.
    const o = at(map('0.070710678118654752', { beta: '0', a0: '210' }), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'no_self_stabilization', bound: Math.ceil(Math.log(2) / Math.log(1.1)) + 1 } });
    expect(o.evidence.observed).toBeGreaterThan(o.evidence.bound);
    expect(o.evidence.margin).toBeLessThan(0);
  });
});

describe('damian.four-stages: the period-2 orbit error relative to δ in x and to 1 + ηα in ỹ', () => {
  // With α off by Δα: (δ, 0) → (−δ, ηΔα) → (δ(1 + η²Δα), 2ηΔα), so the x error is η²|Δα| of δ and the ỹ error 2η|Δα| of 1 + ηα.
  // Started at x₀ = 0.5 from ηỹ₀ = 0.5 (a₀ = 1.25 at η = 2, 5 at η = 0.5; c = 1), where every other stage has a margin far above 8·4096 ulps.
  const offAt = (lr: '2' | '0.5', alpha: string) => map('0.5', { lr, a0: lr === '2' ? '1.25' : '5', c: '1', alpha });

  // |Δα| ≥ 1.5e-12 keeps the map off the toy's (past the 1e-12 the check reads as the toy's, where it runs GD instead).
  it('η = 2: the x error 4|Δα| (0.82× the bound at Δα = ∓1.5e-12) holds, with the margin of the x error', () => {
    for (const [alpha, d] of [
      ['1.0000000000015', 1.5e-12],
      ['0.9999999999985', 1.5e-12],
    ] as const) {
      const o = at(offAt('2', alpha), 'control');
      expect(o).toMatchObject({ verdict: 'holds', evidence: { bound: 8 * SLACK } });
      expect(o.evidence.observed).toBeCloseTo(4 * d, 14);
      expect(o.evidence.margin).toBeCloseTo(8 * SLACK - 4 * d, 14);
    }
  });

  it('η = 0.5: the ỹ error 2η|Δα|/(1 + ηα) dominates (x: η²|Δα|); 0.55× the bound holds with its margin, 1.1× is violated', () => {
    for (const sign of [1, -1]) {
      const inside = at(offAt('0.5', String(1 + sign * 6e-12)), 'control');
      expect(inside.verdict).toBe('holds');
      expect(inside.evidence.margin).toBeCloseTo(8 * SLACK - 6e-12 / 1.5, 14);
      const outside = at(offAt('0.5', String(1 + sign * 1.2e-11)), 'control');
      expect(outside).toMatchObject({ verdict: 'violated', evidence: { code: 'period_two', bound: 8 * SLACK } });
      expect(outside.evidence.observed).toBeCloseTo(1.2e-11 / 1.5, 14);
    }
  });
});

describe('damian.four-stages: the margin of a pass is that of its tightest stage', () => {
  it('a blow-up from ηỹ₀ = 0.5 (stage-2 margin 0.25) holds with a margin at most the period-2 allowance 8·4096 ulps', () => {
    const o = at(map('0.05', { a0: '250' }));
    expect(o.verdict).toBe('holds');
    expect(o.evidence.margin).toBeGreaterThanOrEqual(0);
    expect(o.evidence.margin).toBeLessThanOrEqual(8 * SLACK);
  });
});
