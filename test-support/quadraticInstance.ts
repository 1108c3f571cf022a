import type { QuadraticGdInstance } from '../src/claims/classical/quadraticGdInstance.js';

/**
 * GD on ½λθ² − bθ in one dimension with its certificate, by default b = 0 and θ* = 0: every quantity is a
 * short decimal. `more` overrides any field (b and θ* together, a certificate, a smoothness constant).
 */
export const quadratic1D = (lambda: string, theta: string, lr: string, steps: number, more: Partial<QuadraticGdInstance> = {}): QuadraticGdInstance => ({
  model: 'quadratic',
  params: {},
  data: { A: [[lambda]], b: ['0'] },
  eigen: { values: [lambda], vectors: [['1']] },
  thetaStar: ['0'],
  theta: [theta],
  lr,
  steps,
  ...more,
});
