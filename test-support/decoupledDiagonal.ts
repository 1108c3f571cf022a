import type { CodimInstance } from '../src/claims/arora/codimTwoArb.js';

/**
 * The diagonal linear network whose pairs decouple, used by the codimension ≥ 2 tests:
 * X = [[1, 0], [0, 1], [0, 0]], y = (2, y₂, 0), θ = (u₁, u₂, v₁, v₂), so L = ((u₁v₁ − 2)² + (u₂v₂ − y₂)²)/6
 * and Γ = {u₁v₁ = 2, u₂v₂ = y₂} has codimension 2, every quantity along it in closed form. By default
 * y₂ = 0.5 and NGD with no ladder (a model to evaluate, not a run); `more` sets the run.
 */
export function decoupledDiagonal(
  theta: readonly string[],
  more: Partial<Omit<CodimInstance, 'data' | 'theta'>> & { readonly y2?: string } = {},
): CodimInstance {
  const { y2, ...run } = more;
  return {
    model: 'diagonal-linear',
    data: {
      X: [
        ['1', '0'],
        ['0', '1'],
        ['0', '0'],
      ],
      y: ['2', y2 ?? '0.5', '0'],
    },
    theta,
    rule: 'ngd',
    run: 'ngd',
    lrs: [],
    horizon: '0',
    ...run,
  };
}
