import { describe, expect, it } from 'vitest';
import { decimalField } from '../numerics/decimalField.js';
import { predictedDisplacement } from './predictedDisplacement.js';
import { stepper } from './stepper.js';

describe('predictedDisplacement', () => {
  const F = decimalField(30);
  const n = (xs: string[]) => xs.map((x) => F.from(x));
  // ∇²L = diag(2, 1), u = e₁, ∇S⊥ = e₂, δ² = 0.5, η = 0.1, v = (0.3, 0.2): x = 0.3, y = 0.2,
  // (x² − δ²)/2 = −0.205, xy = 0.06.
  const H = [n(['2', '0']), n(['0', '1'])];
  const frame = () => ({
    hvp: (v: (typeof H)[0]) => H.map((row) => row.reduce((acc, h, j) => F.add(acc, F.mul(h, v[j])), F.zero)),
    top: n(['1', '0']),
    sharpnessGradientPerp: n(['0', '1']),
    delta2: F.from('0.5'),
  });

  it('takes v − η(Hv + ∇S⊥(x² − δ²)/2 + u·xy), by hand', () => {
    const run = stepper(predictedDisplacement(F, F.from('0.1'), frame), n(['0.3', '0.2']));
    expect(run.step()).toBe(true);
    // 0.3 − 0.1(0.6 + 0.06) = 0.234; 0.2 − 0.1(0.2 − 0.205) = 0.2005.
    expect(run.theta.map((x) => F.toString(x))).toEqual(['0.234', '0.2005']);
  });

  it('without the cubic terms it is the linearised map v − ηHv', () => {
    const run = stepper(predictedDisplacement(F, F.from('0.1'), frame, false), n(['0.3', '0.2']));
    run.step();
    expect(run.theta.map((x) => F.toString(x))).toEqual(['0.24', '0.18']);
  });
});
