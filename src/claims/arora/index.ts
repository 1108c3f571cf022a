import type { Claim } from '../claim.js';
import { ARORA_CODIM_CLAIMS } from './codimTwoFlow.js';
import { enterEosCodim2 } from './codimTwoEos.js';
import { uvExactBalancingRate } from './arora.js';
import { ngdLimitingFlow, ngdTwoCycleHarmonicMean, sqrtEntersEos, sqrtLimitingFlow } from './manifoldToy.js';
import { sharpnessDecreasesAlongFlow } from './sharpnessAlongFlow.js';

/** The Arora–Li–Panigrahi claims, in catalog order. */
export const ARORA_CLAIMS: readonly Claim[] = [
  uvExactBalancingRate,
  ngdTwoCycleHarmonicMean,
  sqrtEntersEos,
  ngdLimitingFlow,
  sqrtLimitingFlow,
  sharpnessDecreasesAlongFlow,
  ...ARORA_CODIM_CLAIMS,
  enterEosCodim2,
] as readonly Claim[];
