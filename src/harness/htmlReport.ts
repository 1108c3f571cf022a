import type { Claim, Instance } from '../claims/claim.js';
import type { ClosestCall } from './closestCalls.js';
import type { Fixture } from './fixture.js';
import { formatCertificate } from './formatFailure.js';
import { instanceTrajectory } from './plots/instanceTrajectory.js';
import { plotInputFromTrace } from './plots/plotInputFromTrace.js';
import { trajectoryPlot } from './plots/trajectoryPlot.js';
import { shellWord } from './shellWord.js';
import { COUNT_KEYS, formatHoldFraction, type CheckReport, type Counts } from './report.js';

/** A counterexample file named by a report, read back (or why it could not be). */
export interface ReportCounterexample {
  /** The path as the report lists it. */
  readonly file: string;
  readonly fixture?: Fixture;
  readonly error?: string;
}

export interface HtmlReportInput {
  readonly report: CheckReport;
  /** What the report was made from, shown in the header (e.g. the results file's name). */
  readonly source: string;
  /** Claims known to this run (built-in and `--claims`): their titles, citations and statements. */
  readonly claims: readonly Claim[];
  /** The counterexamples of each claim, keyed by claim id, in the report's order. */
  readonly counterexamples: ReadonlyMap<string, readonly ReportCounterexample[]>;
  /** `--claims` files, repeated in the replay commands. */
  readonly claimsFiles: readonly string[];
  /** Per claim, the held instance with the smallest margin and all margins (from the run itself). */
  readonly closestCalls?: ReadonlyMap<string, ClosestCall>;
}

/**
 * Counterexample panels (evidence, replay command, plot) per claim, simplest first: a long hunt can
 * store hundreds for one claim, and the simplest few say what the rest do. The others are counted
 * and listed by file, so each can still be replayed.
 */
export const PANELS_PER_CLAIM = 5;

/** Panels with plots over the whole page, at most (a plot is tens of kilobytes of SVG). */
export const MAX_PANELS = 60;

const VERDICTS = COUNT_KEYS;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 16px 24px 48px; color: #222; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; } h3 { font-size: 15px; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { border: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font: 12px/1.4 ui-monospace, monospace; } pre { background: #f7f7f7; border: 1px solid #e4e4e4; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.v-holds { color: #17692c; } .v-violated { color: #b3001b; font-weight: bold; } .v-artifact { color: #8a5a00; } .v-inconclusive, .v-diverged, .v-partial, .v-interrupted { color: #555; } .v-error { color: #6a1b9a; font-weight: bold; }
section.cx { border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; margin: 16px 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; } dt { color: #555; } dd { margin: 0; }
figure.plot { margin: 8px 0; overflow-x: auto; } figure.plot svg { max-width: 100%; height: auto; } figcaption { color: #555; font-size: 12px; }
p.no-plot { color: #555; font-style: italic; } .muted { color: #666; } ul.more { columns: 2; font-size: 12px; }
`;

function countsCells(c: Counts): string {
  return VERDICTS.map((k) => `<td class="n">${c[k] ?? 0}</td>`).join('');
}

function citation(claim: Claim | undefined): string {
  if (claim === undefined) return '<span class="muted">claim not loaded (pass its --claims file)</span>';
  const c = claim.citation;
  return `${esc(c.paper)}, ${esc(c.where)}${c.recalled === true ? ' <span class="muted">[R] recalled</span>' : ''}`;
}

/** An object with one top-level key per line, each value on one line (instances are small but deep). */
function compactJson(o: object): string {
  const lines = Object.entries(o).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n}`;
}

function replayCommand(file: string, claimsFiles: readonly string[]): string {
  return ['npx eoscheck replay', shellWord(file), ...claimsFiles.map((f) => `--claims ${shellWord(f)}`)].join(' ');
}

function evidenceList(fx: Fixture): string {
  const rows: [string, string][] = [
    ['verdict', `<span class="v-${esc(fx.verdict)}">${esc(fx.verdict)}</span> at ${esc(fx.precision)}`],
    [
      'certified',
      fx.certificate !== undefined
        ? `certified: ${esc(formatCertificate(fx.certificate))}`
        : '<span class="muted">not certified (recorded before certification, or by hand)</span>',
    ],
    ...(fx.code !== undefined ? [['code', `<code>${esc(fx.code)}</code>`] as [string, string]] : []),
    ...(fx.message !== undefined ? [['evidence', esc(fx.message)] as [string, string]] : []),
    ['observed', esc(String(fx.observed))],
    ['bound', esc(String(fx.bound))],
    ['margin', esc(String(fx.margin))],
    ...(fx.step !== undefined ? [['step', String(fx.step)] as [string, string]] : []),
    ['seed · path', fx.seed === null ? '<span class="muted">written by hand</span>' : `${fx.seed} · <code>${esc(fx.path ?? '')}</code>`],
    ['shrinks', String(fx.shrinks)],
    ...(fx.why !== undefined ? [['why', esc(fx.why)] as [string, string]] : []),
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

async function plotOf(fx: Fixture, idPrefix: string): Promise<string> {
  return plotOfInstance(fx.claim, fx.instance, fx, idPrefix);
}

async function plotOfInstance(claimId: string, instance: Instance, fx: { readonly code?: string; readonly step?: number }, idPrefix: string): Promise<string> {
  const run = instanceTrajectory(claimId, instance);
  if (run.kind === 'none') return `<p class="no-plot">No plot: ${esc(run.reason)}. The evidence above is all there is.</p>`;
  const { plan, trace } = run;
  const title = `${trace.model} · ${trace.optimizer} · η = ${String(trace.lr)} · f64${trace.diverged ? ' · diverged' : ''}`;
  const svg = await trajectoryPlot(plotInputFromTrace(trace, title, fx), idPrefix);
  const caption = [
    `Re-run in float64 through src/dynamics: ${plan.optimizer.id}${plan.optimizer.beta !== undefined ? ` (β = ${plan.optimizer.beta})` : ''}, ${plan.steps} steps`,
    plan.instanceSteps !== undefined && plan.instanceSteps !== plan.steps
      ? ` (the instance runs ${plan.instanceSteps})`
      : plan.instanceSteps === undefined
        ? ' (the instance does not say how many)'
        : '',
    plan.every > 1 ? `, every ${plan.every}th step drawn` : '',
    plan.reference !== undefined ? `, reference trajectory ${plan.reference}` : '',
    trace.diverged ? '; the run diverged' : '',
    '. Loss above (log scale when positive), sharpness below with the stability threshold; dashed rules mark events.',
  ].join('');
  return `<figure class="plot">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

const num = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(3));

/** The margins as a row of bars (a histogram of BINS bins from the smallest to the largest), inline SVG. */
function marginHistogram(margins: readonly number[]): string {
  const BINS = 24;
  const lo = margins[0];
  const hi = margins[margins.length - 1];
  const counts = new Array<number>(BINS).fill(0);
  for (const m of margins) counts[hi > lo ? Math.min(BINS - 1, Math.floor(((m - lo) / (hi - lo)) * BINS)) : 0]++;
  const top = Math.max(...counts);
  const bars = counts
    .map((c, i) => `<rect x="${i * 10}" y="${40 - Math.round((c / top) * 40)}" width="9" height="${Math.round((c / top) * 40)}" fill="#4c78a8"/>`)
    .join('');
  return `<svg class="margins" xmlns="http://www.w3.org/2000/svg" width="${BINS * 10}" height="40" viewBox="0 0 ${BINS * 10} 40" role="img" aria-label="margins from ${num(lo)} to ${num(hi)}">${bars}</svg>`;
}

/**
 * One section per claim that held with a closest call: its evidence, instance, margins and
 * trajectory plot. Not capped: there is at most one per claim, and each claim should show one.
 */
async function closestSections(input: HtmlReportInput, byId: ReadonlyMap<string, Claim>): Promise<string[]> {
  const out: string[] = [];
  for (const r of input.report.claims) {
    const cc = input.closestCalls?.get(r.id);
    if (cc === undefined || (r.verdict !== 'holds' && r.verdict !== 'artifact')) continue;
    const m = cc.margins;
    const q = (f: number) => m[Math.min(m.length - 1, Math.floor(f * (m.length - 1)))];
    const claim = byId.get(r.id);
    const anchor = `closest-${out.length + 1}`;
    out.push(
      `<section class="cx closest" id="${anchor}"><h3><a href="#claim-${esc(r.id)}"><code>${esc(r.id)}</code></a> · closest call</h3>` +
        (claim !== undefined ? `<p>${esc(claim.statement)}</p>` : '') +
        `<dl><dt>smallest margin</dt><dd>${num(cc.evidence.margin)} <span class="muted">(observed ${num(cc.evidence.observed)}, bound ${num(cc.evidence.bound)}, ${esc(cc.evidence.precision)})</span></dd>` +
        `<dt>evidence</dt><dd><code>${esc(cc.evidence.code)}</code>: ${esc(cc.evidence.message)}</dd>` +
        `<dt>margins</dt><dd>${m.length} instance(s): min ${num(m[0])}, 10% ${num(q(0.1))}, median ${num(q(0.5))}, 90% ${num(q(0.9))}, max ${num(m[m.length - 1])}<br>${marginHistogram(m)}</dd></dl>` +
        `<h4>Instance</h4><pre>${esc(compactJson(cc.instance))}</pre>` +
        `${await plotOfInstance(r.id, cc.instance, cc.evidence, `${anchor}-`)}</section>`,
    );
  }
  return out;
}

/**
 * The HTML report of a `check --json` results file: one static, self-contained page (inline CSS
 * and SVG; no script, font, image or stylesheet to fetch, so it opens from file:// offline).
 * A summary table of every claim (verdict, counts per verdict, instances that exercised it out of
 * the runs, citation, counterexample links); then, for every counterexample, a panel with its
 * instance, evidence, replay command and the plot of its trajectory re-run through src/dynamics
 * (or the reason there is none). Deterministic: the same input gives the same bytes (no clock,
 * ids numbered in order).
 */
export async function htmlReport(input: HtmlReportInput): Promise<string> {
  const { report } = input;
  const byId = new Map(input.claims.map((c) => [c.id, c]));
  const tally = { holds: 0, violated: 0, artifact: 0, inconclusive: 0, diverged: 0, error: 0 } as Record<string, number>;
  for (const r of report.claims) tally[r.verdict] = (tally[r.verdict] ?? 0) + 1;

  // Panel ids in report order, so links and the SVGs' ids are stable: each claim's simplest
  // counterexamples get panels (up to the caps), the rest of them one list, after its panels.
  const panels: { claimId: string; cx: ReportCounterexample; anchor: string }[] = [];
  const rests = new Map<string, { anchor: string; cxs: readonly ReportCounterexample[] }>();
  let total = 0;
  for (const r of report.claims) {
    const cxs = input.counterexamples.get(r.id) ?? [];
    total += cxs.length;
    const drawn = Math.max(0, Math.min(PANELS_PER_CLAIM, cxs.length, MAX_PANELS - panels.length));
    for (const cx of cxs.slice(0, drawn)) panels.push({ claimId: r.id, cx, anchor: `cx-${panels.length + 1}` });
    if (cxs.length > drawn) rests.set(r.id, { anchor: `more-${rests.size + 1}`, cxs: cxs.slice(drawn) });
  }

  const rows = report.claims.map((r) => {
    const claim = byId.get(r.id);
    const drawn = panels.filter((p) => p.claimId === r.id);
    const rest = rests.get(r.id);
    const links =
      r.counterexamples.length === 0
        ? '—'
        : [
            ...drawn.map((p, i) => `<a href="#${p.anchor}">#${i + 1}</a>`),
            ...(rest !== undefined ? [`<a href="#${rest.anchor}">+${rest.cxs.length} more</a>`] : []),
          ].join(' ');
    return (
      `<tr id="claim-${esc(r.id)}"><td><code>${esc(r.id)}</code>${claim !== undefined ? `<br><span class="muted">${esc(claim.title)}</span>` : ''}</td>` +
      `<td class="v-${esc(r.verdict)}">${esc(r.verdict)}${r.holdFraction !== undefined ? `<br><span class="muted">${esc(formatHoldFraction(r.holdFraction))}, required ${r.minHoldFraction ?? 0.8}</span>` : ''}</td>${countsCells(r.instances)}` +
      `<td class="n">${r.exercised} of ${r.runs}${r.fixtures > 0 ? ` <span class="muted">(+${r.fixtures} fixture${r.fixtures === 1 ? '' : 's'})</span>` : ''}</td>` +
      `<td>${citation(claim)}</td><td>${links}</td></tr>`
    );
  });

  const sections: string[] = [];
  // Entries are relative to the run's fixtures directory; shown (and replayed) with it in front.
  const pathOf = (file: string) => (report.fixtures !== undefined ? `${report.fixtures.replace(/\/+$/, '')}/${file}` : file);
  const restSection = (claimId: string) => {
    const rest = rests.get(claimId);
    if (rest === undefined) return;
    const items = rest.cxs.map(
      (c) =>
        `<li><code>${esc(pathOf(c.file))}</code>${c.fixture === undefined ? ` <span class="muted">(could not be read: ${esc(c.error ?? 'unknown error')})</span>` : ''}</li>`,
    );
    sections.push(
      `<section class="cx more" id="${rest.anchor}"><h3><a href="#claim-${esc(claimId)}"><code>${esc(claimId)}</code></a> · ${rest.cxs.length} more counterexample(s), not drawn</h3>` +
        `<p class="muted">Simplest first, after the ${panels.filter((p) => p.claimId === claimId).length} above; replay one with <code>${esc(replayCommand('FILE', input.claimsFiles))}</code>.</p>` +
        `<ul class="more">${items.join('')}</ul></section>`,
    );
  };
  for (const [k, p] of panels.entries()) {
    const claim = byId.get(p.claimId);
    const head =
      `<h3><a href="#claim-${esc(p.claimId)}"><code>${esc(p.claimId)}</code></a> · counterexample ${k + 1}</h3>` +
      `<p class="muted">file <code>${esc(pathOf(p.cx.file))}</code></p>` +
      (claim !== undefined ? `<p>${esc(claim.statement)}</p>` : '');
    const fx = p.cx.fixture;
    if (fx === undefined) {
      sections.push(
        `<section class="cx" id="${p.anchor}">${head}<p class="no-plot">The fixture could not be read: ${esc(p.cx.error ?? 'unknown error')}.</p></section>`,
      );
    } else {
      sections.push(
        `<section class="cx" id="${p.anchor}">${head}${evidenceList(fx)}` +
          `<h4>Instance</h4><pre>${esc(compactJson(fx.instance))}</pre>` +
          `<h4>Replay</h4><pre>${esc(replayCommand(pathOf(p.cx.file), input.claimsFiles))}</pre>${await plotOf(fx, `${p.anchor}-`)}</section>`,
      );
    }
    // A claim's list of the rest follows its last panel.
    if (panels[k + 1]?.claimId !== p.claimId) restSection(p.claimId);
  }
  // Claims none of whose counterexamples got a panel (the page's cap was reached): their lists.
  for (const r of report.claims) if (rests.has(r.id) && !panels.some((p) => p.claimId === r.id)) restSection(r.id);

  const closest = await closestSections(input, byId);

  const summary =
    `${report.claims.length} claim(s): ${tally.holds} hold, ${tally.violated} violated, ${tally.artifact} artifact, ${tally.inconclusive} inconclusive` +
    `${tally.diverged > 0 ? `, ${tally.diverged} diverged` : ''}${(tally.error ?? 0) > 0 ? `, ${tally.error} error` : ''}${(tally.partial ?? 0) > 0 ? `, ${tally.partial} partial` : ''}${(tally.interrupted ?? 0) > 0 ? `, ${tally.interrupted} interrupted` : ''} · ${total} counterexample(s)${total > panels.length ? ` (${panels.length} drawn, simplest first; ${total - panels.length} listed)` : ''}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>eoscheck report: ${esc(input.source)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>eoscheck report</h1>`,
    `<p>From <code>${esc(input.source)}</code>: seed ${report.seed}, ${report.runs} runs per claim, shard ${esc(report.shard)}, eoscheck ${esc(report.version)}` +
      `${report.interrupted ? ' · <strong>interrupted: the counts are partial</strong>' : ''}.</p>`,
    `<p><strong>${esc(summary)}</strong></p>`,
    '<h2>Claims</h2>',
    '<table>',
    `<thead><tr><th>claim</th><th>verdict</th>${VERDICTS.map((v) => `<th>${v}</th>`).join('')}<th>exercised</th><th>citation</th><th>counterexamples</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    ...(closest.length > 0
      ? [
          '<h2>Closest calls</h2>',
          '<p>Where a claim held: the instance with the smallest margin (how tight the bound is), its trajectory, and the distribution of the margins.</p>',
          closest.join('\n'),
        ]
      : // A results file records counts, not every instance's margin: say where the closest calls are.
        input.closestCalls === undefined && report.claims.some((r) => r.verdict === 'holds' || r.verdict === 'artifact')
        ? [
            '<h2>Closest calls</h2>',
            '<p class="muted">Not in this page: a results file records each claim\'s counts, not every instance\'s margin. ' +
              '<code>eoscheck check --report DIR</code> draws them from the run itself (the instance with the smallest margin per claim, and the distribution of the margins).</p>',
          ]
        : []),
    '<h2>Counterexamples</h2>',
    total === 0
      ? '<p>None: the results list no counterexample file.</p>'
      : [
          `<p>Each claim's simplest counterexamples (the shortest instance first), at most ${PANELS_PER_CLAIM} per claim and ${MAX_PANELS} in all; the others are listed by file.</p>`,
          ...sections,
        ].join('\n'),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
