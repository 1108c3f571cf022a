// Gradient and Hessian-vector-product time of a ~15k-parameter MLP on 1000 samples, on each
// tfjs backend available here and on the float64 reference (src/tfjs/mlpF64.ts, exact backprop and
// R-operator), with the ratio HVP/gradient. One thing at a time: this machine has about one core.
import { rng } from '../src/numerics/rng.js';
import { hvpFiniteDifference } from '../src/tfjs/hvpFiniteDifference.js';
import { hvpNested } from '../src/tfjs/hvpNested.js';
import { lossAndGradTf } from '../src/tfjs/lossAndGradTf.js';
import { createMlpF64, randomLabelData } from '../src/tfjs/mlpF64.js';
import { createMlpTf, initMlpTf } from '../src/tfjs/mlpTf.js';
import { BACKENDS, selectBackend, type BackendName } from '../src/tfjs/selectBackend.js';
import { roundToF32 } from '../src/tfjs/tfDataset.js';
import { tf } from '../src/tfjs/tfjs.js';
import type { BenchRow } from './benchRow.js';
import { timeit } from './timeit.js';

const SPEC = { inputDim: 100, widths: [128, 16], activation: 'tanh' as const };
const N = 1000;

interface Row {
  readonly impl: string;
  readonly grad: number;
  readonly hvp: number;
  readonly fd?: number;
}

export async function main(): Promise<BenchRow[]> {
  const raw = randomLabelData(SPEC.inputDim, N, 1);
  const data = { n: N, inputDim: SPEC.inputDim, x: roundToF32(raw.x), y: roundToF32(raw.y) };
  const theta = initMlpTf(SPEC, 2);
  const v = Float32Array.from(rng(3).normalVector(theta.length));
  const rows: Row[] = [];
  const ref = createMlpF64(SPEC, data);
  const th64 = Float64Array.from(theta);
  const v64 = Float64Array.from(v);
  const g64 = new Float64Array(ref.dim);
  const h64 = new Float64Array(ref.dim);
  // The reference caches its forward pass per θ: perturb θ between runs so each HVP pays for it, like a gradient.
  let flip = 0;
  const fresh = () => {
    th64[0] = theta[0] + (flip++ % 2) * 1e-12;
    return th64;
  };
  rows.push({ impl: 'float64 reference', grad: timeit(() => ref.lossAndGrad(fresh(), g64)), hvp: timeit(() => ref.hvp(fresh(), v64, h64)) });
  const skipped: string[] = [];
  for (const backend of BACKENDS) {
    let name: BackendName;
    try {
      name = await selectBackend(backend);
    } catch (e) {
      skipped.push(`${backend} (${(e as Error).message.split(':')[0]})`);
      continue;
    }
    const model = createMlpTf(SPEC, { ...data, outputDim: 1, name: 'random-labels' });
    const th = tf.tensor1d(theta);
    const vt = tf.tensor1d(v);
    const reps = name === 'cpu' ? 5 : 9;
    const before = tf.memory().numTensors;
    const grad = timeit(() => tf.tidy(() => lossAndGradTf(model, th).grad.dataSync()), reps);
    const hvp = timeit(() => tf.tidy(() => hvpNested(model, th, vt).dataSync()), reps);
    const fd = timeit(() => tf.tidy(() => hvpFiniteDifference(model, th, vt).dataSync()), reps);
    if (tf.memory().numTensors !== before) throw new Error(`tfjs.bench: ${name} leaked ${tf.memory().numTensors - before} tensors`);
    rows.push({ impl: `tfjs ${name} (float32)`, grad, hvp, fd });
    th.dispose();
    vt.dispose();
    model.dispose();
  }
  await selectBackend('wasm');
  const f64 = rows[0];
  console.log(
    `MLP ${SPEC.inputDim}-${SPEC.widths.join('-')}-1 ${SPEC.activation}, ${ref.dim} parameters, n = ${N}, MSE: median CPU ms per call ` +
      `(HVP: nested reverse mode in tfjs, R-operator in float64; FD: central difference of two gradients)`,
  );
  console.log(
    `${'implementation'.padEnd(24)} ${'grad'.padStart(8)} ${'HVP'.padStart(8)} ${'FD-HVP'.padStart(8)} ${'HVP/grad'.padStart(9)} ${'grad vs f64'.padStart(12)} ${'HVP vs f64'.padStart(11)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.impl.padEnd(24)} ${r.grad.toFixed(1).padStart(8)} ${r.hvp.toFixed(1).padStart(8)} ${(r.fd === undefined ? '—' : r.fd.toFixed(1)).padStart(8)} ` +
        `${(r.hvp / r.grad).toFixed(2).padStart(9)} ${`${(r.grad / f64.grad).toFixed(2)}×`.padStart(12)} ${`${(r.hvp / f64.hvp).toFixed(2)}×`.padStart(11)}`,
    );
  }
  if (skipped.length > 0) console.log(`(not available here: ${skipped.join('; ')})`);
  const fig = (r: Row) => `${r.impl.replace(' (float32)', '').replace('float64 reference', 'f64 reference')} ${r.grad.toFixed(0)} / ${r.hvp.toFixed(0)} ms`;
  return [
    {
      what: `${ref.dim / 1000 < 1 ? ref.dim : `${Math.round(ref.dim / 1000)}k`}-parameter ${SPEC.activation} MLP (${SPEC.inputDim}-${SPEC.widths.join('-')}-1), n = ${N}: gradient / HVP`,
      figure: `${rows.map(fig).join('; ')} (HVP ≈ ${(f64.hvp / f64.grad).toFixed(1)}× a gradient)`,
    },
  ];
}
