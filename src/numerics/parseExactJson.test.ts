import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExactJson } from './parseExactJson.js';

describe('parseExactJson', () => {
  it('keeps number literals as their exact text', () => {
    expect(parseExactJson('{ "A": [[0.1, -1e-30], [2, 3.0E+2]], "rank": 1, "ok": true, "n": null }')).toEqual({
      A: [['0.1', '-1e-30'], ['2', '3.0E+2']], rank: '1', ok: true, n: null,
    });
    expect(parseExactJson(' \n[ ]\t')).toEqual([]);
  });

  it('agrees with JSON.parse on the structure of random number-only JSON', () => {
    const leaf = fc.double({ noNaN: true, noDefaultInfinity: true });
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(fc.property(tree, (t) => {
      const text = JSON.stringify(t);
      const exact = parseExactJson(text);
      const toNumbers = (x: unknown): unknown => typeof x === 'string' ? Number(x)
        : Array.isArray(x) ? x.map(toNumbers)
        : x !== null && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toNumbers(v)])) : x;
      expect(toNumbers(exact)).toEqual(JSON.parse(text));
    }), { numRuns: 300, seed: 3 });
  });

  it('rejects malformed JSON and string values with a position, naming --data', () => {
    const bad = ['{ "x": [1, 2,, ] }', '{ "x": 01 }', '[1, 2', '{ "a": 1 } x', '{ a: 1 }', '{ "a": "0.1" }', '', '[NaN]', '{ "a": 1, "a": 2 }', '[.5]'];
    for (const t of bad) expect(() => parseExactJson(t), t).toThrow(/^--data: invalid JSON at line \d+, column \d+/);
  });
});
