// GD steps per second on deep-scalar (depth 10), without and with per-step sharpness, in f64 and
// dec:50, against a peer loop in Python (numpy float64, mpmath at 50 digits) when python3 has them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { gd } from '../src/dynamics/gd.js';
import { pointInfo } from '../src/dynamics/pointInfo.js';
import { deepScalar } from '../src/models/deepScalar.js';
import { decimalField } from '../src/numerics/decimalField.js';
import { f64 } from '../src/numerics/f64Field.js';
import type { Field } from '../src/numerics/field.js';

const D = 10;
const W0 = Array.from({ length: D }, (_, i) => (1 + 0.01 * i).toFixed(2));

function stepsPerSecond<T>(F: Field<T>, steps: number, sharp: boolean): number {
  const b = deepScalar.create({ dim: D }).bind(F);
  const opt = gd(b, { lr: '0.001' });
  let s = opt.init(W0.map((x) => F.from(x)));
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    // The path `trace` takes: the dense Hessian, then its top eigenvalue (f64: QL; decimal: refined f64 pair).
    if (sharp) sink += F.toNumber(pointInfo(b, s.theta).sharpness());
    s = opt.step(s);
  }
  const dt = (performance.now() - t0) / 1000;
  if (Number.isNaN(sink)) console.log('');
  return steps / dt;
}

export function main(): void {
  const dec = decimalField(50);
  stepsPerSecond(f64, 200_000, false); // warm-up
  const ours = {
    f64: stepsPerSecond(f64, 2_000_000, false),
    'f64+S': stepsPerSecond(f64, 20_000, true),
    dec50: stepsPerSecond(dec, 5_000, false),
    'dec50+S': stepsPerSecond(dec, 30, true),
  };
  const py = spawnSync('python3', [join(import.meta.dirname, 'peer/gdDeepScalar.py'), String(D), '200000', '5000', '5000', '10'], { encoding: 'utf8' });
  const peer: Record<string, number> | undefined = py.status === 0 ? JSON.parse(py.stdout) : undefined;
  if (peer === undefined) console.log(`(peer not run: python3 with numpy and mpmath is needed: ${(py.stderr || String(py.error)).trim().split('\n').pop()})`);
  console.log(`GD on deep-scalar, depth ${D}: steps per second (peer: Python numpy / mpmath dps=50, same algorithm)`);
  console.log(`${'case'.padEnd(10)} ${'eoscheck'.padStart(12)} ${'peer'.padStart(12)} ${'ratio'.padStart(8)}`);
  for (const [k, v] of Object.entries(ours)) {
    const p = peer?.[k];
    console.log(`${k.padEnd(10)} ${v.toExponential(3).padStart(12)} ${(p === undefined ? '—' : p.toExponential(3)).padStart(12)} ${(p === undefined ? '—' : `${(v / p).toFixed(1)}×`).padStart(8)}`);
  }
}
