export { createOptimizer } from './createOptimizer.js';
export { flow, flowTolerance, type FlowOptions } from './flow.js';
export { gd } from './gd.js';
export { gdToEdge, type EdgeSearch } from './gdToEdge.js';
export { momentum } from './momentum.js';
export { ngd } from './ngd.js';
export { NonFiniteError } from '../errors.js';
export type {
  Observed,
  ObserveContext,
  Observer,
  ObserverEnv,
  ObserverFactory,
  ObserverOutput,
  TraceEvent,
} from './observer.js';
export {
  OPTIMIZER_IDS,
  type FlowStats,
  type Optimizer,
  type OptimizerId,
  type OptimizerSpec,
  type OptimizerState,
  type ProjectionReport,
  type Scalar,
} from './optimizer.js';
export { pgd, projectionTolerance, projectOntoStableSet, type ProjectionOptions } from './pgd.js';
export { pointInfo, type PointInfo } from './pointInfo.js';
export { replayFrom } from './replayFrom.js';
export { DIVERGENCE_BOUND } from '../settings.js';
export {
  runTrajectory,
  type RunConfig,
  type RunResult,
  type RunStart,
  type TraceRow,
} from './runTrajectory.js';
export { sqrtGd } from './sqrtGd.js';
export type { StepperF64 } from './stepperF64.js';
export { fieldJson, observedJson, traceJson, type JsonValue, type TraceJson, type TraceJsonRow } from './traceJson.js';
