import { describe, expect, it } from 'vitest';
import { parseNetworkParams } from './parseNetworkParams.js';

describe('parseNetworkParams', () => {
  it('fills defaults and converts numbers', () => {
    expect(parseNetworkParams('mlp', { width: '32', dataset: 'digits', classes: '3' })).toEqual({
      model: 'mlp',
      width: 32,
      depth: 1,
      activation: 'tanh',
      dataset: 'digits',
      n: 100,
      seed: 1,
      inputDim: 8,
      classes: 3,
      loss: 'mse',
      hvp: 'nested',
      lanczosIter: 60,
      f64Every: 0,
    });
  });

  it('names the parameter and the rule on bad input', () => {
    expect(() => parseNetworkParams('mlp', { width: '0' })).toThrow(/^width=0: must be an integer in \[1, 4096\]/);
    expect(() => parseNetworkParams('mlp', { width: '1.5' })).toThrow(/^width=1.5/);
    expect(() => parseNetworkParams('mlp', { activation: 'gelu' })).toThrow(/^activation=gelu: must be one of tanh, relu, softplus, linear, sigmoid/);
    expect(() => parseNetworkParams('cnn', { colour: 'red' })).toThrow(/^colour: unknown for model cnn/);
  });
});
