import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';

/** The README's catalog tables (written by `npm run catalog`) cover the whole catalog, each claim with a verdict. */
describe('README catalog', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('<!-- catalog:start'), readme.indexOf('<!-- catalog:end -->'));

  it('has one row per built-in claim, with the verdict of the last full run (run `npm run catalog` after changing the catalog)', () => {
    // An opt-in claim is not in the default run: its row says so and how to run it.
    const verdict = (optIn: boolean) =>
      optIn ? 'opt-in, not in the default run \\(`eoscheck check ' : '(holds|violated|artifact|inconclusive), \\d+ of \\d+ exercised';
    const missing = BUILTIN_CLAIMS.filter(
      (c) => !new RegExp(`^\\| \`${c.id.replace(/[.*]/g, '\\$&')}\` \\|.*\\| ${verdict(c.optIn !== undefined)}`, 'm').test(section),
    );
    expect(missing.map((c) => c.id)).toEqual([]);
  });

  it('lists no claim that is not in the catalog', () => {
    const ids = [...section.matchAll(/^\| `([a-z0-9.-]+)` \|/gm)].map((m) => m[1]);
    const known = new Set(BUILTIN_CLAIMS.map((c) => c.id));
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });
});
