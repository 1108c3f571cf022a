import type fc from 'fast-check';
import { seedFor } from '../arbitraries/seedFor.js';
import { biasFor, seededRandom } from './seededRandom.js';

/**
 * The instance of run `runIndex`: drawn from its own seed, seedFor(baseSeed, claimId, runIndex)
 * (with `namespace` for negative controls and hunts), with fast-check's bias for that index. It
 * depends on nothing else, so sharding and worker count cannot change it. The Value keeps
 * fast-check's shrink context.
 */
export function generateInstance<T>(
  arb: fc.Arbitrary<T>,
  baseSeed: number,
  claimId: string,
  runIndex: number,
  namespace?: string,
): { value: fc.Value<T>; seed: number } {
  const seed = namespace === undefined ? seedFor(baseSeed, claimId, runIndex) : seedFor(baseSeed, claimId, namespace, runIndex);
  return { value: arb.generate(seededRandom(seed), biasFor(runIndex)), seed };
}

/**
 * Replays a fast-check style path "k:i1:i2:…": the instance of run k, then the i1-th shrink of it,
 * then the i2-th shrink of that, … Returns undefined if the path leaves the shrink tree.
 */
export function instanceAtPath<T>(arb: fc.Arbitrary<T>, baseSeed: number, claimId: string, path: string, namespace?: string): T | undefined {
  const parts = path.split(':').map(Number);
  if (parts.length === 0 || !parts.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  let v = generateInstance(arb, baseSeed, claimId, parts[0], namespace).value;
  for (const idx of parts.slice(1)) {
    let i = 0;
    let next: fc.Value<T> | undefined;
    for (const s of arb.shrink(v.value_, v.context)) {
      if (i++ === idx) {
        next = s;
        break;
      }
    }
    if (next === undefined) return undefined;
    v = next;
  }
  return v.value;
}
