import type { MomentumInstance } from '../src/claims/cohen/cohen.js';

/** 2000 steps of heavy ball or Nesterov on ½λθ² from θ₀ = 1 at η, stated as `factor` × the threshold named. */
export const ball = (
  method: MomentumInstance['method'],
  beta: string,
  lr: string,
  factor: string,
  threshold: MomentumInstance['threshold'] = 'method',
  lambda = '1',
): MomentumInstance => ({
  model: 'quadratic',
  params: {},
  data: { A: [[lambda]], b: ['0'] },
  theta: ['1'],
  lr,
  steps: 2000,
  beta,
  method,
  factor,
  threshold,
});
