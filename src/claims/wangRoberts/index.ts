import type { Claim } from '../claim.js';
import { swapIsNotRotation } from './swapIsNotRotation.js';
import { depth1NoRotation } from './wangRoberts.js';

/** The Wang–Roberts claims on depth 1 and on the balanced uv set, in catalog order (the rotation and flattening claims follow). */
export const WANG_ROBERTS_CLAIMS: readonly Claim[] = [depth1NoRotation, swapIsNotRotation] as readonly Claim[];
