import { type MlpEdgeInstance, type MlpEdgeRun, type MlpEdgeSize, recordedMlpEdgeRun } from '../../src/claims/damian/mlpEdgeRun.js';
import { MLP_LEVEL, mlp8161PredictionsTrack, mlpPredictionsTrack } from '../../src/claims/damian/mlpPredictions.js';
import type { Claim } from '../../src/claims/claim.js';
import { type Boundary, boundary } from './boundary.js';

/**
 * The float64 MLP self-stabilization claims (opt-in: a window is 1000 steps of the network): their own check on
 * recorded runs whose window-mean errors sit a stated amount past and inside the level 0.5 of each prediction's
 * effect (δ²/η for the loss, √(2α) for the sharpness), and the Wilson decision at their thresholds. The runs are
 * supplied through recordedMlpEdgeRun (installed by the boundary suite around its tests), so no network runs.
 */

/** A window whose errors are `loss`·δ²/η and `sharpness`·√(2α) exactly: δ²/η = 1 and √(2α) = 1 (also the recorded runs of properties/papers/damianMlpInstances.test.ts). */
export function run(loss: number, sharpness: number): MlpEdgeRun {
  return {
    eta: 0.25,
    kappa0: 0.55,
    crossing: 120,
    steps: 1000,
    eps: 0.05,
    meanL: 2,
    meanLPred: 2 - loss,
    meanLLin: 1,
    meanLDagger: 1.5,
    meanS: 8,
    meanSPred: 8 + sharpness,
    meanSLin: 8,
    meanDelta2: 0.25,
    meanRoot2Alpha: 1,
    pointwiseL: 0.1,
    pointwiseS: 0.05,
    alphaMin: 0.8,
    lambda2Max: 0.6,
    gapMin: 0.5,
    xMax: 1.2,
  };
}

const recorded: [MlpEdgeInstance, MlpEdgeRun][] = [];
/** An instance of the claim's network whose run is `r` (seeds numbered apart per run, so each has its own record). */
function instance(size: MlpEdgeSize, r: MlpEdgeRun): MlpEdgeInstance {
  const inst: MlpEdgeInstance = { model: 'mlp-f64', size, seed: 900_000 + recorded.length, dataSeed: 7, lr: '0.25', kappa0: '0.55' };
  recorded.push([inst, r]);
  return inst;
}

/** Installs the recorded runs; returns the undo (the boundary suite calls it in beforeAll / afterAll). */
export function recordedMlpRuns(): () => void {
  const undo = recorded.map(([inst, r]) => recordedMlpEdgeRun(inst, r));
  return () => {
    for (const u of undo) u();
  };
}

const LEVEL = `the level ${MLP_LEVEL} of each prediction's effect is a constant of the statement; the declared tolerance is 0`;
const WHY = 'the float64 network runs are checked in f64 only';

function boundaries(claim: Claim<MlpEdgeInstance>, size: MlpEdgeSize, decision: Boundary['decision']): { first: Boundary; second: Boundary } {
  const inside = [instance(size, run(0.475, 0.475)), instance(size, run(0, 0.475)), instance(size, run(0.475, 0))];
  return {
    first: boundary(claim, {
      notTolerance: LEVEL,
      f64Only: { code: 'loss_prediction_off', why: WHY },
      outside: {
        description: `window means 0.525·δ²/η apart in the loss (5% past the level ${MLP_LEVEL}), the sharpness within it`,
        instances: [instance(size, run(0.525, 0.1)), instance(size, run(0.525, 0.475))],
      },
      inside,
      decision,
    }),
    second: boundary(claim, {
      notTolerance: LEVEL,
      f64Only: { code: 'sharpness_prediction_off', why: WHY },
      outside: {
        description: `window means 0.525·√(2α) apart in the sharpness (5% past the level ${MLP_LEVEL}), the loss within it`,
        instances: [instance(size, run(0.1, 0.525)), instance(size, run(0.475, 0.525))],
      },
      inside: [],
      decision,
    }),
  };
}

const digits = boundaries(mlpPredictionsTrack, 'digits', { runs: 24, holdsFrom: 17, violatedUpTo: 7 });
const synthetic = boundaries(mlp8161PredictionsTrack, 'synthetic-100', { runs: 72, holdsFrom: 45, violatedUpTo: 27 });

/** The first boundary of each claim (the loss prediction) and, apart, the second (the sharpness prediction). */
export const MLP_BOUNDARIES: readonly Boundary[] = [digits.first, synthetic.first];
export const MLP_SECOND: readonly Boundary[] = [digits.second, synthetic.second];
