import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../test-support/filesUnder.js';
import { claimsExportedBy } from './claimsExportedBy.js';

describe('the catalog groups (CATALOG_GROUPS)', () => {
  it('holds every claim a module of src/claims exports, each in the group of its paper', async () => {
    // Imported here, not at the top: the catalog is module-level data, and a test that loads it itself is one a mutation run
    // re-runs against a changed catalog (a module loaded before the tests would be left as it was).
    const { BUILTIN_CLAIMS, CATALOG_GROUPS } = await import('./registry.js');
    const exported = new Set<string>();
    for (const f of filesUnder(import.meta.dirname, (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      for (const c of claimsExportedBy((await import(pathToFileURL(f).href)) as Record<string, unknown>)) exported.add(c.id);
    }
    expect([...exported].sort()).toEqual(BUILTIN_CLAIMS.map((c) => c.id).sort());
    const prefixes: Record<string, string> = {
      Classical: 'classical.',
      Damian: 'damian.',
      Arora: 'arora.',
      'Wang, Roberts': 'wr.',
      'Wang, Xu': 'wxzt.',
      Cohen: 'cohen.',
      Kreisler: 'kreisler.',
      Even: 'even.',
      Lewkowycz: 'lewkowycz.',
      Agarwala: 'agarwala.',
      Chen: 'chen.',
      Zhu: 'zhu.',
      'Closed-form oracles': 'oracle.',
    };
    expect(CATALOG_GROUPS.map((g) => Object.keys(prefixes).find((k) => g.title.startsWith(k)))).toEqual(Object.keys(prefixes));
    for (const g of CATALOG_GROUPS) {
      const prefix = prefixes[Object.keys(prefixes).find((k) => g.title.startsWith(k)) ?? ''];
      expect(g.claims.length, g.title).toBeGreaterThan(0);
      expect(
        g.claims.filter((c) => !c.id.startsWith(prefix)).map((c) => c.id),
        g.title,
      ).toEqual([]);
    }
    // The networks the self-stabilization, normalized-GD and rotation papers are about; Wang–Roberts and Cohen et al. add the
    // quadratic (depth 1, and the thresholds' derivation); the other papers are checked on their own models only.
    const networks = ['two-layer', 'mlp', 'mlp-f64', 'deep-linear', 'deep-scalar', 'diagonal-linear', 'matrix-factorization'];
    expect(Object.fromEntries(CATALOG_GROUPS.filter((g) => g.paperModels !== undefined).map((g) => [g.title.split(':')[0], g.paperModels]))).toEqual({
      'Damian, Nichani, Lee': networks,
      'Arora, Li, Panigrahi': networks,
      'Wang, Roberts': [...networks, 'quadratic'],
      'Cohen et al.': [...networks, 'quadratic'],
    });
  });
});
