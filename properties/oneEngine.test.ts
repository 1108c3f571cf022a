import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../test-support/filesUnder.js';
import { describe, expect, test } from 'vitest';

/**
 * Every trajectory runs on src/dynamics: an update θ − η·g written outside it, or an optimizer
 * stepped by hand, is a private loop with its own divergence rule (what `stepper` and
 * `runTrajectory` exist to replace).
 */
const root = join(import.meta.dirname, '..');

// θ − s·g by a step-size name, or by any scale times a gradient entry (g[i], grad[i], dL[i]; in a field or in doubles), or an optimizer stepped by hand.
const UPDATE =
  /F\.sub\(\w+(\[\w+\])?, F\.mul\((eta|lr|gamma|gj|s\.eta)\b|F\.sub\([\w.[\]]+, F\.mul\([\w.]+, (g|grad)\w*\[\w+\]\)\)|\b\w+ - (eta|lr|gamma) \* [\w.]*\b(g|grad|dL)\w*\[\w+\]|-= *(eta|lr|gamma) *\*|= *opt\.step\(/;

/** Loops not yet on the engine, each with why; this list only shrinks (it is empty). */
const PENDING = new Set<string>([]);

/** Not eoscheck's own runs: the starter claims file `eoscheck init` writes, one GD step as a user writes it. */
const USER_TEXT = new Set(['src/cli/commands/initFiles.ts']);

const sources = (dir: string): string[] => filesUnder(dir, (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));

describe('one trajectory engine', () => {
  test('no GD / NGD / momentum update outside src/dynamics', () => {
    const found: string[] = [];
    for (const file of sources(join(root, 'src'))) {
      const rel = relative(root, file).split('\\').join('/');
      if (rel.startsWith('src/dynamics/') || PENDING.has(rel) || USER_TEXT.has(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (UPDATE.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  test('the pattern finds a hand-written GD step', () => {
    expect(UPDATE.test('    th = th.map((x, i) => F.sub(x, F.mul(eta, g[i])));')).toBe(true);
    expect(UPDATE.test('    for (let k = 0; k < p; k++) theta[k] -= eta * g[k];')).toBe(true);
    expect(UPDATE.test('      th = th.map((v, i) => F.sub(v, F.mul(toy.eta, g[i])));')).toBe(true);
    expect(UPDATE.test('  const gdStep = (th: Vec<T>, h: T, g: Vec<T>) => th.map((x, i) => F.sub(x, F.mul(h, g[i])));')).toBe(true);
    expect(UPDATE.test('    theta = theta.map((x, i) => x - eta * g[i]);')).toBe(true);
    expect(UPDATE.test('    dag.p.map((xi, i) => xi - eta * dag.dL[i]),')).toBe(true);
    expect(UPDATE.test('    const next = run.theta;')).toBe(false);
    // A projection off a direction is not a gradient step.
    expect(UPDATE.test('    pg = pg.map((x, i) => F.sub(x, F.mul(c, nv[i])));')).toBe(false);
  });

  test('one divergence bound: no literal bound in the claims', () => {
    const found = sources(join(root, 'src/claims')).filter((f) => /\b1e50\b/.test(readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
