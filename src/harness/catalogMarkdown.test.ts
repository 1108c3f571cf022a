import { describe, expect, it } from 'vitest';
import { CATALOG_GROUPS } from '../claims/registry.js';
import { catalogMarkdown, verdictText } from './catalogMarkdown.js';
import { zeroCounts } from './report.js';

const group = (title: string) => {
  const g = CATALOG_GROUPS.find((x) => x.title.startsWith(title));
  if (g === undefined) throw new Error(`no group ${title}`);
  return g;
};

describe('catalogMarkdown', () => {
  it("separates a paper's claims on its own models from those on toys, and labels a toy's identities", () => {
    const md = catalogMarkdown([group('Damian')]);
    const paperAt = md.indexOf("On the paper's models:");
    const toyAt = md.indexOf('On toy models');
    expect(paperAt).toBeGreaterThan(0);
    expect(toyAt).toBeGreaterThan(paperAt);
    const paperPart = md.slice(paperAt, toyAt);
    const toyPart = md.slice(toyAt);
    // The two-layer network claims are on the paper's models; the cubic-toy identities are not.
    expect(paperPart).toContain('`damian.two-layer.tracking-order`');
    expect(paperPart).not.toContain('`cubic-toy`');
    expect(toyPart).toContain('| `damian.reduced-map.exact` |');
    expect(toyPart).toMatch(/\| `damian\.reduced-map\.exact` \|[^\n]*\| exact identity of a toy model \|/);
    expect(toyPart).not.toContain('`two-layer`');
  });

  it('keeps one table for a paper checked on its own model only', () => {
    const md = catalogMarkdown([group('Chen')]);
    expect(md).not.toContain("On the paper's models");
    expect(md).not.toContain('On toy models');
    expect(md).toMatch(/\| `chen\.cubic-map\.two-cycle` \|[^\n]*\| exact identity \|/);
  });
});

describe('verdictText', () => {
  it('counts the instances that decided nothing as inconclusive, whatever the reason (hypotheses, a tie, the budget)', () => {
    const claim = group('Classical').claims[0];
    const row = {
      id: claim.id,
      verdict: 'holds' as const,
      kind: claim.kind,
      runs: 100,
      instances: { ...zeroCounts(), holds: 97, inconclusive: 2, diverged: 1 },
      exercised: 97,
      fixtures: 0,
      evaluations: 0,
      counterexamples: [],
      ms: 0,
    };
    expect(verdictText(row, claim)).toBe('holds, 97 of 97 exercised (100 runs; 2 inconclusive, 1 diverged)');
  });
});
