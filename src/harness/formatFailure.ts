import type { Certificate, Evidence } from '../claims/claim.js';
import type { ClaimResult, Counterexample } from './runClaim.js';
import { exercisedOf } from './report.js';
import { shellWord } from './shellWord.js';
import { shortNumbers } from './shortNumbers.js';

// A number the check could not measure (NaN, ±∞ after a divergence) prints as '—', never as NaN.
const num = (x: number) =>
  x === 0 ? '0' : Number.isFinite(x) ? (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(3)) : '—';

/** "code at step t: message (observed …, bound …, margin …)", numbers to significant digits. */
export function formatEvidence(e: Evidence): string {
  const at = e.step !== undefined ? ` at step ${e.step}` : '';
  return `${e.code}${at}: ${shortNumbers(e.message)} (observed ${num(e.observed)}, bound ${num(e.bound)}, margin ${num(e.margin)}, ${e.precision})`;
}

/** "margin ∈ [a, b] at interval:160": how a verdict was certified. */
export function formatCertificate(c: Certificate): string {
  const n = (x: number) => (x === 0 ? '0' : x.toExponential(3));
  return `margin ∈ [${n(c.margin.lo)}, ${n(c.margin.hi)}] at ${c.precision}`;
}

/**
 * "f64 ? → dec:40 ✗ → dec:80 ✗ → interval:40 ✗" from the rungs' evidence (✗ failed, ✓ held,
 * ? decided nothing: an `uncertain` rung, a margin within its allowance, or no number), and the
 * certificate's rung when there is one.
 */
export function formatLadder(ladder: readonly Evidence[] | undefined, final: Evidence, certificate?: Certificate): string {
  const rungs = (ladder ?? [final]).map((e) => `${e.precision} ${e.undecided === true ? '?' : e.margin < 0 ? '✗' : e.margin >= 0 ? '✓' : '?'}`);
  if (certificate !== undefined && !rungs.some((r) => r.startsWith(`${certificate.precision} `))) {
    rungs.push(`${certificate.precision} ${certificate.margin.hi < 0 ? '✗' : '✓'}`);
  }
  return rungs.join(' → ');
}

/**
 * The failure report of a claim, fast-check style: how often it failed, the copy-paste replay
 * parameters, the shrunk counterexample, the evidence, the precision ladder it was confirmed on,
 * the fixture file and numbered hints (replay command, re-run command).
 */
export function formatFailure(r: ClaimResult, run: { readonly seed: number; readonly runs: number }, claimsFiles: readonly string[] = []): string {
  // A user claim is known only to a command that loads its file again.
  const load = claimsFiles.map((f) => ` --claims ${shellWord(f)}`).join('');
  const cx: Counterexample | undefined = r.counterexamples[0];
  const c = r.row.instances;
  const total = c.holds + c.violated + c.artifact + c.inconclusive + c.diverged + (c.error ?? 0);
  // The claim's own run count (a costly claim may run fewer than the run's default).
  const runs = r.row.runs;
  const lines = [`Claim ${r.row.id} violated on ${c.violated} of ${total} instance(s) (seed ${run.seed}, ${runs} runs)`];
  if (cx === undefined) {
    lines.push(
      r.row.kind === 'statistical'
        ? `Held on ${c.holds + c.artifact} of ${exercisedOf(c)} exercised instances${r.row.holdFraction !== undefined ? ` (95% interval [${r.row.holdFraction.lo.toFixed(3)}, ${r.row.holdFraction.hi.toFixed(3)}])` : ''}, below the required fraction ${r.row.minHoldFraction ?? 0.8}`
        : 'No counterexample was recorded.',
    );
    return lines.join('\n');
  }
  if (cx.source === 'fixture') lines.push(`Replayed fixture ${cx.file ?? ''} (recorded with seed ${cx.seed ?? 'none'}, path "${cx.path ?? ''}")`);
  else lines.push(`{ seed: ${cx.seed}, path: "${cx.path}", endOnFailure: true }`);
  lines.push(`Counterexample: ${JSON.stringify(cx.instance)}`);
  lines.push(`Shrunk ${cx.shrinks} time(s)`);
  lines.push(`Evidence: ${formatEvidence(cx.verdict.evidence)}`);
  const cert = cx.verdict.certificate;
  lines.push(`Precision ladder: ${formatLadder(cx.verdict.ladder, cx.verdict.evidence, cert)} (violated at ${cx.verdict.evidence.precision})`);
  lines.push(cert !== undefined ? `Certified: ${formatCertificate(cert)}` : 'Not certified (a negative control or a statistical instance)');
  if (cx.file !== undefined) lines.push(`Fixture: ${cx.file}`);
  const hints: string[] = [];
  if (cx.file !== undefined)
    hints.push(`replay it with \`npx eoscheck replay ${shellWord(cx.file)}${load}\` (add --precision f64 to see the float64 evaluation alone)`);
  hints.push(`re-run this claim alone with \`npx eoscheck check ${r.row.id} --seed ${run.seed} --runs ${runs}${load}\``);
  if (cx.source === 'generated') hints.push(`the path's first number is the run index; each run draws from seedFor(seed, "${r.row.id}", run)`);
  lines.push(...hints.map((h, i) => `Hint (${i + 1}): ${h}`));
  return lines.join('\n');
}
