import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

/**
 * The public API, pinned: adding, renaming or removing an export of `eoscheck` must change this
 * list too, so it is a decision and not an accident. Values are checked on the module itself;
 * types (which leave no trace at run time) on the source of src/index.ts.
 */
const VALUES = [
  'BUILTIN_CLAIMS',
  'CATALOG_GROUPS',
  'DEFAULT_BUDGET',
  'DEFAULT_LADDER',
  'DIVERGENCE_BOUND',
  'EoscheckError',
  'IndeterminateError',
  'Interval',
  'MODELS',
  'NOT_CERTIFIABLE',
  'NonFiniteError',
  'OBSERVERS',
  'OPTIMIZER_IDS',
  'UsageError',
  'axpy',
  'checkDerivatives',
  'checkMonotoneLoss',
  'claimsToRun',
  'closeTo',
  'createOptimizer',
  'decimalField',
  'decimalMatrix',
  'decimalText',
  'decimalVector',
  'defaultObservers',
  'defineClaim',
  'dot',
  'eigSym',
  'evaluate',
  'f64',
  'fc',
  'fieldFor',
  'formatFailure',
  'formatPrecision',
  'getModelDef',
  'hunt',
  'inspectPoint',
  'instanceHash',
  'instanceModel',
  'intervalField',
  'isClaim',
  'junitXml',
  'lanczos',
  'listFixtures',
  'loadClaimsFile',
  'markdownSummary',
  'matMul',
  'matVec',
  'mergeReports',
  'norm2',
  'observersByName',
  'parsePrecision',
  'principalAngles',
  'quadraticGdInstance',
  'readFixture',
  'relError',
  'reportJson',
  'resolveTolerance',
  'runCheck',
  'runClaim',
  'runControls',
  'runTrajectory',
  'scale',
  'seedFor',
  'selectClaims',
  'sharpness',
  'sharpnessGradient',
  'symmetricMatrix',
  'topEigenpairs',
  'transpose',
  'unitRoundoff',
  'vecSub',
  'vectorAngle',
  'writeFixture',
];

const TYPES = [
  'ArtifactVerdict',
  'BoundModel',
  'CheckContext',
  'CheckReport',
  'CheckRun',
  'Citation',
  'Claim',
  'ClaimDef',
  'ClaimKind',
  'ClaimResult',
  'ClaimRow',
  'ClaimTolerance',
  'ControlRow',
  'Counterexample',
  'Counts',
  'DecimalText',
  'DerivativeReport',
  'DivergedVerdict',
  'EvaluateOptions',
  'Evaluation',
  'Evidence',
  'EvidenceInput',
  'Field',
  'Fixture',
  'HoldsVerdict',
  'HuntOptions',
  'HuntResult',
  'InconclusiveReason',
  'InconclusiveVerdict',
  'Instance',
  'InstanceJson',
  'Mat',
  'Model',
  'ModelDef',
  'ModelInput',
  'NegativeControl',
  'Observer',
  'ObserverFactory',
  'OptimizerId',
  'Outcome',
  'PointReport',
  'Precision',
  'QuadraticGdInstance',
  'ResolvedTolerance',
  'RunCheckOptions',
  'RunClaimOptions',
  'RunConfig',
  'RunControlsOptions',
  'RunResult',
  'SharpnessGradient',
  'TopEigenpairs',
  'TraceEvent',
  'TraceRow',
  'Vec',
  'Verdict',
  'VerdictKind',
  'ViolatedVerdict',
];

const root = join(import.meta.dirname, '..');
const source = readFileSync(join(import.meta.dirname, 'index.ts'), 'utf8');

/** The names of every `export { … }` list of a module's source, `type X` ones marked. */
function exportLists(text: string): { values: string[]; types: string[] } {
  const names = [...text.matchAll(/export (type )?\{([^}]*)\}/g)].flatMap((m) =>
    m[2]
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((n) => (m[1] !== undefined ? `type ${n}` : n)),
  );
  return {
    values: names.filter((n) => !n.startsWith('type ')).sort(),
    types: names
      .filter((n) => n.startsWith('type '))
      .map((n) => n.slice(5))
      .sort(),
  };
}

/** Names imported from 'eoscheck' in a document's code. */
function importedFromPackage(text: string): string[] {
  return [...text.matchAll(/import \{([^}]*)\} from 'eoscheck'/g)].flatMap((m) =>
    m[1]
      .split(',')
      .map((n) => n.trim().replace(/^type /, ''))
      .filter((n) => n !== ''),
  );
}

describe('the public API of eoscheck', () => {
  it('exports exactly the pinned values', () => {
    expect(Object.keys(api).sort()).toEqual([...VALUES].sort());
  });

  it('names every export (no export *), and exactly the pinned types', () => {
    expect(source).not.toMatch(/export \*/);
    const { values, types } = exportLists(source);
    expect(values).toEqual([...VALUES].sort());
    expect(types).toEqual([...TYPES].sort());
  });

  it('exports every name docs/claim-api.md and the README import or mention', () => {
    const exported = new Set([...VALUES, ...TYPES]);
    const doc = readFileSync(join(root, 'docs/claim-api.md'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const imported = [...importedFromPackage(doc), ...importedFromPackage(readme)];
    expect(imported.length).toBeGreaterThan(10);
    // API names in the prose: `Name` (types, constants) and `name(` (functions), outside code blocks.
    const prose = doc.replace(/```[\s\S]*?```/g, '');
    const NOT_API = new Set(['F', 'T', 'NaN', 'TypeError', 'check']);
    const mentioned = [...prose.matchAll(/`([A-Za-z][A-Za-z0-9_]*)(\(|<|`)/g)]
      .filter((m) => /^[A-Z]/.test(m[1]) || m[2] !== '`')
      .map((m) => m[1])
      .filter((n) => !NOT_API.has(n));
    expect(mentioned.length).toBeGreaterThan(10);
    expect([...new Set([...imported, ...mentioned])].filter((n) => !exported.has(n))).toEqual([]);
  });

  it('exports the fast-check the harness runs with', async () => {
    const fc = (await import('fast-check')).default;
    expect(api.fc).toBe(fc);
  });
});
