/**
 * `npx tsx scripts/tfjsEos.ts [ci|paper|digits|all] [--backend wasm|cpu|tensorflow]`: progressive
 * sharpening and the edge of stability on tfjs networks (float32), with the figures of the README's
 * acceptance item: where the sharpness first reaches 2/η, the mean and max of η·S/2 after a 20%
 * burn-in, the loss increases after the crossing and the loss there and at the end, and the largest
 * relative gap to the float64 reference's sharpness at the checked points. η is set so that
 * η·S₀/2 = 0.5 (S₀ from the float64 reference at θ₀).
 * - ci: the configuration of src/tfjs/traceNetwork.test.ts (8-16-1 tanh, 100 random labels, 1500 steps), seeds 1–10;
 * - paper: 8-32-1 tanh, 200 random labels, 5000 steps (docs/claims/cohen.md M-MLP), seeds 1–3;
 * - digits: 49-32-10 tanh on 200 real MNIST digits (7 × 7), MSE on one-hot targets, 3000 steps, seed 1.
 */
import { lanczos } from '../src/spectral/lanczos.js';
import { eosFigures } from '../src/tfjs/eosFigures.js';
import { makeTfDataset } from '../src/tfjs/makeTfDataset.js';
import { createMlpF64, initMlpF64 } from '../src/tfjs/mlpF64.js';
import type { BackendName } from '../src/tfjs/selectBackend.js';
import { roundToF32 } from '../src/tfjs/tfDataset.js';
import { traceNetwork, type TraceNetworkOptions } from '../src/tfjs/traceNetwork.js';

type Base = Omit<TraceNetworkOptions, 'lr' | 'seed' | 'backend' | 'optimizer'>;
const CONFIGS: Record<string, { base: Base; seeds: number[] }> = {
  ci: {
    base: { width: 16, depth: 1, activation: 'tanh', dataset: 'random-labels', n: 100, steps: 1500, every: 20, f64Every: 10 },
    seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  },
  paper: { base: { width: 32, depth: 1, activation: 'tanh', dataset: 'random-labels', n: 200, steps: 5000, every: 50, f64Every: 10 }, seeds: [1, 2, 3] },
  digits: {
    base: { width: 32, depth: 1, activation: 'tanh', dataset: 'digits', n: 200, side: 7, classes: 10, steps: 3000, every: 30, f64Every: 10 },
    seeds: [1],
  },
};

/** S₀ by the float64 reference at the float32 θ₀ the tfjs run starts from. */
function sharpness0(b: Base, seed: number): number {
  const data = makeTfDataset({
    dataset: b.dataset,
    n: b.n,
    seed: seed + 1,
    ...(b.side !== undefined ? { side: b.side } : {}),
    ...(b.classes !== undefined ? { classes: b.classes } : {}),
  });
  const spec = { inputDim: data.inputDim, widths: Array.from({ length: b.depth }, () => b.width), activation: 'tanh' as const, outputDim: data.outputDim };
  const net = createMlpF64(spec, { n: data.n, inputDim: data.inputDim, x: roundToF32(data.x), y: roundToF32(data.y) });
  const theta = Float64Array.from(Float32Array.from(initMlpF64(spec, seed)));
  return lanczos((v) => Array.from(net.hvp(theta, Float64Array.from(v))), net.dim, { tol: 1e-10 }).values[0];
}

const args = process.argv.slice(2);
const bi = args.indexOf('--backend');
const backend = (bi >= 0 ? args[bi + 1] : 'wasm') as BackendName;
const names = args.filter((a, i) => !a.startsWith('--') && (bi < 0 || i !== bi + 1));
const which = names.length === 0 || names.includes('all') ? Object.keys(CONFIGS) : names;
for (const name of which) {
  const c = CONFIGS[name];
  if (c === undefined) throw new Error(`unknown configuration '${name}': use ${Object.keys(CONFIGS).join(', ')} or all`);
  for (const seed of c.seeds) {
    const s0 = sharpness0(c.base, seed);
    const lr = Number((1 / s0).toPrecision(3));
    const t0 = performance.now();
    const r = await traceNetwork({ ...c.base, seed, lr, backend, optimizer: 'gd' });
    const f = eosFigures(r);
    const gaps = r.steps.filter((s) => s.sharpnessF64 !== undefined).map((s) => Math.abs(s.sharpness - s.sharpnessF64!) / s.sharpnessF64!);
    console.log(
      `${name} seed ${seed}: ${r.label}, ${r.dim} parameters, ${r.backend}; η = ${lr} (η·S₀/2 = ${((lr * s0) / 2).toFixed(3)}): ` +
        `edge crossed at step ${f.cross}; after it, mean η·S/2 = ${f.mean.toFixed(4)}, max ${f.max.toFixed(4)}; ${f.rises} loss increases, ` +
        `L ${f.lossCross.toExponential(2)} → ${f.lossEnd.toExponential(2)}; |S₃₂ − S₆₄|/S₆₄ ≤ ${Math.max(...gaps).toExponential(1)} at ${gaps.length} points; ` +
        `${r.steps.filter((s) => !s.converged).length} unconverged Lanczos of ${r.steps.length}; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
}
