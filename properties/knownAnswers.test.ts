import { existsSync, readdirSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { swapIsNotRotation } from '../src/claims/wangRoberts/swapIsNotRotation.js';
import type { Claim, Instance, Verdict } from '../src/claims/claim.js';
import { defineClaim } from '../src/claims/defineClaim.js';
import { run } from '../src/cli/run.js';
import { resolveTolerance } from '../src/harness/checkContext.js';
import { checkAt, evaluate } from '../src/harness/evaluate.js';
import { formatLadder } from '../src/harness/formatFailure.js';
import { F64, parsePrecision } from '../src/numerics/precision.js';
import { monotoneBelowThree } from './examples/falseClaim.js';
import fc from 'fast-check';
import { quadratic1D } from '../test-support/quadraticInstance.js';

/**
 * Instances whose answer is known exactly, and the defects of a ladder that trusted agreement
 * between decimal precisions: each `it` states the mathematically right outcome.
 * The claim under test is the example "GD on a quadratic is monotone for κ = η·λ_max < 3", whose
 * truth is known on every instance: monotone iff κ ≤ 2 or the start has no component along q_max.
 */
const examples = join(import.meta.dirname, 'examples');
const monotone = monotoneBelowThree as unknown as Claim;
const verdictOf = (claim: Claim, instance: Instance): Verdict => evaluate(claim, instance, { mode: 'claim' }).verdict;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

describe('quadratics at the edge κ = 2 (known answers)', () => {
  it('κ = 2 − 1e-14: the loss decreases (by 2e-14 relative, inside the f64 allowance): holds, decided at dec:40', () => {
    const v = verdictOf(monotone, quadratic1D('1', '0.01', '1.99999999999999', 3));
    expect(v).toMatchObject({ verdict: 'holds', evidence: { precision: 'dec:40' } });
  });

  it('κ = 2 exactly: the loss is constant, a tie that is never a violation of "≤" (certified exactly in intervals)', () => {
    for (const inst of [quadratic1D('1', '0.01', '2', 4), quadratic1D('0.8', '0.1', '2.5', 4)]) {
      const v = verdictOf(monotone, inst);
      expect(v.verdict).toBe('holds');
      expect('certificate' in v && v.certificate?.margin).toEqual({ lo: 0, hi: 0 });
    }
  });

  it('κ = 2 + 1e-14: the loss truly rises (by 2e-14 relative, inside the f64 allowance): violated, certified', () => {
    const v = verdictOf(monotone, quadratic1D('1', '0.01', '2.00000000000001', 1));
    expect(v.verdict).toBe('violated');
    expect('certificate' in v && v.certificate !== undefined && v.certificate.margin.hi < 0).toBe(true);
  });

  it('κ = 2 + 1e-9 from 0.01 off a minimizer of size 2.1 (true rise 2e-9 of the excess, below the f64 allowance of the loss): violated, certified', () => {
    const v = verdictOf(monotone, quadratic1D('1', '2.11', '2.000000001', 1, { data: { A: [['1']], b: ['2.1'] }, thetaStar: ['2.1'] }));
    expect(v.verdict).toBe('violated');
    expect('certificate' in v && v.certificate !== undefined && v.certificate.margin.hi < 0).toBe(true);
  });

  it('a start exactly on a lower eigenvector with κ_max > 2: the loss decreases at every step, so never violated (the rounding noise grown along q_max is certified away)', () => {
    // A = Q diag(1, 0.446) Qᵀ with Q's rows (0.6, 0.8), (−0.8, 0.6); θ₀ = 0.38·(0.8, −0.6).
    const inst: Instance = {
      model: 'quadratic',
      params: {},
      data: {
        A: [
          ['0.64544', '0.26592'],
          ['0.26592', '0.80056'],
        ],
        b: ['0', '0'],
      },
      eigen: {
        values: ['1', '0.446'],
        vectors: [
          ['0.6', '0.8'],
          ['-0.8', '0.6'],
        ],
      },
      thetaStar: ['0', '0'],
      theta: ['0.304', '-0.228'],
      lr: '2.001',
      steps: 100,
    };
    const v = verdictOf(monotone, inst);
    expect(['holds', 'artifact']).toContain(v.verdict);
    expect('certificate' in v && v.certificate !== undefined && v.certificate.margin.lo >= 0).toBe(true);
  });
});

describe('the exact balanced uv instances of wr.swap-is-not-rotation', () => {
  const balanced = (u: string, lr: string, steps: number) => ({ model: 'uv', params: { target: '1' }, theta: [u, u], lr, steps }) as Instance;
  const instances = [balanced('0.5', '0.9', 40), balanced('1.2', '0.5', 60), balanced('0.3', '1.1', 30)];

  it('hold at f64, dec:40 and dec:80 alike: the eigenvectors are exactly (1, ±1)/√2 at every precision', () => {
    for (const inst of instances) {
      for (const p of ['f64', 'dec:40', 'dec:80']) {
        const { outcome } = checkAt(swapIsNotRotation as unknown as Claim, inst, parsePrecision(p), { mode: 'claim' });
        expect([p, outcome.verdict, outcome.evidence.message]).toEqual([p, 'holds', expect.any(String)]);
      }
      expect(verdictOf(swapIsNotRotation as unknown as Claim, inst).verdict).toBe('holds');
    }
  });
});

describe('a check that throws', () => {
  it('is an error with its stack, counted apart, never shrunk nor stored; check exits 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-throw-'));
    const json = join(dir, 'r.json');
    const r = await cli(
      'check',
      'example.buggy-check',
      '--claims',
      join(examples, 'throwingClaim.ts'),
      '--runs',
      '5',
      '--fixtures',
      join(dir, 'fx'),
      '--json',
      json,
    );
    expect(r.code).toBe(3);
    const row = JSON.parse(readFileSync(json, 'utf8')).claims[0];
    expect(row).toMatchObject({ verdict: 'error', instances: { error: 5, violated: 0 }, counterexamples: [] });
    // The directory the user named is made up front; no fixture is stored in it.
    expect(existsSync(join(dir, 'fx')) ? readdirSync(join(dir, 'fx'), { recursive: true }).filter((f) => String(f).endsWith('.json')) : []).toEqual([]);
    expect(r.out).toContain('the check threw on 5 instance(s)');
    expect(r.out).toMatch(/TypeError: Cannot read properties of undefined[^\n]*\n\s+at /);
  });
});

describe('an internal error of the CLI', () => {
  it('exits 3 with one line asking for a report, and the stack with --debug', async () => {
    // A claim whose generator throws: outside any check, so nothing turns it into a verdict.
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-internal-'));
    const file = join(dir, 'broken.ts');
    writeFileSync(
      file,
      [
        `import fc from 'fast-check';`,
        `import { defineClaim } from ${JSON.stringify(join(import.meta.dirname, '../src/claims/index.js'))};`,
        `const arb = fc.constant(0).map(() => { throw new TypeError('generator bug'); });`,
        `export default defineClaim({ id: 'example.broken-generator', title: 't', citation: { paper: 'p', where: 'w' }, statement: 's', kind: 'forall',`,
        `  hypotheses: [], arbitrary: arb, check: (_i, ctx) => ctx.holds({ code: 'ok', message: 'm', observed: 0, bound: 0, margin: 1 }),`,
        `  negativeControl: { description: 'd', arbitrary: arb }, tolerance: {}, rationale: 'r' });`,
      ].join('\n'),
    );
    const args = ['check', 'example.broken-generator', '--claims', file, '--runs', '1', '--fixtures', join(dir, 'fx')];
    const r = await cli(...args);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /^eoscheck check: internal error \(TypeError: generator bug\); please report it with the command that caused it \(--debug prints the stack\)\n$/,
    );
    const d = await cli(...args, '--debug');
    expect(d.code).toBe(3);
    expect(d.err).toMatch(/TypeError: generator bug\n\s+at /);
  });
});

describe('the ladder display and the tolerance figures', () => {
  it('marks a rung that decided nothing (uncertain, margin 0) with ?, not ✓', () => {
    const scripted = defineClaim<Instance>({
      id: 'test.uncertain-rung',
      title: 't',
      citation: { paper: 'p', where: 'w' },
      statement: 's',
      kind: 'forall',
      hypotheses: [],
      arbitrary: fc.constant({ model: 'quadratic' }),
      check: (_i, ctx) => {
        const e = (margin: number) => ({ code: 'c', message: 'm', observed: -margin, bound: 0, margin });
        const p = ctx.precision.kind === 'f64' ? 'f64' : `${ctx.precision.kind}:${ctx.precision.digits}`;
        return p === 'f64' ? ctx.violated(e(-1)) : p === 'dec:40' ? ctx.uncertain(e(0)) : ctx.holds(e(1));
      },
      negativeControl: { description: 'd', arbitrary: fc.constant({ model: 'quadratic' }) },
      tolerance: {},
      rationale: 'r',
    });
    const v = evaluate(scripted, { model: 'quadratic' }, { mode: 'claim' }).verdict;
    expect(v.verdict).toBe('artifact');
    expect(formatLadder('ladder' in v ? v.ladder : undefined, v.evidence)).toBe('f64 ✗ → dec:40 ? → dec:80 ✓');
  });

  it("4096 ulps is 9.1e-13 in f64, as the README's example claim says", () => {
    expect(resolveTolerance({ ulps: 4096 }, F64).rel.toPrecision(2)).toBe('9.1e-13');
    const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
    const said = /tolerance: \{ ulps: 4096 \},\n\s+rationale: '[^']*?(\d(?:\.\d)?e-\d+) relative in f64/.exec(readme)?.[1];
    expect(Number(said)).toBeCloseTo(resolveTolerance({ ulps: 4096 }, F64).rel, 13);
  });
});

describe('fixtures as regressions', () => {
  it('a fixture expected violated that now holds fails check (exit 1) unless --update-fixtures re-records it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-regress-'));
    const id = 'example.quadratic.monotone-below-3-over-lambda';
    mkdirSync(join(dir, id));
    // κ = 1.5: the loss decreases, yet the record says violated (as a rounding effect once was).
    const file = join(dir, id, 'hand.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          claim: id,
          version: '0.1.0',
          instance: quadratic1D('1', '0.5', '1.5', 3),
          verdict: 'violated',
          precision: 'dec:80',
          observed: 1,
          bound: 0,
          margin: -1,
          seed: null,
          path: null,
          shrinks: 0,
          createdAt: '2026-01-01T00:00:00.000Z',
          expected: 'violated',
          why: 'a stale record',
        },
        null,
        2,
      ),
    );
    const args = ['check', id, '--claims', join(examples, 'falseClaim.ts'), '--fixtures', dir, '--runs', '1', '--seed', '3'];
    const r = await cli(...args);
    expect(r.out).toContain(`fixture \`${file}\` expected violated, replay gave holds: a regression`);
    expect(r.code).toBe(1);
    const u = await cli(...args, '--update-fixtures');
    expect(u.out).toContain('re-recorded (--update-fixtures)');
    const again = JSON.parse(readFileSync(file, 'utf8'));
    expect(again).toMatchObject({ verdict: 'holds', expected: 'holds', why: 'a stale record', createdAt: '2026-01-01T00:00:00.000Z' });
    const r2 = await cli(...args);
    expect(r2.out).not.toContain(`fixture \`${file}\``);
  });
});
