import { describe, expect, it } from 'vitest';
import { SLOW_PERIOD } from './edgeRun.js';

describe('SLOW_PERIOD', () => {
  it('is the period of ξ″ = 1 − e^{2ξ} from ξ = ln(1/20) at rest (RK4, h = 1e-4), and the reduced map x ↦ −(1 + ηy)x, ηy ↦ ηy + ε²(1 − x²) approaches it as ε → 0', () => {
    // RK4 on (ξ, z): the time between the first two returns of z to 0 from below (the orbit's top, then its bottom).
    const f = (xi: number, z: number): [number, number] => [z, 1 - Math.exp(2 * xi)];
    const h = 1e-4;
    let [xi, z, s] = [Math.log(0.05), 0, 0];
    const turns: number[] = [];
    while (turns.length < 2) {
      const k1 = f(xi, z);
      const k2 = f(xi + (h / 2) * k1[0], z + (h / 2) * k1[1]);
      const k3 = f(xi + (h / 2) * k2[0], z + (h / 2) * k2[1]);
      const k4 = f(xi + h * k3[0], z + h * k3[1]);
      const zNext = z + (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
      xi += (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
      s += h;
      if (s > h && Math.sign(zNext) !== Math.sign(z)) turns.push(s);
      z = zNext;
    }
    expect(Math.abs(turns[1] - SLOW_PERIOD)).toBeLessThan(1e-3);
    // The map itself, x in units of δ: ε times the steps between its first two upward crossings of |x| = 1. The map's
    // orbit grows a little every cycle, so its period exceeds the limit by O(ε): 6.318 at ε = 0.002, 6.298 at 0.001.
    const periodOfMap = (eps: number): number => {
      let [x, y] = [0.05, 0];
      const ups: number[] = [];
      let prev = -1;
      for (let t = 0; ups.length < 2 && t < 1e7; t++) {
        const sg = Math.sign(x * x - 1);
        if (sg > 0 && prev < 0) ups.push(t);
        prev = sg;
        [x, y] = [-(1 + y) * x, y + eps * eps * (1 - x * x)];
      }
      return (ups[1] - ups[0]) * eps;
    };
    const [a, b] = [periodOfMap(0.002) - SLOW_PERIOD, periodOfMap(0.001) - SLOW_PERIOD];
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.03);
    expect(b).toBeLessThan(0.6 * a);
  });
});
