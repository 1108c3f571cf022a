import type { Claim } from '../claim.js';
import { agarwala2dClosure } from './agarwala.js';
import { agarwalaGenericHighDim } from './genericHighDim.js';

export const AGARWALA_CLAIMS: readonly Claim[] = [agarwala2dClosure, agarwalaGenericHighDim] as unknown as readonly Claim[];
