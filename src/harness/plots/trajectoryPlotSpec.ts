import type { TopLevelSpec } from 'vega-lite';

/** What a trajectory plot shows: one value per recorded step (null or non-finite where there is none). */
export interface TrajectoryPlotInput {
  readonly title: string;
  readonly t: readonly number[];
  readonly loss: readonly (number | null)[];
  readonly sharpness: readonly (number | null)[];
  /** The stability threshold to draw on the sharpness panel (2/η for GD); omitted for rules without one. */
  readonly threshold?: number;
  readonly thresholdLabel?: string;
  readonly events: readonly { readonly t: number; readonly kind: string }[];
  /** Rotation angle of the top eigenvector between recorded steps (radians): a third panel when given. */
  readonly rotationAngle?: readonly (number | null)[];
  /** Distance to the reference trajectory: a last panel when given, titled with `referenceLabel`. */
  readonly referenceDistance?: readonly (number | null)[];
  readonly referenceLabel?: string;
}

/** Plot geometry (px). */
const WIDTH = 720;
const PANEL_HEIGHT = 190;
/** Event labels drawn on the loss panel, at most (every event still gets its rule). */
const MAX_EVENT_LABELS = 12;
/** Event rules drawn, at most (an EoS run can cross the edge every other step). */
const MAX_EVENT_RULES = 200;

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Compact numbers for labels: 3 significant digits, exponent form outside [1e-3, 1e4). */
export function formatTick(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(2) : Number(x.toPrecision(3)).toString();
}

/** True when a log axis can show the series: every finite value is positive and there is one. */
export function logScaleFits(ys: readonly (number | null)[]): boolean {
  const vals = ys.filter(finite);
  return vals.length > 0 && vals.every((v) => v > 0);
}

type Row = Record<string, number | null | string>;

function xEncoding(domain: [number, number], title: boolean) {
  return { field: 't', type: 'quantitative' as const, scale: { domain, nice: false, zero: false }, axis: title ? { title: 'step' } : { title: null } };
}

function linePanel(
  rows: Row[],
  field: string,
  yTitle: string,
  color: string,
  log: boolean,
  domain: [number, number],
  xTitle: boolean,
  extra: object[],
): object {
  return {
    width: WIDTH,
    height: PANEL_HEIGHT,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', color, strokeWidth: 1.4, clip: true },
        encoding: {
          x: xEncoding(domain, xTitle),
          y: { field, type: 'quantitative', title: yTitle, scale: log ? { type: 'log' } : { zero: false } },
        },
      },
      ...extra,
    ],
  };
}

/**
 * A Vega-Lite spec of a trajectory: loss (log scale when every loss is positive, linear otherwise —
 * models unbounded below, like cubic-toy, have negative losses), sharpness with the threshold line
 * labelled, events as dashed rules (labelled on the loss panel), and, when given, the rotation angle
 * of the top eigenvector and the distance to a reference trajectory. Missing or non-finite values
 * break the lines rather than being drawn through. The spec holds the data inline, so it is a pure
 * function of the input (deterministic, no file or network access).
 */
export function trajectoryPlotSpec(input: TrajectoryPlotInput): TopLevelSpec {
  const n = input.t.length;
  const tmin = n > 0 ? input.t[0] : 0;
  const tmax = n > 1 ? input.t[n - 1] : tmin + 1;
  const domain: [number, number] = [tmin, tmax > tmin ? tmax : tmin + 1];
  const logLoss = logScaleFits(input.loss);
  const clean = (v: number | null | undefined, log = false): number | null => (finite(v) && (!log || v > 0) ? v : null);
  const rows: Row[] = input.t.map((t, i) => ({
    t,
    loss: clean(input.loss[i], logLoss),
    sharpness: clean(input.sharpness[i]),
    ...(input.rotationAngle !== undefined ? { rotationAngle: clean(input.rotationAngle[i]) } : {}),
    ...(input.referenceDistance !== undefined ? { referenceDistance: clean(input.referenceDistance[i], logScaleFits(input.referenceDistance)) } : {}),
  }));
  const events = input.events.filter((e) => finite(e.t) && e.t >= domain[0] && e.t <= domain[1]).slice(0, MAX_EVENT_RULES);
  const eventRule = (xTitle: boolean) => ({
    data: { values: events.map((e) => ({ t: e.t, kind: e.kind })) },
    mark: { type: 'rule', color: '#c77', strokeDash: [2, 3], strokeWidth: 1 },
    encoding: { x: xEncoding(domain, xTitle) },
  });
  // Staggered over three rows, so labels of nearby events do not overprint.
  const labelled = events.slice(0, MAX_EVENT_LABELS).map((e, i) => ({ t: e.t, kind: e.kind, py: 3 + 13 * (i % 3) }));
  const eventLabels = {
    data: { values: labelled },
    mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, fontSize: 10, color: '#a55' },
    encoding: {
      x: xEncoding(domain, false),
      y: { field: 'py', type: 'quantitative', scale: null },
      text: { field: 'kind', type: 'nominal' },
    },
  };
  const lastPanel = input.referenceDistance !== undefined ? 'reference' : input.rotationAngle !== undefined ? 'rotation' : 'sharpness';
  const lossExtra: object[] = events.length > 0 ? [eventRule(false), eventLabels] : [];
  const panels: object[] = [linePanel(rows, 'loss', logLoss ? 'loss (log scale)' : 'loss', '#1f77b4', logLoss, domain, false, lossExtra)];
  const thr = input.threshold !== undefined && Number.isFinite(input.threshold) ? input.threshold : undefined;
  const sharpExtra: object[] = events.length > 0 ? [eventRule(lastPanel === 'sharpness')] : [];
  if (thr !== undefined) {
    const label = input.thresholdLabel ?? `2/η = ${formatTick(thr)}`;
    sharpExtra.push(
      {
        data: { values: [{ y: thr }] },
        mark: { type: 'rule', color: '#d62728', strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values: [{ y: thr, label }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fontSize: 12, color: '#d62728' },
        encoding: { x: { value: WIDTH - 4 }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  panels.push(linePanel(rows, 'sharpness', 'sharpness S(θ)', '#2ca02c', false, domain, lastPanel === 'sharpness', sharpExtra));
  if (input.rotationAngle !== undefined) {
    panels.push(
      linePanel(
        rows,
        'rotationAngle',
        'rotation angle (rad)',
        '#9467bd',
        false,
        domain,
        lastPanel === 'rotation',
        events.length > 0 ? [eventRule(lastPanel === 'rotation')] : [],
      ),
    );
  }
  if (input.referenceDistance !== undefined) {
    const log = logScaleFits(input.referenceDistance);
    panels.push(
      linePanel(
        rows,
        'referenceDistance',
        `${input.referenceLabel ?? 'distance to reference'}${log ? ' (log)' : ''}`,
        '#ff7f0e',
        log,
        domain,
        true,
        events.length > 0 ? [eventRule(true)] : [],
      ),
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, fontSize: 14 },
    background: 'white',
    padding: 8,
    config: { font: 'sans-serif', view: { stroke: '#444' }, axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' } },
    vconcat: panels,
    spacing: 18,
  } as TopLevelSpec;
}
