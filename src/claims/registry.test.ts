import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
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
