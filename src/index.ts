/**
 * eoscheck's library API, named one by one (src/index.test.ts pins the list, so a change to it is
 * deliberate). In layer order: numerics → models → spectral → dynamics → observers → claims →
 * harness. Deeper paths are internal; the networks on TensorFlow.js are `eoscheck/tfjs`.
 */
import fc from 'fast-check';

/** The fast-check eoscheck runs claims with: build claim arbitraries from it, so there is one copy of it. */
export { fc };

export { EoscheckError, IndeterminateError, NOT_CERTIFIABLE, UsageError } from './errors.js';

// Arithmetic: a Field per precision, exact decimal input, eigensolvers, small linear algebra.
export {
  axpy,
  closeTo,
  decimalField,
  dot,
  eigSym,
  f64,
  fieldFor,
  formatPrecision,
  Interval,
  intervalField,
  matMul,
  matVec,
  norm2,
  parsePrecision,
  relError,
  scale,
  transpose,
  unitRoundoff,
  vecSub,
  type Field,
  type Mat,
  type Precision,
  type Vec,
} from './numerics/index.js';

// The analytic models: closed-form loss, gradient, Hessian and ∇³L[u,u] in any Field.
export {
  checkDerivatives,
  getModelDef,
  MODELS,
  type BoundModel,
  type DecimalText,
  type DerivativeReport,
  type Model,
  type ModelDef,
  type ModelInput,
} from './models/index.js';

// Spectra: the point report of `inspect`, sharpness and its gradient, Lanczos, angles.
export {
  inspectPoint,
  lanczos,
  principalAngles,
  sharpness,
  sharpnessGradient,
  topEigenpairs,
  vectorAngle,
  type PointReport,
  type SharpnessGradient,
  type TopEigenpairs,
} from './spectral/index.js';

// Trajectories: the optimizers of `trace` and the observers that measure along them.
export {
  createOptimizer,
  DIVERGENCE_BOUND,
  NonFiniteError,
  OPTIMIZER_IDS,
  runTrajectory,
  type Observer,
  type ObserverFactory,
  type OptimizerId,
  type RunConfig,
  type RunResult,
  type TraceEvent,
  type TraceRow,
} from './dynamics/index.js';
export { defaultObservers, OBSERVERS, observersByName } from './observers/index.js';

// Claims: how to declare one, what a check gets and returns, the built-in catalog.
export {
  BUILTIN_CLAIMS,
  CATALOG_GROUPS,
  checkMonotoneLoss,
  DEFAULT_BUDGET,
  DEFAULT_LADDER,
  defineClaim,
  instanceModel,
  isClaim,
  loadClaimsFile,
  quadraticGdInstance,
  selectClaims,
  type ArtifactVerdict,
  type CheckContext,
  type Citation,
  type Claim,
  type ClaimDef,
  type ClaimKind,
  type ClaimTolerance,
  type DivergedVerdict,
  type Evidence,
  type EvidenceInput,
  type HoldsVerdict,
  type InconclusiveReason,
  type InconclusiveVerdict,
  type Instance,
  type InstanceJson,
  type NegativeControl,
  type Outcome,
  type QuadraticGdInstance,
  type ResolvedTolerance,
  type Verdict,
  type VerdictKind,
  type ViolatedVerdict,
} from './claims/index.js';
export { decimalMatrix, decimalText, decimalVector, symmetricMatrix } from './arbitraries/decimalText.js';
export { seedFor } from './arbitraries/seedFor.js';

// The harness: run claims and their controls, hunt, store and replay counterexamples, report.
export {
  claimsToRun,
  evaluate,
  formatFailure,
  hunt,
  instanceHash,
  junitXml,
  listFixtures,
  markdownSummary,
  mergeReports,
  readFixture,
  reportJson,
  resolveTolerance,
  runCheck,
  runClaim,
  runControls,
  writeFixture,
  type CheckReport,
  type CheckRun,
  type ClaimResult,
  type ClaimRow,
  type ControlRow,
  type Counterexample,
  type Counts,
  type Evaluation,
  type EvaluateOptions,
  type Fixture,
  type HuntOptions,
  type HuntResult,
  type RunCheckOptions,
  type RunClaimOptions,
  type RunControlsOptions,
} from './harness/index.js';
