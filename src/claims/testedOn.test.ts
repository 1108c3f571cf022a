import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from './claim.js';
import { testedOn } from './testedOn.js';

/** Only the generator matters to testedOn: a stand-in claim with nothing else. */
const drawing = (arbitrary: fc.Arbitrary<unknown>) => ({ arbitrary }) as unknown as Claim;

describe('testedOn', () => {
  it('the models of a sample of the generator, each once, sorted', () => {
    const arb = fc.constantFrom({ model: 'uv' }, { model: 'deep-scalar' }, { model: 'uv' }, { model: 'quadratic' });
    expect(testedOn(drawing(arb), 40)).toEqual(['deep-scalar', 'quadratic', 'uv']);
  });
  it('sorted, not in the order drawn', () => {
    let k = 0;
    const arb = fc.integer().map(() => ({ model: ['zeta', 'alpha', 'mid'][k++ % 3] }));
    expect(testedOn(drawing(arb), 6)).toEqual(['alpha', 'mid', 'zeta']);
  });
  it('instances without a model (a claim on a map) give none', () => {
    expect(testedOn(drawing(fc.record({ lr: fc.constant('0.1') })))).toEqual([]);
    expect(testedOn(drawing(fc.constant({ model: 3 })))).toEqual([]);
  });
  it('reads n instances (8 by default), from seed 0', () => {
    let drawn = 0;
    const counting = fc.integer().map((k) => {
      drawn++;
      return { model: `m${k}` };
    });
    testedOn(drawing(counting));
    expect(drawn).toBe(8);
    drawn = 0;
    testedOn(drawing(counting), 3);
    expect(drawn).toBe(3);
    const arb = fc.integer({ min: 0, max: 1e6 }).map((k) => ({ model: `m${k}` }));
    expect(testedOn(drawing(arb), 2)).toEqual(
      fc
        .sample(arb, { seed: 0, numRuns: 2 })
        .map((x) => x.model)
        .sort(),
    );
  });
});
