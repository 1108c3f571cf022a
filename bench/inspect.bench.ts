// `inspect` at one point of 100-parameter dense models (f64), and of 10-parameter models at dec:50
// and interval:50; the f64 eigensolver against mathjs's float64 eigs on the same 100×100 Hessian.
import { eigs } from 'mathjs';
import { deepScalar } from '../src/models/deepScalar.js';
import { quadratic } from '../src/models/quadratic.js';
import { eigSymF64 } from '../src/numerics/eigSymF64.js';
import { f64 } from '../src/numerics/f64Field.js';
import { parsePrecision } from '../src/numerics/precision.js';
import { inspectPoint } from '../src/spectral/inspectPoint.js';
import type { BenchRow } from './benchRow.js';
import { timeit } from './timeit.js';

function quad(p: number) {
  let s = 12345;
  const r = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5).toFixed(4);
  const M = Array.from({ length: p }, () => Array.from({ length: p }, r));
  const A = M.map((row, i) => row.map((x, j) => (j < i ? M[j][i] : x)));
  return { model: quadratic.create({ dim: p, data: { A, b: A[0] } }), theta: A[1] };
}

export function main(): BenchRow[] {
  const rows: [string, number][] = [];
  const q = quad(100);
  rows.push(['quadratic p=100, f64', timeit(() => inspectPoint(q.model, q.theta, parsePrecision('f64')))]);
  const w100 = Array.from({ length: 100 }, (_, i) => (1 + ((i % 7) - 3) / 100).toFixed(2));
  const ds = deepScalar.create({ dim: 100 });
  rows.push(['deep-scalar D=100, f64', timeit(() => inspectPoint(ds, w100, parsePrecision('f64')))]);
  const d10 = deepScalar.create({ dim: 10 });
  const w10 = w100.slice(0, 10);
  rows.push(['deep-scalar D=10, dec:50', timeit(() => inspectPoint(d10, w10, parsePrecision('dec:50')), 5, 1)]);
  rows.push(['deep-scalar D=10, interval:50', timeit(() => inspectPoint(d10, w10, parsePrecision('interval:50')), 5, 1)]);
  const q10 = quad(10);
  rows.push(['quadratic p=10, interval:50', timeit(() => inspectPoint(q10.model, q10.theta, parsePrecision('interval:50')), 5, 1)]);
  console.log('inspect at one point: median CPU ms (limit: well under 1000 ms at 100 parameters)');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(32)} ${v.toFixed(1).padStart(8)} ms`);
  const H = ds.bind(f64).hessian(w100.map(Number));
  const ours = timeit(() => eigSymF64(H));
  const theirs = timeit(() => eigs(H), 3, 1);
  console.log(`eigSymF64 vs mathjs eigs, 100×100 Hessian: ${ours.toFixed(1)} ms vs ${theirs.toFixed(1)} ms (${(theirs / ours).toFixed(0)}× faster)`);
  const ms = (k: number) => `${rows[k][1].toFixed(0)} ms`;
  return [
    { what: '`inspect` on a 100-parameter dense model, f64', figure: `${ms(0)} (eigensolver ${(theirs / ours).toFixed(0)}× faster than mathjs \`eigs\`)` },
    { what: '`inspect` on deep-scalar D = 10 at dec:50 / interval:50', figure: `${ms(2)} / ${ms(3)}` },
  ];
}
