import type { Claim } from '../claim.js';
import type { QuadraticGdInstance } from './quadraticGdInstance.js';
import { descentLemmaQuadratic, quadraticIncreasesAboveEdge, quadraticMonotoneBelowEdge } from './classical.js';

/** The classical claims, in catalog order. */
export const CLASSICAL_CLAIMS: readonly Claim<QuadraticGdInstance>[] = [quadraticMonotoneBelowEdge, quadraticIncreasesAboveEdge, descentLemmaQuadratic];
