import type { TraceJson } from '../../dynamics/traceJson.js';

/** CSV of the scalar columns of a trace: t, loss, sharpness, gradNorm, other scalar fields, then θ. */
export function traceCsv(j: TraceJson): string {
  const keys: string[] = [];
  for (const row of j.steps) {
    for (const [k, v] of Object.entries(row)) {
      if (k !== 't' && k !== 'theta' && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null) && !keys.includes(k))
        keys.push(k);
    }
  }
  const dim = j.steps[0]?.theta.length ?? 0;
  const header = ['t', ...keys, ...Array.from({ length: dim }, (_, i) => `theta${i + 1}`)];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = [header.join(',')];
  for (const row of j.steps) lines.push([row.t, ...keys.map((k) => cell(row[k])), ...row.theta].map(cell).join(','));
  return lines.join('\n') + '\n';
}
