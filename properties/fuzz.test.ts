import { describe, expect, it } from 'vitest';
import { describeCase, fuzzCli } from './fuzz/cliFuzz.js';
import { suiteSeed } from './suiteSeed.js';

// A few hundred generated inputs through the CLI's entry point (npm run fuzz runs thousands): every
// one gets exit 0/1/2/130, one stderr line for exit 2, no raw JS error, no NaN/Infinity on stdout.
describe('the CLI on generated inputs', () => {
  it('never crashes, hangs or prints NaN/Infinity', async () => {
    const s = await fuzzCli(300, suiteSeed(), 60_000);
    const found = [...s.crashes, ...s.hangs, ...s.nans];
    expect(found.map(describeCase).join('\n')).toBe('');
    expect(s.cases).toBe(300);
    // The generators reach both outcomes: answers and refusals.
    expect(s.byExit['0']).toBeGreaterThan(30);
    expect(s.byExit['2']).toBeGreaterThan(30);
  }, 120_000);
});
