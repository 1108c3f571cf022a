/** Public surface of the harness: run claims, hunt, store and replay counterexamples, merge shards, report. */
export { evaluate, checkAt, type Evaluation, type EvaluateOptions } from './evaluate.js';
export { runClaim, fixtureOf, type ClaimResult, type Counterexample, type RunClaimOptions, type StopFlag } from './runClaim.js';
export { runCheck, type CheckRun, type RunCheckOptions } from './runCheck.js';
export { hunt, type HuntOptions, type HuntResult } from './hunt.js';
export { mergeReports } from './mergeReports.js';
export { claimVerdict, reportJson, type CheckReport, type ClaimRow, type Counts } from './report.js';
export { readFixture, writeFixture, listFixtures } from './fixtureStore.js';
export type { Fixture } from './fixture.js';
export { canonicalJson, instanceHash } from './canonicalJson.js';
export { generateInstance, instanceAtPath } from './generateInstance.js';
export { parseShard, formatShard, type Shard } from './shard.js';
export { formatFailure } from './formatFailure.js';
export { junitXml } from './junitXml.js';
export { markdownSummary } from './markdownSummary.js';
export { resolveTolerance } from './checkContext.js';
export { runControls, controlsMarkdown, CONTROL_RUNS, type ControlRow, type RunControlsOptions } from './runControls.js';
export { claimsToRun, loadClaims } from './loadClaims.js';
