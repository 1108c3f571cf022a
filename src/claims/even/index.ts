import type { Claim } from '../claim.js';
import { evenEosFinalSharpness } from './eosFinalSharpness.js';
import { evenHyperbolicIdentity, evenInvariantIdentity } from './even.js';
import { evenImplicitBias } from './implicitBias.js';
import { evenLargeStepsHurt } from './largeStepsHurt.js';

export const EVEN_CLAIMS: readonly Claim[] = [evenInvariantIdentity, evenHyperbolicIdentity];

export const EVEN_BIAS_CLAIMS: readonly Claim[] = [evenImplicitBias, evenLargeStepsHurt, evenEosFinalSharpness];
