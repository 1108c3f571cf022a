import type { Claim } from '../claim.js';
import { depth2RotationUnderInstability, flattening } from './depth2.js';
import { swapIsNotRotation } from './swapIsNotRotation.js';
import { depth1NoRotation } from './wangRoberts.js';

/** The Wang–Roberts claims, in catalog order. */
export const WANG_ROBERTS_CLAIMS: readonly Claim[] = [depth1NoRotation, depth2RotationUnderInstability, flattening, swapIsNotRotation] as readonly Claim[];
