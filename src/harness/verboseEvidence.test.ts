import { describe, expect, it } from 'vitest';
import { verboseEvidenceLine } from './verboseEvidence.js';

describe('verboseEvidenceLine', () => {
  it('prints the verdict, code, message and every detail', () => {
    const line = verboseEvidenceLine('x.claim', 3, {
      verdict: 'holds',
      evidence: {
        code: 'ok',
        message: 'fine',
        observed: 1,
        bound: 2,
        margin: 0.5,
        precision: 'f64',
        details: { fitSlope: 1.0234567, fitRungs: 'ε=0.1: 0.01', steps: 40 },
      },
    });
    expect(line).toBe('x.claim run 3: holds (ok) fine\n    fitSlope: 1.023\n    fitRungs: ε=0.1: 0.01\n    steps: 40\n');
  });
});
