import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli } from '../../test-support/cli.js';
import { resultsFile, resultsRow } from '../../test-support/resultsFile.js';

// Every class of bad or odd input gets a verdict or one clear line with exit 2: never a raw JS
// error, a hang, or NaN/Infinity on stdout.

/** The CLI in process, timed. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  const t0 = performance.now();
  const r = await runCli(...argv);
  return { ...r, ms: performance.now() - t0 };
}

const tmp = mkdtempSync(join(tmpdir(), 'eoscheck-inputs-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

/** Exit 2, exactly one line on stderr matching `re`, nothing on stdout. */
async function refused(argv: string[], re: RegExp): Promise<void> {
  const r = await cli(...argv);
  expect(r.code, `${argv.join(' ')}\n${r.err}`).toBe(2);
  expect(r.err, argv.join(' ')).toMatch(re);
  expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
  expect(r.err).not.toMatch(/TypeError|RangeError|ReferenceError|\[object Object\]|at .*\.ts:\d+/);
  expect(r.out).toBe('');
}

/** Exit 0 or 2, and whatever is printed holds no NaN or Infinity. */
async function sane(argv: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  const r = await cli(...argv);
  expect([0, 2], `${argv.join(' ')}\n${r.err}`).toContain(r.code);
  expect(r.out, argv.join(' ')).not.toMatch(/NaN|Infinity/);
  if (r.code === 2) expect(r.err.trim().split('\n')).toHaveLength(1);
  return r;
}

const inspect = (model: string, theta: string, ...rest: string[]) => ['inspect', '--model', model, '--theta', theta, '--json', ...rest];

describe('numbers beyond the chosen precision', () => {
  it('θ that is not finite in f64 is refused by position; the same θ is fine in dec:N', async () => {
    await refused(inspect('deep-scalar', '1e400,0.9,1.1'), /--theta: entry 1 "1e400" is not finite in f64/);
    await refused(inspect('deep-scalar', `1,${'9'.repeat(400)}`), /--theta: entry 2 .* is not finite in f64/);
    const r = await cli(...inspect('deep-scalar', '1e400,0.9,1.1', '--precision', 'dec:30'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).loss).toMatch(/e\+799$/);
  });

  it('a model that overflows f64 at θ names the quantity, exit 2 (never an eigensolver error)', async () => {
    for (const t of ['1e308,0.9,1.1', '1e200,0.9,1.1', '1e154,0.9,1.1']) {
      await refused(inspect('deep-scalar', t), /^eoscheck inspect: (the loss|the gradient|the Hessian)[^\n]* is not finite in f64 at this θ/);
    }
    await sane(inspect('deep-scalar', `${'1'.repeat(120)},1`));
    await sane(inspect('uv', '1e154,1,1,1'));
    await sane(inspect('inner-product', '1e5,1,1,1', '--param', 'loss=logcosh'));
    // decimal.js's own sinh/cosh/tanh never finish at 1e154; the field's exp-based forms answer at once.
    for (const p of ['dec:30', 'interval:20']) {
      const r = await sane(inspect('inner-product', '1e154,1,1,1', '--param', 'loss=logcosh', '--precision', p));
      expect(r.ms).toBeLessThan(10_000);
    }
  });

  it('--data entries beyond f64 are refused naming the field', async () => {
    const huge = file('huge.json', '{"A": [[1e400, 0], [0, 1]]}');
    await refused(inspect('quadratic', '1,1', '--data', huge), /--data: "A"\[0\]\[0\] = 1e400 is not finite in f64/);
    const r = await cli(...inspect('quadratic', '1,1', '--data', huge, '--precision', 'dec:30'));
    expect(r.code).toBe(0);
  });

  it('formulas that leave their domain or overflow: 1/x and log at 0, asin past 1, exp towers (f64 and dec:30)', async () => {
    const e = (formula: string, theta: string, ...rest: string[]) => [
      'inspect',
      '--model',
      'expr',
      '--expr',
      formula,
      '--vars',
      'x',
      '--theta',
      theta,
      '--json',
      ...rest,
    ];
    for (const p of [[], ['--precision', 'dec:30']]) {
      await refused(e('1/x', '0', ...p), /is not finite .*at this θ/);
      await refused(e('log(x)', '0', ...p), /is not finite .*at this θ/);
      await refused(e('asin(x)', '1.5', ...p), /is not finite .*at this θ/);
    }
    await refused(e('exp(exp(exp(exp(x))))', '3'), /is not finite in f64 at this θ/);
  });

  it('a trajectory that leaves the domain ends with a diverged event, exit 0', async () => {
    const r = await sane(['trace', '--model', 'expr', '--expr', 'log(x)', '--vars', 'x', '--theta', '0.5', '--lr', '1', '--steps', '20', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.diverged).toBe(true);
    expect(j.events.at(-1).kind).toBe('diverged');
  });
});

describe('user strings never reach Object.prototype', () => {
  it('observers, commands, models and parameters named like Object.prototype members', async () => {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
      await refused(
        ['trace', '--model', 'uv', '--theta', '1,1', '--lr', '0.1', '--steps', '2', '--observe', name],
        new RegExp(`--observe: unknown observer "${name}"`),
      );
      await refused([name], new RegExp(`unknown command "${name}"`));
      await refused(['inspect', '--model', name, '--theta', '1'], new RegExp(`--model: unknown model "${name}"`));
      await refused(['inspect', '--model', 'deep-scalar', '--theta', '1', '--param', `${name}=1`], new RegExp(`--param: unknown parameter "${name}"`));
      await refused(['trace', '--model', 'uv', '--theta', '1,1', '--lr', '0.1', '--optimizer', name], /--optimizer: unknown optimizer/);
    }
  });
});

describe('files the CLI reads', () => {
  it('--fixtures and hunt --out must be directories', async () => {
    const f = file('plain.txt', 'x');
    await refused(['check', 'classical.descent-lemma', '--runs', '1', '--fixtures', '/dev/null'], /--fixtures: "\/dev\/null" is not a directory/);
    await refused(['check', 'classical.descent-lemma', '--runs', '1', '--fixtures', f], /--fixtures: .*plain\.txt" is not a directory/);
    await refused(['hunt', 'classical.descent-lemma', '--runs', '1', '--out', f], /--out: .*plain\.txt" is not a directory/);
  });

  it('results files: each malformed field is named with its rule (merge, report, list --results)', async () => {
    const row = resultsRow('holds');
    const cases: [string, RegExp][] = [
      [resultsFile([null]), /"claims"\[0\] must be an object/],
      [resultsFile([5]), /"claims"\[0\] must be an object/],
      [resultsFile([{ ...row, instances: undefined }]), /"claims"\[0\]\.instances must be an object/],
      [resultsFile([{ ...row, counterexamples: 'x.json' }]), /"claims"\[0\]\.counterexamples must be an array of file names/],
      [resultsFile([{ ...row, counterexamples: [1, 2] }]), /"claims"\[0\]\.counterexamples\[0\] must be a file name/],
      [resultsFile([{ ...row, id: 7 }]), /"claims"\[0\]\.id must be a claim id/],
      [resultsFile([{ ...row, verdict: 5 }]), /"claims"\[0\]\.verdict must be a verdict name/],
      [resultsFile([{ ...row, kind: 'maybe' }]), /"claims"\[0\]\.kind must be one of identity, forall, statistical/],
      [resultsFile([{ ...row, instances: { ...row.instances, holds: -1 } }]), /"claims"\[0\]\.instances\.holds must be a whole number ≥ 0/],
      [JSON.stringify({ seed: 1, runs: 1, shard: '1/1', version: '0.1.0', claims: {} }), /"claims" must be an array/],
      [JSON.stringify({ seed: 1, runs: 1, shard: '1/1', claims: [] }), /"version" must be the eoscheck version/],
      ['[]', /not a `check --json` report/],
    ];
    for (const [i, [text, re]] of cases.entries()) {
      const f = file(`r${i}.json`, text);
      await refused(['merge', f, '--out', join(tmp, `m${i}.json`)], re);
      await refused(['report', f, '--html', join(tmp, `h${i}`)], re);
      await refused(['list', '--markdown', '--results', f], re);
    }
  });

  it('replay of malformed fixtures: one line naming the file and the field', async () => {
    const base = {
      claim: 'classical.descent-lemma',
      version: '0.1.0',
      verdict: 'violated',
      precision: 'f64',
      observed: 1,
      bound: 0,
      margin: 1,
      seed: 1,
      path: null,
      shrinks: 0,
      createdAt: '2026-01-01',
    };
    for (const [fx, re] of [
      [{ ...base, instance: null }, /"instance" must be an object/],
      [{ ...base, claim: 5, instance: { model: 'quadratic' } }, /"claim" must be a claim id/],
      [{ ...base, instance: { model: 'quadratic', theta: { a: 1 } } }, /fx\.json: /],
      [[1, 2], /the top level must be an object/],
      [{ ...base, instance: { model: 'quadratic', lr: '0.1', data: { A: [['1']] } } }, /"instance\.theta" is required/],
      [{ ...base, instance: { model: 'quadratic', theta: [1], lr: '0.1' } }, /"instance\.theta"\[0\] must be a decimal number as a string/],
    ] as [unknown, RegExp][]) {
      await refused(['replay', file('fx.json', JSON.stringify(fx))], re);
    }
    await refused(['replay', tmp], /is a directory/);
  });

  it('a user claim whose check returns nothing is a clear error', async () => {
    const src = join(import.meta.dirname, '../claims/index.ts');
    const mod = file(
      'nothing.ts',
      [
        `import { defineClaim, quadraticGdInstance } from ${JSON.stringify(src)};`,
        "export const c = defineClaim({ id: 'user.returns-nothing', title: 't', citation: { paper: 'p', where: 'w' }, statement: 's', kind: 'forall',",
        "  hypotheses: [], arbitrary: quadraticGdInstance({ kappa: [0, 1], start: 'any', steps: [1, 3] }), check: () => undefined as never,",
        "  negativeControl: { description: 'd', arbitrary: quadraticGdInstance({ kappa: [0, 1], start: 'any', steps: [1, 3] }) }, tolerance: { ulps: 4 }, rationale: 'r' });",
      ].join('\n'),
    );
    const r = await cli('check', 'user.*', '--claims', mod, '--runs', '1', '--fixtures', join(tmp, 'fxu'));
    // A bug in the claim: reported as a check that threw (exit 1 as a violation, or 3 as an error).
    expect([1, 2, 3]).toContain(r.code);
    expect(r.err + r.out).toMatch(/user\.returns-nothing.*check returned undefined/);
    expect(r.err).not.toMatch(/Cannot read properties/);
  });
});

describe('limits instead of hangs', () => {
  it('precision, θ length, formula size and depth, --steps, --time', async () => {
    await refused(inspect('deep-scalar', '1,1', '--precision', 'dec:10000'), /--precision: digits must be between 5 and 300/);
    await refused(inspect('deep-scalar', '1,1', '--precision', 'interval:10000'), /--precision: digits must be between 5 and 300/);
    const longTheta = Array.from({ length: 100_000 }, () => '1').join(',');
    const t = await cli(...inspect('deep-scalar', longTheta));
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/--theta: 100000 coordinates: the dense Hessian and all its eigenpairs are computed for at most \d+ in f64/);
    expect(t.ms).toBeLessThan(2000);
    const x = (n: number, op: string) => Array.from({ length: n }, () => 'x').join(op);
    for (const [n, op] of [
      [1500, '+'],
      [1500, '*'],
      [140, '+'],
      [140, '*'],
      [140, '-'],
      [140, '/'],
      [40, '^'],
    ] as const) {
      const r = await cli('inspect', '--model', 'expr', '--expr', x(n, op), '--vars', 'x', '--theta', '1.0001', '--json');
      expect([0, 2], op).toContain(r.code);
      if (r.code === 2) expect(r.err).toMatch(/--expr: (the formula|its gradient|its Hessian|its third derivatives) (is nested deeper|has more than)/);
      expect(r.err).not.toMatch(/Maximum call stack/);
      expect(r.ms, op).toBeLessThan(20_000);
    }
    await refused(
      ['inspect', '--model', 'expr', '--expr', `${'('.repeat(300)}x${')'.repeat(300)}`, '--vars', 'x', '--theta', '1', '--json'],
      /--expr: .*nested deeper than \d+/,
    );
    await refused(['trace', '--model', 'uv', '--theta', '1,1', '--lr', '0.1', '--steps', '999999999999'], /--steps: must be between 0 and/);
    await refused(['hunt', 'classical.descent-lemma', '--time', '99999999999h'], /--time: must be at most/);
  });

  it('inspect on a 300×300 quadratic answers (about 0.5 s of CPU); 2000×2000 is refused within a second', async () => {
    const A = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 2 + i / n : 1 / (1 + i + j))));
    const q300 = file('q300.json', JSON.stringify({ A: A(300) }));
    const theta = (n: number) => Array.from({ length: n }, () => '1').join(',');
    await cli(...inspect('quadratic', theta(3), '--data', file('q3.json', JSON.stringify({ A: A(3) })))); // warm the module cache
    const r = await cli(...inspect('quadratic', theta(300), '--data', q300));
    expect(r.code).toBe(0);
    // About 0.6 s on an idle core (most of it the eigendecomposition); the bound leaves room for a
    // machine shared with other suites.
    expect(r.ms).toBeLessThan(10_000);
    expect(JSON.parse(r.out).eigenvalues).toHaveLength(300);
    const q2000 = file('q2000.json', JSON.stringify({ A: A(2000) }));
    const big = await cli(...inspect('quadratic', theta(2000), '--data', q2000));
    expect(big.ms).toBeLessThan(1000);
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--theta: 2000 coordinates.*Lanczos/);
  }, 60_000);

  it('gradient flow with a stiff problem stops with a clear message, not a hang', async () => {
    const r = await sane([
      'trace',
      '--model',
      'quadratic',
      '--data',
      file('stiff.json', '{"A": [[1e6, 0], [0, 1]]}'),
      '--theta',
      '1,1',
      '--optimizer',
      'flow',
      '--lr',
      '1e6',
      '--steps',
      '5',
      '--json',
    ]);
    expect(r.ms).toBeLessThan(20_000);
    if (r.code === 2) expect(r.err).toMatch(/--lr|--steps|flow/);
  }, 60_000);

  it('paths under /proc do not hang', async () => {
    const r = await cli('check', 'classical.descent-lemma', '--runs', '1', '--fixtures', '/proc');
    expect([0, 2]).toContain(r.code);
    expect(r.ms).toBeLessThan(20_000);
  }, 60_000);

  it('a directory where a file is expected is exit 2', async () => {
    mkdirSync(join(tmp, 'adir'), { recursive: true });
    await refused(inspect('deep-scalar', '1', '--data', join(tmp, 'adir')), /--data: cannot read .*adir.*is a directory/);
    await refused(['merge', join(tmp, 'adir'), '--out', join(tmp, 'm.json')], /is a directory/);
  });
});
