import { type UvGdInstance, wxztBalancingLimit, wxztFinalSharpness } from '../../src/claims/wangXuZhaoTao/uvTrajectories.js';
import { type Boundary, boundary } from './boundary.js';

/** u₀ = 2.5, v₀ = 0.3, κ = η·λ_GFS = 2.5: GD converges with |Δ_∞|/|Δ₀| = 0.476050668…, η·S_∞ = 1.370. */
const LR = String(2.5 / Math.sqrt((6.25 - 0.09) ** 2 + 4));
const uv = (extra: Partial<UvGdInstance>): UvGdInstance => ({ model: 'uv', params: { target: '1' }, theta: ['2.5', '0.3'], lr: LR, steps: 3000, kappa: '2.5', ...extra });

export const WXZT_BOUNDARIES: readonly Boundary[] = [
  boundary(wxztBalancingLimit, {
    outside: {
      description: 'the balancing statistic against a bound 4.6e-9 below the measured |Δ_∞|/|Δ₀| (the fixed-ratio form of the same comparison): 4.6× the tolerance 1e-9',
      instances: [uv({ variant: 'fixed-ratio', ratio: '0.476050664' })],
    },
    inside: [uv({})],
  }),
  boundary(wxztFinalSharpness, {
    outside: {
      description: 'a start on the minimizers uv = 1 (a fixed point of GD) with η·S = 2 + 5e-9: above the edge by 5× the tolerance',
      instances: [{ model: 'uv', params: { target: '1' }, theta: ['2', '0.5'], lr: String((2 + 5e-9) / 4.25), steps: 30, kappa: '2' }],
    },
    inside: [uv({})],
    notTolerance: 'at a minimizer S = λ_GFS, so the outside instance also fails S_∞ < λ_GFS (no slack); a converged run from off the minimizers stays ≥ 0.08 below the edge',
  }),
];
