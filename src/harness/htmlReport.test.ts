import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeFalseClaim } from '../../test-support/readmeFalseClaim.js';
import type { Fixture } from './fixture.js';
import { writeFixture } from './fixtureStore.js';
import { htmlReport, MAX_PANELS, PANELS_PER_CLAIM, type HtmlReportInput } from './htmlReport.js';
import { readCounterexamples } from './readCounterexamples.js';
import { zeroCounts, type CheckReport, type ClaimRow } from './report.js';

const falseClaim = await readmeFalseClaim();
const fixture = (claim: string, instance: Fixture['instance'], over: Partial<Fixture> = {}): Fixture => ({
  claim,
  version: '0.1.0',
  instance,
  verdict: 'violated',
  precision: 'dec:80',
  observed: 0.002,
  bound: 0,
  margin: -0.002,
  seed: 1,
  path: '2:0:1',
  shrinks: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  code: 'loss_increased',
  message: 'L rose',
  step: 0,
  ...over,
});

const row = (id: string, counterexamples: string[]): ClaimRow => ({
  id,
  verdict: counterexamples.length > 0 ? 'violated' : 'holds',
  kind: 'forall',
  runs: 10,
  instances: { ...zeroCounts(), holds: 10 - counterexamples.length, violated: counterexamples.length },
  exercised: 10,
  fixtures: 0,
  evaluations: 100,
  counterexamples,
  ms: 12,
});

/** A results file's worth of input: a trajectory on each kind of panel, one without θ/η, one missing file. */
function input(): HtmlReportInput {
  const dir = mkdtempSync(join(tmpdir(), 'eoscheck-html-'));
  const quad = writeFixture(
    dir,
    fixture(
      falseClaim.id,
      {
        model: 'quadratic',
        params: {},
        data: { A: [['1']], b: ['0'] },
        theta: ['0.01'],
        lr: '2.001',
        steps: 1,
      },
      { certificate: { precision: 'interval:40', margin: { lo: -0.0020010000000000006, hi: -0.0020009999999999997 } } },
    ),
  ).file;
  const rot = writeFixture(
    dir,
    fixture('wr.swap-is-not-rotation', { model: 'uv', params: { target: '1' }, theta: ['2', '0.3'], lr: '0.7', steps: 40 }, { step: 12 }),
  ).file;
  const ref = writeFixture(
    dir,
    fixture('damian.four-stages', { model: 'cubic-toy', params: { a0: '19.5' }, theta: ['0.01', '0'], lr: '0.1', steps: 60 }, { step: undefined }),
  ).file;
  const point = writeFixture(dir, fixture('oracle.uv.closed-forms', { model: 'uv', theta: ['1', '2'], u: ['1', '0'] })).file;
  const rel = (f: string) => relative(dir, f);
  const report: CheckReport = {
    seed: 1,
    runs: 10,
    shard: '1/1',
    version: '0.1.0',
    fixtures: dir,
    interrupted: false,
    claims: [
      row(falseClaim.id, [rel(quad)]),
      row('wr.swap-is-not-rotation', [rel(rot)]),
      row('damian.four-stages', [rel(ref)]),
      row('oracle.uv.closed-forms', [rel(point), 'oracle.uv.closed-forms/gone.json']),
      row('classical.descent-lemma', []),
    ],
  };
  return {
    report,
    source: 'r.json',
    claims: [falseClaim],
    counterexamples: readCounterexamples(report),
    claimsFiles: ['properties/examples/falseClaim.ts'],
  };
}

describe('htmlReport', () => {
  it('is one self-contained, deterministic page: summary table, a panel per counterexample, plots where there is a trajectory', async () => {
    const inp = input();
    const html = await htmlReport(inp);
    expect((await htmlReport(inp)) === html).toBe(true); // same bytes
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)|\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
    expect(html).not.toMatch(/NaN|undefined|\d{4}-\d\d-\d\dT\d\d:/); // no clock in the page
    // Summary: every claim, counts, citations (a claim that was not loaded says so).
    expect(html.match(/<tr id="claim-/g)).toHaveLength(5);
    expect(html).toContain('none: a deliberately wrong variant');
    expect(html).toContain('claim not loaded (pass its --claims file)');
    expect(html).toContain('5 claim(s): 1 hold, 4 violated');
    // Each panel says how its verdict was certified (or that it was not).
    expect(html).toContain('<dt>certified</dt><dd>certified: margin ∈ [-2.001e-3, -2.001e-3] at interval:40</dd>');
    expect(html).toContain('not certified (recorded before certification, or by hand)');
    // Panels: three plots (rotation and pgd-reference panels where the claim uses them), two without.
    expect(html.match(/<section class="cx"/g)).toHaveLength(5);
    expect(html.match(/<figure class="plot"><svg/g)).toHaveLength(3);
    expect(html).toContain('>2/η = 0.9995</text>');
    expect(html).toContain('>loss_increased (step 12)</text>');
    expect(html).toContain('rotation angle (rad)');
    expect(html).toContain('distance to pgd');
    expect(html).toContain('No plot: the instance has no starting point θ and learning rate η (lr)');
    expect(html).toContain('The fixture could not be read: no such file.');
    expect(html).toContain(`npx eoscheck replay ${inp.report.fixtures}/${inp.report.claims[0].counterexamples[0]} --claims properties/examples/falseClaim.ts`);
    // Built from a results file (no closest calls given): the page says why they are not there.
    expect(html).toContain("Not in this page: a results file records each claim's counts, not every instance's margin.");
    // Inline SVGs must not share ids.
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it("draws each claim's simplest counterexamples first, at most PANELS_PER_CLAIM per claim and MAX_PANELS in all, and lists and counts the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-html-'));
    // Point instances (no trajectory, so no plot: cheap); longer θ text is a larger instance.
    const claimIds = Array.from({ length: 13 }, (_, i) => `example.many-${i}`);
    const rows = claimIds.map((id, c) => {
      const files = Array.from({ length: c === 0 ? 8 : 5 }, (_, k) =>
        relative(dir, writeFixture(dir, fixture(id, { model: 'uv', theta: [`1.${'7'.repeat(8 - k)}`, '2'], u: ['1', '0'] })).file),
      );
      return row(id, files.sort());
    });
    const report: CheckReport = { seed: 1, runs: 10, shard: '1/1', version: '0.1.0', fixtures: dir, interrupted: false, claims: rows };
    const html = await htmlReport({ report, source: 'r.json', claims: [], counterexamples: readCounterexamples(report), claimsFiles: [] });
    const total = 8 + 12 * 5;
    expect(html.match(/<section class="cx"/g)).toHaveLength(MAX_PANELS);
    expect(html).toContain(`${total} counterexample(s) (${MAX_PANELS} drawn, simplest first; ${total - MAX_PANELS} listed)`);
    // The first claim: its PANELS_PER_CLAIM shortest θ drawn, in that order, the 3 longest listed after them.
    const first = html.slice(
      html.indexOf('<code>example.many-0</code></a> · counterexample 1'),
      html.indexOf('<code>example.many-1</code></a> · counterexample'),
    );
    const thetas = [...first.matchAll(/&quot;theta&quot;: \[&quot;1\.(7+)&quot;/g)].map((m) => m[1].length);
    expect(thetas).toEqual([1, 2, 3, 4, 5].slice(0, PANELS_PER_CLAIM));
    expect(first).toContain('example.many-0</code></a> · 3 more counterexample(s), not drawn</h3>');
    expect(first.match(/<li><code>/g)).toHaveLength(3);
    expect(html).toContain('<a href="#more-1">+3 more</a>');
    // The page's cap: the last claim gets no panel, only its list (all 5 of them).
    expect(html).toContain('example.many-12</code></a> · 5 more counterexample(s), not drawn</h3>');
    expect(html).not.toContain('example.many-12</code></a> · counterexample');
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(m[1]);
  });
});
