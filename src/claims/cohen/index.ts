import type { Claim } from '../claim.js';
import { momentumThresholds, quadraticDivergenceRate } from './cohen.js';
import { eosHoverCubicToy } from './hoverCubicToy.js';
import { eosHover, progressiveSharpening } from './mlpEos.js';

/** The Cohen et al. claims, in catalog order. */
export const COHEN_CLAIMS: readonly Claim[] = [quadraticDivergenceRate, momentumThresholds, eosHoverCubicToy] as unknown as readonly Claim[];

/** Cohen et al.'s network claims (float64 MLP), in catalog order. */
export const COHEN_NETWORK_CLAIMS: readonly Claim[] = [progressiveSharpening, eosHover] as unknown as readonly Claim[];
