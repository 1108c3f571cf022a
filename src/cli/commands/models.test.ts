import { describe, expect, it } from 'vitest';
import { MODELS } from '../../models/registry.js';
import { cli } from '../../../test-support/cli.js';

describe('eoscheck models', () => {
  it('lists every analytic model of the registry, then the two networks of trace, with their --param defaults', async () => {
    const r = await cli('models', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { id: string; kind: string; params: unknown; datasets?: string[] }[];
    expect(j.filter((m) => m.kind === 'analytic').map((m) => m.id)).toEqual(MODELS.map((m) => m.id));
    expect(j.filter((m) => m.kind === 'network').map((m) => m.id)).toEqual(['mlp', 'cnn']);
    expect(j.find((m) => m.id === 'mlp')?.params).toMatchObject({ width: '16', activation: 'tanh', dataset: 'random-labels' });
    // The CNN reads images: its default data set is the digits, the only one with an image shape.
    expect(j.find((m) => m.id === 'cnn')).toMatchObject({ params: { dataset: 'digits' }, datasets: ['digits'] });
    const text = await cli('models');
    expect(text.out).toMatch(/^quadratic /);
    expect(text.out).toMatch(/\nNetworks \(trace only, float32 on TensorFlow\.js; see the README\):\nmlp /);
  });
});
