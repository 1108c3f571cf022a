import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test-support/cli.js';
import { resultsFile, resultsRow } from '../../../test-support/resultsFile.js';

const FALSE_CLAIM = 'properties/examples/falseClaim.ts';
const FALSE_ID = 'example.quadratic.monotone-below-3-over-lambda';

describe('eoscheck report / check --report / replay --plot', () => {
  it('writes DIR/index.html from a results file with counterexamples, the same bytes every time; check --report writes the same kind of page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-report-'));
    const fx = join(dir, 'fx');
    const c = await cli(
      'check',
      FALSE_ID,
      '--claims',
      FALSE_CLAIM,
      '--runs',
      '20',
      '--fixtures',
      fx,
      '--json',
      join(dir, 'r.json'),
      '--report',
      join(dir, 'from-check'),
    );
    expect(c.code).toBe(1);
    const fromCheck = readFileSync(join(dir, 'from-check', 'index.html'), 'utf8');
    expect(fromCheck).toContain(`<code>${FALSE_ID}</code>`);
    expect(fromCheck).toMatch(/<figure class="plot"><svg/);

    const a = await cli('report', join(dir, 'r.json'), '--html', join(dir, 'a'), '--claims', FALSE_CLAIM);
    const b = await cli('report', join(dir, 'r.json'), '--html', join(dir, 'b', 'nested'), '--claims', FALSE_CLAIM);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    expect(a.out).toMatch(/^wrote .*index\.html: 1 claim\(s\), \d+ counterexample\(s\)\n$/);
    const A = readFileSync(join(dir, 'a', 'index.html'));
    expect(A.equals(readFileSync(join(dir, 'b', 'nested', 'index.html')))).toBe(true);
    const html = A.toString('utf8');
    expect(html).toContain('From <code>r.json</code>');
    expect(html).toContain('none: a deliberately wrong variant'); // the citation, from --claims
    expect(html.match(/<figure class="plot"><svg/g)?.length).toBe(html.match(/<section class="cx"/g)?.length);
  });

  it('gives one line naming the option and exit 2 for bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-report-'));
    const notAReport = join(dir, 'x.json');
    writeFileSync(notAReport, '{"a": 1}');
    const aFile = join(dir, 'file.txt');
    writeFileSync(aFile, 'x');
    const results = join(dir, 'r.json');
    writeFileSync(results, resultsFile([]));
    for (const [argv, re] of [
      [['report', join(dir, 'missing.json'), '--html', dir], /^eoscheck report: RESULTS\.json: cannot read ".*missing\.json": ENOENT\n$/],
      [['report', notAReport, '--html', dir], /RESULTS\.json: .*not a `check --json` report/],
      [['report', results], /--html: is required/],
      [['report', '--html', dir], /RESULTS\.json: needs exactly one results file/],
      [['report', results, '--html', join(aFile, 'sub')], /--html: cannot create ".*sub": ENOTDIR/],
      [['report', results, '--html', aFile], /--html: cannot write the report in ".*file\.txt": EEXIST|--html: .*not a directory/],
      [['check', 'classical.descent-lemma', '--runs', '1', '--report', join(aFile, 'sub')], /--report: cannot create ".*sub": ENOTDIR/],
      [['replay', join(dir, 'missing.json'), '--plot', join(dir, 'p.pdf')], /--plot: ".*p\.pdf" must end in \.svg or \.png|cannot read/],
    ] as [string[], RegExp][]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(re);
    }
  });

  it('replay takes the fixture\'s claim id literally: "*" or "kreisler.*" is no pattern; a results file pointing outside the fixtures is exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-replay-'));
    const src = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../fixtures/counterexamples/kreisler.gfs-sharpness.monotone/77e952b183fa.json'), 'utf8'),
    );
    for (const claim of ['*', 'kreisler.*', 'kreisler.gfs-sharpness.*']) {
      const f = join(dir, 'f.json');
      writeFileSync(f, JSON.stringify({ ...src, claim }));
      const r = await cli('replay', f, '--precision', 'f64');
      expect(r.code, claim).toBe(2);
      expect(r.err).toBe(`eoscheck replay: ${f}: unknown claim "${claim}" (not built in; load user claims with --claims FILE)\n`);
    }
    const results = join(dir, 'r.json');
    const row = resultsRow('violated');
    for (const cx of ['/etc/passwd', '../../../../etc/hostname', 'classical.descent-lemma/../../../etc/hostname']) {
      writeFileSync(results, resultsFile([{ ...row, counterexamples: [cx] }], { fixtures: 'fx' }));
      const r = await cli('report', results, '--html', join(dir, 'html'));
      expect(r.code, cx).toBe(2);
      expect(r.err).toContain(
        `counterexample ${JSON.stringify(cx)} of claim classical.descent-lemma is not "classical.descent-lemma/<name>.json" inside the recorded fixtures directory; refusing to read it`,
      );
    }
    expect(existsSync(join(dir, 'html', 'index.html'))).toBe(false);
  });

  it("replay --plot draws the fixture's trajectory as SVG or PNG; an instance without a trajectory is exit 2 naming --plot", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-replay-plot-'));
    const fixture = (instance: object) => {
      const f = join(dir, `${Object.keys(instance).length}.json`);
      writeFileSync(
        f,
        JSON.stringify({
          claim: 'classical.quadratic.monotone-below-edge',
          version: '0.1.0',
          instance,
          verdict: 'holds',
          precision: 'f64',
          observed: 0,
          bound: 0,
          margin: 0,
          seed: null,
          path: null,
          shrinks: 0,
          createdAt: '2026-01-01T00:00:00.000Z',
        }),
      );
      return f;
    };
    const traj = fixture({ model: 'deep-scalar', params: { target: '1' }, theta: ['1.2', '0.1'], lr: '0.3', steps: 30 });
    const svg = await cli('replay', traj, '--precision', 'f64', '--plot', join(dir, 'p.svg'));
    expect(svg.err).toBe('');
    expect(svg.out).toContain(`plot      ${join(dir, 'p.svg')}`);
    expect(readFileSync(join(dir, 'p.svg'), 'utf8')).toMatch(/^<svg[\s\S]*2\/η = 6\.667[\s\S]*<\/svg>\n$/);
    await cli('replay', traj, '--precision', 'f64', '--plot', join(dir, 'p.png'));
    expect(readFileSync(join(dir, 'p.png')).subarray(1, 4).toString()).toBe('PNG');
    const point = fixture({ model: 'deep-scalar', theta: ['1', '1'] });
    const r = await cli('replay', point, '--plot', join(dir, 'q.svg'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--plot: .*no plot: the instance has no starting point θ and learning rate η/);
  });
});
