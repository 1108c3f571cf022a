import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The package as a user gets it: `npm pack` of the compiled dist/, the tarball installed into a
 * fresh project outside the repository, then `eoscheck init`'s claims file type-checked with tsc
 * against the shipped declarations and run through `npx eoscheck` (a true claim exits 0; a false
 * one exits 1 and prints a replay command that works as printed), and the library imported from
 * plain node. Needs the npm registry (or a warm npm cache) for the dependencies.
 */
const root = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'eoscheck-package-'));
const project = join(tmp, 'project');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the packed package, installed into a fresh project', () => {
  it('packs only what a user needs and installs', () => {
    // npm builds dist/ before it packs (the prepare script); vitest's global setup has just run that
    // same build, so the pack here skips a second one.
    expect(pkg.scripts.prepare).toBe('npm run build');
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { filename: string; size: number; files: { path: string }[] }[];
    const files = packed[0].files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/tfjs/index.d.ts');
    expect(files).toContain('bin/eoscheck.js');
    expect(files).toContain('docs/claim-api.md');
    expect(files.filter((f) => /\.test\.|^src\/|^properties\/|^fixtures\/|^\.ci\//.test(f))).toEqual([]);
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-theory', private: true }));
    const install = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(tmp, packed[0].filename)], project);
    expect(install.code, install.err).toBe(0);
  }, 300_000);

  it('init writes a claims file that type-checks and holds (exit 0), and whose negative control is flagged', () => {
    const init = sh('npx', ['eoscheck', 'init'], project);
    expect(init.code, init.err).toBe(0);
    expect(readdirSync(join(project, '.github/workflows'))).toEqual(['eoscheck.yml']);
    const claims = readFileSync(join(project, 'my-claims.ts'), 'utf8');
    // The false twin: the threshold 3 instead of 2.
    writeFileSync(join(project, 'false-claims.ts'), claims.replace('const EDGE = 2;', 'const EDGE = 3;').replace('one-step-below-edge', 'one-step-below-3'));
    // The claims example of docs/claim-api.md must compile too.
    const doc = readFileSync(join(root, 'docs/claim-api.md'), 'utf8');
    const example = /## Anatomy\n\n```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toContain('defineClaim');
    writeFileSync(join(project, 'doc-example.ts'), example as string);
    const types = sh(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        'my-claims.ts',
        'false-claims.ts',
        'doc-example.ts',
      ],
      project,
    );
    expect(types.code, types.out + types.err).toBe(0);
    // The starter claim and the guide's example in one run (one process start fewer): both hold.
    const ok = sh('npx', ['eoscheck', 'check', '--claims', './my-claims.ts', '--claims', './doc-example.ts', '--runs', '30'], project);
    expect(ok.code, ok.out + ok.err).toBe(0);
    // Only the files' claims ran (no ids given), not the built-in catalog.
    expect(ok.out).toContain('**2 claim(s): 2 hold, 0 violated');
    const controls = sh('npx', ['eoscheck', 'check', '--claims', './my-claims.ts', '--claims', './doc-example.ts', '--controls'], project);
    expect(controls.code, controls.out + controls.err).toBe(0);
    expect(controls.out).toContain('**2 control(s): 2 flagged, 0 not flagged.**');
  }, 120_000);

  it('a false claim exits 1 with a counterexample whose printed replay command works as printed', () => {
    const bad = sh('npx', ['eoscheck', 'check', '--claims', './false-claims.ts', '--runs', '30'], project);
    expect(bad.code, bad.err).toBe(1);
    const replay = /replay it with `([^`]+)`/.exec(bad.out)?.[1];
    expect(replay, bad.out).toMatch(
      /^npx eoscheck replay fixtures\/counterexamples\/my\.quadratic\.one-step-below-3\/\w+\.json --claims \.\/false-claims\.ts$/,
    );
    const again = sh('sh', ['-c', replay as string], project);
    expect(again.code, again.err).toBe(1);
    expect(again.out).toMatch(/verdict\s+violated .*reproduced/);
  }, 120_000);

  it('imports from plain node (no tsx), computes a point report, and loads the tfjs entry point', () => {
    const script = [
      "import { inspectPoint, instanceModel, parsePrecision } from 'eoscheck';",
      "const theta = ['1', '2', '0.5'];",
      "const r = inspectPoint(instanceModel({ model: 'deep-scalar', theta, params: { target: '2' } }), theta, parsePrecision('f64'));",
      'console.log(JSON.stringify(r.grad));',
    ].join('\n');
    const r = sh(process.execPath, ['--input-type=module', '-e', script], project);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual([-1, -0.5, -2]);
    // The networks' entry point, with TensorFlow.js behind it.
    const tf = sh(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('eoscheck/tfjs'); console.log(typeof m.createMlpF64, typeof m.tf.tensor);"],
      project,
    );
    expect(tf.code, tf.err).toBe(0);
    expect(tf.out).toBe('function function\n');
  }, 60_000);
});
