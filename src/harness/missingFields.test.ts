import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAIMS } from '../claims/registry.js';
import { missingFields } from './missingFields.js';

describe('missingFields', () => {
  const gap = BUILTIN_CLAIMS.find((c) => c.id === 'wxzt.eos.gap-below-edge');
  it('names the fields every generated instance has and a fixture lacks', () => {
    if (gap === undefined) throw new Error('claim missing');
    const sample = { model: 'matrix-factorization', theta: ['1', '0', '1', '0'], data: { A: [['1', '0'], ['0', '1']], rank: '1' } };
    expect(missingFields(gap, sample)).toEqual(expect.arrayContaining(['lr', 'steps']));
    expect(missingFields(gap, { ...sample, lr: '0.1', steps: 10, kappa: '2' })).toEqual([]);
  });
});
