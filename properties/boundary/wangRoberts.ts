import fc from 'fast-check';
import { depth1NoRotation, type GdRunInstance } from '../../src/claims/wangRoberts/wangRoberts.js';
import { type Boundary, boundary } from './boundary.js';

export const WANG_ROBERTS_BOUNDARIES: readonly Boundary[] = [
  boundary(depth1NoRotation, {
    outside: {
      description: 'one GD step at η = 3e-12 on depth 2 (uv from (2, 0.3)): the top eigenvector turns by 2.5e-12 rad, 5.5× the 4096-ulp bound',
      instances: [{ model: 'uv', params: { target: '1' }, theta: ['2', '0.3'], lr: '0.000000000003', steps: 1 }],
    },
    // Depth 1 never turns: three generated quadratics, divergent ones included.
    inside: fc.sample(depth1NoRotation.arbitrary, { seed: 1, numRuns: 3 }) as GdRunInstance[],
  }),
];
