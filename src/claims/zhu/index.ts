import type { Claim } from '../claim.js';
import { zhuExactIdentity, zhuFinalSharpness } from './zhu.js';

export const ZHU_CLAIMS: readonly Claim[] = [zhuExactIdentity, zhuFinalSharpness];
