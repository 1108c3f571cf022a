import { describe, expect, it } from 'vitest';
import { uvRun } from './uvInstance.js';

describe('uvRun', () => {
  it("writes the fields in the order fixtures record them, the claim's own last", () => {
    const r = uvRun('1.5', '0.2', '0.3', 40, { kappa: '2.1' });
    expect(JSON.stringify(r)).toBe('{"model":"uv","params":{"target":"1"},"theta":["1.5","0.2"],"lr":"0.3","steps":40,"kappa":"2.1"}');
  });
});
