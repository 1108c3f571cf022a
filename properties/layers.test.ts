import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { filesUnder } from '../test-support/filesUnder.js';
import { describe, expect, it } from 'vitest';

/**
 * The layer order of the README's Layout, for tests as for code: a file under src/<layer>/ imports
 * only its own layer and the ones before it. test-support/ (helpers for tests) is outside src/ and
 * no production file may import it.
 */
const root = join(import.meta.dirname, '..');
const ORDER = ['numerics', 'models', 'arbitraries', 'spectral', 'dynamics', 'observers', 'tfjs', 'claims', 'harness', 'cli'];

/** The relative imports of a file, as repository paths of .ts files. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
    relative(root, normalize(join(dirname(file), m[1])))
      .split('\\')
      .join('/')
      .replace(/\.js$/, '.ts'),
  );
}

const layerOf = (path: string): number => (path.startsWith('src/') ? ORDER.indexOf(path.split('/')[1]) : Number.POSITIVE_INFINITY);

describe('layers', () => {
  const all = filesUnder(join(root, 'src'), (n) => n.endsWith('.ts')).map((f) => ({ file: f, rel: relative(root, f).split('\\').join('/') }));

  it('every file under src/ is in a known layer (or at the top: index.ts, errors.ts)', () => {
    const unknown = all.filter(({ rel }) => rel.split('/').length > 2 && layerOf(rel) < 0).map(({ rel }) => rel);
    expect(unknown).toEqual([]);
  });

  it('no production file imports test-support/', () => {
    const bad = all
      .filter(({ rel }) => !rel.endsWith('.test.ts'))
      .filter(({ file }) => imports(file).some((p) => p.startsWith('test-support/')))
      .map(({ rel }) => rel);
    expect(bad).toEqual([]);
  });

  it('test files import only their layer and the ones before it', () => {
    const bad: string[] = [];
    for (const { file, rel } of all.filter((x) => x.rel.endsWith('.test.ts'))) {
      const own = layerOf(rel);
      if (own < 0) continue;
      for (const p of imports(file)) {
        if (p.startsWith('test-support/')) continue;
        if (layerOf(p) > own) bad.push(`${rel} → ${p}`);
      }
    }
    expect(bad).toEqual([]);
  });

  // Small files named after what they export: a production file past 400 lines is split, not grown.
  it('no production file under src/ is over 400 lines', () => {
    const long = all
      .filter(({ rel }) => !rel.endsWith('.test.ts'))
      .map(({ file, rel }) => ({ rel, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 400)
      .map(({ rel, lines }) => `${rel}: ${lines}`);
    expect(long).toEqual([]);
  });

  // The library names its inputs as API parameters (errors.ts); only the CLI (cliMessage.ts) maps them to flags.
  const flagParam = /(?:UsageError|EoscheckError)\([^;]*,\s*'--[a-z]/;
  it('no error thrown below the CLI names a command-line flag as its input', () => {
    const bad = all
      .filter(({ rel }) => !rel.startsWith('src/cli/') && !rel.endsWith('.test.ts'))
      .flatMap(({ file, rel }) => {
        // On the whole text: a call that biome spreads over several lines is read as one.
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(new RegExp(flagParam.source, 'g'))].map((m) => `${rel}:${text.slice(0, m.index).split('\n').length}`);
      });
    expect(bad).toEqual([]);
  });

  it('the flag pattern finds a flag named as an error input, and not an API parameter', () => {
    expect(flagParam.test("throw new UsageError(`bad value`, '--data');")).toBe(true);
    expect(flagParam.test("throw new UsageError(`bad value`, 'data');")).toBe(false);
    expect(flagParam.test("throw new UsageError('--data is not set; use data');")).toBe(false);
    expect(flagParam.test("throw new UsageError(\n  `bad value`,\n  '--data',\n);")).toBe(true);
  });
});
