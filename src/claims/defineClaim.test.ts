import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimDef, Instance } from './claim.js';
import { DEFAULT_BUDGET, DEFAULT_LADDER } from '../settings.js';
import { defineClaim, isClaim } from './defineClaim.js';

const base: ClaimDef<Instance> = {
  id: 'my.claim-1',
  title: 't',
  citation: { paper: 'p', where: 'Thm 1' },
  statement: 's',
  kind: 'forall',
  hypotheses: ['h'],
  arbitrary: fc.constant({ model: 'quadratic' }),
  check: (_i, ctx) => ctx.holds({ code: 'ok', message: 'm', observed: 0, bound: 0, margin: 0 }),
  negativeControl: { description: 'd', arbitrary: fc.constant({ model: 'quadratic' }) },
  tolerance: { ulps: 4 },
  rationale: 'r',
};

describe('defineClaim', () => {
  it('fills in the defaults: ladder f64 → dec:40 → dec:80, budget, a status from kind and citation', () => {
    const c = defineClaim(base);
    expect(c.ladder).toEqual(DEFAULT_LADDER);
    expect(DEFAULT_LADDER).toEqual(['f64', 'dec:40', 'dec:80']);
    expect(c.budget).toBe(DEFAULT_BUDGET);
    expect(c.status).toBe('forall');
    expect(defineClaim({ ...base, citation: { paper: 'p', where: 'w', recalled: true } }).status).toBe('forall, recalled [R]');
    expect(isClaim(c)).toBe(true);
    expect(isClaim({ ...c })).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names the field and the rule of anything malformed', () => {
    const bad: [Partial<Record<keyof ClaimDef<Instance>, unknown>>, RegExp][] = [
      [{ id: 'Bad Id' }, /defineClaim\("Bad Id"\)\.id must be lower-case words/],
      [{ title: '' }, /\.title must be a non-empty string/],
      [{ citation: { paper: 'p' } }, /\.citation\.where must name/],
      [{ kind: 'sometimes' }, /\.kind must be/],
      [{ arbitrary: [1, 2] }, /\.arbitrary must be a fast-check arbitrary/],
      [{ check: undefined }, /\.check must be a function/],
      [{ negativeControl: undefined }, /\.negativeControl is required/],
      [{ negativeControl: { description: 'd' } }, /\.negativeControl\.arbitrary/],
      [{ tolerance: { ulps: -1 } }, /\.tolerance\.ulps must be a finite number ≥ 0/],
      [{ ladder: ['f64', 'f32'] }, /\.ladder has "f32"/],
      [{ budget: 0 }, /\.budget must be a positive whole number/],
      [{ minHoldFraction: 2 }, /\.minHoldFraction must be in \(0, 1\]/],
    ];
    for (const [patch, re] of bad) expect(() => defineClaim({ ...base, ...patch } as ClaimDef<Instance>)).toThrow(re);
  });
});
