import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test-support/cli.js';

const small = ['--model', 'mlp', '--param', 'width=4', '--param', 'n=12', '--param', 'inputDim=3', '--param', 'lanczosIter=12'];

describe('eoscheck trace --model mlp|cnn (TensorFlow.js)', () => {
  it('writes the trace JSON of the analytic models plus the backend; CSV and plot take it; the float64 reference agrees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-net-'));
    const r = await cli(
      'trace',
      ...small,
      '--param',
      'f64Every=1',
      '--backend',
      'cpu',
      '--lr',
      '0.2',
      '--steps',
      '6',
      '--every',
      '3',
      '--json',
      '--csv',
      join(dir, 't.csv'),
      '--plot',
      join(dir, 't.svg'),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ model: 'mlp', optimizer: 'gd', precision: 'f32', backend: 'cpu', dim: 3 * 4 + 4 + 4 + 1, diverged: false });
    expect(j.steps.map((s: { t: number }) => s.t)).toEqual([0, 3, 6]);
    for (const s of j.steps) {
      expect(s.loss).toBeGreaterThan(0);
      // float32 Lanczos over nested-gradient HVPs vs the exact float64 R-operator at the same θ
      expect(Math.abs(s.sharpness - s.sharpnessF64) / s.sharpnessF64).toBeLessThan(1e-3);
    }
    expect(readFileSync(join(dir, 't.csv'), 'utf8').split('\n')[0]).toMatch(/^t,loss,sharpness,gradNorm,edge/);
    expect(readFileSync(join(dir, 't.svg'), 'utf8')).toMatch(/^<svg[\s\S]*2\/η = 10/);
  }, 60_000);

  it('human output names the network, the parameter count and the backend; cnn runs too', async () => {
    const r = await cli('trace', ...small, '--lr', '0.1', '--steps', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^mlp 3-4-1 tanh, mse on random-labels\(n=12, d=3, seed=2\) · 21 parameters · gd · η = 0.1 · f32 on tfjs (wasm|tensorflow|cpu)/);
    const c = await cli(
      'trace',
      '--model',
      'cnn',
      '--param',
      'width=2',
      '--param',
      'dataset=digits',
      '--param',
      'n=20',
      '--param',
      'lanczosIter=8',
      '--lr',
      '0.05',
      '--steps',
      '1',
      '--json',
    );
    expect(c.err).toBe('');
    expect(JSON.parse(c.out)).toMatchObject({ model: 'cnn', precision: 'f32' });
  }, 60_000);

  it('bad input is one line naming the option, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--backend', 'gpu'], /--backend: must be one of tensorflow, wasm, cpu, got "gpu"/],
      [['--theta', '1,2'], /--theta: does not apply to --model mlp: a network starts from its seeded initialisation/],
      [['--precision', 'dec:50'], /--precision: does not apply to --model mlp: networks run in float32/],
      [['--param', 'width=0'], /--param: width=0: must be an integer in \[1, 4096\]/],
      [['--param', 'activation=gelu'], /--param: activation=gelu: must be one of/],
      [['--param', 'colour=red'], /--param: colour: unknown for model mlp/],
      [['--optimizer', 'flow'], /--optimizer: "flow" is not available for networks/],
      [['--optimizer', 'momentum', '--param', 'beta=1'], /--param: beta=1: must be in \[0, 1\)/],
    ];
    for (const [extra, re] of cases) {
      const r = await cli('trace', '--model', 'mlp', '--lr', '0.1', '--steps', '1', ...extra);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.err).toMatch(re);
    }
    expect((await cli('trace', '--model', 'mlp', '--steps', '1')).err).toMatch(/--lr: is required/);
    // Without @tensorflow/tfjs-node installed (never a dependency), asking for it says how to get it.
    const tf = await cli('trace', '--model', 'mlp', '--lr', '0.1', '--steps', '1', '--backend', 'tensorflow');
    let installed = true;
    try {
      await import('@tensorflow/tfjs-node' as string);
    } catch {
      installed = false;
    }
    if (!installed) {
      expect(tf.code).toBe(2);
      expect(tf.err).toMatch(/--backend: tensorflow is unavailable.*npm install @tensorflow\/tfjs-node.*--backend wasm/);
    }
    const q = await cli('trace', '--model', 'quadratic', '--theta', '1', '--lr', '1', '--backend', 'wasm');
    expect(q.err).toMatch(/--backend: applies to networks only/);
    // The update rule's --param keys go through the same parser as the model's: a repeat is an error, not "last wins".
    const twice = await cli(
      'trace',
      '--model',
      'quadratic',
      '--theta',
      '1',
      '--lr',
      '0.5',
      '--optimizer',
      'momentum',
      '--param',
      'beta=0.5',
      '--param',
      'beta=0.9',
    );
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/--param: "beta" given more than once/);
    expect((await cli('trace', ...small, '--lr', '0.1', '--param', 'width=3', '--param', 'width=4')).err).toMatch(/--param: "width" given more than once/);
  }, 120_000);
});
