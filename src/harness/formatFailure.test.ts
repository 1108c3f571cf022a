import { describe, expect, it } from 'vitest';
import type { ViolatedVerdict } from '../claims/claim.js';
import { formatFailure } from './formatFailure.js';
import { junitXml } from './junitXml.js';
import { markdownSummary } from './markdownSummary.js';
import type { ClaimResult } from './runClaim.js';

const verdict: ViolatedVerdict = {
  verdict: 'violated',
  evidence: {
    code: 'loss_increased',
    message: 'L rose from 0.00005 to 0.0000501 at step 0',
    observed: 0.002001,
    bound: 4.1e-76,
    margin: -0.002001,
    step: 0,
    precision: 'dec:80',
    details: { kappa: '2.001' },
  },
  ladder: ['f64', 'dec:40', 'dec:80'].map((precision) => ({ code: 'loss_increased', message: 'm', observed: 0.002, bound: 0, margin: -0.002, precision })),
  certificate: { precision: 'interval:40', margin: { lo: -0.0020010000000001, hi: -0.002001 } },
};
const result: ClaimResult = {
  row: {
    id: 'example.false',
    verdict: 'violated',
    kind: 'forall',
    runs: 10,
    instances: { holds: 7, violated: 3, artifact: 0, inconclusive: 0, diverged: 0, error: 0, uncertified: 0 },
    exercised: 10,
    fixtures: 0,
    evaluations: 99,
    counterexamples: ['fx/example.false/58f529c0e54c.json'],
    ms: 12,
  },
  counterexamples: [
    {
      claim: 'example.false',
      source: 'generated',
      instance: { model: 'quadratic', theta: ['0.01'], lr: '2.001', steps: 1 },
      verdict,
      original: { model: 'quadratic' },
      seed: 7,
      path: '3:0:2',
      shrinks: 2,
      runIndex: 3,
      file: 'fx/example.false/58f529c0e54c.json',
    },
  ],
  mismatches: [],
  interrupted: false,
};
const report = { seed: 7, runs: 10, shard: '1/1', version: '0.1.0', interrupted: false, claims: [result.row] };

describe('failure reports', () => {
  it('are fast-check style: replay parameters, shrunk counterexample, evidence, ladder, fixture, hints', () => {
    expect(formatFailure(result, report)).toMatchInlineSnapshot(`
      "Claim example.false violated on 3 of 10 instance(s) (seed 7, 10 runs)
      { seed: 7, path: "3:0:2", endOnFailure: true }
      Counterexample: {"model":"quadratic","theta":["0.01"],"lr":"2.001","steps":1}
      Shrunk 2 time(s)
      Evidence: loss_increased at step 0: L rose from 0.00005 to 0.0000501 at step 0 (observed 0.002001, bound 4.100e-76, margin -0.002001, dec:80)
      Precision ladder: f64 ✗ → dec:40 ✗ → dec:80 ✗ → interval:40 ✗ (violated at dec:80)
      Certified: margin ∈ [-2.001e-3, -2.001e-3] at interval:40
      Fixture: fx/example.false/58f529c0e54c.json
      Hint (1): replay it with \`npx eoscheck replay fx/example.false/58f529c0e54c.json\` (add --precision f64 to see the float64 evaluation alone)
      Hint (2): re-run this claim alone with \`npx eoscheck check example.false --seed 7 --runs 10\`
      Hint (3): the path's first number is the run index; each run draws from seedFor(seed, "example.false", run)"
    `);
  });

  it("a user claim's hints load its file again", () => {
    const md = markdownSummary(report, [result], ['./mine.ts']);
    expect(md).toContain('`npx eoscheck replay fx/example.false/58f529c0e54c.json --claims ./mine.ts`');
    expect(md).toContain('`npx eoscheck check example.false --seed 7 --runs 10 --claims ./mine.ts`');
  });

  it('Markdown and JUnit carry the verdict table and the failure', () => {
    const md = markdownSummary(report, [result]);
    expect(md).toContain('| `example.false` | ❌ violated | 10 | 7 | 3 | 0 | 0 | 0 | 0 | 10 | 0 | 12 |');
    expect(md).toContain('**1 claim(s): 0 hold, 1 violated');
    expect(md).toContain('### ❌ example.false');
    const xml = junitXml(report, [result]);
    expect(xml).toMatch(/<testsuites name="eoscheck" tests="1" failures="1" errors="0" skipped="0"/);
    expect(xml).toMatch(
      /<testcase classname="eoscheck.example" name="example.false" time="0.012">\n\s+<failure type="violated" message="3 of 10 exercised instances violated">Claim example.false violated/,
    );
    expect(xml).toContain('&quot;model&quot;');
  });
});
