import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAIMS } from './registry.js';
import { claimsExportedBy } from './claimsExportedBy.js';

describe('claimsExportedBy', () => {
  it('takes claims exported alone or in arrays, in export order, each object once, and nothing else', () => {
    const [a, b, c] = BUILTIN_CLAIMS;
    const mod = { one: a, list: [b, a, 'not a claim', { id: 'x' }], again: b, other: 42, last: c };
    expect(claimsExportedBy(mod)).toEqual([a, b, c]);
    expect(claimsExportedBy({ x: [], y: null, z: undefined })).toEqual([]);
  });
});
