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

  // Each rule at both sides of its edge: every way a field can be malformed (missing, null, of another type, empty,
  // blank, out of range), each caught by its own rule and not by a later one, and the nearest valid values accepted.
  it('rejects each malformed form of every field with that field’s rule', () => {
    const thunk = { generate: () => 0, shrink: () => [] };
    const bad: [Partial<Record<keyof ClaimDef<Instance>, unknown>>, RegExp][] = [
      [{ id: 7 }, /^\[eoscheck\] defineClaim\("\?"\)\.id must be/],
      [{ id: '' }, /defineClaim\(""\)\.id must be/],
      [{ title: '  ' }, /\.title must be a non-empty string/],
      [{ title: 5 }, /\.title must be a non-empty string/],
      [{ statement: undefined }, /\.statement must be a non-empty string/],
      [{ rationale: '\n' }, /\.rationale must be a non-empty string/],
      [{ citation: undefined }, /\.citation must be \{ paper, where, recalled\? \}/],
      [{ citation: null }, /\.citation must be \{ paper, where, recalled\? \}/],
      [{ citation: 'Thm 1' }, /\.citation must be \{ paper, where, recalled\? \}/],
      [{ citation: { paper: 5, where: 'w' } }, /\.citation\.paper must be a non-empty string/],
      [{ citation: { paper: '', where: 'w' } }, /\.citation\.paper must be a non-empty string/],
      [{ citation: { paper: 'p', where: '' } }, /\.citation\.where must name/],
      [{ hypotheses: 'h' }, /\.hypotheses must be an array of strings/],
      [{ hypotheses: ['h', 1] }, /\.hypotheses must be an array of strings/],
      [{ arbitrary: null }, /\.arbitrary must be a fast-check arbitrary/],
      [{ arbitrary: { generate: () => 0 } }, /\.arbitrary must be a fast-check arbitrary/],
      [{ arbitrary: { generate: 0, shrink: () => [] } }, /\.arbitrary must be a fast-check arbitrary/],
      [{ arbitrary: () => 0 }, /\.arbitrary must be a fast-check arbitrary/],
      [{ negativeControl: null }, /\.negativeControl is required/],
      [{ negativeControl: 'flip the sign' }, /\.negativeControl is required/],
      [{ negativeControl: { description: 5, arbitrary: thunk } }, /\.negativeControl\.description must be/],
      [{ negativeControl: { description: '', arbitrary: thunk } }, /\.negativeControl\.description must be/],
      [{ tolerance: undefined }, /\.tolerance must be \{ ulps\?, rel\?, abs\? \}/],
      [{ tolerance: null }, /\.tolerance must be \{ ulps\?, rel\?, abs\? \}/],
      [{ tolerance: 4 }, /\.tolerance must be \{ ulps\?, rel\?, abs\? \}/],
      [{ tolerance: { rel: Number.POSITIVE_INFINITY } }, /\.tolerance\.rel must be a finite number ≥ 0/],
      [{ tolerance: { abs: Number.NaN } }, /\.tolerance\.abs must be a finite number ≥ 0/],
      [{ tolerance: { abs: '1e-6' } }, /\.tolerance\.abs must be a finite number ≥ 0/],
      [{ minHoldFraction: 0 }, /\.minHoldFraction must be in \(0, 1\]/],
      [{ minHoldFraction: 1.0000001 }, /\.minHoldFraction must be in \(0, 1\]/],
      [{ ladder: 'f64' }, /\.ladder must be a non-empty array of precisions/],
      [{ ladder: [] }, /\.ladder must be a non-empty array of precisions/],
      [{ notCertifiable: '' }, /\.notCertifiable must be a non-empty reason/],
      [{ notCertifiable: ' ' }, /\.notCertifiable must be a non-empty reason/],
      [{ notCertifiable: true }, /\.notCertifiable must be a non-empty reason/],
      [{ optIn: '' }, /\.optIn must be a non-empty reason/],
      [{ optIn: ' ' }, /\.optIn must be a non-empty reason/],
      [{ optIn: 1 }, /\.optIn must be a non-empty reason/],
      [{ runs: 0 }, /\.runs must be a positive whole number of instances/],
      [{ runs: -3 }, /\.runs must be a positive whole number of instances/],
      [{ runs: 2.5 }, /\.runs must be a positive whole number of instances/],
      [{ budget: 1.5 }, /\.budget must be a positive whole number/],
    ];
    for (const [patch, re] of bad) expect(() => defineClaim({ ...base, ...patch } as ClaimDef<Instance>), JSON.stringify(patch)).toThrow(re);
    const good: Partial<ClaimDef<Instance>>[] = [
      { tolerance: { ulps: 0, rel: 0, abs: 0 } },
      { tolerance: {} },
      { minHoldFraction: 1 },
      { minHoldFraction: 1e-9 },
      { ladder: ['dec:60'] },
      { notCertifiable: 'a reason' },
      { optIn: 'minutes a run' },
      { runs: 1 },
      { budget: 1 },
      { arbitrary: thunk as unknown as ClaimDef<Instance>['arbitrary'] },
    ];
    for (const patch of good) expect(() => defineClaim({ ...base, ...patch }), JSON.stringify(patch)).not.toThrow();
    expect(defineClaim({ ...base, ladder: ['dec:60'] }).ladder).toEqual(['dec:60']);
    expect(defineClaim({ ...base, budget: 7 }).budget).toBe(7);
    expect(defineClaim({ ...base, status: 'custom' }).status).toBe('custom');
    expect(defineClaim({ ...base, kind: 'identity', citation: { paper: 'p', where: 'w', recalled: false } }).status).toBe('identity');
  });

  it('recognizes only its own claims, and any value without throwing', () => {
    for (const x of [null, undefined, 0, 'claim', Symbol('claim'), [], () => 0, { id: 'my.claim-1' }]) expect(isClaim(x)).toBe(false);
    const branded = Object.defineProperty({}, Symbol.for('eoscheck.claim'), { value: true });
    expect(isClaim(branded)).toBe(true);
  });
});
