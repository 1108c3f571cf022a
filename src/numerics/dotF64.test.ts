import { describe, expect, it } from 'vitest';
import { decimalField } from './decimalField.js';
import { dotF64 } from './dotF64.js';
import { f64 } from './f64Field.js';
import { dot } from './linalg.js';

describe('dotF64', () => {
  // Entries of mixed sign and scale, so that the order of the sum shows in the last bits.
  const a = Array.from({ length: 37 }, (_, i) => Math.sin(i + 1) * 10 ** ((i % 7) - 3));
  const b = Array.from({ length: 37 }, (_, i) => Math.cos(3 * i) * 10 ** (2 - (i % 5)));

  it('is the Field inner product in f64, to the bit, on plain and typed arrays', () => {
    expect(dotF64(a, b)).toBe(dot(f64, a, b));
    expect(dotF64(Float64Array.from(a), Float64Array.from(b))).toBe(dot(f64, a, b));
  });

  it('agrees with the exact sum (50 digits) to the rounding of 37 products', () => {
    const D = decimalField(50);
    const exact = D.toNumber(
      dot(
        D,
        a.map((x) => D.from(x)),
        b.map((x) => D.from(x)),
      ),
    );
    const scale = a.reduce((s, x, i) => s + Math.abs(x * b[i]), 0);
    expect(Math.abs(dotF64(a, b) - exact)).toBeLessThan(37 * 2 ** -52 * scale);
  });
});
