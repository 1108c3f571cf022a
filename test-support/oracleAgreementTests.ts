import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import type { ModelInstance } from '../src/arbitraries/modelInstance.js';
import { ORACLE_STEPS, decimalVsOracle } from './oracleCompare.js';

/**
 * Test support for the update rules: one test per family that `rule` run in dec:50 over
 * ORACLE_STEPS steps agrees with the 100-digit finite-difference oracle to 1e-25 over its
 * predictable horizon (at least 20 steps; a divergence must be one of the oracle's too), on a few
 * instances of each family. The worst error and horizon per family are printed after the suite.
 * @internal
 */
export function oracleAgreementTests(rule: 'gd' | 'ngd' | 'sqrt-gd', instances: Readonly<Record<string, fc.Arbitrary<ModelInstance>>>, seed: number): void {
  const worst: Record<string, { err: number; minHorizon: number; chaotic: number; runs: number }> = {};
  afterAll(() => console.log(`${rule}: max relative error per model`, worst));
  for (const id of Object.keys(instances)) {
    it(`dec:50 over ${ORACLE_STEPS} steps agrees with the 100-digit finite-difference oracle to 1e-25 (over its predictable horizon) (${id})`, () => {
      fc.assert(
        fc.property(instances[id], (inst) => {
          const r = decimalVsOracle(inst, rule);
          if (r.divergedTooInOracle !== undefined) expect(r.divergedTooInOracle).toBe(true);
          const w = (worst[id] ??= { err: 0, minHorizon: Infinity, chaotic: 0, runs: 0 });
          w.err = Math.max(w.err, r.err);
          w.minHorizon = Math.min(w.minHorizon, r.horizon);
          w.runs++;
          if (r.horizon < ORACLE_STEPS) w.chaotic++;
          expect(r.err).toBeLessThan(1e-25);
          expect(r.horizon).toBeGreaterThanOrEqual(20);
        }),
        { numRuns: id === 'inner-product' ? 3 : 4, seed },
      );
    });
  }
}
