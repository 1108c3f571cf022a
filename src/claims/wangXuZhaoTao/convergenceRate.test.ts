import { describe, expect, test } from 'vitest';
import { wxztConvergenceRate } from './convergenceRate.js';
import { WXZT_MORE_CLAIMS } from './index.js';

describe('More WXZT claims (convergence rate, gap below the edge on matrix factorization)', () => {
  test('the array holds both claims', () => {
    expect(WXZT_MORE_CLAIMS.map((c) => c.id)).toEqual(['wxzt.convergence-rate', 'wxzt.eos.gap-below-edge']);
    expect(wxztConvergenceRate.status).toBe('open constants');
  });
});
