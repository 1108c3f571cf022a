import { describe, expect, it } from 'vitest';
import { compareReports, withoutMs } from '../scripts/compareResults.js';

describe('scripts/compareResults', () => {
  const row = (id: string, ms: number, evaluations = 10) => ({ id, verdict: 'holds', evaluations, counterexamples: [], ms });
  it('ignores ms at any depth and nothing else', () => {
    expect(withoutMs({ a: 1, ms: 2, b: [{ ms: 3, c: 4 }] })).toEqual({ a: 1, b: [{ c: 4 }] });
    expect(compareReports({ seed: 1, claims: [row('a', 5)] }, { seed: 1, claims: [row('a', 900)] })).toEqual([]);
    expect(compareReports({ seed: 1, claims: [row('a', 5), row('b', 1)] }, { seed: 1, claims: [row('a', 5), row('b', 1, 11)] })).toEqual(['b']);
    expect(compareReports({ seed: 1, claims: [row('a', 5)] }, { seed: 2, claims: [row('a', 5)] })).toEqual(['(header)']);
    expect(compareReports({ seed: 1, claims: [row('a', 5)] }, { seed: 1, claims: [] })).toEqual(['a']);
  });
});
