import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';

/**
 * The harness's acceptance examples, end to end through the CLI: a deliberately false user claim
 * is violated with a counterexample shrunk to κ = η·λ_max just above 2, stored, and replayed; a
 * claim that fails only through float64 rounding is an artifact, never a violation.
 */
const examples = join(import.meta.dirname, 'examples');
const falseClaim = join(examples, 'falseClaim.ts');
const artifactClaim = join(examples, 'artifactClaim.ts');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

describe('a deliberately false claim from a user file', () => {
  it('is violated, shrunk to κ just above 2, stored, and replay reproduces the verdict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-example-'));
    const json = join(dir, 'report.json');
    const r = await cli('check', 'example.*', '--claims', falseClaim, '--seed', '7', '--runs', '30', '--fixtures', join(dir, 'fx'), '--json', json);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const row = report.claims[0];
    expect(row).toMatchObject({ id: 'example.quadratic.monotone-below-3-over-lambda', verdict: 'violated' });
    expect(row.counterexamples.length).toBeGreaterThan(0);
    // The printed failure: fast-check style, with the replay command.
    expect(r.out).toMatch(/Claim example\.quadratic\.monotone-below-3-over-lambda violated on \d+ of 30 instance/);
    expect(r.out).toMatch(/\{ seed: 7, path: "\d+(:\d+)*", endOnFailure: true \}/);
    expect(r.out).toContain('Precision ladder: f64 ✗ → dec:40 ✗ → dec:80 ✗ → interval:40 ✗ (violated at dec:80)');
    expect(r.out).toMatch(/Certified: margin ∈ \[-\d\.\d{3}e-\d+, -\d\.\d{3}e-\d+\] at interval:40/);
    const fixtureFile = /Fixture: (\S+)/.exec(r.out)?.[1] as string;
    expect(existsSync(fixtureFile)).toBe(true);
    const fx = JSON.parse(readFileSync(fixtureFile, 'utf8'));
    const kappa = Number(fx.instance.lr) * Number(fx.instance.eigen.values[0]);
    expect(kappa).toBeGreaterThan(2);
    expect(kappa).toBeLessThanOrEqual(2.01);
    expect(fx).toMatchObject({ verdict: 'violated', precision: 'dec:80', expected: 'violated', seed: 7, certificate: { precision: 'interval:40' } });
    expect(fx.certificate.margin.hi).toBeLessThan(0);
    expect(fx.why).toMatch(/^found by `eoscheck check example\.\* --seed 7 --runs 30 --claims \S+falseClaim\.ts`/);

    const replay = await cli('replay', fixtureFile, '--claims', falseClaim);
    expect(replay.code).toBe(1);
    expect(replay.out).toMatch(/verdict {3}violated \(recorded violated at dec:80, expected violated\): reproduced/);
    expect(replay.out).toMatch(/certified margin ∈ \[.*\] at interval:40/);
    const f64 = await cli('replay', fixtureFile, '--claims', falseClaim, '--precision', 'f64', '--json');
    expect(JSON.parse(f64.out)).toMatchObject({ verdict: 'violated', evidence: { precision: 'f64', code: 'loss_increased' } });
  });

  it('the committed example fixture documents why it is expected to fail, and replays as violated', async () => {
    const dir = join(import.meta.dirname, '../fixtures/examples/counterexamples/example.quadratic.monotone-below-3-over-lambda');
    const r = await cli(
      'check',
      'example.*',
      '--claims',
      falseClaim,
      '--fixtures',
      join(dir, '..'),
      '--runs',
      '1',
      '--seed',
      '99',
      '--json',
      join(mkdtempSync(join(tmpdir(), 'eoscheck-')), 'r.json'),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('| `example.quadratic.monotone-below-3-over-lambda` | ❌ violated');
    expect(r.out).not.toMatch(/expected .*, replay gave/);
  });
});

describe('a claim that fails only in float64 rounding', () => {
  it('is reported artifact (exit 0), not violated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-artifact-'));
    const r = await cli(
      'check',
      'example.quadratic.one-step-contraction',
      '--claims',
      artifactClaim,
      '--runs',
      '50',
      '--fixtures',
      dir,
      '--json',
      join(dir, 'r.json'),
    );
    expect(r.code).toBe(0);
    const row = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).claims[0];
    expect(row.verdict).toBe('artifact');
    expect(row.instances.violated).toBe(0);
    expect(row.instances.artifact).toBeGreaterThan(0);
    expect(row.counterexamples).toEqual([]);
  });
});

describe('the network claims on the larger configuration (properties/examples/paperMlpClaims.ts)', () => {
  it('loads as user claims on 8-32-1 networks with n = 200, and one instance of each holds', async () => {
    const { loadClaimsFile } = await import('../src/claims/loadClaimsFile.js');
    const { evaluate } = await import('../src/harness/evaluate.js');
    const fc = (await import('fast-check')).default;
    const loaded = await loadClaimsFile(join(examples, 'paperMlpClaims.ts'));
    expect(loaded.map((l) => l.claim.id).sort()).toEqual(['paper.cohen.eos.hover', 'paper.cohen.progressive-sharpening']);
    const claim = loaded.find((l) => l.claim.id === 'paper.cohen.progressive-sharpening')!.claim;
    const [inst] = fc.sample(claim.arbitrary, { seed: 3, numRuns: 1 }) as unknown as { net: { widths: number[] }; n: number; steps: number }[];
    expect(inst).toMatchObject({ net: { widths: [32] }, n: 200, steps: 5000 });
    expect(evaluate(claim, inst as never, { mode: 'claim' }).verdict.verdict).toBe('holds');
  }, 60_000);
});
