import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstDifference, readGolden, runDigest, stableJson, writeGolden } from './golden.js';

describe('recorded runs (properties/golden.ts)', () => {
  it('writes JSON with sorted keys at every depth, non-finite numbers by name, undefined fields left out', () => {
    expect(stableJson({ b: 1, a: [{ d: Infinity, c: Number.NaN }], e: undefined })).toBe('{"a":[{"c":"NaN","d":"Infinity"}],"b":1}');
    expect(stableJson({ x: -Infinity })).not.toBe(stableJson({ x: Infinity }));
  });

  it('digests the instance and the verdict: a margin moved by one ulp, or another instance, gives another digest', () => {
    const v = { verdict: 'holds', evidence: { margin: 0.1, code: 'ok' } };
    const d = runDigest({ lr: '0.1' }, v);
    expect(d).toMatch(/^[0-9a-f]{16}$/);
    expect(runDigest({ lr: '0.1' }, { evidence: { code: 'ok', margin: 0.1 }, verdict: 'holds' })).toBe(d);
    expect(runDigest({ lr: '0.1' }, { ...v, evidence: { ...v.evidence, margin: 0.1 + 2 ** -56 } })).not.toBe(d);
    expect(runDigest({ lr: '0.2' }, v)).not.toBe(d);
  });

  it('compares the runs both sides have: a shorter run (fewer runs, a control stopped early) compares its prefix', () => {
    expect(firstDifference(['a', 'b', 'c'], ['a', 'b'])).toBeUndefined();
    expect(firstDifference(['a', 'b'], ['a', 'b', 'z'])).toBeUndefined();
    expect(firstDifference(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(firstDifference(['a', 'b', 'c'], [undefined, 'b', 'y'])).toBe(2);
  });

  it('reads back what it wrote, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    expect(readGolden('x.y', dir)).toBeUndefined();
    writeGolden('x.y', { claim: ['a'], control: ['b'], controlDraws: ['c'] }, dir);
    expect(readGolden('x.y', dir)).toEqual({ claim: ['a'], control: ['b'], controlDraws: ['c'] });
    expect(readdirSync(dir)).toEqual(['x.y.json']);
  });
});
