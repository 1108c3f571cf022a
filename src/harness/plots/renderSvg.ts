import type { TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to an SVG string in Node: compiled to Vega, then drawn by a headless
 * `View` (`renderer: 'none'`, `toSVG()`); no canvas, no DOM, no network (the spec's data is inline,
 * and the loader is never asked for anything). Text widths are estimated, so the output is the
 * same on every machine.
 *
 * The ids the SVG defines (Vega's clip paths) are renumbered in order of appearance, with
 * `idPrefix` before them: Vega numbers clip paths from a counter shared by every rendering of the
 * process, which would make the bytes depend on what was drawn before, and several SVGs inlined in
 * one HTML page must not share (and steal) each other's ids.
 *
 * vega and vega-lite are loaded on first use (about 0.8 s), so commands that draw nothing do not pay.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix = ''): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return renumberIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/**
 * Renames every id an SVG defines to `${prefix}clip${n}` (n = 1, 2, ... in order of definition) and
 * rewrites the local references to them (`url(#id)`, `href="#id"`).
 */
export function renumberIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!names.has(m[1])) names.set(m[1], `${prefix}clip${names.size + 1}`);
  if (names.size === 0) return svg;
  const rename = (id: string) => names.get(id) ?? id;
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${rename(id)}"`);
}
