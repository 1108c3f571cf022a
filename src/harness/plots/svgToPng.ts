/**
 * Rasterizes an SVG to PNG with resvg (@resvg/resvg-js: a native binary shipped inside the npm
 * package, nothing downloaded at install or run time). Text uses the system's fonts; `scale`
 * multiplies the SVG's own size (2 gives a sharp image on high-density screens).
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}
