import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, instanceHash } from './canonicalJson.js';

/** Plain JSON values of the kind instances hold (integers and decimal text only). */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** The same object with its keys inserted in reverse order, at every depth. */
function reversedKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(reversedKeys);
  if (x !== null && typeof x === 'object') {
    return Object.fromEntries(
      Object.entries(x)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return x;
}

describe('canonicalJson', () => {
  it('does not depend on key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(json, (x) => {
        expect(canonicalJson(reversedKeys(x))).toBe(canonicalJson(x));
        expect(JSON.parse(canonicalJson(x))).toEqual(JSON.parse(JSON.stringify(x)));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('rejects what would not mean the same at every precision, naming the path', () => {
    expect(() => canonicalJson({ lr: 0.1 })).toThrow(/\$\.lr is the number 0\.1: .*decimal text \(e\.g\. "0\.1"\)/);
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(/\$\.a\[1\]/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/non-plain object/);
    expect(canonicalJson({ b: 'x', a: [1, '0.1', null, true], c: undefined })).toBe('{"a":[1,"0.1",null,true],"b":"x"}');
  });
});

describe('instanceHash', () => {
  it('is the first 12 hex digits of sha256 of the canonical JSON', () => {
    // sha256('{"model":"quadratic"}'), computed independently with `printf %s ... | sha256sum`.
    expect(instanceHash({ model: 'quadratic' })).toBe('8955d34bfae1');
    expect(instanceHash({ a: '1', b: '2' })).toBe(instanceHash({ b: '2', a: '1' }));
    expect(instanceHash({ a: '1' })).not.toBe(instanceHash({ a: '1.0' }));
  });
});
