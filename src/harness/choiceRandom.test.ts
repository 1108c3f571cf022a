import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quadraticGdInstance } from '../claims/classical/quadraticGdInstance.js';
import { ChoiceRandom, mutateChoices } from './choiceRandom.js';
import { seededRandom } from './seededRandom.js';

const arb = quadraticGdInstance({ kappa: [0, 3] });

describe('ChoiceRandom', () => {
  it('an instance is a function of its draw sequence: replaying the recorded draws rebuilds it', () => {
    for (let s = 0; s < 20; s++) {
      const first = new ChoiceRandom([], s);
      const a = arb.generate(first, undefined).value;
      const b = arb.generate(
        new ChoiceRandom(
          first.recorded.map((c) => c.value),
          s + 1000,
        ),
        undefined,
      ).value;
      expect(b).toEqual(a);
    }
  });

  it("mutations stay inside each draw's range and change at most two draws", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (s, m) => {
        const r = new ChoiceRandom([], s);
        arb.generate(r, undefined);
        const next = mutateChoices(r.recorded, seededRandom(m));
        next.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(r.recorded[i].min);
          expect(v).toBeLessThanOrEqual(r.recorded[i].max);
        });
        expect(next.filter((v, i) => v !== r.recorded[i].value).length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
