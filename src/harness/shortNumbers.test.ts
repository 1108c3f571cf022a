import { describe, expect, it } from 'vitest';
import { shortNumbers } from './shortNumbers.js';

describe('shortNumbers', () => {
  it('cuts long decimal literals to 10 significant digits and leaves short ones and words alone', () => {
    const eighty = `0.${'3'.repeat(80)}`;
    expect(shortNumbers(`L rose from ${eighty} to -1.23456789012345678e-7 at step 12 (dec:80, θ1 = 0.5)`)).toBe(
      'L rose from 0.3333333333 to -1.23456789e-7 at step 12 (dec:80, θ1 = 0.5)',
    );
    expect(shortNumbers('hash 38836a2ec131 and 12345678901234 and 0.0001')).toBe('hash 38836a2ec131 and 12345678900000 and 0.0001');
    expect(shortNumbers('0.1234567890')).toBe('0.1234567890');
  });
});
