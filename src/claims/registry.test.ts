import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import type { Claim } from './claim.js';
import { loadClaimsFile } from './loadClaimsFile.js';
import { BUILTIN_CLAIMS, selectClaims, withUserClaims } from './registry.js';

const examples = resolve(import.meta.dirname, '../../properties/examples');

describe('the claim registry', () => {
  it('selects by id and by prefix*, in catalog order, each once', () => {
    const ids = (p: string[]) => selectClaims(BUILTIN_CLAIMS, p).map((c) => c.id);
    expect(ids([])).toEqual(BUILTIN_CLAIMS.filter((c) => c.optIn === undefined).map((c) => c.id));
    // An opt-in claim runs when named, not with the catalog or a prefix.
    const optIn = BUILTIN_CLAIMS.filter((c) => c.optIn !== undefined).map((c) => c.id);
    expect(optIn).toContain('damian.mlp.predictions-track');
    expect(ids(['damian.*'])).not.toContain('damian.mlp.predictions-track');
    expect(ids(['damian.mlp.predictions-track'])).toEqual(['damian.mlp.predictions-track']);
    expect(() => ids(['damian.mlp.*'])).toThrow(/only opt-in claims/);
    expect(ids(['classical.*'])).toEqual(['classical.quadratic.monotone-below-edge', 'classical.quadratic.increases-above-edge', 'classical.descent-lemma']);
    expect(ids(['oracle.quartic.closed-forms', 'classical.descent-lemma', 'classical.*'])).toEqual([
      'classical.quadratic.monotone-below-edge',
      'classical.quadratic.increases-above-edge',
      'classical.descent-lemma',
      'oracle.quartic.closed-forms',
    ]);
    expect(() => ids(['classical.nope'])).toThrow(/unknown claim "classical.nope" \(did you mean classical.quadratic/);
    expect(() => ids(['zzz*'])).toThrow(UsageError);
  });

  it('says exactly what a pattern missed: the opt-in claims it matched, the near ids, or the first of the catalog', () => {
    const ids = (claims: readonly Claim[], p: string[]) => selectClaims(claims, p).map((c) => c.id);
    const message = (claims: readonly Claim[], p: string) => {
      try {
        ids(claims, [p]);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      throw new Error(`"${p}" matched`);
    };
    // Only the opt-in claims under the prefix are named, not every opt-in claim.
    expect(message(BUILTIN_CLAIMS, 'damian.mlp.*')).toBe('"damian.mlp.*" matches only opt-in claims, which run when named: damian.mlp.predictions-track');
    expect(message(BUILTIN_CLAIMS, 'damian.mlp*')).toBe(
      '"damian.mlp*" matches only opt-in claims, which run when named: damian.mlp.predictions-track, damian.mlp-8-16-1.predictions-track',
    );
    // A plain id is never read as a prefix: one letter past an opt-in claim's id is unknown, not "only opt-in".
    expect(message(BUILTIN_CLAIMS, 'damian.mlp.predictions-trackX')).toMatch(/^unknown claim "damian.mlp.predictions-trackX" \(did you mean /);
    // Near ids: those of the same paper, three at most.
    expect(message(BUILTIN_CLAIMS, 'damian.nope')).toBe(
      'unknown claim "damian.nope" (did you mean damian.reduced-map.exact, damian.four-stages, damian.time-average.x-squared?)',
    );
    expect(message(BUILTIN_CLAIMS, 'zhu.nope')).toBe('unknown claim "zhu.nope" (did you mean zhu.exact-identity, zhu.final-sharpness-just-below-edge?)');
    // No near id: the first six of the catalog, and a pointer to `list` when there are more.
    const first6 = BUILTIN_CLAIMS.slice(0, 6)
      .map((c) => c.id)
      .join(', ');
    expect(message(BUILTIN_CLAIMS, 'zzz*')).toBe(`unknown claim "zzz*" (known: ${first6}, …; see \`eoscheck list\`)`);
    expect(message(BUILTIN_CLAIMS, 'zzz.x')).toBe(`unknown claim "zzz.x" (known: ${first6}, …; see \`eoscheck list\`)`);
    expect(message(BUILTIN_CLAIMS.slice(0, 6), 'zzz')).toBe(`unknown claim "zzz" (known: ${first6})`);
    expect(message(BUILTIN_CLAIMS.slice(0, 7), 'zzz')).toBe(`unknown claim "zzz" (known: ${first6}, …; see \`eoscheck list\`)`);
    // A prefix matching both kinds selects the plain claims only.
    expect(ids(BUILTIN_CLAIMS, ['damian.*'])).toEqual(BUILTIN_CLAIMS.filter((c) => c.id.startsWith('damian.') && c.optIn === undefined).map((c) => c.id));
    expect(ids(BUILTIN_CLAIMS, ['damian.*']).length).toBeGreaterThan(0);
  });

  it('every built-in id is unique and has a negative control', () => {
    expect(new Set(BUILTIN_CLAIMS.map((c) => c.id)).size).toBe(BUILTIN_CLAIMS.length);
    for (const c of BUILTIN_CLAIMS) expect(c.negativeControl.description.length).toBeGreaterThan(10);
  });

  it('loads user claims from a TypeScript module (default and named exports, once each)', async () => {
    const loaded = await loadClaimsFile(join(examples, 'falseClaim.ts'));
    expect(loaded.map((l) => l.claim.id)).toEqual(['example.quadratic.monotone-below-3-over-lambda']);
    const all = withUserClaims(loaded);
    expect(all.at(-1)?.id).toBe('example.quadratic.monotone-below-3-over-lambda');
    expect(() => withUserClaims([...loaded, ...loaded])).toThrow(/already defined in .*falseClaim\.ts/);
    expect(() => withUserClaims([{ claim: BUILTIN_CLAIMS[0], file: 'mine.ts' }])).toThrow(
      /mine\.ts: claim "classical.quadratic.monotone-below-edge" is already defined in the built-in catalog/,
    );
  });

  it('refuses files that are missing, broken, or export no claim, naming --claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-claims-'));
    writeFileSync(join(dir, 'none.mjs'), 'export const x = 1;\n');
    writeFileSync(join(dir, 'broken.mjs'), 'throw new Error("kaput");\n');
    await expect(loadClaimsFile(join(dir, 'missing.ts'))).rejects.toThrow(/claimsFile: cannot read .*no such file/);
    await expect(loadClaimsFile(join(dir, 'none.mjs'))).rejects.toThrow(/exports no claims/);
    await expect(loadClaimsFile(join(dir, 'broken.mjs'))).rejects.toThrow(/claimsFile: cannot load .*kaput/);
  });
});
