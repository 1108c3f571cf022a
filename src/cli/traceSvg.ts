/**
 * A two-panel SVG of a trajectory: loss (log scale) above, sharpness with the 2/η line below, shared
 * step axis, events marked. Self-contained text (no fonts or scripts to fetch), deterministic for
 * the same input, readable at a glance.
 */
export interface TracePlotInput {
  readonly title: string;
  readonly t: readonly number[];
  readonly loss: readonly number[];
  readonly sharpness: readonly (number | null)[];
  /** The stability threshold to draw (2/η for GD); omitted for optimizers without one. */
  readonly threshold?: number;
  readonly thresholdLabel?: string;
  readonly events: readonly { t: number; kind: string }[];
}

const W = 820;
const PANEL_H = 250;
const M = { left: 78, right: 24, top: 44, gap: 56, bottom: 48 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(1) : Number(x.toPrecision(3)).toString();
}

/** About five round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

interface Panel {
  y0: number;
  ylabel: string;
  ys: (number | null)[];
  log: boolean;
  extra?: number;
  color: string;
  /** Name the event lines (on the top panel only, to keep the plot quiet). */
  labels?: boolean;
}

function panel(p: Panel, t: readonly number[], tx: (t: number) => number, events: TracePlotInput['events'], threshold?: { v: number; label: string }): string {
  const vals = p.ys.filter((v): v is number => v !== null && Number.isFinite(v) && (!p.log || v > 0));
  if (threshold !== undefined) vals.push(threshold.v);
  const parts: string[] = [];
  const x0 = M.left;
  const x1 = W - M.right;
  const y0 = p.y0;
  const y1 = p.y0 + PANEL_H;
  parts.push(`<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${PANEL_H}" fill="#fff" stroke="#444"/>`);
  if (vals.length === 0) {
    parts.push(`<text x="${(x0 + x1) / 2}" y="${(y0 + y1) / 2}" text-anchor="middle" fill="#888">no finite values</text>`);
    return parts.join('\n');
  }
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (p.log) {
    lo = Math.floor(Math.log10(lo));
    hi = Math.ceil(Math.log10(hi));
    if (hi === lo) hi = lo + 1;
  } else {
    const pad = hi > lo ? 0.06 * (hi - lo) : Math.max(Math.abs(hi), 1) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const ty = (v: number) => y1 - ((p.log ? Math.log10(v) : v) - lo) / (hi - lo) * PANEL_H;
  const ticks = p.log
    ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter((_, i, a) => a.length <= 8 || i % Math.ceil(a.length / 8) === 0).map((e) => 10 ** e)
    : niceTicks(lo, hi);
  for (const v of ticks) {
    const y = ty(v).toFixed(1);
    parts.push(`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#eee"/>`);
    parts.push(`<text x="${x0 - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" font-size="11">${esc(p.log ? `1e${Math.round(Math.log10(v))}` : fmt(v))}</text>`);
  }
  for (const e of events) {
    const x = tx(e.t).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y1}" stroke="#c77" stroke-dasharray="2,3"><title>${esc(`${e.kind} at step ${e.t}`)}</title></line>`);
    if (p.labels) parts.push(`<text x="${Number(x) + 3}" y="${y0 + 12}" font-size="10" fill="#a55">${esc(e.kind)}</text>`);
  }
  if (threshold !== undefined) {
    const y = ty(threshold.v).toFixed(1);
    parts.push(`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#d62728" stroke-width="1.5" stroke-dasharray="6,4"/>`);
    parts.push(`<text x="${x1 - 4}" y="${Number(y) - 5}" text-anchor="end" font-size="12" fill="#d62728">${esc(threshold.label)}</text>`);
  }
  // Break the polyline at missing or non-finite values instead of drawing through them.
  let d = '';
  let pen = false;
  p.ys.forEach((v, i) => {
    if (v === null || !Number.isFinite(v) || (p.log && v <= 0)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${tx(t[i]).toFixed(1)},${ty(v).toFixed(1)}`;
    pen = true;
  });
  parts.push(`<path d="${d}" fill="none" stroke="${p.color}" stroke-width="1.4"/>`);
  parts.push(`<text transform="translate(18,${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle" font-size="13">${esc(p.ylabel)}</text>`);
  return parts.join('\n');
}

export function traceSvg(input: TracePlotInput): string {
  const { t } = input;
  const tmin = t.length > 0 ? t[0] : 0;
  const tmax = t.length > 1 ? t[t.length - 1] : tmin + 1;
  const tx = (s: number) => M.left + (s - tmin) / (tmax - tmin || 1) * (W - M.left - M.right);
  const H = M.top + 2 * PANEL_H + M.gap + M.bottom;
  const logLoss = input.loss.every((v) => !Number.isFinite(v) || v > 0);
  const top = M.top;
  const bottom = M.top + PANEL_H + M.gap;
  const xticks = niceTicks(tmin, tmax);
  const axis = xticks.map((s) => {
    const x = tx(s).toFixed(1);
    return `<line x1="${x}" x2="${x}" y1="${bottom + PANEL_H}" y2="${bottom + PANEL_H + 5}" stroke="#444"/>` +
      `<text x="${x}" y="${bottom + PANEL_H + 18}" text-anchor="middle" font-size="11">${fmt(s)}</text>`;
  });
  const thr = input.threshold !== undefined && Number.isFinite(input.threshold)
    ? { v: input.threshold, label: input.thresholdLabel ?? `2/η = ${fmt(input.threshold)}` } : undefined;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#fafafa"/>`,
    `<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${esc(input.title)}</text>`,
    // A log axis only when every finite loss is positive (models unbounded below, like cubic-toy, are not).
    panel({ y0: top, ylabel: logLoss ? 'loss (log scale)' : 'loss', ys: [...input.loss], log: logLoss, color: '#1f77b4', labels: true }, t, tx, input.events),
    panel({ y0: bottom, ylabel: 'sharpness S(θ)', ys: [...input.sharpness], log: false, color: '#2ca02c' }, t, tx, input.events, thr),
    ...axis,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 10}" text-anchor="middle" font-size="13">step</text>`,
    '</svg>',
    '',
  ].join('\n');
}
