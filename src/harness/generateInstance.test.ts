import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedFor } from '../arbitraries/seedFor.js';
import { quadraticGdInstance } from '../claims/classical/quadraticGdInstance.js';
import { generateInstance, instanceAtPath } from './generateInstance.js';
import { biasFor, seededRandom } from './seededRandom.js';

const arb = quadraticGdInstance({ kappa: [0, 3], steps: [1, 100] });

describe('generateInstance', () => {
  it('depends only on (seed, claim, run index): the same in any order, different across indices', () => {
    const forward = Array.from({ length: 30 }, (_, k) => generateInstance(arb, 7, 'c', k).value.value);
    const backward = Array.from({ length: 30 }, (_, i) => 29 - i)
      .map((k) => generateInstance(arb, 7, 'c', k).value.value)
      .reverse();
    expect(backward).toEqual(forward);
    expect(new Set(forward.map((x) => JSON.stringify(x))).size).toBeGreaterThan(25);
    expect(generateInstance(arb, 8, 'c', 0).value.value).not.toEqual(forward[0]);
    expect(generateInstance(arb, 7, 'd', 0).value.value).not.toEqual(forward[0]);
    expect(generateInstance(arb, 7, 'c', 0, 'control').seed).toBe(seedFor(7, 'c', 'control', 0));
  });

  it("uses fast-check's bias schedule: more edge values early", () => {
    expect([0, 8, 9, 98, 99].map(biasFor)).toEqual([2, 2, 3, 3, 4]);
  });

  it('seededRandom is a deterministic stream of in-range integers', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a.nextInt(-5, 5));
    expect(Array.from({ length: 1000 }, () => b.nextInt(-5, 5))).toEqual(xs);
    expect(Math.min(...xs)).toBe(-5);
    expect(Math.max(...xs)).toBe(5);
  });
});

describe('instanceAtPath', () => {
  it('replays a shrink path: "k" is run k, each further number picks a shrink of the previous value', () => {
    const v = generateInstance(arb, 3, 'c', 4).value;
    expect(instanceAtPath(arb, 3, 'c', '4')).toEqual(v.value);
    const shrinks = [...arb.shrink(v.value_, v.context).take(3)];
    expect(instanceAtPath(arb, 3, 'c', '4:2')).toEqual(shrinks[2].value);
    const second = [...arb.shrink(shrinks[2].value_, shrinks[2].context).take(1)];
    expect(instanceAtPath(arb, 3, 'c', '4:2:0')).toEqual(second[0].value);
    expect(instanceAtPath(arb, 3, 'c', 'x:1')).toBeUndefined();
    expect(instanceAtPath(fc.constant(1) as never, 3, 'c', '0:0')).toBeUndefined();
  });
});
