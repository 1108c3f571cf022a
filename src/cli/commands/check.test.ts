import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAIMS } from '../../claims/registry.js';
import { cli } from '../../../test-support/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'eoscheck-check-'));
const withoutMs = (text: string) => text.replace(/"ms": \d+/g, '"ms": 0');

describe('eoscheck check', () => {
  it('writes the README, Reports JSON, byte-identical across runs but for ms; shards merged equal the unsharded run', async () => {
    const dir = tmp();
    const fx = join(dir, 'fx');
    // The classical and oracle claims: every instance exercises them, so the counts below are exact.
    const args = ['classical.*', 'oracle.*', '--seed', '7', '--runs', '6', '--fixtures', fx];
    const a = await cli('check', ...args, '--json', join(dir, 'a.json'), '--junit', join(dir, 'a.xml'), '--summary', join(dir, 'a.md'));
    const b = await cli('check', ...args, '--json', join(dir, 'b.json'));
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const A = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(withoutMs(readFileSync(join(dir, 'b.json'), 'utf8'))).toBe(withoutMs(A));
    const report = JSON.parse(A);
    expect(Object.keys(report)).toEqual(['seed', 'runs', 'shard', 'version', 'fixtures', 'interrupted', 'claims']);
    expect(report).toMatchObject({ seed: 7, runs: 6, shard: '1/1', version: '0.1.0', fixtures: fx, interrupted: false });
    const n = BUILTIN_CLAIMS.filter((c) => c.id.startsWith('classical.') || c.id.startsWith('oracle.')).length;
    expect(report.claims.length).toBe(n);
    for (const c of report.claims) {
      expect(c).toMatchObject({ verdict: 'holds', instances: { holds: 6, violated: 0, artifact: 0, inconclusive: 0, diverged: 0 }, counterexamples: [] });
      expect(typeof c.ms).toBe('number');
    }
    for (let i = 1; i <= 3; i++) expect((await cli('check', ...args, '--shard', `${i}/3`, '--json', join(dir, `s${i}.json`))).code).toBe(0);
    const m = await cli('merge', join(dir, 's3.json'), join(dir, 's1.json'), join(dir, 's2.json'), '--out', join(dir, 'm.json'));
    expect(m.code).toBe(0);
    expect(withoutMs(readFileSync(join(dir, 'm.json'), 'utf8'))).toBe(withoutMs(A));
    // The same shards from a Slurm job array (sbatch --array=0-2): no --shard, the task's variables instead.
    const saved = { ...process.env };
    try {
      for (let id = 0; id <= 2; id++) {
        Object.assign(process.env, { SLURM_ARRAY_TASK_ID: `${id}`, SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0' });
        expect((await cli('check', ...args, '--json', join(dir, `slurm${id}.json`))).code).toBe(0);
        expect(withoutMs(readFileSync(join(dir, `slurm${id}.json`), 'utf8'))).toBe(withoutMs(readFileSync(join(dir, `s${id + 1}.json`), 'utf8')));
      }
    } finally {
      for (const k of ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_MIN']) if (saved[k] === undefined) delete process.env[k];
    }
    const ms = await cli('merge', join(dir, 'slurm0.json'), join(dir, 'slurm1.json'), join(dir, 'slurm2.json'), '--out', join(dir, 'ms.json'));
    expect(ms.code).toBe(0);
    expect(withoutMs(readFileSync(join(dir, 'ms.json'), 'utf8'))).toBe(withoutMs(A));
    // The same table went to stdout and --summary; JUnit has one passing testcase per claim.
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(a.out);
    expect(a.out).toContain(`**${n} claim(s): ${n} hold, 0 violated`);
    expect(readFileSync(join(dir, 'a.xml'), 'utf8').match(/<testcase /g)).toHaveLength(n);
  });

  it('runs selected claims by id and prefix', async () => {
    const dir = tmp();
    const r = await cli('check', 'classical.*', 'oracle.quartic.closed-forms', '--runs', '3', '--fixtures', dir, '--json', join(dir, 'r.json'));
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).claims.map((c: { id: string }) => c.id)).toEqual([
      'classical.quadratic.monotone-below-edge',
      'classical.quadratic.increases-above-edge',
      'classical.descent-lemma',
      'oracle.quartic.closed-forms',
    ]);
  });

  it('gives one clear line and exit 2 for unknown claims, bad options and malformed fixtures', async () => {
    const dir = tmp();
    const bad = join(dir, 'fx', 'classical.descent-lemma');
    (await import('node:fs')).mkdirSync(bad, { recursive: true });
    (await import('node:fs')).writeFileSync(join(bad, '0123456789ab.json'), '{"claim": "classical.descent-lemma"');
    const cases: [string[], RegExp][] = [
      [['check', 'no.such.claim'], /^eoscheck check: unknown claim "no.such.claim"/],
      [['check', '--shard', '0/3'], /^eoscheck check: --shard: "0\/3" needs 1 ≤ i ≤ n/],
      [['check', '--shard', 'two'], /--shard: "two" is not a shard/],
      [['check', '--runs', '0'], /--runs: must be between 1 and/],
      [['check', '--seed', 'x'], /--seed: must be a whole number/],
      [['check', '--json'], /--json: needs a value \(FILE\)/],
      [['check', '--frobnicate'], /--frobnicate: unknown option for "check"/],
      [['check', '--claims', join(dir, 'none.ts')], /--claims: cannot read/],
      [['check', '--json', join(dir, 'no/such/dir/r.json')], /--json: cannot write .* does not exist/],
      [['check', 'classical.descent-lemma', '--fixtures', join(dir, 'fx')], /--fixtures: .*0123456789ab\.json: not a counterexample fixture: invalid JSON/],
      [['replay'], /needs exactly one fixture file/],
      [['replay', join(dir, 'nope.json')], /cannot read/],
      [['merge', join(dir, 'x.json')], /--out: is required/],
      [['hunt', 'classical.*'], /names 3 claims; hunt takes exactly one/],
      [['hunt', 'classical.descent-lemma', '--time', '10 minutes'], /--time: "10 minutes" is not a duration/],
      [['list', 'zzz'], /unknown claim "zzz"/],
    ];
    for (const [argv, re] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(re);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });
});

describe('eoscheck check, interrupted', () => {
  it('Ctrl-C stops both threads of --jobs 2 at the next instance boundary (the workers load the --claims file too): fixtures found so far are on disk, the claims cut are in the partial report, in catalog order, exit 130', async () => {
    const dir = tmp();
    const json = join(dir, 'partial.json');
    const root = join(import.meta.dirname, '../../..');
    // Two families, so two threads: a built-in claim and the claims file's false one, both endless.
    const args = [
      'check',
      FALSE_ID,
      'classical.descent-lemma',
      '--claims',
      FALSE_CLAIM,
      '--runs',
      '10000000',
      '--jobs',
      '2',
      '--fixtures',
      dir,
      '--json',
      json,
    ];
    const child = spawn(process.execPath, [join(root, 'bin/eoscheck.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const found = () => (existsSync(join(dir, FALSE_ID)) ? readdirSync(join(dir, FALSE_ID)).filter((f) => f.endsWith('.json')) : []);
    const t0 = Date.now();
    while (found().length === 0 && Date.now() - t0 < 60_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.interrupted).toBe(true);
    expect(report.claims.map((c: { id: string }) => c.id)).toEqual(['classical.descent-lemma', FALSE_ID]);
    expect(report.claims[0].verdict).toBe('interrupted');
    expect(report.claims[1].instances.violated).toBeGreaterThan(0);
    for (const f of report.claims[1].counterexamples) expect(JSON.parse(readFileSync(join(report.fixtures, f), 'utf8')).verdict).toBe('violated');
    expect(stdout).toContain('Interrupted (SIGINT): the report above is partial');
  }, 90_000);
});

describe('eoscheck list', () => {
  it('lists id, title, citation and status; --json gives the full records', async () => {
    const r = await cli('list', 'classical.*');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^classical\.quadratic\.monotone-below-edge {2}\[forall, recalled \[R\]\]\n {4}GD on a quadratic/);
    expect(r.out).toMatch(/3 claim\(s\)\n$/);
    const j = JSON.parse((await cli('list', '--json')).out);
    expect(j).toHaveLength(BUILTIN_CLAIMS.length);
    expect(j[0]).toMatchObject({ id: 'classical.quadratic.monotone-below-edge', kind: 'forall', source: 'built-in', ladder: ['f64', 'dec:40', 'dec:80'] });
    expect(Object.keys(j[0])).toEqual([
      'id',
      'title',
      'citation',
      'status',
      'kind',
      'source',
      'statement',
      'hypotheses',
      'tolerance',
      'rationale',
      'negativeControl',
      'ladder',
      'budget',
      'testedOn',
    ]);
    expect(j[0].testedOn).toEqual(['quadratic']);
    expect(r.out).toContain('    tested on: quadratic\n');
  });

  it('--markdown: one table per paper, with the verdicts of a check --json report', async () => {
    const dir = tmp();
    expect((await cli('check', 'classical.*', '--runs', '4', '--fixtures', join(dir, 'fx'), '--json', join(dir, 'r.json'))).code).toBe(0);
    const r = await cli('list', 'classical.*', 'oracle.quartic.closed-forms', '--markdown', '--results', join(dir, 'r.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Verdicts from `eoscheck check --seed 1` \(4 instances per claim.*3 claims in \d+ s\): 3 hold, 0 violated/);
    expect(r.out).toContain('### Classical (quadratic GD, descent lemma)');
    expect(r.out).toContain(
      '| `classical.descent-lemma` | Descent lemma: L(θ⁺) ≤ L(θ) − η(1 − ηL/2)‖∇L(θ)‖² for an L-smooth objective | ∀ under hypotheses | `quadratic` | [R] recalled | holds, 4 of 4 exercised (4 runs) |',
    );
    // Selected but not in the report: said, not invented.
    expect(r.out).toMatch(/\| `oracle.quartic.closed-forms` \|.*\| exact identity \| `quartic` \| checked \| not run \|/);
    expect(r.out).not.toContain('### Damian');
    expect((await cli('list', '--results', join(dir, 'r.json'))).err).toMatch(/--results: goes with --markdown/);
    const bad = await cli('list', '--markdown', '--results', join(dir, 'nope.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--results: cannot read .*nope\.json.*ENOENT/);
  });
});

describe('eoscheck check, sharded', () => {
  it('a shard decides only the ∀ violations it found: statistical claims are partial, every shard exits 0 where the whole run does, and merge equals the whole run', async () => {
    // seed 1, 60 runs: chen.cubic-map.chaos (statistical, ≥ 80%) holds on 56 of 60, a 95% Wilson
    // interval [0.84, 0.97] that clears 0.8; a shard's 20 instances cannot decide it (partial).
    const dir = tmp();
    const args = ['chen.cubic-map.chaos', 'classical.descent-lemma', '--seed', '1', '--runs', '60', '--fixtures', join(dir, 'fx')];
    const whole = await cli('check', ...args, '--json', join(dir, 'whole.json'));
    expect(whole.code, whole.err).toBe(0);
    const W = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8'));
    expect(W.claims.map((c: { verdict: string }) => c.verdict)).toEqual(['holds', 'holds']);
    for (let i = 1; i <= 3; i++) {
      const s = await cli('check', ...args, '--shard', `${i}/3`, '--json', join(dir, `s${i}.json`));
      expect(s.code, `shard ${i}/3: ${s.out}`).toBe(0);
      const S = JSON.parse(readFileSync(join(dir, `s${i}.json`), 'utf8'));
      expect(S.claims.map((c: { verdict: string }) => c.verdict)).toEqual(['partial', 'partial']);
      expect(s.out).toContain('2 partial (decided when the shards are merged)');
    }
    const m = await cli('merge', join(dir, 's1.json'), join(dir, 's2.json'), join(dir, 's3.json'), '--out', join(dir, 'm.json'));
    expect(m.code).toBe(0);
    expect(withoutMs(readFileSync(join(dir, 'm.json'), 'utf8'))).toBe(withoutMs(readFileSync(join(dir, 'whole.json'), 'utf8')));
  }, 240_000);

  it('a shard that finds a ∀ violation exits 1 by itself', async () => {
    const dir = tmp();
    const args = [FALSE_ID, '--claims', FALSE_CLAIM, '--seed', '1', '--runs', '20', '--fixtures', join(dir, 'fx')];
    const codes = [];
    for (let i = 1; i <= 2; i++) {
      const s = await cli('check', ...args, '--shard', `${i}/2`, '--json', join(dir, `s${i}.json`));
      const row = JSON.parse(readFileSync(join(dir, `s${i}.json`), 'utf8')).claims[0];
      expect(row.verdict).toBe(row.instances.violated > 0 ? 'violated' : 'partial');
      expect(s.code).toBe(row.instances.violated > 0 ? 1 : 0);
      codes.push(s.code);
    }
    expect(codes).toContain(1);
  }, 120_000);
});

const FALSE_CLAIM = join(import.meta.dirname, '../../../properties/examples/falseClaim.ts');
const FALSE_ID = 'example.quadratic.monotone-below-3-over-lambda';

describe('eoscheck outputs and paths', () => {
  it('a directory, a missing directory or an unwritable path for any output is exit 2 naming it, before any work', async () => {
    const dir = tmp();
    const t0 = performance.now();
    for (const [argv, re] of [
      [['check', '--json', dir], /^eoscheck check: --json: cannot write ".*": it is a directory\n$/],
      [['check', '--junit', '/proc/r.xml'], /^eoscheck check: --junit: cannot write "\/proc\/r\.xml": E[A-Z]+ in \/proc\n$/],
      [['check', '--summary', join(dir, 'no/r.md')], /--summary: cannot write ".*no\/r\.md": directory .* does not exist/],
      [['check', '--report', '/proc/eoscheck-report'], /--report: cannot create "\/proc\/eoscheck-report": E[A-Z]+ at \/proc\/eoscheck-report/],
      [['check', '--fixtures', '/proc/eoscheck/fx'], /--fixtures: cannot create "\/proc\/eoscheck\/fx"/],
      [['check', '--json', '-', '--junit', '/dev/stdout'], /--json and --junit both go to standard output/],
      [['hunt', 'classical.descent-lemma', '--out', '/proc/eoscheck/fx'], /--out: cannot create "\/proc\/eoscheck\/fx"/],
      [['merge', join(dir, 'x.json'), '--out', dir], /--out: cannot write ".*": it is a directory/],
      [['trace', '--model', 'uv', '--theta', '1,1', '--lr', '0.1', '--steps', '2', '--csv', dir], /--csv: cannot write ".*": it is a directory/],
      [['report', join(dir, 'x.json'), '--html', '/proc/eoscheck-html'], /--html: cannot create|RESULTS\.json: cannot read/],
    ] as [string[], RegExp][]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(re);
    }
    // Refused up front: the whole catalog would take minutes.
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writes to /dev/null (which stays a device), into a symbolic link's target, and to standard output with -", async () => {
    const dir = tmp();
    symlinkSync(join(dir, 'target.json'), join(dir, 'link.json'));
    const a = ['classical.descent-lemma', '--runs', '2', '--fixtures', join(dir, 'fx')];
    const r = await cli('check', ...a, '--json', join(dir, 'link.json'), '--junit', '/dev/null', '--summary', '/dev/null');
    expect(r.code, r.err).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')).claims[0].verdict).toBe('holds');
    // `--json -`: the report alone on stdout (the summary table stays off it).
    const root = join(import.meta.dirname, '../../..');
    const child = spawn(process.execPath, [join(root, 'bin/eoscheck.js'), 'check', ...a, '--json', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).claims[0]).toMatchObject({ id: 'classical.descent-lemma', verdict: 'holds' });
    expect(withoutMs(stdout)).toBe(withoutMs(readFileSync(join(dir, 'target.json'), 'utf8')));
  }, 60_000);

  it('a claims module that forges a claim id with ../ cannot make the store write outside it: exit 2', async () => {
    const dir = tmp();
    const forged = join(dir, 'forged.ts');
    writeFileSync(
      forged,
      `import c from ${JSON.stringify(FALSE_CLAIM)};\n` +
        `const d = Object.getOwnPropertyDescriptors(c);\n` +
        `d.id = { value: '../../../elsewhere/x', enumerable: true };\n` +
        `export default Object.create(Object.getPrototypeOf(c), d);\n`,
    );
    const fx = join(dir, 'a', 'b', 'c', 'fx');
    for (const argv of [
      ['check', '--fixtures', fx],
      ['hunt', '--out', fx, '--runs', '3'],
    ]) {
      const r = await cli(argv[0], '../../../elsewhere/x', '--claims', forged, ...argv.slice(1));
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(/claim id "\.\.\/\.\.\/\.\.\/elsewhere\/x" cannot name a fixture directory/);
    }
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
    expect(existsSync(join(dir, 'a', 'elsewhere'))).toBe(false);
  }, 60_000);
});
