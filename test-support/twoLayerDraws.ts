/**
 * A draw (X, θ_K) of the two-layer edge family from the same ranges as the pinned one, whose α turns
 * negative along θ† (docs/claims/damian.md, draws 6–8): the construction is stationary only to first
 * order in μ. The claims must read it `inconclusive` (alpha_positive), never a pass.
 */
export const ALPHA_NEGATIVE_DRAW: { readonly X: readonly (readonly string[])[]; readonly thetaK: readonly string[] } = {
  X: [
    ['0.77', '-1.90'],
    ['-0.79', '-1.81'],
    ['-1.62', '0.13'],
    ['-1.02', '-0.79'],
    ['0.56', '1.88'],
    ['-1.84', '1.89'],
    ['-0.63', '0.91'],
    ['1.60', '-0.15'],
    ['1.62', '-0.33'],
    ['0.92', '1.01'],
    ['0', '0.47'],
    ['1.19', '-1.19'],
  ],
  thetaK: ['1.23', '0.30', '-0.69', '-0.18', '-1.10', '-0.20', '-0.41', '-1.23', '1.28'],
};
