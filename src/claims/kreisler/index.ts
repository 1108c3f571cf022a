import type { Claim } from '../claim.js';
import { kreislerConvergesToEos } from './convergesToEos.js';
import { kreislerGfsMonotone, kreislerPairGap } from './kreisler.js';

export const KREISLER_CLAIMS: readonly Claim[] = [kreislerPairGap, kreislerGfsMonotone, kreislerConvergesToEos];
