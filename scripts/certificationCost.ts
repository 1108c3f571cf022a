/**
 * `tsx scripts/certificationCost.ts [runs] [claim-prefix,...]`: what certifying a counterexample
 * costs. For every built-in claim, the negative control's first `runs` instances (seed 1, default
 * 10) are evaluated, and each violated one is re-run in interval arithmetic exactly as a claim's
 * failure would be (`certify`: interval:40, 80, 160, 320 in turn). Prints, per claim, how many were
 * certified, at which precision, the median and maximum cost (ms, model evaluations), and the
 * reason the first uncertified one was not; then the totals. The figures in README, Verdicts and
 * counterexamples come from it.
 */
import type { Claim, Instance } from '../src/claims/claim.js';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';
import { certify, evaluate } from '../src/harness/evaluate.js';
import { generateInstance } from '../src/harness/generateInstance.js';

const [runsText, prefix] = process.argv.slice(2);
const runs = Number(runsText ?? 10);
const only = (prefix ?? '').split(',').filter((p) => p !== '');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const all: { ms: number; evaluations: number; certified: boolean }[] = [];
for (const claim of BUILTIN_CLAIMS as Claim[]) {
  if (only.length > 0 && !only.some((p) => claim.id.startsWith(p))) continue;
  const rows: { ms: number; evaluations: number; at?: string; reason: string }[] = [];
  for (let k = 0; k < runs; k++) {
    const instance = generateInstance(claim.negativeControl.arbitrary, 1, claim.id, k, 'control').value.value as Instance;
    const v = evaluate(claim, instance, { mode: 'control', onInvalid: 'inconclusive' }).verdict;
    if (v.verdict !== 'violated') continue;
    const t0 = performance.now();
    const c = certify(claim, instance, { mode: 'control', onInvalid: 'inconclusive' });
    const ms = performance.now() - t0;
    rows.push({
      ms,
      evaluations: c.evaluations,
      ...(c.side === 'violated' && c.certificate !== undefined ? { at: c.certificate.precision } : {}),
      reason: c.side === 'holds' ? 'certified to hold' : c.reason,
    });
    all.push({ ms, evaluations: c.evaluations, certified: c.side === 'violated' });
  }
  const ok = rows.filter((r) => r.at !== undefined);
  const at = [...new Set(ok.map((r) => r.at))].join(', ');
  const first = rows.find((r) => r.at === undefined);
  console.log(
    `${claim.id}: ${ok.length}/${rows.length} certified${at !== '' ? ` at ${at}` : ''}; ` +
      `${median(rows.map((r) => r.ms)).toFixed(0)} ms median, ${Math.max(0, ...rows.map((r) => r.ms)).toFixed(0)} ms max, ` +
      `${median(rows.map((r) => r.evaluations))} / ${Math.max(0, ...rows.map((r) => r.evaluations))} evaluations${first !== undefined ? `; not certified: ${first.reason.slice(0, 140)}` : ''}`,
  );
}
const cert = all.filter((r) => r.certified);
console.log(
  `total: ${cert.length} of ${all.length} control counterexamples certified; certified ones cost ${median(cert.map((r) => r.ms)).toFixed(0)} ms median, ` +
    `${Math.max(0, ...cert.map((r) => r.ms)).toFixed(0)} ms max, ${median(cert.map((r) => r.evaluations))} evaluations median, ${Math.max(0, ...cert.map((r) => r.evaluations))} max`,
);
