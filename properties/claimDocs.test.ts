import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';

/**
 * The claim documentation in docs/claims/ covers the whole catalog: every built-in claim has a
 * section headed by its id in backticks on one of the per-paper pages, no section documents a
 * claim the catalog does not have, and every page the index links to exists.
 */
const docsDir = join(import.meta.dirname, '..', 'docs', 'claims');
const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md');
const sections = new Map<string, string[]>();
for (const page of pages) {
  const text = readFileSync(join(docsDir, page), 'utf8');
  for (const m of text.matchAll(/^## `([^`]+)`\s*$/gm)) sections.set(m[1], [...(sections.get(m[1]) ?? []), page]);
}

describe('claim documentation (docs/claims/)', () => {
  it('has a section "## `<id>`" for every built-in claim', () => {
    const missing = BUILTIN_CLAIMS.map((c) => c.id).filter((id) => !sections.has(id));
    expect(missing).toEqual([]);
  });

  it('says for every claim why it can fail (no claim may follow from its own hypotheses)', () => {
    const texts = new Map(pages.map((p) => [p, readFileSync(join(docsDir, p), 'utf8')]));
    const without = BUILTIN_CLAIMS.map((c) => c.id).filter((id) => {
      const page = texts.get(sections.get(id)?.[0] ?? '') ?? '';
      const start = page.indexOf(`## \`${id}\``);
      const next = page.indexOf('\n## ', start + 1);
      return !/\*\*Why it can fail\b/.test(page.slice(start, next < 0 ? undefined : next));
    });
    expect(without).toEqual([]);
  });

  it('documents each claim once, and no claim outside the catalog', () => {
    const known = new Set(BUILTIN_CLAIMS.map((c) => c.id));
    expect([...sections.keys()].filter((id) => !known.has(id))).toEqual([]);
    expect([...sections].filter(([, where]) => where.length > 1)).toEqual([]);
  });

  it('links from its index to pages that exist, and the index links every page', () => {
    const index = readFileSync(join(docsDir, 'README.md'), 'utf8');
    const links = [...index.matchAll(/\]\(([^)#\s]+\.md)(#[^)]*)?\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !existsSync(join(docsDir, l)))).toEqual([]);
    expect(pages.filter((p) => !links.includes(p))).toEqual([]);
  });

  it('refers to no design notes a reader of the repository does not have', () => {
    const offending = [...pages, 'README.md'].filter((p) => /claims\.md|architecture §/.test(readFileSync(join(docsDir, p), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('is linked from the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain('(docs/claims/README.md)');
  });
});
