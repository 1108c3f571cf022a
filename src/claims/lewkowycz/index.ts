import type { Claim } from '../claim.js';
import { lewkowyczCatapultWindow } from './catapultWindow.js';
import { lewkowyczFlMap, lewkowyczLambdaY0 } from './lewkowycz.js';

export const LEWKOWYCZ_CLAIMS: readonly Claim[] = [lewkowyczFlMap, lewkowyczLambdaY0, lewkowyczCatapultWindow];
