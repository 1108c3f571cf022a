import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test-support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'eoscheck-cli-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('eoscheck inspect', () => {
  it('prints the README, Reports JSON object in f64', async () => {
    const r = await cli('inspect', '--model', 'deep-scalar', '--theta', '1,2,0.5', '--param', 'target=2', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['model', 'dim', 'theta', 'precision', 'loss', 'grad', 'hessian', 'eigenvalues', 'eigenvectors', 'sharpness', 'sharpnessGradient']) {
      expect(j).toHaveProperty(k);
    }
    expect(j.model).toBe('deep-scalar');
    expect(j.precision).toBe('f64');
    expect(j.loss).toBe(0.5);
    // at θ = (1, 2, 0.5): π = 1, r = -1, g = (1, 0.5, 2)
    expect(j.grad).toEqual([-1, -0.5, -2]);
    const ev: number[] = j.eigenvalues;
    expect([...ev].sort((a, b) => b - a)).toEqual(ev);
    expect(j.sharpness).toBe(ev[0]);
    for (const v of j.eigenvectors as number[][]) expect(Math.hypot(...v)).toBeCloseTo(1, 12);
  });

  it('prints decimal strings at dec:N, keeping the decimal meaning of inputs', async () => {
    const r = await cli('inspect', '--model', 'deep-scalar', '--theta', '0.1,0.3', '--param', 'target=0.03', '--precision', 'dec:50', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.precision).toBe('dec:50');
    expect(j.loss).toBe('0');
    expect(typeof j.sharpness).toBe('string');
    expect(j.theta).toEqual(['0.1', '0.3']);
  });

  it('gives one clear line and exit 2 for bad input, naming the option', async () => {
    const cases: [string[], RegExp][] = [
      [['inspect', '--model', 'nope', '--theta', '1'], /--model: unknown model "nope"/],
      [['inspect', '--model', 'deep-scalar', '--theta', '1,NaN'], /--theta: entry 2 "NaN"/],
      [['inspect', '--model', 'deep-scalar'], /--theta: is required/],
      [['inspect', '--theta', '1'], /--model: is required/],
      [['inspect', '--model', 'deep-scalar', '--theta', '1', '--precision', 'f32'], /--precision: "f32" is not a precision/],
      [['inspect', '--model', 'deep-scalar', '--theta', '1', '--param', 'target'], /--param: "target" must have the form key=value/],
      [['inspect', '--model', 'deep-scalar', '--theta', '1', '--frobnicate'], /--frobnicate: unknown option/],
      [['inspect', '--model', 'deep-scalar', '--theta', '1', '--data', join(tmp, 'missing.json')], /--data: cannot read/],
      [['frob'], /unknown command "frob"/],
    ];
    for (const [argv, re] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.out).toBe('');
    }
  });

  it('rejects malformed --data JSON with exit 2', async () => {
    const bad = file('bad.json', '{ "x": [1, 2,, ] }');
    const r = await cli('inspect', '--model', 'deep-scalar', '--theta', '1', '--data', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--data/);
  });
});

describe('the eoscheck binary', () => {
  it('exits 2 with one line on stderr for bad usage, and 0 with JSON on stdout for inspect', () => {
    const bin = join(import.meta.dirname, '../../bin/eoscheck.js');
    const bad = spawnSync(process.execPath, [bin, 'inspect', '--model', 'deep-scalar', '--theta', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^eoscheck inspect: --theta: entry 1 "x" is not a finite decimal number\n$/);
    const ok = execFileSync(process.execPath, [bin, 'inspect', '--model', 'deep-scalar', '--theta', '2,3', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(ok).loss).toBe(12.5);
  });
});

describe('eoscheck inspect --precision interval:N', () => {
  it('prints enclosures that contain the dec:2N values (loss, gradient, eigenvalues, ∇S)', async () => {
    const base = ['inspect', '--model', 'uv', '--theta', '2,0.3,0.4,1.5', '--param', 'target=0.7', '--json'];
    const iv = JSON.parse((await cli(...base, '--precision', 'interval:30')).out);
    const dec = JSON.parse((await cli(...base, '--precision', 'dec:60')).out);
    const { Decimal } = await import('decimal.js');
    const inside = (enc: string, x: string) => {
      const m = /^\[(.*), (.*)\]$/.exec(enc);
      expect(m, enc).not.toBeNull();
      const v = new Decimal(x);
      expect(v.gte(m![1]) && v.lte(m![2]), `${x} in ${enc}`).toBe(true);
    };
    inside(iv.loss, dec.loss);
    iv.grad.forEach((e: string, i: number) => inside(e, dec.grad[i]));
    iv.eigenvalues.forEach((e: string, i: number) => inside(e, dec.eigenvalues[i]));
    iv.sharpnessGradient.forEach((e: string, i: number) => inside(e, dec.sharpnessGradient[i]));
  });
});

describe('eoscheck trace', () => {
  it('prints the trace JSON contract, writes CSV and SVG, and reports divergence as an event with exit 0', async () => {
    const csv = join(tmp, 't.csv');
    const svg = join(tmp, 't.svg');
    const r = await cli('trace', '--model', 'uv', '--theta', '2,0.3', '--lr', '0.7', '--steps', '30', '--every', '3', '--json', '--csv', csv, '--plot', svg);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ model: 'uv', optimizer: 'gd', lr: 0.7, precision: 'f64', diverged: false });
    expect(j.steps.map((s: { t: number }) => s.t)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
    for (const k of ['t', 'theta', 'loss', 'sharpness', 'gradNorm']) expect(j.steps[0]).toHaveProperty(k);
    expect(j.events.map((e: { kind: string }) => e.kind)).toContain('catapult');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/^t,loss,sharpness,gradNorm/);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[\s\S]*2\/η = 2\.857[\s\S]*<\/svg>\n$/);
    const d = await cli(
      'trace',
      '--model',
      'quadratic',
      '--data',
      file('q.json', '{"A": [[2, 0], [0, 1]]}'),
      '--theta',
      '1,1',
      '--lr',
      '1.5',
      '--steps',
      '200',
      '--json',
    );
    expect(d.code).toBe(0);
    const dj = JSON.parse(d.out);
    expect(dj.diverged).toBe(true);
    expect(dj.events.at(-1).kind).toBe('diverged');
    for (const s of dj.steps) expect(Number.isFinite(s.loss)).toBe(true);
  });

  it('rejects bad trace options with exit 2', async () => {
    const base = ['trace', '--model', 'uv', '--theta', '2,0.3'];
    for (const [extra, re] of [
      [[], /--lr: is required/],
      [['--lr', '-1'], /--lr: must be a positive/],
      [['--lr', '0.1', '--optimizer', 'adam'], /--optimizer: unknown optimizer "adam"/],
      [['--lr', '0.1', '--steps', 'many'], /--steps: must be a whole number/],
      [['--lr', '0.1', '--plot', 'x.pdf'], /--plot: "x.pdf" must end in .svg or .png/],
      [['--lr', '0.1', '--precision', 'interval:20'], /--precision: trace runs in f64 or dec:N/],
    ] as [string[], RegExp][]) {
      const r = await cli(...base, ...extra);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.err).toMatch(re);
    }
  });
});
