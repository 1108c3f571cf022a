import type { Claim } from '../claim.js';
import { constrainedProjection } from './constrainedTrajectory.js';
import { deepLinearLossPredictionOrder } from './deepLinearSelfStabilization.js';
import { DIAGONAL_LINEAR_EDGE_CLAIMS } from './diagonalLinearSelfStabilization.js';
import { fourStages } from './fourStages.js';
import { mlp8161PredictionsTrack, mlpPredictionsTrack } from './mlpPredictions.js';
import { odeConservedQuantity } from './odeConservedQuantity.js';
import { predictedDynamicsExact, predictedDynamicsTracking } from './predictedDynamics.js';
import { reducedMapExact } from './reducedMap.js';
import { timeAveragedLoss } from './timeAveragedLoss.js';
import { timeAverageSharpness, timeAverageXSquared } from './timeAverages.js';
import { twoLayerLossPredictionOrder, twoLayerSharpnessPredictionOrder, twoLayerTrackingOrder, twoLayerTracksPgdNotFlow } from './twoLayerSelfStabilization.js';

/** The Damian–Nichani–Lee claims, in catalog order. */
export const DAMIAN_CLAIMS: readonly Claim[] = [
  reducedMapExact,
  fourStages,
  timeAverageXSquared,
  timeAverageSharpness,
  constrainedProjection,
] as unknown as readonly Claim[];

/**
 * The predicted-dynamics, loss and conserved-quantity claims of Damian–Nichani–Lee, in catalog order:
 * on the toy models, then on the two-layer tanh network (orders of convergence in ε), then on the float64 MLP (statistical over seeds), then on the diagonal and deep linear networks.
 */
export const DAMIAN_TRACKING_CLAIMS: readonly Claim[] = [
  predictedDynamicsExact,
  predictedDynamicsTracking,
  timeAveragedLoss,
  odeConservedQuantity,
  twoLayerTrackingOrder,
  twoLayerLossPredictionOrder,
  twoLayerSharpnessPredictionOrder,
  twoLayerTracksPgdNotFlow,
  mlpPredictionsTrack,
  mlp8161PredictionsTrack,
  ...DIAGONAL_LINEAR_EDGE_CLAIMS,
  deepLinearLossPredictionOrder,
] as unknown as readonly Claim[];
