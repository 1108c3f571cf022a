/**
 * Fuzzing the CLI through its entry point (`run`, in-process): fast-check generators for each
 * command's inputs — odd numbers, formulas, model data, results files and fixtures, paths — and an
 * oracle every answer must meet: exit 0, 1, 2 or 130; exactly one line on stderr for exit 2; no raw
 * JavaScript error text; no NaN or Infinity on stdout; done within a time bound. Used by
 * properties/fuzz.test.ts (a few hundred cases in `npm test`) and `npm run fuzz` (thousands).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { run } from '../../src/cli/run.js';

export type Finding = 'crash' | 'hang' | 'nan';

export interface CaseResult {
  readonly argv: readonly string[];
  readonly code: number | 'threw';
  readonly ms: number;
  readonly out: string;
  readonly err: string;
  /** What is wrong with the answer; empty when it meets the oracle. */
  readonly findings: readonly Finding[];
}

/** Exit codes a correct answer may have (3 is how a bug surfaces: an error inside a check or eoscheck). */
const EXITS = new Set([0, 1, 2, 130]);
const RAW_ERROR =
  /TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack|\[object Object\]|Cannot read propert|is not a function|at [\w.<>]+ \(.*:\d+:\d+\)/;
const NON_FINITE = /\bNaN\b|Infinity/;

/** Runs one argv in-process and judges it against the oracle. */
export async function runCase(argv: readonly string[], timeBoundMs: number): Promise<CaseResult> {
  let out = '';
  let err = '';
  const t0 = performance.now();
  let code: number | 'threw';
  try {
    code = await run(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  } catch (e) {
    code = 'threw';
    err += e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const ms = performance.now() - t0;
  const findings: Finding[] = [];
  const crash = code === 'threw' || !EXITS.has(code) || RAW_ERROR.test(err) || (code === 2 && err.trim().split('\n').length !== 1);
  if (crash) findings.push('crash');
  if (NON_FINITE.test(out)) findings.push('nan');
  if (ms > timeBoundMs) findings.push('hang');
  return { argv, code, ms, out, err, findings };
}

// ─── generators ──────────────────────────────────────────────────────────────────────────────────

/** Where generated files go; every path a command writes points here, never into the repository. */
export function fuzzDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'eoscheck-fuzz-'));
  mkdirSync(join(d, 'fx'), { recursive: true });
  return d;
}

const ODD_NUMBERS = [
  '0',
  '-0',
  '1',
  '-1',
  '0.5',
  '2',
  '1e-400',
  '1e400',
  '-1e400',
  '1e308',
  '1e200',
  '1e154',
  '-1e154',
  '1e5',
  '1e-300',
  '9'.repeat(120),
  `0.${'3'.repeat(80)}`,
  '1.7976931348623157e308',
  '5e-324',
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  ' ',
  '0x10',
  '1e',
  '.5',
  '+3',
  '1_000',
  'abc',
];

/** A decimal text: mostly ordinary, sometimes at or past the edge of f64, sometimes not a number at all. */
export const numberText = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true }).map((x) => String(Math.round(x * 1000) / 1000)) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 1, arbitrary: fc.integer({ min: -500, max: 500 }).map((e) => `1e${e}`) },
);

const PROTO_NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'prototype', 'valueOf'];
const MODELS = [
  'quadratic',
  'deep-scalar',
  'deep-scalar-data',
  'uv',
  'inner-product',
  'matrix-factorization',
  'diagonal-linear',
  'quadratic-regression',
  'quartic',
  'minimalist',
  'manifold-toy',
  'cubic-toy',
  'expr',
];

const precision = fc.oneof(
  { weight: 6, arbitrary: fc.constant('f64') },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }).map((n) => `dec:${n}`) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 30 }).map((n) => `interval:${n}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('dec:300', 'interval:300', 'dec:2000', 'dec:10000', 'interval:10000', 'dec:0', 'dec:4', 'f32', 'dec:', 'dec:1e3', ''),
  },
);

/** Formulas from a small grammar over x, y: domain edges (1/x, log, asin, sqrt of negatives), towers, long chains. */
const formula: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', '1', '0', '2', 'pi', 'e', '1e400', '0.5'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([a, op, b]) => `(${a})${op}(${b})`),
    fc
      .tuple(fc.constantFrom('exp', 'log', 'sqrt', 'asin', 'acos', 'atanh', 'tan', 'cosh', 'abs', 'square', 'cube', 'sin'), tie('e'))
      .map(([f, a]) => `${f}(${a})`),
  ),
})).e;

const longFormula = fc
  .tuple(fc.integer({ min: 2, max: 2500 }), fc.constantFrom('+', '*', '-', '/', '^'))
  .map(([n, op]) => Array.from({ length: n }, () => 'x').join(op));

const exprFormula = fc.oneof(
  { weight: 6, arbitrary: formula },
  { weight: 1, arbitrary: longFormula },
  {
    weight: 1,
    arbitrary: fc.constantFrom('exp(exp(exp(exp(x))))', `${'('.repeat(120)}x${')'.repeat(120)}`, 'x[1]', 'import("fs")', 'a = 1', '', 'x ? y : 1', 'gamma(x)'),
  },
);

/** JSON model data: the right shapes with odd numbers, and wrong shapes. */
const dataJson = fc.oneof(
  // Odd numbers (or non-numbers: a JSON error) in the right places.
  fc
    .tuple(numberText, numberText)
    .map(([a, b]) => `{"A": [[${a}, 0.5], [0.5, 2]], "b": [${b}, 1], "x": [${a}, 1], "y": [1, ${b}], "X": [[${a}, 1]], "rank": 1}`),
  fc.constantFrom(
    '{"A": [[1e400, 0], [0, 1]]}',
    '{"A": [[1, 2], [3, 4]]}',
    '{"A": [[1]], "b": [1, 2]}',
    '{"x": [1, 2], "y": [3, 4]}',
    '{"x": [0, 0], "y": [1, 1]}',
    '{"X": [[1, 2], [3, 4]], "y": [1, 2]}',
    '{"A": [[1, 2], [3, 4]], "rank": 1}',
    '{"A": [[1, 2], [3, 4]], "rank": 1.5}',
    '{"__proto__": {"A": 1}}',
    '{"J": [[1, 0]], "Q": [[[1, 0], [0, 1]]], "y": [1]}',
    '[]',
    'null',
    '"str"',
    '{',
    '{"A": [[]]}',
    '{"A": [["1"]]}',
    '{"A": [[1]], "A": [[2]]}',
    '',
  ),
);

export interface Env {
  readonly dir: string;
  /** A file with this content, inside `dir`. */
  file(name: string, text: string): string;
}

export function makeEnv(): Env {
  const dir = fuzzDir();
  let k = 0;
  return {
    dir,
    file: (name, text) => {
      const p = join(dir, `${k++}-${name}`);
      writeFileSync(p, text);
      return p;
    },
  };
}

/** A valid model and point: id, θ length, params and data that go together. */
const VALID_MODELS: readonly { model: string; dim: number; params?: string[]; data?: string; expr?: string }[] = [
  { model: 'quadratic', dim: 2, data: '{"A": [[2, 0.5], [0.5, 1]], "b": [1, 0]}' },
  { model: 'deep-scalar', dim: 3, params: ['target=1'] },
  { model: 'deep-scalar-data', dim: 2, data: '{"x": [1, 2], "y": [1, 0.5]}' },
  { model: 'uv', dim: 4 },
  { model: 'inner-product', dim: 4, params: ['loss=logcosh'] },
  { model: 'inner-product', dim: 2, params: ['loss=quartic', 'mu=1'] },
  { model: 'matrix-factorization', dim: 4, data: '{"A": [[1, 2], [3, 4]], "rank": 1}' },
  { model: 'diagonal-linear', dim: 4, data: '{"X": [[1, 2], [3, 4]], "y": [1, 2]}' },
  { model: 'quadratic-regression', dim: 2, data: '{"J": [[1, 0]], "Q": [[[1, 0], [0, 1]]], "y": [1]}' },
  { model: 'quartic', dim: 1 },
  { model: 'minimalist', dim: 2 },
  { model: 'manifold-toy', dim: 2 },
  { model: 'cubic-toy', dim: 2, params: ['a0=1', 'b=1', 'c=0.1'] },
  { model: 'expr', dim: 2 },
];

const modelArgs = (env: Env) =>
  fc
    .record({
      base: fc.constantFrom(...VALID_MODELS),
      theta: fc.array(numberText, { minLength: 6, maxLength: 6 }),
      // What to corrupt: nothing most of the time, else one input.
      corrupt: fc.constantFrom('none', 'none', 'none', 'model', 'theta-length', 'param', 'data'),
      badModel: fc.constantFrom(...PROTO_NAMES, 'nope', '', ...MODELS),
      badTheta: fc.constantFrom(Array.from({ length: 3000 }, () => '1').join(','), '', ',,', '1,,2', '1', '1,2,3,4,5,6,7'),
      badParam: fc.tuple(fc.constantFrom('target', 'loss', 'mu', 'a0', 'c', ...PROTO_NAMES), fc.oneof(numberText, fc.constantFrom('square', 'logcosh', 'x'))),
      badData: dataJson,
      expr: exprFormula,
      precision: fc.option(precision, { nil: undefined, freq: 2 }),
      json: fc.boolean(),
    })
    .map((m) => {
      const model = m.corrupt === 'model' ? m.badModel : m.base.model;
      const theta = m.corrupt === 'theta-length' ? m.badTheta : m.theta.slice(0, m.base.dim).join(',');
      const params = [...(m.base.params ?? []), ...(m.corrupt === 'param' ? [`${m.badParam[0]}=${m.badParam[1]}`] : [])];
      const data = m.corrupt === 'data' ? m.badData : m.base.data;
      return [
        '--model',
        model,
        '--theta',
        theta,
        ...params.flatMap((p) => ['--param', p]),
        ...(data !== undefined ? ['--data', env.file('data.json', data)] : []),
        ...(model === 'expr' ? ['--expr', m.expr, '--vars', m.base.model === 'expr' ? 'x,y' : 'x'] : []),
        ...(m.precision !== undefined ? ['--precision', m.precision] : []),
        ...(m.json ? ['--json'] : []),
      ];
    });

const inspectArgv = (env: Env) => modelArgs(env).map((a) => ['inspect', ...a]);

const traceArgv = (env: Env) =>
  fc
    .tuple(
      modelArgs(env),
      fc.constantFrom('gd', 'ngd', 'sqrt-gd', 'pgd', 'flow', 'momentum', 'adam', '__proto__'),
      fc.oneof(numberText, fc.constantFrom('1e6', '1e-300', '0.1', '0.5')),
      fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 0, max: 30 }).map(String) },
        { weight: 1, arbitrary: fc.constantFrom('999999999999', '-1', '1e3', '100000', 'x') },
      ),
      fc.option(fc.constantFrom('1', '3', '0', '100000000'), { nil: undefined }),
      fc.option(fc.constantFrom('rotation', 'balancedness', 'selfStabilization', 'referenceDistance', ...PROTO_NAMES, 'nope', ''), { nil: undefined }),
      fc.option(fc.constantFrom('pgd', 'flow', 'gd'), { nil: undefined, freq: 4 }),
      fc.option(fc.constantFrom('beta=0.5', 'beta=1', 'lstar=0', 'lstar=1e400'), { nil: undefined, freq: 4 }),
      fc.option(fc.constantFrom('csv', 'svg'), { nil: undefined, freq: 4 }),
    )
    .map(([m, opt, lr, steps, every, observe, ref, rule, outKind]) => [
      'trace',
      ...m,
      '--optimizer',
      opt,
      '--lr',
      lr,
      '--steps',
      steps,
      ...(every !== undefined ? ['--every', every] : []),
      ...(observe !== undefined ? ['--observe', observe] : []),
      ...(ref !== undefined ? ['--reference', ref] : []),
      ...(rule !== undefined ? ['--param', rule] : []),
      ...(outKind === 'csv' ? ['--csv', join(env.dir, 't.csv')] : outKind === 'svg' ? ['--plot', join(env.dir, 't.svg')] : []),
    ]);

/** A valid `check --json` report of one claim, to mutate. */
const REPORT_ROW = {
  id: 'classical.descent-lemma',
  verdict: 'holds',
  kind: 'forall',
  runs: 1,
  instances: { holds: 1, violated: 0, artifact: 0, inconclusive: 0, diverged: 0 },
  exercised: 1,
  fixtures: 0,
  evaluations: 3,
  counterexamples: [] as unknown[],
  ms: 1,
};
const REPORT = { seed: 1, runs: 1, shard: '1/1', version: '0.1.0', interrupted: false, claims: [REPORT_ROW] as unknown[] };

const oddValue = fc.constantFrom<unknown>(null, 0, -1, 1.5, 'x', '', [], {}, [1, 2], true, Number.POSITIVE_INFINITY, '__proto__', { id: 1 });

/** Sets `path` (dot-separated, numeric parts index arrays) in a deep copy of `obj` to `value` (undefined deletes). */
function mutate(obj: unknown, path: string[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const p of path.slice(0, -1)) {
    const next = at[p];
    if (typeof next !== 'object' || next === null) return copy;
    at = next as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

const REPORT_PATHS = [
  'seed',
  'runs',
  'shard',
  'version',
  'interrupted',
  'claims',
  'claims.0',
  'claims.0.id',
  'claims.0.verdict',
  'claims.0.kind',
  'claims.0.runs',
  'claims.0.instances',
  'claims.0.instances.holds',
  'claims.0.counterexamples',
  'claims.0.counterexamples.0',
  'claims.0.ms',
  'claims.0.exercised',
  'claims.0.minHoldFraction',
];

const resultsText = fc.oneof(
  { weight: 1, arbitrary: fc.constant(JSON.stringify(REPORT)) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...REPORT_PATHS), fc.oneof(oddValue, fc.constant(undefined)))
      .map(([p, v]) => JSON.stringify(mutate(REPORT, p.split('.'), v))),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '[]', 'null', '{"claims": []}', JSON.stringify({ ...REPORT, claims: [REPORT_ROW, REPORT_ROW] })) },
);

const resultsArgv = (env: Env) =>
  fc
    .tuple(fc.constantFrom('merge', 'report', 'list'), resultsText, fc.constantFrom<string | undefined>(undefined, '/dev/null', '/proc', 'dir'))
    .map(([cmd, text, odd]) => {
      const f = odd === undefined ? env.file('results.json', text) : odd === 'dir' ? env.dir : odd;
      if (cmd === 'merge') return ['merge', f, '--out', join(env.dir, 'merged.json')];
      if (cmd === 'report') return ['report', f, '--html', join(env.dir, 'html')];
      return ['list', '--markdown', '--results', f];
    });

/** The repository's counterexample fixture, replayed at f64 (cheap), to mutate. */
function baseFixture(): Record<string, unknown> {
  const file = join(import.meta.dirname, '../../fixtures/counterexamples/wxzt.eos.gap-below-edge/77e847618b75.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

const FIXTURE_PATHS = [
  'claim',
  'version',
  'instance',
  'instance.model',
  'instance.theta',
  'instance.theta.0',
  'instance.lr',
  'instance.steps',
  'instance.data',
  'instance.data.A',
  'instance.data.rank',
  'instance.kappa',
  'instance.variant',
  'verdict',
  'expected',
  'precision',
  'observed',
  'margin',
  'seed',
  'path',
  'shrinks',
  'createdAt',
];

const replayArgv = (env: Env) => {
  const base = baseFixture();
  return fc
    .tuple(
      fc.oneof(
        { weight: 1, arbitrary: fc.constant(JSON.stringify(base)) },
        {
          weight: 6,
          arbitrary: fc
            .tuple(fc.constantFrom(...FIXTURE_PATHS), fc.oneof(oddValue, fc.constant(undefined), numberText))
            .map(([p, v]) => JSON.stringify(mutate(base, p.split('.'), v))),
        },
        { weight: 1, arbitrary: fc.constantFrom('', '{', '[1]', 'null') },
      ),
      fc.constantFrom('f64', 'f64', 'f64', 'dec:5', 'interval:10', 'dec:10000', 'x'),
      fc.boolean(),
    )
    .map(([text, p, json]) => ['replay', env.file('fx.json', text), '--precision', p, ...(json ? ['--json'] : [])]);
};

const harnessArgv = (env: Env) =>
  fc.oneof(
    fc
      .tuple(
        fc.constantFrom('classical.descent-lemma', 'classical.*', 'no.such', '__proto__', '*', ''),
        fc.constantFrom('1', '2', '0', '-1', 'x', '99999999999'),
        fc.constantFrom('1', '-3', 'x', '1e400', '2147483648'),
        fc.constantFrom<string | undefined>(undefined, '1/2', '0/3', '3/2', 'x', '1/0'),
        fc.constantFrom('fx', '/dev/null', '/proc', 'file', 'missing/deeper'),
      )
      .map(([id, runs, seed, shard, fx]) => [
        'check',
        id,
        '--runs',
        runs,
        '--seed',
        seed,
        ...(shard !== undefined ? ['--shard', shard] : []),
        '--fixtures',
        fx === 'fx' ? join(env.dir, 'fx') : fx === 'file' ? env.file('plain.txt', 'x') : fx === 'missing/deeper' ? join(env.dir, 'missing', 'deeper') : fx,
      ]),
    fc
      .tuple(
        fc.constantFrom('classical.descent-lemma', 'classical.*', 'nope'),
        fc.constantFrom<string | undefined>(undefined, '1ms', '99999999999h', '0s', '10 minutes', '-1s', 'NaNs'),
        fc.constantFrom('fx', '/dev/null', 'file'),
      )
      .map(([id, time, out]) => [
        'hunt',
        id,
        ...(time !== undefined ? ['--time', time] : ['--runs', '1']),
        '--out',
        out === 'fx' ? join(env.dir, 'fx') : out === 'file' ? env.file('plain.txt', 'x') : out,
      ]),
    fc.constantFrom<string[]>(
      ['list'],
      ['list', '--json'],
      ['list', 'zzz'],
      ['models'],
      ['models', '--json'],
      ['__proto__'],
      ['constructor'],
      ['help'],
      ['inspect', '--help'],
      ['list', '--claims', '/dev/null'],
      ['list', '--claims', '/proc'],
      ['check', '--json'],
      ['merge'],
      ['report'],
      ['replay'],
    ),
  );

/** Every command's generator, weighted towards the cheap, input-heavy ones. */
export function cliArgv(env: Env): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 8, arbitrary: inspectArgv(env) },
    { weight: 4, arbitrary: traceArgv(env) },
    { weight: 3, arbitrary: resultsArgv(env) },
    { weight: 2, arbitrary: replayArgv(env) },
    { weight: 1, arbitrary: harnessArgv(env) },
  );
}

export interface FuzzSummary {
  readonly cases: number;
  readonly crashes: CaseResult[];
  readonly hangs: CaseResult[];
  readonly nans: CaseResult[];
  readonly byExit: Record<string, number>;
  readonly ms: number;
}

/** Runs `count` generated cases from `seed`; every case is judged, none stops the run. */
export async function fuzzCli(
  count: number,
  seed: number,
  timeBoundMs: number,
  onStart?: (argv: readonly string[]) => void,
  onCase?: (r: CaseResult, i: number) => void,
): Promise<FuzzSummary> {
  const env = makeEnv();
  const samples = fc.sample(cliArgv(env), { numRuns: count, seed });
  const crashes: CaseResult[] = [];
  const hangs: CaseResult[] = [];
  const nans: CaseResult[] = [];
  const byExit: Record<string, number> = {};
  const t0 = performance.now();
  for (const [i, argv] of samples.entries()) {
    onStart?.(argv);
    const r = await runCase(argv, timeBoundMs);
    byExit[String(r.code)] = (byExit[String(r.code)] ?? 0) + 1;
    if (r.findings.includes('crash')) crashes.push(r);
    if (r.findings.includes('hang')) hangs.push(r);
    if (r.findings.includes('nan')) nans.push(r);
    onCase?.(r, i);
  }
  return { cases: samples.length, crashes, hangs, nans, byExit, ms: performance.now() - t0 };
}

/** One line per finding, for a report. */
export function describeCase(r: CaseResult): string {
  const argv = r.argv.map((a) => (a.length > 60 ? `${a.slice(0, 40)}…(${a.length})` : a)).join(' ');
  return `[${r.findings.join(',')}] exit ${r.code} in ${Math.round(r.ms)} ms: ${argv}\n    ${(r.err.trim().split('\n')[0] ?? '').slice(0, 200)}${r.findings.includes('nan') ? `\n    stdout: ${/.{0,60}(NaN|Infinity).{0,60}/.exec(r.out)?.[0] ?? ''}` : ''}`;
}
