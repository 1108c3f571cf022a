import fc from 'fast-check';
import { depth1NoRotation, type GdRunInstance } from '../../src/claims/wangRoberts/wangRoberts.js';
import { swapIsNotRotation, type UvRunInstance } from '../../src/claims/wangRoberts/swapIsNotRotation.js';
import { type Boundary, boundary } from './boundary.js';
import { ROUNDING_ONLY } from './wangXuZhaoTao.js';

/** uv with y = 1 from (u₀, v₀), one GD step at η = 0.001 (u barely moves, so the frame at step 1 is as at step 0). */
const uv = (u: string, v: string, lr = '0.001', steps = 1): UvRunInstance => ({ model: 'uv', params: { target: '1' }, theta: [u, v], lr, steps });

export const WANG_ROBERTS_BOUNDARIES: readonly Boundary[] = [
  boundary(depth1NoRotation, {
    outside: {
      description: 'one GD step at η = 3e-12 on depth 2 (uv from (2, 0.3)): the top eigenvector turns by 2.5e-12 rad, 5.5× the 4096-ulp bound',
      instances: [{ model: 'uv', params: { target: '1' }, theta: ['2', '0.3'], lr: '0.000000000003', steps: 1 }],
    },
    // Depth 1 never turns: three generated quadratics, divergent ones included.
    inside: fc.sample(depth1NoRotation.arbitrary, { seed: 1, numRuns: 3 }) as GdRunInstance[],
  }),
  boundary(swapIsNotRotation, {
    notTolerance: ROUNDING_ONLY,
    outside: {
      description:
        'a start 2e-11 off the balanced set (u₀ = 1.2, v₀ = u₀ ± 2e-11): the top eigenvector is 6.4e-12 rad off the lines (1, ±1), 7× the 4096-ulp bound, on either side',
      instances: [uv('1.2', '1.20000000002'), uv('1.20000000002', '1.2')],
    },
    inside: [uv('1.2', '1.2', '0.3', 5), uv('0.7', '0.7', '1.3', 20)],
  }),
];
