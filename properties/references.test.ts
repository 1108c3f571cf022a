import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../test-support/filesUnder.js';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';

/**
 * What eoscheck prints and what its sources cite must be files a user has: the per-paper pages
 * docs/claims/<page>.md and the README, never the design notes the project was written from.
 */
const root = join(import.meta.dirname, '..');
const PRIVATE = [/claims\.md/, /architecture §/];

async function cli(...argv: string[]): Promise<string> {
  let out = '';
  await run(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (out += s) });
  return out;
}

describe('references', () => {
  for (const argv of [['list'], ['list', '--json'], ['list', '--markdown'], ['--help'], ['check', '--help'], ['trace', '--help']]) {
    it(`\`eoscheck ${argv.join(' ')}\` cites no private design note`, async () => {
      const out = await cli(...argv);
      expect(out.length).toBeGreaterThan(100);
      for (const p of PRIVATE) expect(out).not.toMatch(p);
    });
  }

  it('no file a user gets cites a private design note (sources, docs, fixtures, examples, scripts, README)', () => {
    const found = [
      ...['src', 'docs', 'fixtures', 'examples', 'scripts', 'bin', 'bench', '.ci'].flatMap((d) =>
        filesUnder(join(root, d), (n) => /\.(ts|js|md|json|sbatch|sh)$/.test(n) || !n.includes('.')),
      ),
      join(root, 'README.md'),
    ]
      .filter((f) => PRIVATE.some((p) => p.test(readFileSync(f, 'utf8'))))
      .map((f) => relative(root, f));
    expect(found).toEqual([]);
  });

  it('every docs/…md path named in src/ or README.md exists', () => {
    const sources = [...filesUnder(join(root, 'src'), (n) => n.endsWith('.ts')), join(root, 'README.md')];
    const named = new Set<string>();
    for (const f of sources) for (const m of readFileSync(f, 'utf8').matchAll(/docs\/[\w./-]*?\.md/g)) named.add(m[0]);
    expect(named.size).toBeGreaterThan(10);
    const missing = [...named].filter((p) => !existsSync(join(root, p)));
    expect(missing).toEqual([]);
  });

  it('the claims cite one page per paper', () => {
    const pages = new Set<string>();
    for (const f of filesUnder(join(root, 'src/claims'), (n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/docs\/claims\/([\w-]+)\.md/g)) pages.add(m[1]);
    }
    const allowed = [
      'classical',
      'damian',
      'arora',
      'wang-roberts',
      'wang-xu-zhao-tao',
      'cohen',
      'kreisler',
      'even',
      'lewkowycz',
      'agarwala',
      'chen',
      'zhu',
      'oracles',
    ];
    expect([...pages].filter((p) => !allowed.includes(p))).toEqual([]);
  });
});
