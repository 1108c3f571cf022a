/**
 * Public surface of the claims layer: how to declare a claim, the built-in catalog, and the
 * helpers the built-in claims are made of (for user claims in `eoscheck check --claims FILE`).
 */
export type {
  ArtifactVerdict,
  CheckContext,
  Citation,
  Claim,
  ClaimDef,
  ClaimKind,
  ClaimTolerance,
  DivergedVerdict,
  Evidence,
  EvidenceInput,
  HoldsVerdict,
  InconclusiveReason,
  InconclusiveVerdict,
  Instance,
  InstanceJson,
  NegativeControl,
  Outcome,
  ResolvedTolerance,
  Verdict,
  VerdictKind,
  ViolatedVerdict,
} from './claim.js';
export { defineClaim, isClaim } from './defineClaim.js';
export { DEFAULT_BUDGET, DEFAULT_LADDER } from '../settings.js';
export { BUILTIN_CLAIMS, CATALOG_GROUPS, selectClaims, withUserClaims } from './registry.js';
export { loadClaimsFile } from './loadClaimsFile.js';
export { instanceModel } from './instanceModel.js';
export { quadraticGdInstance, increaseHorizon, type QuadraticGdInstance, type QuadraticGdOptions } from './classical/quadraticGdInstance.js';
export { quadraticSetup, gdSteps, lossScale, type QuadraticSetup, type GdStep } from './classical/quadraticGd.js';
export { CLASSICAL_CLAIMS } from './classical/index.js';
export { checkMonotoneLoss, descentLemmaQuadratic, quadraticIncreasesAboveEdge, quadraticMonotoneBelowEdge } from './classical/classical.js';
export { ORACLE_CLAIMS, ORACLE_BOUNDS, type OracleInstance } from './oracles/oracle.js';
export * from './papers.js';
export { DAMIAN_CLAIMS } from './damian/index.js';
export { DAMIAN_TRACKING_CLAIMS } from './damian/index.js';
export { ARORA_CLAIMS } from './arora/index.js';
export { WANG_ROBERTS_CLAIMS } from './wangRoberts/index.js';
export { WXZT_CLAIMS } from './wangXuZhaoTao/index.js';
export { WXZT_MORE_CLAIMS } from './wangXuZhaoTao/index.js';
export { AGARWALA_CLAIMS } from './agarwala/index.js';
export { COHEN_CLAIMS } from './cohen/index.js';
export { COHEN_NETWORK_CLAIMS } from './cohen/index.js';
export { SMALL_MLP, PAPER_MLP, mlpEosInstances } from './cohen/cohenNetworks.js';
export { KREISLER_CLAIMS } from './kreisler/index.js';
export { EVEN_CLAIMS } from './even/index.js';
export { EVEN_BIAS_CLAIMS } from './even/index.js';
export { LEWKOWYCZ_CLAIMS } from './lewkowycz/index.js';
export { CHEN_CLAIMS } from './chen/index.js';
export { ZHU_CLAIMS } from './zhu/index.js';
