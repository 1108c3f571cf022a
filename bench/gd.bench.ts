// GD steps per second on deep-scalar (depth 10) through runTrajectory: the f64 fast path (with the
// generated straight-line kernel, with the loop kernel only, and the generic Field step for
// comparison) against the same algorithm in C compiled with -O2 (the limit; bench/peer/, built here
// when `cc` is present) and numpy; with per-step sharpness, and at dec:50 against mpmath. Rates are
// per second of CPU time, best of 5, so other load on the machine counts as little as it can.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gd } from '../src/dynamics/gd.js';
import { pointInfo } from '../src/dynamics/pointInfo.js';
import { runTrajectory } from '../src/dynamics/runTrajectory.js';
import { deepScalar } from '../src/models/deepScalar.js';
import type { BoundModel, Model } from '../src/models/model.js';
import { productKernelsF64 } from '../src/models/productKernelsF64.js';
import { decimalField } from '../src/numerics/decimalField.js';
import { f64 } from '../src/numerics/f64Field.js';
import type { Field } from '../src/numerics/field.js';
import type { BenchRow } from './benchRow.js';
import { cpuRate } from './cpuRate.js';

const D = 10;
const W0 = Array.from({ length: D }, (_, i) => (1 + 0.01 * i).toFixed(2));
const LR = '0.001';
/** Steps per timed run of the fast path and of the C peer (the C iterate is compared after as many). */
const FAST_STEPS = 20_000_000;

/** steps/s of GD through the engine (one run of `steps`, recording only θ₀ and the last θ); and that θ. */
function engine(model: Model, steps: number, fastF64: boolean): { rate: number; theta: number[] } {
  let theta: readonly number[] = [];
  const rate = cpuRate(() => {
    const r = runTrajectory(model, f64, W0, { optimizer: { id: 'gd', lr: LR }, steps, every: steps, fastF64 });
    theta = r.rows[r.rows.length - 1].theta;
    return r.lastT;
  });
  return { rate, theta: [...theta] };
}

/** steps/s of the optimizer's step alone (no runner), optionally with the sharpness every step. */
function stepRate<T>(F: Field<T>, steps: number, sharp: boolean, reps: number): number {
  const b = deepScalar.create({ dim: D }).bind(F);
  const opt = gd(b, { lr: LR });
  let sink = 0;
  const rate = cpuRate(() => {
    let s = opt.init(W0.map((x) => F.from(x)));
    for (let i = 0; i < steps; i++) {
      // The path `trace` takes: the dense Hessian, then its top eigenvalue (f64: QL; decimal: refined f64 pair).
      if (sharp) sink += F.toNumber(pointInfo(b, s.theta).sharpness());
      s = opt.step(s);
    }
    return steps;
  }, reps);
  if (Number.isNaN(sink)) console.log('');
  return rate;
}

/** The C peer: built with `cc -O2` into a temporary directory and run; undefined (with why) when it cannot be. */
function cPeer(): { rate: number; w: number[] } | string {
  const dir = mkdtempSync(join(tmpdir(), 'eoscheck-bench-'));
  try {
    const exe = join(dir, 'gdDeepScalar');
    const cc = spawnSync('cc', ['-O2', '-o', exe, join(import.meta.dirname, 'peer/gdDeepScalar.c'), '-lm'], { encoding: 'utf8' });
    if (cc.error !== undefined) return `no C compiler: cc ${(cc.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is not on PATH' : cc.error.message}`;
    if (cc.status !== 0) return `cc -O2 failed: ${cc.stderr.trim().split('\n').pop()}`;
    const run = spawnSync(exe, [String(D), String(FAST_STEPS), '5'], { encoding: 'utf8' });
    if (run.status !== 0) return `the C peer failed: ${(run.stderr || String(run.error)).trim()}`;
    const out = JSON.parse(run.stdout) as { f64: number; w: number[] };
    return { rate: out.f64, w: out.w };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sci = (x: number) => x.toExponential(3);
const mega = (x: number) => (x >= 1e6 ? `${(x / 1e6).toPrecision(3)} M` : x >= 1e3 ? `${(x / 1e3).toPrecision(3)} k` : x.toPrecision(3));
const times = (x: number) => `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×`;

export function main(): BenchRow[] {
  const load = loadavg()[0];
  const model = deepScalar.create({ dim: D });
  // The same model with the loop kernel only (no generated straight-line code).
  const loopKernels = productKernelsF64(1, 1, (p) => ((p - 1) * (p - 1)) / 2, { unroll: false });
  const loopBound: BoundModel<number> = { ...model.bind(f64), kernelsF64: () => loopKernels };
  const loopModel: Model = { ...model, bind: <T>(F: Field<T>) => ((F as Field<unknown>) === f64 ? (loopBound as unknown as BoundModel<T>) : model.bind(F)) };
  const fast = engine(model, FAST_STEPS, true);
  const loop = engine(loopModel, 5_000_000, true);
  const generic = engine(model, 500_000, false);
  const dec = decimalField(50);
  const others = {
    'f64+S': stepRate(f64, 20_000, true, 3),
    dec50: stepRate(dec, 5_000, false, 3),
    'dec50+S': stepRate(dec, 30, true, 3),
  };
  const c = cPeer();
  const py = spawnSync('python3', [join(import.meta.dirname, 'peer/gdDeepScalar.py'), String(D), '200000', '5000', '5000', '10'], { encoding: 'utf8' });
  const peer: Record<string, number> | undefined = py.status === 0 ? JSON.parse(py.stdout) : undefined;
  const cRate = typeof c === 'string' ? undefined : c.rate;

  console.log(`GD on deep-scalar, depth ${D}: steps per second of CPU time (best of 5); load average ${load.toFixed(1)} on ${availableParallelism()} cores`);
  if (typeof c === 'string') console.log(`(C peer skipped: ${c})`);
  if (peer === undefined)
    console.log(`(Python peer not run: python3 with numpy and mpmath is needed: ${(py.stderr || String(py.error)).trim().split('\n').pop()})`);
  const rows: [string, number, number | undefined, number | undefined][] = [
    ['f64 engine', fast.rate, peer?.f64, cRate],
    ['f64 loop kernel', loop.rate, peer?.f64, cRate],
    ['f64 generic step', generic.rate, peer?.f64, cRate],
    ['f64+S', others['f64+S'], peer?.['f64+S'], undefined],
    ['dec50', others.dec50, peer?.dec50, undefined],
    ['dec50+S', others['dec50+S'], peer?.['dec50+S'], undefined],
  ];
  console.log(
    `${'case'.padEnd(18)} ${'eoscheck'.padStart(11)} ${'numpy/mpmath'.padStart(13)} ${'ratio'.padStart(8)} ${'C -O2'.padStart(11)} ${'ratio'.padStart(7)}`,
  );
  for (const [k, v, p, cr] of rows) {
    console.log(
      `${k.padEnd(18)} ${sci(v).padStart(11)} ${(p === undefined ? '—' : sci(p)).padStart(13)} ${(p === undefined ? '—' : times(v / p)).padStart(8)} ` +
        `${(cr === undefined ? '—' : sci(cr)).padStart(11)} ${(cr === undefined ? '—' : times(v / cr)).padStart(7)}`,
    );
  }
  if (typeof c !== 'string') {
    const same = c.w.length === fast.theta.length && c.w.every((x, i) => Object.is(x, fast.theta[i]));
    console.log(`C peer's θ after ${FAST_STEPS} steps ${same ? 'equals' : 'DIFFERS from'} eoscheck's bit for bit`);
    if (!same) throw new Error('gd.bench: the C peer and eoscheck disagree: not the same algorithm');
  }

  const vsC = (v: number) => (cRate === undefined ? '' : `, ${times(v / cRate)} C -O2`);
  const vsPy = (v: number, p: number | undefined, what: string) => (p === undefined ? '' : `, ${times(v / p)} ${what}`);
  return [
    {
      what: `GD on deep-scalar, depth ${D}, f64, through runTrajectory (fast path)`,
      figure: `${mega(fast.rate)} steps/s${cRate === undefined ? '' : ` = ${times(fast.rate / cRate)} the same loop in C -O2 (${mega(cRate)} steps/s; same iterates bit for bit)`}${vsPy(fast.rate, peer?.f64, 'a numpy loop')}`,
    },
    { what: '… with the loop kernel only (no generated code)', figure: `${mega(loop.rate)} steps/s${vsC(loop.rate)}` },
    { what: '… the generic Field step (`fastF64: false`)', figure: `${mega(generic.rate)} steps/s${vsC(generic.rate)}` },
    {
      what: '… with the sharpness every step (10×10 eigensolve)',
      figure: `${mega(others['f64+S'])} steps/s${vsPy(others['f64+S'], peer?.['f64+S'], 'numpy + `eigvalsh`')}`,
    },
    { what: '… at dec:50', figure: `${mega(others.dec50)} steps/s${vsPy(others.dec50, peer?.dec50, 'mpmath at 50 digits')}` },
    {
      what: '… at dec:50 with the sharpness every step',
      figure: `${mega(others['dec50+S'])} steps/s${vsPy(others['dec50+S'], peer?.['dec50+S'], "mpmath's `eigsy`")}: the f64 top pair refined by Rayleigh-quotient iteration, the full decimal Jacobi only when f64 cannot separate the top eigenvalue`,
    },
  ];
}
