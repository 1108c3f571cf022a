import { chenChaos } from '../../src/claims/chen/chaos.js';
import { chenConvergesBelowOne, chenDivergenceThreshold, chenTwoCycle } from '../../src/claims/chen/chen.js';
import type { QuarticGdInstance } from '../../src/claims/chen/quarticGd.js';
import { type Boundary, boundary } from './boundary.js';

/** The cubic map z⁺ = (1 + a)z − az³ as GD on ¼(x² − 1)² (μ = 1, so η = a and x = z), `steps` steps from z₀. */
const cubic = (a: string, z0: string, steps: number): QuarticGdInstance => ({ model: 'quartic', params: { mu: '1' }, theta: [z0], lr: a, steps, a, z0 });

export const CHEN_BOUNDARIES: readonly Boundary[] = [
  boundary(chenTwoCycle, {
    outside: {
      description:
        "the last step count still past the 1e-10 at a = 1.22 (the slowest-converging a, cycle multiplier −0.857) from z₀ = 0.9: after 277 steps the multiplier g'(p)g'(q) is off by a relative 1.14e-10, 14% past",
      instances: [cubic('1.22', '0.9', 277)],
    },
    // One step more (worst error 9.8e-11), and the stated 2000 steps.
    inside: [cubic('1.22', '0.9', 278), cubic('1.22', '0.9', 2000)],
  }),
  boundary(chenDivergenceThreshold, {
    notTolerance:
      'the criterion 4(1 + a)³ ≤ 27(2 + a) is compared without slack; the declared tolerance is the rounding allowance on |z| ≤ b only, so ×10 leaves the criterion violated',
    outside: {
      // The critical value z_c(1 + a)·2/3, z_c = √((1 + a)/3a), is b·√(4(1 + a)³/27(2 + a)) ≈ b(1 + 0.375(a − 2)).
      description:
        'a just past 2: at a = 2 + 1.2e-11 one step from the critical point lands a relative 4.5e-12 outside [−b, b], 4.9× the 4096-ulp slack; at a = 2 + 3e-12 the orbit ' +
        'from 0.5 stays inside but 4(1 + a)³ exceeds 27(2 + a) by a relative 2.25e-12 (the range (0, 1.99] waived)',
      instances: [cubic('2.000000000012', '0.70710678118584041762', 1), cubic('2.000000000003', '0.5', 1)],
    },
    // a = 2 from its critical point √½: one step lands on ±b itself (the criterion an equality); a = 1.99 from its critical point, 1000 steps.
    inside: [cubic('2', '0.7071067811865475244', 1), cubic('1.99', '0.70769875013173751583', 1000)],
  }),
  boundary(chenConvergesBelowOne, {
    outside: {
      description:
        'a = 0.95 (multiplier −0.9 at ±1) from z₀ = ±0.5, stopped at the last step counts still past the 1e-9: after 171 steps z = 1 − 1.19e-9, after 172 z = ±(1 + 1.07e-9), 19% and 7% past',
      instances: [cubic('0.95', '0.5', 171), cubic('0.95', '0.5', 172), cubic('0.95', '-0.5', 172)],
    },
    // One step more (9.6e-10 from ±1), and the stated 2000 steps.
    inside: [cubic('0.95', '0.5', 173), cubic('0.95', '-0.5', 173), cubic('0.95', '0.5', 2000)],
  }),
  boundary(chenChaos, {
    notTolerance: "the exponent's sign is compared with 0, a constant of the statement; the declared tolerance is 0",
    outside: {
      // Measured: the exponent from z₀ = 0.5 is +0.0084 at a = 1.828427 and −0.0011 at 1.8284271, where 2√2 − 1 = 1.82842712….
      description:
        'a = 1.82843, 2.9e-6 past the opening of the period-3 window at a ≈ 2√2 − 1 = 1.8284271: the orbits from z₀ = 0.5 and 0.3 settle on the stable 3-cycle, exponent −0.017',
      instances: [cubic('1.82843', '0.5', 2500), cubic('1.82843', '0.3', 2500)],
    },
    // a = 1.82842, 7e-6 before it: exponent +0.20 and +0.23 (intermittent chaos).
    inside: [cubic('1.82842', '0.5', 2500), cubic('1.82842', '0.3', 2500)],
    decision: { runs: 100, holdsFrom: 88, violatedUpTo: 72 },
  }),
];
