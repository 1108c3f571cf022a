import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExactJson } from './parseExactJson.js';

describe('parseExactJson', () => {
  it('keeps number literals as their exact text', () => {
    expect(parseExactJson('{ "A": [[0.1, -1e-30], [2, 3.0E+2]], "rank": 1, "ok": true, "n": null }')).toEqual({
      A: [
        ['0.1', '-1e-30'],
        ['2', '3.0E+2'],
      ],
      rank: '1',
      ok: true,
      n: null,
    });
    expect(parseExactJson(' \n[ ]\t')).toEqual([]);
  });

  it('agrees with JSON.parse on the structure of random number-only JSON', () => {
    const leaf = fc.double({ noNaN: true, noDefaultInfinity: true });
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(
      fc.property(tree, (t) => {
        const text = JSON.stringify(t);
        const exact = parseExactJson(text);
        const toNumbers = (x: unknown): unknown =>
          typeof x === 'string'
            ? Number(x)
            : Array.isArray(x)
              ? x.map(toNumbers)
              : x !== null && typeof x === 'object'
                ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toNumbers(v)]))
                : x;
        expect(toNumbers(exact)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('rejects malformed JSON and string values with a position, naming --data', () => {
    const bad = ['{ "x": [1, 2,, ] }', '{ "x": 01 }', '[1, 2', '{ "a": 1 } x', '{ a: 1 }', '{ "a": "0.1" }', '', '[NaN]', '{ "a": 1, "a": 2 }', '[.5]'];
    for (const t of bad) expect(() => parseExactJson(t), t).toThrow(/^data: invalid JSON at line \d+, column \d+/);
  });
});

describe('parseExactJson: exact text, positions and edge cases', () => {
  it('keeps long literals whole and every digit of tiny and huge exponents', () => {
    const long = `0.${'1234567890'.repeat(50)}`;
    expect(parseExactJson(`[${long}, -1e-30, 1E+400, -0, 0.000]`)).toEqual([long, '-1e-30', '1E+400', '-0', '0.000']);
  });

  it('parses nested arrays and objects across lines with CRLF, tabs and a byte-order mark', () => {
    const text = '\uFEFF{\r\n\t"J": [[1, 0.5],\r\n [ -2 , 3e-1 ]],\r\n\t"Q": [[[0.1]]], "y": []\r\n}\r\n';
    expect(parseExactJson(text)).toEqual({
      J: [
        ['1', '0.5'],
        ['-2', '3e-1'],
      ],
      Q: [[['0.1']]],
      y: [],
    });
  });

  it('decodes escaped keys and stores "__proto__" as an ordinary key', () => {
    const r = parseExactJson('{ "a\\u00e9\\n": 1, "__proto__": { "x": 2 } }') as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(['aé\n', '__proto__']);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(r, '__proto__')?.value).toEqual({ x: '2' });
  });

  it('reports the exact line and column of the fault and why', () => {
    const cases: [string, RegExp][] = [
      ['{\n  "A": [1, 2,\n    ]\n}', /line 3, column 5 \(offset 20\): unexpected "\]"/],
      ['[1, 2', /line 1, column 6 \(offset 5\): expected "," or "\]", found end of input/],
      ['{ "b": "0.1" }', /line 1, column 8 \(offset 7\): strings are not model data \("0\.1"\); write numbers without quotes/],
      ['[01]', /column 2 \(offset 1\): malformed number "01"/],
      ['[1.]', /malformed number "1\."/],
      ['{ "a": 1, "a": 2 }', /line 1, column 11 .*duplicate key "a"/],
      ['{ "a\u0001": 1 }', /control character in string/],
      ['{ "a\\x": 1 }', /bad escape in string/],
      ['{ "a: 1 }', /unterminated string/],
      ['[1] [2]', /unexpected "\[" after the JSON value/],
      ['', /unexpected end of input/],
    ];
    for (const [text, message] of cases) expect(() => parseExactJson(text), JSON.stringify(text)).toThrow(message);
  });

  it('names the option it was given and refuses absurd nesting without a stack overflow', () => {
    expect(() => parseExactJson('[true', '--fixture')).toThrow(/^--fixture: invalid JSON/);
    expect(() => parseExactJson('['.repeat(100000))).toThrow(/nested deeper than 256 levels/);
    expect(parseExactJson('[[[[true, false, null]]]]')).toEqual([[[[true, false, null]]]]);
  });
});
