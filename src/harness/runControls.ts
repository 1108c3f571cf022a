import type { Claim } from '../claims/claim.js';
import type { Counts } from './report.js';
import { runClaim, type StopFlag } from './runClaim.js';

/** Negative-control instances per claim unless the run fixes them (a control needs one violation). */
export const CONTROL_RUNS = 10;

export interface ControlRow {
  readonly id: string;
  readonly description: string;
  readonly runs: number;
  readonly instances: Counts;
  /**
   * The check failed where it must: some control instance is violated (for a statistical claim,
   * the claim's own statistic fails too). A control that is not flagged means the check cannot fail.
   */
  readonly flagged: boolean;
}

export interface RunControlsOptions {
  readonly seed: number;
  /** Instances per control (default CONTROL_RUNS). */
  readonly runs?: number;
  readonly budget?: number;
  readonly stop?: StopFlag;
  readonly onProgress?: (claim: Claim, index: number, done: number, total: number) => void;
}

/** Runs each claim's negative control (seed namespace "control", no fixtures, nothing stored). */
export async function runControls(claims: readonly Claim[], o: RunControlsOptions): Promise<ControlRow[]> {
  const rows: ControlRow[] = [];
  const runs = o.runs ?? CONTROL_RUNS;
  for (const [i, claim] of claims.entries()) {
    if (o.stop?.requested === true) break;
    const r = await runClaim(claim, {
      seed: o.seed,
      runs,
      mode: 'control',
      ...(o.budget !== undefined ? { budget: o.budget } : {}),
      ...(o.stop !== undefined ? { stop: o.stop } : {}),
      onProgress: (done, total) => o.onProgress?.(claim, i, done, total),
    });
    const flagged = r.row.instances.violated > 0 && (claim.kind !== 'statistical' || r.row.verdict === 'violated');
    rows.push({ id: claim.id, description: claim.negativeControl.description, runs, instances: r.row.instances, flagged });
  }
  return rows;
}

/** The controls as a Markdown table and a one-line summary. */
export function controlsMarkdown(rows: readonly ControlRow[], seed: number): string {
  const out = [`## eoscheck check --controls: seed ${seed}`, '', '| claim | control | runs | violated | verdict |', '|---|---|--:|--:|---|'];
  for (const r of rows) {
    out.push(
      `| \`${r.id}\` | ${r.description.replace(/\|/g, '\\|')} | ${r.runs} | ${r.instances.violated} | ${r.flagged ? '✅ flagged' : '❌ NOT flagged: the check never failed'} |`,
    );
  }
  const missed = rows.filter((r) => !r.flagged).length;
  out.push('', `**${rows.length} control(s): ${rows.length - missed} flagged, ${missed} not flagged.**`, '');
  return out.join('\n');
}
