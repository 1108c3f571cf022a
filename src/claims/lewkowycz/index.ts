import type { Claim } from '../claim.js';
import { lewkowyczCatapultWindow, lewkowyczFlMap, lewkowyczLambdaY0 } from './lewkowycz.js';

export const LEWKOWYCZ_CLAIMS: readonly Claim[] = [lewkowyczFlMap, lewkowyczLambdaY0, lewkowyczCatapultWindow];
