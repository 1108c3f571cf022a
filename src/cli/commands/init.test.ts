import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CI_WORKFLOW_FILE, STARTER_CLAIMS_FILE } from './initFiles.js';
import { cli } from '../../../test-support/cli.js';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/eoscheck.js');

/** The CLI as a user runs it, in a folder of their own (no package.json, no node_modules). */
function eoscheck(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('eoscheck init', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eoscheck-init-'));

  it('writes the starter claims file and the CI workflow, then refuses to overwrite them without --force', () => {
    const first = eoscheck(dir, 'init');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(`wrote ${STARTER_CLAIMS_FILE}\nwrote ${CI_WORKFLOW_FILE}\n`);
    const workflow = readFileSync(join(dir, CI_WORKFLOW_FILE), 'utf8');
    // The workflow gates on the exit code and keeps the JUnit and HTML reports.
    expect(workflow).toContain('--junit eoscheck-out/junit.xml');
    expect(workflow).toContain('--report eoscheck-out/report');
    expect(workflow).toContain('actions/upload-artifact');
    expect(workflow).toMatch(/exit \$code/);
    writeFileSync(join(dir, STARTER_CLAIMS_FILE), '// mine\n');
    const again = eoscheck(dir, 'init');
    expect(again.code).toBe(2);
    expect(again.err).toBe(`eoscheck init: ${STARTER_CLAIMS_FILE} exists; remove it or pass --force to overwrite it\n`);
    expect(readFileSync(join(dir, STARTER_CLAIMS_FILE), 'utf8')).toBe('// mine\n');
    expect(eoscheck(dir, 'init', '--force').code).toBe(0);
    expect(readFileSync(join(dir, STARTER_CLAIMS_FILE), 'utf8')).toContain('defineClaim');
  });

  // Through the CLI: the claims file imports 'eoscheck', which resolves through the package's own hooks.
  it('the starter claim holds, its negative control is flagged, and its false twin is violated near the threshold', () => {
    const ok = eoscheck(dir, 'check', '--claims', `./${STARTER_CLAIMS_FILE}`, '--runs', '40');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('| `my.quadratic.one-step-below-edge` | ✅ holds | 40 | 40 | 0 | 0 | 0 | 0 | 0 | 40 |');
    // No ids: only the file's claims run, not the built-in catalog.
    expect(ok.out).not.toContain('classical.');
    const controls = eoscheck(dir, 'check', '--claims', `./${STARTER_CLAIMS_FILE}`, '--controls');
    expect(controls.code, controls.err).toBe(0);
    expect(controls.out).toContain('| 10 | 10 | ✅ flagged |');
    const text = readFileSync(join(dir, STARTER_CLAIMS_FILE), 'utf8');
    writeFileSync(join(dir, 'false.ts'), text.replace('const EDGE = 2;', 'const EDGE = 3;').replace('one-step-below-edge', 'one-step-below-3'));
    const bad = eoscheck(dir, 'check', '--claims', './false.ts', '--runs', '40', '--fixtures', join(dir, 'fx'));
    expect(bad.code, bad.err).toBe(1);
    // Shrunk to η·a just above 2, where the true threshold is.
    const kappa = Number(/Evidence: loss_increased: .*\(η·a = ([\d.]+)\)/.exec(bad.out)?.[1]);
    expect(kappa, bad.out).toBeGreaterThan(2);
    expect(kappa).toBeLessThan(2.1);
  }, 60_000);
});

describe('eoscheck check --controls', () => {
  it("runs the selected claims' negative controls: exit 0 when every one is flagged", async () => {
    const r = await cli('check', 'classical.*', '--controls', '--runs', '5');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('| `classical.descent-lemma` |');
    expect(r.out).toContain('**3 control(s): 3 flagged, 0 not flagged.**');
  });

  it('exit 1 when a check never fails on its control (a check that cannot fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-controls-'));
    const file = join(dir, 'blind.ts');
    // A check that always holds: its control can never be flagged.
    writeFileSync(
      file,
      `import { decimalText, defineClaim } from 'eoscheck';
export const blind = defineClaim({
  id: 'my.blind', title: 't', citation: { paper: 'p', where: 'w' }, statement: 's', kind: 'forall', hypotheses: [],
  arbitrary: decimalText(0, 1).map((x) => ({ model: 'quartic', theta: [x] })),
  check: (_i, ctx) => ctx.holds({ code: 'ok', message: 'always', observed: 0, bound: 0, margin: 0 }),
  negativeControl: { description: 'anything', arbitrary: decimalText(0, 1).map((x) => ({ model: 'quartic', theta: [x] })) },
  tolerance: {}, rationale: 'r',
});
`,
    );
    const r = eoscheck(dir, 'check', '--claims', './blind.ts', '--controls');
    expect(r.code, r.err).toBe(1);
    expect(r.out).toContain('| `my.blind` | anything | 10 | 0 | ❌ NOT flagged: the check never failed |');
    const reports = await cli('check', '--controls', '--json', join(dir, 'r.json'));
    expect(reports.code).toBe(2);
    expect(reports.err).toMatch(/--json: is not used with --controls/);
  }, 60_000);
});
