import { lewkowyczCatapultWindow } from '../../src/claims/lewkowycz/catapultWindow.js';
import { lewkowyczFlMap, lewkowyczLambdaY0 } from '../../src/claims/lewkowycz/lewkowycz.js';
import type { WideUvInstance } from '../../src/claims/lewkowycz/wideUv.js';
import { type Boundary, boundary } from './boundary.js';

/** The width-m uv model (θ = u₁..u_m, v₁..v_m) with target y, `steps` GD steps at η. */
export const uv = (theta: string[], y: string, lr: string, steps = 1, linearized = false): WideUvInstance => ({
  model: 'uv',
  params: { target: y },
  theta,
  lr,
  steps,
  ...(linearized ? { variant: 'linearized' as const } : {}),
});

/** m = 4, y = 0 from u = (0.5, −0.3, 0.8, 0.2), v = (0.4, 0.6, −0.1, 0.7): λ₀ = 0.51, f₀ = 0.04 (a lazy start up to κ = 3.9), η = κ/λ₀. */
const window = (lr: string): WideUvInstance => uv(['0.5', '-0.3', '0.8', '0.2', '0.4', '0.6', '-0.1', '0.7'], '0', lr, 3000);

export const LEWKOWYCZ_BOUNDARIES: readonly Boundary[] = [
  boundary(lewkowyczFlMap, {
    outside: {
      // m = 1, u = v = 1: f = 1, λ = 2, so λ⁺ − λ = −4ηr + η²r²·2 and the linearized map misses −4ηr, a relative 2η of λ.
      description:
        'the linearized map (λ⁺ = λ) at η = 2.25e-12 from u = v = 1 (m = 1) with y = 0 and y = 2: λ moves by ∓4η, a relative 4.5e-12, 4.9× the 4096-ulp bound, of either sign',
      instances: [uv(['1', '1'], '0', '0.00000000000225', 1, true), uv(['1', '1'], '2', '0.00000000000225', 1, true)],
    },
    // The closed map on the same steps, and 20 steps of m = 3 at η = 1.3, y = 0.4.
    inside: [
      uv(['1', '1'], '0', '0.00000000000225'),
      uv(['1', '1'], '2', '0.00000000000225'),
      uv(['0.3', '-0.7', '0.9', '0.5', '0.2', '-0.6'], '0.4', '1.3', 20),
    ],
  }),
  boundary(lewkowyczLambdaY0, {
    outside: {
      // m = 1, u = v = 1, y = 0: λ⁺ − λ = ηf²(ηλ − 4) = 8ε·η at η = 2(1 + ε), a relative 2ε of λ⁺ + λ.
      description:
        'η·λ₀ = 4(1 + 2.25e-12), just past the 4 (m = 1, u = v = 1; the range (2, 4) waived): λ rises by a relative 4.5e-12 of λ⁺ + λ, 4.9× the 4096-ulp slack',
      instances: [uv(['1', '1'], '0', '2.0000000000045')],
    },
    // The same start at η·λ₀ = 4(1 − 2.25e-12), and 200 steps of m = 3 from η·λ₀ = 3.5.
    inside: [uv(['1', '1'], '0', '1.9999999999955'), uv(['0.3', '-0.7', '0.9', '0.5', '0.2', '-0.6'], '0', '5.14705882352941', 200)],
  }),
  boundary(lewkowyczCatapultWindow, {
    notTolerance: 'the window is judged by strict comparisons (a spike above L₀, η·λ_∞ < 2, divergence past |f| = 1e6); the declared tolerance is 0',
    outside: {
      description:
        'the edges of the window, η·λ₀ = 1.99 and 4.01 (0.5% and 0.25% past the 2 and the 4; the range [2.1, 3.9] waived): at 1.99 the loss only falls (no spike), at 4.01 GD diverges by step 10',
      instances: [window('3.90196078431373'), window('7.86274509803922')],
    },
    // The ends of the stated range, η·λ₀ = 2.1 and 3.9: spikes, then η·λ_∞ = 1.836 and 0.323.
    inside: [window('4.11764705882353'), window('7.64705882352941')],
  }),
];
