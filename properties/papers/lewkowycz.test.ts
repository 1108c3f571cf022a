import { describe, expect, it } from 'vitest';
import { lewkowyczLambdaY0 } from '../../src/claims/lewkowycz/lewkowycz.js';
import type { WideUvInstance } from '../../src/claims/lewkowycz/wideUv.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { F64 } from '../../src/numerics/precision.js';

describe('lewkowycz.lambda-monotone-y0', () => {
  // m = 1, u = v = 1e200, y = 0: λ₀ overflows, so the first GD step leaves the finite numbers before any λ is compared.
  const blowUp: WideUvInstance = { model: 'uv', params: { target: '0' }, theta: ['1e200', '1e200'], lr: '1', steps: 20 };

  it('a run that leaves the finite numbers is a divergence, never a pass (run as a control, which waives η·λ₀ < 4)', () => {
    const o = checkAt(lewkowyczLambdaY0, blowUp, F64, { mode: 'control' }).outcome;
    expect(o.verdict, o.evidence.message).toBe('diverged');
    expect(o.evidence.code).toBe('non_finite');
  });
});
