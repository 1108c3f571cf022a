import type { Evidence } from '../claims/claim.js';
import type { ClaimResult, Counterexample } from './runClaim.js';

// A number the check could not measure (NaN, ±∞ after a divergence) prints as '—', never as NaN.
const num = (x: number) => (x === 0 ? '0' : Number.isFinite(x) ? (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(3)) : '—');

/** "code at step t: message (observed …, bound …, margin …)". */
export function formatEvidence(e: Evidence): string {
  const at = e.step !== undefined ? ` at step ${e.step}` : '';
  return `${e.code}${at}: ${e.message} (observed ${num(e.observed)}, bound ${num(e.bound)}, margin ${num(e.margin)}, ${e.precision})`;
}

/** "f64 ✗ → dec:40 ✗ → dec:80 ✗" from the rungs' evidence (✗ failed, ✓ held, ? undecided). */
export function formatLadder(ladder: readonly Evidence[] | undefined, final: Evidence): string {
  const rungs = ladder ?? [final];
  return rungs.map((e) => `${e.precision} ${e.margin < 0 ? '✗' : e.margin >= 0 ? '✓' : '?'}`).join(' → ');
}

/**
 * The failure report of a claim, fast-check style: how often it failed, the copy-paste replay
 * parameters, the shrunk counterexample, the evidence, the precision ladder it was confirmed on,
 * the fixture file and numbered hints (replay command, re-run command).
 */
export function formatFailure(
  r: ClaimResult, run: { readonly seed: number; readonly runs: number }, claimsFiles: readonly string[] = [],
): string {
  // A user claim is known only to a command that loads its file again.
  const load = claimsFiles.map((f) => ` --claims ${f}`).join('');
  const cx: Counterexample | undefined = r.counterexamples[0];
  const c = r.row.instances;
  const total = c.holds + c.violated + c.artifact + c.inconclusive + c.diverged;
  // The claim's own run count (a costly claim may run fewer than the run's default).
  const runs = r.row.runs;
  const lines = [`Claim ${r.row.id} violated on ${c.violated} of ${total} instance(s) (seed ${run.seed}, ${runs} runs)`];
  if (cx === undefined) {
    lines.push(r.row.kind === 'statistical'
      ? `Held on ${c.holds + c.artifact} of ${r.row.exercised} exercised instances, below the required fraction ${r.row.minHoldFraction ?? 0.8}`
      : 'No counterexample was recorded.');
    return lines.join('\n');
  }
  if (cx.source === 'fixture') lines.push(`Replayed fixture ${cx.file ?? ''} (recorded with seed ${cx.seed ?? 'none'}, path "${cx.path ?? ''}")`);
  else lines.push(`{ seed: ${cx.seed}, path: "${cx.path}", endOnFailure: true }`);
  lines.push(`Counterexample: ${JSON.stringify(cx.instance)}`);
  lines.push(`Shrunk ${cx.shrinks} time(s)`);
  lines.push(`Evidence: ${formatEvidence(cx.verdict.evidence)}`);
  lines.push(`Precision ladder: ${formatLadder(cx.verdict.ladder, cx.verdict.evidence)} (violated at ${cx.verdict.evidence.precision})`);
  if (cx.file !== undefined) lines.push(`Fixture: ${cx.file}`);
  const hints: string[] = [];
  if (cx.file !== undefined) hints.push(`replay it with \`eoscheck replay ${cx.file}${load}\` (add --precision f64 to see the float64 evaluation alone)`);
  hints.push(`re-run this claim alone with \`eoscheck check ${r.row.id} --seed ${run.seed} --runs ${runs}${load}\``);
  if (cx.source === 'generated') hints.push(`the path's first number is the run index; each run draws from seedFor(seed, "${r.row.id}", run)`);
  lines.push(...hints.map((h, i) => `Hint (${i + 1}): ${h}`));
  return lines.join('\n');
}
