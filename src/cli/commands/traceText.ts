import type { TraceJson } from '../../dynamics/traceJson.js';
import { stabilityThreshold, traceNumber } from '../../harness/plots/plotInputFromTrace.js';
import { shortNumbers } from '../../harness/shortNumbers.js';

/** Step fields every trace has; any other scalar field comes from an observer and gets a column. */
const BASE_FIELDS = new Set(['t', 'theta', 'loss', 'sharpness', 'gradNorm', 'edgeMargin']);
/** Rows sampled evenly from a long trace, besides the rows that must be shown. */
const SAMPLED_ROWS = 20;
/** Rows shown for events at most (a long run at the edge crosses it at every other step). */
const EVENT_ROWS = 60;

const cell = (v: unknown, w: number) => {
  const n = traceNumber(v);
  return (n === null ? '—' : n.toPrecision(7)).padStart(w);
};

/**
 * `trace`'s text table: evenly sampled rows plus every row an event happened at, the peak loss and
 * the peak sharpness (so a catapult or an edge crossing is never sampled away), the events named
 * on their rows, and one column per scalar field of the observers asked for with --observe.
 * `edge` is the optimizer's stability threshold (S/edge = 1 at the edge).
 */
export function traceText(j: TraceJson, header: string, fallbackEdge: number): string {
  const edge = stabilityThreshold(j)?.value ?? fallbackEdge;
  const steps = j.steps;
  const extra = [...new Set(steps.flatMap((s) => Object.keys(s)))].filter((k) => !BASE_FIELDS.has(k) && steps.some((s) => traceNumber(s[k]) !== null));
  const eventsAt = new Map<number, string[]>();
  for (const e of j.events) eventsAt.set(e.t, [...(eventsAt.get(e.t) ?? []), e.kind]);
  const peak = (k: string) => {
    let best = -1;
    steps.forEach((s, i) => {
      const v = traceNumber(s[k]);
      if (v !== null && (best < 0 || v > (traceNumber(steps[best][k]) as number))) best = i;
    });
    return best;
  };
  const stride = Math.ceil(steps.length / SAMPLED_ROWS);
  const keep = new Set<number>([peak('loss'), peak('sharpness'), steps.length - 1]);
  let eventRows = 0;
  steps.forEach((s, i) => {
    if (steps.length <= 24 || i % stride === 0) keep.add(i);
    else if (eventsAt.has(s.t) && eventRows < EVENT_ROWS) {
      keep.add(i);
      eventRows++;
    }
  });
  const moreEvents = steps.filter((s, i) => eventsAt.has(s.t) && !keep.has(i)).length;
  keep.delete(-1);
  const lines = [header];
  lines.push(
    [
      't'.padStart(8),
      'loss'.padStart(14),
      'sharpness'.padStart(14),
      'S/edge'.padStart(9),
      '‖∇L‖'.padStart(12),
      ...extra.map((k) => k.padStart(Math.max(12, k.length))),
      ' events',
    ]
      .join('  ')
      .trimEnd(),
  );
  let last = -1;
  for (const i of [...keep].sort((a, b) => a - b)) {
    if (last >= 0 && i > last + 1) lines.push('       ⋮');
    last = i;
    const s = steps[i];
    const S = traceNumber(s.sharpness);
    lines.push(
      [
        String(s.t).padStart(8),
        cell(s.loss, 14),
        cell(s.sharpness, 14),
        (S === null ? '—' : (S / edge).toFixed(4)).padStart(9),
        cell(s.gradNorm, 12),
        ...extra.map((k) => cell(s[k], Math.max(12, k.length))),
        ` ${(eventsAt.get(s.t) ?? []).join(', ')}`,
      ]
        .join('  ')
        .trimEnd(),
    );
  }
  if (moreEvents > 0) lines.push(`       … ${moreEvents} more rows with events (all rows: --json or --csv)`);
  if (j.events.length > 0) {
    lines.push('events:');
    for (const e of j.events.slice(0, 40)) {
      const { t, kind, ...rest } = e;
      // Significant digits only: every digit stays in --json and --csv.
      const detail = shortNumbers(
        Object.entries(rest)
          .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
          .join(' '),
      );
      lines.push(`  step ${t}: ${kind}${detail ? ` (${detail})` : ''}`);
    }
    if (j.events.length > 40) lines.push(`  … ${j.events.length - 40} more`);
  }
  return `${lines.join('\n')}\n`;
}
