import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvidenceInput } from '../claims/claim.js';
import { defineClaim } from '../claims/defineClaim.js';
import { parsePrecision } from '../numerics/precision.js';
import { createContext } from './checkContext.js';
import { checkAt } from './evaluate.js';

const f64 = parsePrecision('f64');
const { ctx } = createContext({ precision: f64, tolerance: {}, mode: 'claim', budget: 10 });
const e = (margin: number, allowance?: number): EvidenceInput => ({
  code: 'c',
  message: 'm',
  observed: 0,
  bound: 0,
  margin,
  ...(allowance === undefined ? {} : { allowance }),
});

describe('the outcome builders hold every check to the margin convention (margin ≥ 0 iff the predicate held)', () => {
  it('a pass: margin ≥ 0, or below 0 by at most its stated rounding allowance', () => {
    for (const ok of [e(0), e(1e-300), e(Number.POSITIVE_INFINITY), e(-1e-10, 1e-9), e(-1e-9, 1e-9)]) expect(() => ctx.holds(ok)).not.toThrow();
    for (const bad of [e(-1e-300), e(-2e-9, 1e-9), e(Number.NaN), e(Number.NEGATIVE_INFINITY, 1)])
      expect(() => ctx.holds(bad), String(bad.margin)).toThrow(/returned holds \(c\) with margin .*: a margin is ≥ 0 exactly when the predicate held/);
  });

  it('a violation: margin < 0, whatever the allowance', () => {
    for (const ok of [e(-1e-300), e(Number.NEGATIVE_INFINITY), e(-1e-12, 1e-9)]) expect(() => ctx.violated(ok)).not.toThrow();
    for (const bad of [e(0), e(1e-300), e(Number.NaN), e(1, 1e-9)])
      expect(() => ctx.violated(bad), String(bad.margin)).toThrow(/returned violated \(c\) with margin/);
  });

  it('a check that breaks it is an error of the check, never a pass or a counterexample', () => {
    const claim = defineClaim({
      id: 'test.margin-convention',
      title: 't',
      citation: { paper: 'p', where: 'w' },
      statement: 's',
      kind: 'forall',
      hypotheses: ['h'],
      arbitrary: fc.constant({ model: 'quadratic' }),
      check: (_i, c) => c.holds(e(-0.5)),
      negativeControl: { description: 'd', arbitrary: fc.constant({ model: 'quadratic' }) },
      tolerance: {},
      rationale: 'r',
    });
    const o = checkAt(claim, { model: 'quadratic' }, f64, { mode: 'claim' }).outcome;
    expect([o.verdict, o.evidence.code]).toEqual(['error', 'check_threw']);
    expect(o.evidence.message).toMatch(/margin -0\.5/);
  });
});
